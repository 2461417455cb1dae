// The rollout table (開催地域の波及状況): one row per region of the spread matrix, a column per
// fiscal year with a centred ● and its cell notes in small type, organizers with the row note
// below, and the coverage caveat as a footnote. Column widths are fitted to the content; labels
// wrap; rows that do not fit continue on further pages with the header repeated.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "core/layout/text_style.h"
#include "core/layout/year_style.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::layout {
namespace {

struct TableData : ElementData {
  YearStyle years = YearStyle::western;
  bool counts = true;  // "●×2" when a region held more than one session that year
  std::string region_header = "開催地域";
  std::string organizers_header = "主催";
  std::string footnote = "{registry.caveat}";  // placeholders allowed; empty: no footnote
  std::string mark = "●";
};

std::shared_ptr<const ElementData> parse_table(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<TableData>();
  reader.choice(node, "data", {"spread_matrix"});
  if (auto years = read_year_style(reader, node)) data->years = *years;
  data->counts = reader.boolean(node, "counts").value_or(true);
  if (const YAML::Node headers = node["headers"]) {
    if (reader.check_keys(headers, {"region", "organizers"}, "table headers")) {
      data->region_header = reader.text(headers, "region").value_or(data->region_header);
      data->organizers_header =
          reader.text(headers, "organizers").value_or(data->organizers_header);
    }
  }
  if (node["footnote"]) {
    if (node["footnote"].IsScalar() &&
        (node["footnote"].Scalar() == "false" || node["footnote"].Scalar() == "none")) {
      data->footnote.clear();
    } else if (auto text = reader.text(node, "footnote")) {
      data->footnote = *text;
    }
  }
  data->mark = reader.string(node, "mark").value_or(data->mark);
  return data;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// Cell padding at full size, in points.
constexpr double kPadX = 4, kPadY = 2.5;

// Fonts and spacing of the table at one scale.
struct Style {
  scene::Font body, bold, note, header;
  scene::Color text, muted, mark, header_text;
  double pad_x = 0, pad_y = 0, line_spacing = 1.2, note_gap = 1;
};

Style style_at(const Theme& theme, double scale) {
  Style s;
  s.body = theme.font(theme.table_size * scale);
  s.bold = theme.font(theme.table_size * scale, scene::Weight::bold);
  s.note = theme.font(theme.table_note_size * scale);
  s.header = theme.font(theme.table_size * scale, scene::Weight::bold);
  s.text = theme.text, s.muted = theme.muted, s.mark = theme.mark;
  s.header_text = theme.table_header_text;
  s.pad_x = kPadX * scale, s.pad_y = kPadY * scale;
  s.line_spacing = 1.2;
  return s;
}

// The content of one cell: stacked blocks (main text, then small notes), each flowed.
struct CellBlock {
  CellBlock(std::vector<Run> runs_, Align align_) : runs(std::move(runs_)), align(align_) {}
  std::vector<Run> runs;
  Align align = Align::left;
  // Set right after the block's last line without moving it off centre (the ×2 of a mark).
  std::vector<Run> suffix;
};
struct Cell {
  std::vector<CellBlock> blocks;
};

// A body row: its label and organizer cells, and per year an index into the distinct year cells.
struct TableRow {
  Cell label;
  Cell organizers;
  std::vector<uint32_t> years;
};

struct Column {
  double min = 0, natural = 0, width = 0;
};

class TableBuilder {
  struct FlowedBlock {
    FlowedText text;
    Align align = Align::left;
    std::vector<Run> suffix;
    double suffix_width = 0;
  };
  struct FlowedCell {
    std::vector<FlowedBlock> blocks;
    double height = 0;
  };

  struct FlowedRow {
    std::vector<FlowedCell> own;           // label and organizer cells
    std::vector<const FlowedCell*> cells;  // every cell; year cells point into the memo
    double height = 0;
  };

 public:
  TableBuilder(const TableData& data, const ElementSpec& element, LayoutContext& context)
      : data_(data), element_(element), context_(context), matrix_(context.matrix) {}

  ElementLayout build() {
    // Widths are measured once at full size; smaller sizes scale them (text advances scale
    // linearly), so trying sizes costs no re-measuring of 2,000 rows.
    style_ = style_at(context_.theme, 1.0);
    make_cells();
    measure_all();
    const double limit = std::clamp(context_.theme.min_scale, 0.1, 1.0);
    double scale = 1.0;
    for (;; scale -= 0.05) {
      if (scale < limit + 1e-9) scale = limit;
      if (fit_columns(scale, scale == limit) || scale == limit) break;
    }
    if (!fits_) {
      context_.warn(element_, "the table's columns do not fit its width even at " +
                                  std::to_string(static_cast<int>(limit * 100 + 0.5)) +
                                  "% size; labels are broken between characters");
    }
    apply_scale(scale);
    prepare_footnote();
    std::vector<FlowedRow> rows = flow_all();
    // A table that nearly fits one page is set a little smaller (down to the theme's limit),
    // as a person would; one that cannot fit continues on further pages at the size above.
    double needed = flow_header().height;
    for (const auto& row : rows) needed += row.height;
    double room = context_.box.height - footnote_height_;
    if (needed > room + 0.01 && rows.size() > 1 && scale * room / needed >= limit - 1e-9) {
      bool fitted = false;
      for (double smaller = std::min(scale - 0.01, scale * room / needed); smaller >= limit - 1e-9;
           smaller -= 0.02) {
        apply_scale(smaller);
        rows = flow_all();
        double total = flow_header().height;
        for (const auto& row : rows) total += row.height;
        if (total <= room + 0.01) {
          fitted = true;
          break;
        }
      }
      if (!fitted) {
        apply_scale(scale);
        rows = flow_all();
      }
    }
    return paginate(rows);
  }

  // Sets fonts, cells and column widths for `scale` (relative to full size).
  void apply_scale(double scale) {
    if (scale != current_scale_) {
      rescale_cells(scale / current_scale_);
      current_scale_ = scale;
    }
    style_ = style_at(context_.theme, scale);
    fit_columns(scale, true);
    // Year columns share one width, so each distinct year cell is flowed once for all rows.
    year_flowed_.clear();
    for (const auto& cell : year_cells_) year_flowed_.push_back(flow_cell(cell, columns_[2].width));
  }

  std::vector<FlowedRow> flow_all() {
    std::vector<FlowedRow> rows;
    rows.reserve(rows_.size());
    for (const auto& row : rows_) rows.push_back(flow_row(row));
    return rows;
  }

  void prepare_footnote() {
    footnote_text_ = context_.expand(data_.footnote);
    if (footnote_text_.empty()) return;
    footnote_ =
        flow_text(parse_emphasis(footnote_text_, context_.theme.font(context_.theme.footnote_size),
                                 context_.theme.muted, context_.theme.accent),
                  context_.box.width, context_.measurer, context_.theme.line_spacing);
    footnote_height_ = footnote_.height + kNoteGap;
  }

 private:
  std::vector<Run> text(const std::string& value, const scene::Font& font, scene::Color color) {
    return {{value, font, color}};
  }

  // The year cell for `cell` (null: no session), shared by every row with the same content.
  uint32_t year_cell(const analysis::MatrixCell* cell) {
    if (!cell || cell->sessions == 0) return 0;
    int shown = data_.counts && cell->sessions > 1 ? cell->sessions : 1;
    auto key = std::make_pair(shown, cell->notes);
    auto found = year_cell_index_.find(key);
    if (found != year_cell_index_.end()) return found->second;
    Cell made;
    CellBlock mark{text(data_.mark, style_.body, style_.mark), Align::center};
    if (shown > 1) mark.suffix.push_back({"×" + std::to_string(shown), style_.note, style_.muted});
    made.blocks.push_back(std::move(mark));
    for (const auto& note : cell->notes) {
      if (!note.empty())
        made.blocks.push_back({text(note, style_.note, style_.muted), Align::center});
    }
    year_cells_.push_back(std::move(made));
    uint32_t index = static_cast<uint32_t>(year_cells_.size() - 1);
    year_cell_index_.emplace(std::move(key), index);
    return index;
  }

  void make_cells() {
    const size_t columns = 2 + matrix_.years.size();
    header_.assign(columns, {});
    header_[0].blocks.push_back(
        {text(context_.expand(data_.region_header), style_.header, style_.header_text),
         Align::center});
    header_[1].blocks.push_back(
        {text(context_.expand(data_.organizers_header), style_.header, style_.header_text),
         Align::center});
    for (size_t y = 0; y < matrix_.years.size(); ++y) {
      header_[2 + y].blocks.push_back(
          {text(year_label(matrix_.years[y], data_.years), style_.header, style_.header_text),
           Align::center});
    }
    year_cells_.assign(1, Cell{});  // index 0: no session that year
    rows_.assign(matrix_.rows.size(), TableRow{});
    for (size_t r = 0; r < matrix_.rows.size(); ++r) {
      const auto& row = matrix_.rows[r];
      TableRow& cells = rows_[r];
      cells.label.blocks.push_back({text(row.label, style_.body, style_.text), Align::left});
      if (!row.organizers.empty()) {
        cells.organizers.blocks.push_back(
            {text(join(row.organizers, "・"), style_.body, style_.text), Align::left});
      }
      if (!row.note.empty()) {
        cells.organizers.blocks.push_back({text(row.note, style_.note, style_.muted), Align::left});
      }
      cells.years.resize(matrix_.years.size());
      for (size_t y = 0; y < matrix_.years.size(); ++y) {
        auto found = row.cells.find(matrix_.years[y]);
        cells.years[y] = year_cell(found == row.cells.end() ? nullptr : &found->second);
      }
    }
  }

  void rescale_cells(double scale) {
    auto rescale = [&](Cell& cell) {
      for (auto& block : cell.blocks) {
        for (auto& run : block.runs) run.font.size *= scale;
        for (auto& run : block.suffix) run.font.size *= scale;
      }
    };
    for (auto& cell : header_) rescale(cell);
    for (auto& cell : year_cells_) rescale(cell);
    for (auto& row : rows_) {
      rescale(row.label);
      rescale(row.organizers);
    }
  }

  void measure_all() {
    const size_t count = header_.size();
    base_.assign(count, {});
    for (size_t c = 0; c < count; ++c) measure_column(base_[c], header_[c]);
    base_header_natural_.assign(count, 0);
    for (size_t c = 0; c < count; ++c) base_header_natural_[c] = base_[c].natural;
    row_widths_.clear();
    row_widths_.reserve(rows_.size());
    for (const auto& row : rows_) {
      measure_column(base_[0], row.label);
      measure_column(base_[1], row.organizers);
      row_widths_.push_back(
          {natural_of(row.label, 0), natural_of(row.organizers, 0), natural_of(row.organizers, 1)});
    }
    if (count > 2) {
      for (const auto& cell : year_cells_) measure_column(base_[2], cell);
      for (size_t c = 3; c < count; ++c) base_[c] = base_[2];
    }
  }

  // Unwrapped width of block `index` of `cell` (0 when absent), at full size.
  double natural_of(const Cell& cell, size_t index) {
    if (index >= cell.blocks.size()) return 0;
    return content_widths(cell.blocks[index].runs, context_.measurer).max;
  }

  // Splits `room` between the label and organizer columns so that the rows need the fewest
  // lines in all (each row as tall as its taller cell), preferring a wider label on a tie.
  double best_label_width(double room, double label_floor, double label_natural,
                          double organizers_floor, double scale) {
    const double pad = 2 * kPadX * scale;
    const double note_ratio = context_.theme.table_note_size / context_.theme.table_size;
    double low = label_floor, high = std::min(label_natural, room - organizers_floor);
    if (high <= low) return low;
    auto lines = [](double natural, double inner) {
      return natural <= 0 ? 0.0 : std::ceil(natural / std::max(1.0, inner) - 1e-9);
    };
    double best = high, best_cost = -1;
    constexpr int kSteps = 24;
    for (int step = kSteps; step >= 0; --step) {
      double label = low + (high - low) * step / kSteps;
      double inner_label = label - pad, inner_organizers = room - label - pad;
      double cost = 0;
      for (const auto& row : row_widths_) {
        double left = lines(row.label * scale, inner_label);
        double right = lines(row.organizers * scale, inner_organizers) +
                       note_ratio * lines(row.note * scale, inner_organizers);
        cost += std::max(left, right);
      }
      if (best_cost < 0 || cost < best_cost - 1e-9) best = label, best_cost = cost;
    }
    return best;
  }

  void measure_column(Column& column, const Cell& cell) {
    for (const auto& block : cell.blocks) {
      ContentWidths widths = content_widths(block.runs, context_.measurer);
      double suffix = 0;
      for (const auto& run : block.suffix) {
        suffix += context_.measurer.measure(run.text, run.font).width + kSuffixGap;
      }
      // A suffix sits right of a centred block: room for it on both sides keeps the centre.
      column.min = std::max(column.min, widths.min + 2 * suffix + 2 * style_.pad_x);
      column.natural = std::max(column.natural, widths.max + 2 * suffix + 2 * style_.pad_x);
    }
  }

  // Chooses column widths. False when the table would need its year headers wrapped or its
  // label columns squeezed below a few characters; the caller then tries a smaller type size,
  // and at the theme's limit squeezes anyway (and warns).
  bool fit_columns(double scale, bool last_try) {
    const size_t count = header_.size();
    columns_ = base_;
    std::vector<double> header_natural = base_header_natural_;
    for (size_t c = 0; c < count; ++c) {
      columns_[c].min *= scale, columns_[c].natural *= scale, header_natural[c] *= scale;
    }
    double width = context_.box.width;
    // Year columns share one width: wide enough for header and mark, and for the notes' words.
    double year_min = 0, year_base = 0, year_natural = 0;
    for (size_t c = 2; c < count; ++c) {
      year_min = std::max(year_min, columns_[c].min);
      year_base = std::max(year_base, header_natural[c]);
      year_natural = std::max(year_natural, columns_[c].natural);
    }
    year_base = std::max(year_base, year_min);

    const double years = static_cast<double>(count - 2);
    Column& label = columns_[0];
    Column& organizers = columns_[1];
    double fixed_years = years * year_base;
    // Readable minimum: labels keep six characters a line, organizers four (or all they have).
    double em = context_.theme.table_size * scale, pad = kPadX * scale;
    double label_floor = std::min(label.natural, std::max(label.min, 6 * em + 2 * pad));
    double organizers_floor =
        std::min(organizers.natural, std::max(organizers.min, 4 * em + 2 * pad));
    if (label_floor + organizers_floor + fixed_years > width + 0.01 && !last_try) return false;
    double natural_total = label.natural + organizers.natural + fixed_years;
    fits_ = true;
    double year_width = year_base;
    if (natural_total <= width) {
      label.width = label.natural, organizers.width = organizers.natural;
      double extra = width - natural_total;
      // First let the year columns grow towards their notes' width, then widen every column.
      if (years > 0) {
        double grow = std::min(extra / years, year_natural - year_base);
        year_width += grow;
        extra -= grow * years;
      }
      double total = label.width + organizers.width + years * year_width;
      double factor = total > 0 ? (total + extra) / total : 1;
      label.width *= factor, organizers.width *= factor, year_width *= factor;
    } else {
      // Too wide: the label and organizer columns give way towards their narrowest widths.
      double room = width - fixed_years;
      if (room >= label_floor + organizers_floor) {
        label.min = label_floor;
        organizers.min = organizers_floor;
      }
      double mins = label.min + organizers.min;
      if (room >= mins) {
        label.width = best_label_width(room, label.min, label.natural, organizers.min, scale);
        organizers.width = room - label.width;
      } else {
        label.width = label.min, organizers.width = organizers.min;
        year_width = years > 0 ? (width - mins) / years : 0;
        if (year_width < year_min) {
          fits_ = false;
          // Share what there is in proportion to the narrowest widths.
          double total = mins + years * year_min;
          label.width = width * label.min / total;
          organizers.width = width * organizers.min / total;
          year_width = width * year_min / total;
        }
      }
    }
    for (size_t c = 2; c < count; ++c) columns_[c].width = year_width;
    return fits_;
  }

  FlowedCell flow_cell(const Cell& cell, double width) {
    FlowedCell out;
    for (const auto& block : cell.blocks) {
      FlowedText flowed = flow_text(block.runs, std::max(1.0, width - 2 * style_.pad_x),
                                    context_.measurer, style_.line_spacing);
      out.height += flowed.height + (out.blocks.empty() ? 0 : style_.note_gap);
      FlowedBlock placed{std::move(flowed), block.align, block.suffix, 0};
      for (const auto& run : block.suffix) {
        placed.suffix_width += context_.measurer.measure(run.text, run.font).width;
      }
      out.blocks.push_back(std::move(placed));
    }
    return out;
  }

  FlowedRow flow_row(const TableRow& cells) {
    FlowedRow row;
    row.own.reserve(2);  // cells point into it
    row.own.push_back(flow_cell(cells.label, columns_[0].width));
    row.own.push_back(flow_cell(cells.organizers, columns_[1].width));
    row.cells = {&row.own[0], &row.own[1]};
    for (uint32_t index : cells.years) row.cells.push_back(&year_flowed_[index]);
    return finish_row(std::move(row));
  }

  FlowedRow flow_header() {
    FlowedRow row;
    row.own.reserve(header_.size());
    for (size_t c = 0; c < header_.size(); ++c)
      row.own.push_back(flow_cell(header_[c], columns_[c].width));
    for (const auto& cell : row.own) row.cells.push_back(&cell);
    return finish_row(std::move(row));
  }

  FlowedRow finish_row(FlowedRow row) {
    double tallest = 0;
    for (const auto* cell : row.cells) tallest = std::max(tallest, cell->height);
    // Every row is at least one body line tall, so empty rows still read as rows.
    double line = style_.body.size * style_.line_spacing;
    row.height = std::max(tallest, line) + 2 * style_.pad_y;
    return row;
  }

  void paint_row(const FlowedRow& row, double y, bool header, bool stripe,
                 std::vector<scene::Item>& out) {
    const scene::Rect& box = context_.box;
    double table_width = 0;
    for (const auto& column : columns_) table_width += column.width;
    if (header || stripe) {
      scene::Path fill = scene::rectangle({box.x, y, table_width, row.height});
      fill.fill = header ? context_.theme.table_header_fill : context_.theme.table_stripe_fill;
      out.emplace_back(std::move(fill));
    }
    double x = box.x;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const FlowedCell& cell = *row.cells[c];
      double top = y + (row.height - cell.height) / 2;  // content centred vertically
      for (const auto& block : cell.blocks) {
        const FlowedText& flowed = block.text;
        size_t first = out.size();
        place_text(flowed,
                   {x + style_.pad_x, top, columns_[c].width - 2 * style_.pad_x, flowed.height},
                   block.align, VAlign::top, out);
        if (!block.suffix.empty() && out.size() > first) {
          const auto& last = std::get<scene::TextLine>(out.back());
          double after = last.baseline.x + last.width + kSuffixGap;
          for (const auto& run : block.suffix) {
            double width = context_.measurer.measure(run.text, run.font).width;
            out.emplace_back(
                scene::TextLine{{after, last.baseline.y}, run.text, run.font, run.color, width});
            after += width;
          }
        }
        top += flowed.height + style_.note_gap;
      }
      x += columns_[c].width;
    }
  }

  void paint_grid(double top, const std::vector<double>& row_bottoms,
                  std::vector<scene::Item>& out) {
    const scene::Rect& box = context_.box;
    double table_width = 0;
    for (const auto& column : columns_) table_width += column.width;
    double bottom = row_bottoms.empty() ? top : row_bottoms.back();
    scene::Path grid;
    grid.stroke = scene::Stroke{context_.theme.table_grid, 0.5, {}};
    auto add_line = [&](scene::Point a, scene::Point b) {
      grid.segments.push_back({scene::PathVerb::move_to, {a}});
      grid.segments.push_back({scene::PathVerb::line_to, {b}});
    };
    for (size_t i = 0; i + 1 < row_bottoms.size(); ++i) {
      add_line({box.x, row_bottoms[i]}, {box.x + table_width, row_bottoms[i]});
    }
    double x = box.x;
    for (size_t c = 0; c + 1 < columns_.size(); ++c) {
      x += columns_[c].width;
      add_line({x, top}, {x, bottom});
    }
    out.emplace_back(std::move(grid));
    scene::Path frame = scene::rectangle({box.x, top, table_width, bottom - top});
    frame.stroke = scene::Stroke{context_.theme.rule, 1, {}};
    out.emplace_back(std::move(frame));
  }

  ElementLayout paginate(const std::vector<FlowedRow>& rows) {
    const scene::Rect& box = context_.box;
    FlowedRow header = flow_header();
    double room = box.height - footnote_height_ - header.height;
    ElementLayout out;
    std::vector<scene::Item>* page = &out.items;
    std::vector<double> bottoms;
    double y = box.y + header.height;
    size_t on_page = 0;
    bool warned = false;
    auto finish_page = [&] {
      std::vector<double> all = {box.y + header.height};
      all.insert(all.end(), bottoms.begin(), bottoms.end());
      paint_grid(box.y, all, *page);
      if (!footnote_text_.empty()) {
        place_text(footnote_, {box.x, y + kNoteGap, box.width, footnote_.height}, Align::left,
                   VAlign::top, *page);
      }
    };
    auto start_page = [&] {
      paint_row(header, box.y, true, false, *page);
      y = box.y + header.height;
      bottoms.clear();
      on_page = 0;
    };
    start_page();
    for (size_t r = 0; r < rows.size(); ++r) {
      const FlowedRow& row = rows[r];
      if (on_page > 0 && y + row.height > box.y + header.height + room + 0.01) {
        finish_page();
        out.more_pages.emplace_back();
        page = &out.more_pages.back();
        start_page();
      }
      if (on_page == 0 && row.height > room + 0.01 && !warned) {
        context_.warn(element_, "a row of the table ('" + matrix_.rows[r].label +
                                    "') is taller than the page; it runs past the box");
        warned = true;
      }
      paint_row(row, y, false, on_page % 2 == 1, *page);
      y += row.height;
      bottoms.push_back(y);
      ++on_page;
    }
    if (out.more_pages.empty()) out.used_height = y - box.y + footnote_height_;
    finish_page();
    return out;
  }

  const TableData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  const analysis::SpreadMatrix& matrix_;
  Style style_;
  std::vector<Cell> header_;
  std::vector<TableRow> rows_;
  struct RowWidths {
    double label = 0, organizers = 0, note = 0;  // unwrapped, at full size
  };
  std::vector<RowWidths> row_widths_;
  std::vector<Cell> year_cells_;         // distinct year cells; 0 is the empty one
  std::vector<FlowedCell> year_flowed_;  // the same, flowed at the current scale
  std::map<std::pair<int, std::vector<std::string>>, uint32_t> year_cell_index_;
  std::vector<Column> columns_;
  std::vector<Column> base_;  // measured at full size
  std::vector<double> base_header_natural_;
  double current_scale_ = 1.0;  // scale the cells' fonts are set at
  std::string footnote_text_;
  FlowedText footnote_;
  double footnote_height_ = 0;
  static constexpr double kNoteGap = 4;
  static constexpr double kSuffixGap = 1;
  bool fits_ = true;
};

ElementLayout layout_table(const ElementSpec& element, LayoutContext& context) {
  return TableBuilder(element.data_as<TableData>(), element, context).build();
}

}  // namespace

ElementType rollout_table_element() {
  return {"rollout_table",
          {"data", "years", "counts", "headers", "footnote", "mark"},
          parse_table,
          layout_table,
          nullptr};
}

}  // namespace tenkai::layout
