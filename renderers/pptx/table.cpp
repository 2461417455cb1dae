// Tables as native a:tbl: one per page, header rows first, merged cells as gridSpan/rowSpan,
// each cell's fill, size, weight and alignment as painted.
#include <algorithm>
#include <cmath>

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

}  // namespace

void SlideWriter::table(const scene::Table& table, scene::Point offset) {
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
  int id = next_id();
  x_.open("p:graphicFrame").open("p:nvGraphicFramePr");
  x_.leaf("p:cNvPr", {{"id", std::to_string(id)},
                      {"name", (table.role.empty() ? std::string("Table") : table.role) + " " +
                                   std::to_string(id)}});
  x_.open("p:cNvGraphicFramePr").leaf("a:graphicFrameLocks", {{"noGrp", "1"}}).close();
  x_.leaf("p:nvPr");
  x_.close();
  transform(emu(table.box.x + offset.x), emu(table.box.y + offset.y), emu(table.box.width),
            emu(table.box.height), "p:xfrm");
  x_.open("a:graphic")
      .open("a:graphicData")
      .attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/table");
  x_.open("a:tbl");
  x_.leaf("a:tblPr", {{"firstRow", table.header_rows > 0 ? "1" : "0"}, {"bandRow", "0"}});
  x_.open("a:tblGrid");
  for (double w : widths) x_.leaf("a:gridCol", {{"w", std::to_string(emu(w))}});
  x_.close();
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
      for (const auto& paragraph : split_lines(cell.text)) {
        x_.open("a:p");
        x_.leaf("a:pPr", {{"algn", align}, {"eaLnBrk", "1"}, {"hangingPunct", "1"}});
        if (!paragraph.empty()) {
          x_.open("a:r");
          run_properties(x_, f, color, "");
          x_.open("a:t").text(paragraph).close();
          x_.close();
        }
        run_properties(x_, f, color, "", "a:endParaRPr");
        x_.close();
      }
      x_.close();  // txBody
      x_.open("a:tcPr")
          .attr("marL", emu(3))
          .attr("marR", emu(3))
          .attr("marT", emu(1))
          .attr("marB", emu(1))
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
