// Tables as native a:tbl: one per page, header rows first, merged cells as gridSpan/rowSpan,
// each cell's fill, size, weight and alignment as painted.
#include <algorithm>
#include <cmath>
#include <optional>

#include "renderers/pptx/slide_writer.h"

namespace tenkai::renderers::pptx {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool dark(const std::optional<scene::Color>& fill) {
  return fill && 0.299 * fill->r + 0.587 * fill->g + 0.114 * fill->b < 0.5;
}

// Where the painted lines of a cell break its text: byte offsets into `text` at which a line
// starts that does not start a paragraph (a space at the break stays on the earlier line, so
// the cell's text is unchanged). None when the lines do not spell the text in order.
std::optional<std::vector<size_t>> painted_breaks(const std::string& text,
                                                  std::vector<std::string> lines,
                                                  std::vector<size_t>* starts = nullptr) {
  std::vector<size_t> breaks;
  size_t at = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
    if (starts) starts->push_back(at);
    if (lines[i].empty() || text.compare(at, lines[i].size(), lines[i]) != 0) return std::nullopt;
    if (i > 0 && text[at - 1] != '\n') breaks.push_back(at);
    at += lines[i].size();
  }
  while (at < text.size() && text[at] == ' ') ++at;
  if (at != text.size()) return std::nullopt;
  return breaks;
}

}  // namespace

void SlideWriter::table(const scene::Table& table, const scene::Group& group, scene::Point offset) {
  if (table.cells.empty()) return;
  size_t columns = 0;
  for (const auto& row : table.cells) columns = std::max(columns, row.size());
  if (columns == 0) return;
  std::vector<double> widths = table.column_widths;
  widths.resize(columns, columns ? table.box.width / double(columns) : 0);
  std::vector<double> heights = table.row_heights;
  heights.resize(table.cells.size(),
                 table.cells.empty() ? 0 : table.box.height / double(table.cells.size()));
  // Which cells are covered by a span, and how.
  struct Cover {
    int grid_span = 1, row_span = 1;
    bool h_merge = false, v_merge = false;
  };
  std::vector<std::vector<Cover>> cover(table.cells.size(), std::vector<Cover>(columns));
  for (const auto& span : table.spans) {
    if (span.row < 0 || span.col < 0 || size_t(span.row) >= cover.size() ||
        size_t(span.col) >= columns)
      continue;
    int rows = std::min<int>(span.rows, int(cover.size()) - span.row);
    int cols = std::min<int>(span.cols, int(columns) - span.col);
    cover[span.row][span.col].grid_span = cols;
    cover[span.row][span.col].row_span = rows;
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        if (r == 0 && c == 0) continue;
        if (c > 0) cover[span.row + r][span.col + c].h_merge = true;
        if (r > 0) cover[span.row + r][span.col + c].v_merge = true;
      }
    }
  }
  const std::string font = shared_.options.theme.font_family;
  const scene::Color text = shared_.options.theme.text;
  scene::Rect frame = table.box;
  frame.x += offset.x;
  frame.y += offset.y;
  open_graphic_frame(table.role.empty() ? "Table" : table.role, "", frame,
                     "http://schemas.openxmlformats.org/drawingml/2006/table");
  x_.open("a:tbl");
  x_.leaf("a:tblPr", {{"firstRow", table.header_rows > 0 ? "1" : "0"}, {"bandRow", "0"}});
  x_.open("a:tblGrid");
  for (double w : widths) x_.leaf("a:gridCol", {{"w", std::to_string(emu(w))}});
  x_.close();
  // The painted lines of each cell, top to bottom (segments on one baseline joined left to
  // right), so each cell breaks where the page does: LibreOffice spaces Japanese and digits
  // apart and would otherwise re-wrap some cells onto an extra line.
  std::vector<PlacedLine> placed;
  lines_of(group.items, offset, placed);
  std::vector<double> col_x{table.box.x + offset.x}, row_y{table.box.y + offset.y};
  for (double w : widths) col_x.push_back(col_x.back() + w);
  for (double h : heights) row_y.push_back(row_y.back() + h);
  auto index_of = [](const std::vector<double>& edges, double v) -> int {
    for (size_t i = 0; i + 1 < edges.size(); ++i) {
      if (v >= edges[i] && v < edges[i + 1]) return static_cast<int>(i);
    }
    return -1;
  };
  struct CellLine {
    double baseline, x, width;
    std::string text;
    double size;
    scene::Color color;
  };
  // How a stretch of a cell's text is painted (a note beside the organizers is smaller and
  // muted): bytes [begin, end) of the cell's text.
  struct LineStyle {
    size_t begin, end;
    double size;
    scene::Color color;
  };
  const std::string mark = "\u25CF";
  std::vector<std::vector<std::vector<CellLine>>> cell_lines(
      table.cells.size(), std::vector<std::vector<CellLine>>(columns));
  for (const auto& p : placed) {
    int r = index_of(row_y, p.baseline - 0.4 * p.line->font.size);
    int c = index_of(col_x, p.x + p.line->width / 2);
    if (r < 0 || c < 0) continue;
    // A line over a merged cell belongs to the cell the span starts at.
    while (c > 0 && cover[r][c].h_merge) --c;
    while (r > 0 && cover[r][c].v_merge) --r;
    cell_lines[r][c].push_back(
        {p.baseline, p.x, p.line->width, p.line->text, p.line->font.size, p.line->color});
  }
  auto breaks_of = [&](size_t r, size_t c, const std::string& text,
                       std::vector<LineStyle>& styles) {
    auto& segments = cell_lines[r][c];
    std::stable_sort(segments.begin(), segments.end(), [](const CellLine& a, const CellLine& b) {
      return std::abs(a.baseline - b.baseline) >= 0.5 ? a.baseline < b.baseline : a.x < b.x;
    });
    std::vector<std::string> lines;
    std::vector<std::vector<const CellLine*>> parts;
    double last = -1e18;
    for (const auto& s : segments) {
      if (lines.empty() || std::abs(s.baseline - last) >= 0.5) {
        lines.push_back(s.text);
        parts.emplace_back();
      } else {
        lines.back() += s.text;
      }
      parts.back().push_back(&s);
      last = s.baseline;
    }
    std::vector<size_t> starts;
    auto breaks = painted_breaks(text, lines, &starts);
    if (!breaks) return std::vector<size_t>{};
    for (size_t i = 0; i < parts.size(); ++i) {
      size_t at = starts[i];
      for (const auto* part : parts[i]) {
        styles.push_back({at, at + part->text.size(), part->size, part->color});
        at += part->text.size();
      }
    }
    return *breaks;
  };
  const scene::Color grid{0.71, 0.74, 0.8};
  for (size_t r = 0; r < table.cells.size(); ++r) {
    x_.open("a:tr").attr("h", emu(heights[r]));
    for (size_t c = 0; c < columns; ++c) {
      scene::TableCell cell = c < table.cells[r].size() ? table.cells[r][c] : scene::TableCell{};
      const Cover& how = cover[r][c];
      x_.open("a:tc");
      if (how.grid_span > 1) x_.attr("gridSpan", how.grid_span);
      if (how.row_span > 1) x_.attr("rowSpan", how.row_span);
      if (how.h_merge) x_.attr("hMerge", "1");
      if (how.v_merge) x_.attr("vMerge", "1");
      x_.open("a:txBody").leaf("a:bodyPr").leaf("a:lstStyle");
      scene::Font f;
      f.family = font;
      f.size = cell.font_size;
      f.weight = cell.bold ? scene::Weight::bold : scene::Weight::regular;
      scene::Color color = dark(cell.fill) ? scene::Color{1, 1, 1} : text;
      const char* align = cell.align == "center" ? "ctr" : cell.align == "right" ? "r" : "l";
      std::vector<LineStyle> styles;  // per painted line, when they spell the cell's text
      std::vector<size_t> breaks = breaks_of(r, c, cell.text, styles);
      // The look of the painted text at byte `at` of the cell; returns where that look ends.
      auto style_at = [&](size_t at, scene::Font& run_font, scene::Color& run_color) {
        run_font = f, run_color = color;
        for (const auto& style : styles) {
          if (at >= style.begin && at < style.end) {
            run_font.size = style.size, run_color = style.color;
            return style.end;
          }
          if (style.begin > at) return style.begin;
        }
        return std::string::npos;
      };
      // A cell of several lines keeps their painted pitch, so the row keeps its height.
      double pitch = 0;
      if (const auto& segs = cell_lines[r][c]; segs.size() >= 2) {
        int lines = 1;
        for (size_t i = 1; i < segs.size(); ++i)
          lines += std::abs(segs[i].baseline - segs[i - 1].baseline) >= 0.5;
        if (lines >= 2) pitch = (segs.back().baseline - segs.front().baseline) / (lines - 1);
      }
      // One line: 1.2 em, exactly. Left to the font, a CJK face's line (about 1.45 em) with the
      // insets is taller than the painted row, and the viewer grows every row of the table.
      if (pitch <= 0) pitch = std::min(1.2 * cell.font_size, heights[r]);
      size_t paragraph_start = 0;
      for (const auto& paragraph : split_lines(cell.text)) {
        x_.open("a:p");
        x_.open("a:pPr").attr("algn", align).attr("eaLnBrk", "1").attr("hangingPunct", "1");
        if (pitch > 0)
          x_.open("a:lnSpc")
              .leaf("a:spcPts", {{"val", std::to_string(std::llround(pitch * 100))}})
              .close();
        x_.close();
        // The session mark ● is painted in the accent colour; the rest as its line is painted.
        size_t at = 0;
        scene::Font run_font = f;
        scene::Color run_color = color;
        auto next_break = [&](size_t from) {
          for (size_t b : breaks) {
            if (b > paragraph_start + from && b < paragraph_start + paragraph.size())
              return b - paragraph_start;
          }
          return std::string::npos;
        };
        while (at < paragraph.size()) {
          size_t found = paragraph.find(mark, at);
          size_t end = found == at ? at + mark.size() : std::min(found, paragraph.size());
          end = std::min(end, next_break(at));
          bool is_mark = found == at;
          size_t look_end = style_at(paragraph_start + at, run_font, run_color);
          if (look_end != std::string::npos && look_end > paragraph_start + at)
            end = std::min(end, look_end - paragraph_start);
          x_.open("a:r");
          run_properties(x_, run_font,
                         is_mark && !dark(cell.fill) ? shared_.options.theme.accent : run_color,
                         "");
          x_.open("a:t").text(paragraph.substr(at, end - at)).close();
          x_.close();
          at = end;
          if (at < paragraph.size() &&
              std::find(breaks.begin(), breaks.end(), paragraph_start + at) != breaks.end()) {
            x_.open("a:br");
            run_properties(x_, run_font, run_color, "");
            x_.close();
          }
        }
        run_properties(x_, run_font, run_color, "", "a:endParaRPr");
        x_.close();
        paragraph_start += paragraph.size() + 1;
      }
      x_.close();  // txBody
      // The text starts where it was painted; the far side keeps only half a point, as slack
      // for a renderer that sets the lines a little wider.
      double mar_l = 3, mar_r = 3;
      if (!cell_lines[r][c].empty()) {
        double left = 1e18, right = -1e18;
        for (const auto& l : cell_lines[r][c]) {
          left = std::min(left, l.x);
          right = std::max(right, l.x + l.width);
        }
        double cell_right = col_x[std::min(columns, c + std::max(1, how.grid_span))];
        mar_l = mar_r = 0.5;
        if (std::string_view(align) == "l") mar_l = std::clamp(left - col_x[c], 0.0, 3.0);
        if (std::string_view(align) == "r") mar_r = std::clamp(cell_right - right, 0.0, 3.0);
      }
      x_.open("a:tcPr")
          .attr("marL", emu(mar_l))
          .attr("marR", emu(mar_r))
          .attr("marT", emu(0))
          .attr("marB", emu(0))
          .attr("anchor", "ctr");
      for (const char* edge : {"a:lnL", "a:lnR", "a:lnT", "a:lnB"}) {
        x_.open(edge).attr("w", emu(0.5));
        x_.open("a:solidFill")
            .leaf("a:srgbClr", {{"val", hex_color(grid.r, grid.g, grid.b)}})
            .close();
        x_.close();
      }
      if (cell.fill)
        x_.open("a:solidFill")
            .leaf("a:srgbClr", {{"val", hex_color(cell.fill->r, cell.fill->g, cell.fill->b)}})
            .close();
      else
        x_.leaf("a:noFill");
      x_.close();  // tcPr
      x_.close();  // tc
    }
    x_.close();  // tr
  }
  x_.close();  // tbl
  x_.close().close();
  x_.close();  // graphicFrame
}

}  // namespace tenkai::renderers::pptx
