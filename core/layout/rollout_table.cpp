// The rollout table (開催地域の波及状況): one row per region of the spread matrix, a column per
// fiscal year with a centred ● and its cell notes in small type, organizers with the row note
// below, and the coverage caveat as a footnote. Column widths are fitted to the content; labels
// wrap; rows that do not fit continue on further pages with the header repeated.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/layout/data_selection.h"
#include "core/layout/text_meaning.h"
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
  DataSelection selection;  // where / sort / limit (data_selection.h)
  // Under the table when `limit` leaves rows out; {shown} and {left_out} are counts.
  std::string left_out_note = "※{shown}地域を表示（ほか{left_out}地域）";
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
  data->selection = read_selection(node, reader, Listing::regions);
  return data;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// Cell padding at full size, in points.
constexpr double kPadX = 4, kPadY = 1.5;

// Fonts and spacing of the table at one scale. Notes and counts are set at the body size: a
// note too long for its column becomes a numbered reference listed under the table instead.
struct Style {
  scene::Font body, bold, note, header;
  scene::Color text, muted, mark, header_text;
  double pad_x = 0, pad_y = 0, line_spacing = 1.2, note_gap = 1;
};

Style style_at(const Theme& theme, double scale) {
  Style s;
  s.body = theme.font(theme.table_size * scale);
  s.bold = theme.font(theme.table_size * scale, scene::Weight::bold);
  s.note = theme.font(theme.table_size * scale);
  s.header = theme.font(theme.table_size * scale, scene::Weight::bold);
  s.text = theme.text, s.muted = theme.muted, s.mark = theme.mark;
  s.header_text = theme.table_header_text;
  s.pad_x = kPadX * scale, s.pad_y = kPadY * scale;
  s.line_spacing = 1.1;
  return s;
}

// The content of one cell: stacked blocks (main text, then notes), each flowed.
struct CellBlock {
  CellBlock(std::vector<Run> runs_, Align align_) : runs(std::move(runs_)), align(align_) {}
  std::vector<Run> runs;
  Align align = Align::left;
  // Set right after the block's last line without moving it off centre (the ×2 of a mark).
  std::vector<Run> suffix;
};
struct Cell {
  std::vector<CellBlock> blocks;
  std::string text;  // the whole cell, unbroken, for the table's meaning
};

// A body row: its label and organizer cells, and per year an index into the distinct year cells.
struct TableRow {
  Cell label;
  Cell organizers;
  // The compact form's organizer cell: the row note after the organizers on the same line.
  Cell organizers_inline;
  double organizers_natural = 0, note_natural = 0, inline_natural = 0;  // unwrapped, full size
  std::string organizers_key;  // the organizers and the note: what the two cells are made of
  std::vector<uint32_t> years;
};

// What a year cell shows: the mark (with a count) and the sessions' notes.
struct YearSource {
  int shown = 0;  // 0: no session
  std::vector<std::string> notes;
};

struct Column {
  double min = 0, natural = 0, width = 0;
};

// Header layouts: labels such as 2011年 in one row, or bare years under one spanning 年度 cell
// (narrower, for many years).
enum class HeaderMode { single, spanning };

// Content widths of the texts of one table element, shared by every builder it makes (the
// probes that find how many parts the years need, then each part, each in both forms): they
// measure the same labels, organizers, marks and headers again and again.
class WidthsMemo {
 public:
  ContentWidths of(const std::vector<Run>& runs, scene::TextMeasurer& measurer) {
    key_.clear();
    for (const auto& run : runs) append_key(run);
    auto found = widths_.find(key_);
    if (found != widths_.end()) return found->second;
    ContentWidths widths = content_widths(runs, measurer);
    widths_.emplace(key_, widths);
    return widths;
  }

 private:
  // Everything the widths depend on: each run's text and font (not its colour).
  void append_key(const Run& run) {
    append_bytes(run.text.size());
    key_ += run.text;
    append_bytes(run.font.family.size());
    key_ += run.font.family;
    append_bytes(run.font.size);
    append_bytes(run.font.weight);
    append_bytes(run.font.italic);
  }
  template <typename T>
  void append_bytes(const T& value) {
    key_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }

  std::string key_;
  std::unordered_map<std::string, ContentWidths> widths_;  // looked up, never iterated
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
    std::vector<FlowedCell> own;           // the label cell (a header row: every cell)
    std::vector<const FlowedCell*> cells;  // every cell; organizer and year cells point into memos
    double height = 0;
  };

  struct Header {
    FlowedRow row;          // one cell per column (the spanning mode's bottom row)
    FlowedCell years_cell;  // spanning mode: the 年度 cell over the year columns
    double top = 0;         // spanning mode: height of the 年度 row
    double height = 0;      // the whole header
  };

 public:
  // Lays out the matrix rows with the columns of `years` (all of the matrix's, or one part of
  // them when they do not fit one table's width); `later_part`: an earlier part came before.
  TableBuilder(const TableData& data, const ElementSpec& element, LayoutContext& context,
               WidthsMemo& widths, std::vector<int> years, bool later_part)
      : data_(data),
        element_(element),
        context_(context),
        widths_(widths),
        matrix_(context.matrix),
        years_(std::move(years)),
        later_part_(later_part) {}

  // Whether the columns fit the width at a readable size (the largest such scale in `scale`).
  bool fit_width(double& scale) {
    // Widths are measured once at full size; smaller sizes scale them (text advances scale
    // linearly), so trying sizes costs no re-measuring of 2,000 rows.
    style_ = style_for(1.0);
    // The cells do not depend on the form; made once, they are made again only once scaled.
    if (!cells_made_ || current_scale_ != 1.0) {
      make_cells();
      cells_made_ = true;
    }
    current_scale_ = 1.0;
    measure_rows();
    // Never below the floor for table text: paginate (or use the narrower header) instead.
    const double limit = limit_scale();
    scale = limit;
    for (HeaderMode mode : {HeaderMode::single, HeaderMode::spanning}) {
      mode_ = mode;
      make_header();
      for (double s = 1.0;; s -= 0.05) {
        if (s < limit + 1e-9) s = limit;
        if (fit_columns(s, false)) {
          scale = s;
          return true;
        }
        if (s == limit) break;
      }
    }
    return false;
  }

  double limit_scale() const {
    const Theme& theme = context_.theme;
    double floor_ratio = theme.table_size > 0 ? theme.min_body_size / theme.table_size : 1.0;
    return std::clamp(std::max(theme.min_scale, floor_ratio), 0.1, 1.0);
  }

  // One page when the rows fit it at a readable size, balanced pages otherwise. When the rows
  // need more than one page with the notes set in their cells, the compact form is tried: year
  // columns as narrow as their marks and headers, each note after its mark (or organizers) on
  // the same line when it fits there, else a numbered reference listed under the table. It is
  // kept when it saves a page, so the seed's 17 rows stay on one slide at 10 pt or more.
  ElementLayout build() {
    bool fitted = true;
    Plan plan = plan_rows(fitted);
    if (plan.pages > 1) {
      compact_ = true;
      bool compact_fitted = true;
      Plan compact = plan_rows(compact_fitted);
      if (compact.pages < plan.pages) {
        plan = std::move(compact);
        fitted = compact_fitted;
      } else {
        compact_ = false;
        plan = plan_rows(fitted);
      }
    }
    if (!fitted) {
      context_.warn(element_, "the table's columns do not fit its width even at " +
                                  points(limit_scale() * context_.theme.table_size) +
                                  "; labels are broken between characters");
    }
    return paginate(plan.rows);
  }

 private:
  struct Plan {
    std::vector<FlowedRow> rows;
    size_t pages = 1;
  };

  // The rows flowed at the largest size that needs the fewest pages (in the current form).
  // Sizes are tried on the rows' heights alone; the rows are flowed once, at the size chosen.
  Plan plan_rows(bool& fitted) {
    const double limit = limit_scale();
    double scale = limit;
    fitted = fit_width(scale);
    if (!fitted) fit_columns(limit, true);
    apply_scale(scale);
    prepare_footnote();
    // The fewest pages the rows need at a readable size, and the largest size that needs no
    // more: one page when the rows fit at the floor, balanced pages otherwise.
    double chosen = scale;
    size_t pages = count_pages(trial_heights(), room());
    if (pages > 1 && scale > limit + 1e-9) {
      apply_scale(limit);
      size_t fewest = count_pages(trial_heights(), room());
      if (fewest < pages) {
        chosen = limit;
        for (double s = scale - 0.02; s > limit + 1e-9; s -= 0.02) {
          apply_scale(s);
          if (count_pages(trial_heights(), room()) <= fewest) {
            chosen = s;
            break;
          }
        }
      }
    }
    apply_scale(chosen);
    Plan out;
    out.rows = flow_all();
    out.pages = count_pages(heights_of(out.rows), room());
    return out;
  }
  static std::string points(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1fpt", value);
    return buffer;
  }

  std::vector<Run> text(const std::string& value, const scene::Font& font, scene::Color color) {
    return {{value, font, color}};
  }

  // Sets fonts, cells and column widths for `scale` (relative to full size).
  void apply_scale(double scale) {
    if (scale != current_scale_) {
      rescale_cells(scale / current_scale_);
      current_scale_ = scale;
    }
    style_ = style_for(scale);
    fit_columns(scale, true);
    make_year_cells();
    // Year columns share one width, so each distinct year cell is flowed once for all rows.
    year_flowed_.clear();
    for (auto& form : organizers_flowed_) form.clear();
    double width = columns_.size() > 2 ? columns_[2].width : 0;
    for (const auto& cell : year_cells_) year_flowed_.push_back(flow_cell(cell, width));
    flow_header();
  }

  // The rows' heights at the current scale, as flow_all would make them. A label that fits its
  // column on one line (its full-size width scaled, as text advances scale) is not flowed: it is
  // one line tall, as tall as at full size scaled.
  std::vector<double> trial_heights() {
    std::vector<double> heights;
    heights.reserve(rows_.size());
    const double label_room = std::max(1.0, columns_[0].width - 2 * style_.pad_x);
    for (size_t r = 0; r < rows_.size(); ++r) {
      const TableRow& cells = rows_[r];
      const LabelWidths& widths = labels_[r];
      double label = widths.line_height > 0 && widths.natural * current_scale_ <= label_room
                         ? widths.line_height * current_scale_
                         : flow_cell(cells.label, columns_[0].width).height;
      double tallest = std::max(label, flow_organizers(cells, inline_note(cells)).height);
      for (uint32_t index : cells.years) tallest = std::max(tallest, year_flowed_[index].height);
      heights.push_back(row_height(tallest));
    }
    return heights;
  }

  // A single run without breaks or spaces: set on one line when it fits, whatever the breaker.
  static bool one_line(const Cell& cell) {
    if (cell.blocks.size() != 1 || cell.blocks[0].runs.size() != 1) return false;
    const std::string& text = cell.blocks[0].runs[0].text;
    return text.find_first_of(" \t\n\r") == std::string::npos &&
           text.find("\u3000") == std::string::npos;
  }

  std::vector<FlowedRow> flow_all() {
    std::vector<FlowedRow> rows;
    rows.reserve(rows_.size());
    for (const auto& row : rows_) rows.push_back(flow_row(row));
    return rows;
  }

  void prepare_footnote() {
    const Theme& theme = context_.theme;
    footnote_text_ = context_.expand(data_.footnote);
    footnote_height_ = 0;
    if (!footnote_text_.empty()) {
      footnote_runs_ = parse_emphasis(footnote_text_, theme.font(theme.footnote_size), theme.muted,
                                      theme.accent);
      footnote_ =
          flow_text(footnote_runs_, context_.box.width, context_.measurer, theme.line_spacing);
      footnote_height_ = footnote_.height + kNoteGap;
    }
  }

  // Height the list of references needs under the table (all of them, on any page).
  double references_height() {
    if (references_.empty()) return 0;
    return flow_references(references_).height + kNoteGap;
  }

  FlowedText flow_references(const std::vector<std::string>& entries) {
    const Theme& theme = context_.theme;
    std::string joined;
    for (const auto& entry : entries) joined += (joined.empty() ? "" : "　") + entry;
    return flow_text({{joined, theme.font(theme.footnote_size), theme.muted}}, context_.box.width,
                     context_.measurer, theme.line_spacing);
  }

  // Room for body rows on one page.
  double room() {
    return context_.box.height - footnote_height_ - references_height() - header_.height;
  }

  static std::vector<double> heights_of(const std::vector<FlowedRow>& rows) {
    std::vector<double> heights;
    heights.reserve(rows.size());
    for (const auto& row : rows) heights.push_back(row.height);
    return heights;
  }

  static size_t count_pages(const std::vector<double>& heights, double capacity) {
    size_t pages = 1;
    double used = 0;
    size_t on_page = 0;
    for (double height : heights) {
      if (on_page > 0 && used + height > capacity + 0.01) {
        ++pages, used = 0, on_page = 0;
      }
      used += height;
      ++on_page;
    }
    return pages;
  }

  // The year cell for `cell` (null: no session), shared by every row with the same content.
  uint32_t year_source(const analysis::MatrixCell* cell) {
    if (!cell || cell->sessions == 0) return 0;
    int shown = data_.counts && cell->sessions > 1 ? cell->sessions : 1;
    std::vector<std::string> notes;
    for (const auto& note : cell->notes) {
      if (!note.empty()) notes.push_back(note);
    }
    auto key = std::make_pair(shown, notes);
    auto found = year_source_index_.find(key);
    if (found != year_source_index_.end()) return found->second;
    year_sources_.push_back({shown, std::move(notes)});
    uint32_t index = static_cast<uint32_t>(year_sources_.size() - 1);
    year_source_index_.emplace(std::move(key), index);
    return index;
  }

  // The mark of a year cell, with its count (×2) as a suffix.
  CellBlock mark_block(const YearSource& source) {
    // Mark, count and references are centred together, so none reaches past the column.
    CellBlock mark{text(data_.mark, style_.body, style_.mark), Align::center};
    if (source.shown > 1)
      mark.runs.push_back({"×" + std::to_string(source.shown), style_.note, style_.muted});
    return mark;
  }

  // Whether a note can be set in the year column at the current size: on one line of its own.
  bool note_fits(const std::string& note, double width) {
    FlowedText flowed =
        flow_text(text(note, style_.note, style_.muted), std::max(1.0, width - 2 * style_.pad_x),
                  context_.measurer, style_.line_spacing);
    return !flowed.too_wide && flowed.lines.size() <= 1;
  }

  // The compact form also halves the cells' vertical padding: one-line rows, and room for two
  // more of them on a page (the FY2016 update's 19 rows on one slide at 10 pt).
  Style style_for(double scale) const {
    Style s = style_at(context_.theme, scale);
    if (compact_) s.pad_y *= 0.5;
    return s;
  }

  // Sets `text` after the cell's mark, on the same line, when the line still fits `width`.
  bool append_on_mark_line(Cell& cell, const std::string& text, double width) {
    std::vector<Run> runs = cell.blocks.front().runs;
    runs.push_back({" " + text, style_.note, style_.muted});
    if (widths_.of(runs, context_.measurer).max > width - 2 * style_.pad_x + 0.01) return false;
    cell.blocks.front().runs = std::move(runs);
    cell.text += " " + text;
    return true;
  }

  // Year cells at the current size and column width; notes that do not fit become ※n.
  void make_year_cells() {
    references_.clear();
    reference_of_.clear();
    year_cells_.assign(year_sources_.size(), Cell{});
    year_refs_.assign(year_sources_.size(), {});
    double width = columns_.size() > 2 ? columns_[2].width : 0;
    for (size_t i = 1; i < year_sources_.size(); ++i) {
      const YearSource& source = year_sources_[i];
      Cell& cell = year_cells_[i];
      cell.blocks.push_back(mark_block(source));
      cell.text = data_.mark + (source.shown > 1 ? "×" + std::to_string(source.shown) : "");
      for (const auto& note : source.notes) {
        std::string shown = note;
        // Compact: after the mark on its line when it fits there; else a reference (below).
        if (compact_ && append_on_mark_line(cell, note, width)) continue;
        if (compact_ || !note_fits(note, width)) {
          auto [found, added] = reference_of_.try_emplace(note, references_.size() + 1);
          std::string number = "※" + std::to_string(found->second);
          if (added) {
            std::string body = note;
            if (body.rfind("※", 0) == 0) body = body.substr(std::string("※").size());
            references_.push_back(number + " " + body);
          }
          year_refs_[i].push_back(found->second);
          // The reference follows the mark on its line when there is room (the row stays one
          // line tall), else it has a line of its own; never broken between ※ and its number.
          if (append_on_mark_line(cell, number, width)) continue;
          shown = number;
        }
        // On the mark's next line, in the same flow.
        cell.blocks.front().runs.push_back({"\n" + shown, style_.note, style_.muted});
        cell.text += " " + shown;
      }
    }
  }

  void make_header() {
    const size_t columns = 2 + years_.size();
    header_cells_.assign(columns, {});
    auto set = [&](size_t c, const std::string& value) {
      header_cells_[c].blocks.push_back(
          {text(value, style_.header, style_.header_text), Align::center});
      header_cells_[c].text = value;
    };
    set(0, context_.expand(data_.region_header));
    set(1, context_.expand(data_.organizers_header));
    for (size_t y = 0; y < years_.size(); ++y) {
      set(2 + y,
          mode_ == HeaderMode::single ? year_label(years_[y], data_.years) : bare_year(years_[y]));
    }
    years_header_ = Cell{};
    years_header_.blocks.push_back(
        {text("年度", style_.header, style_.header_text), Align::center});
    years_header_.text = "年度";
    // Header widths at full size, for this mode.
    base_ = base_rows_;
    header_natural_.assign(columns, 0);
    for (size_t c = 0; c < columns; ++c) {
      Column header;
      measure_column(header, header_cells_[c]);
      header_natural_[c] = header.natural;
      base_[c].min = std::max(base_[c].min, header.min);
      base_[c].natural = std::max(base_[c].natural, header.natural);
    }
  }

  std::string bare_year(int year) const {
    if (data_.years == YearStyle::era || data_.years == YearStyle::era_short)
      return year_label(year, YearStyle::era_short);
    return std::to_string(year);
  }

  void make_cells() {
    year_sources_.assign(1, YearSource{});  // index 0: no session that year
    year_source_index_.clear();
    rows_.assign(matrix_.rows.size(), TableRow{});
    for (size_t r = 0; r < matrix_.rows.size(); ++r) {
      const auto& row = matrix_.rows[r];
      TableRow& cells = rows_[r];
      cells.label.blocks.push_back({text(row.label, style_.body, style_.text), Align::left});
      cells.label.text = row.label;
      if (!row.organizers.empty()) {
        cells.organizers.text = join(row.organizers, "・");
        cells.organizers.blocks.push_back(
            {text(cells.organizers.text, style_.body, style_.text), Align::left});
      }
      cells.organizers_natural = organizers_natural(cells.organizers);
      cells.organizers_key = cells.organizers.text + '\x1f' + row.note;
      if (!row.note.empty()) {
        // The row note on the cell's next line, in the same flow (one block, one line height).
        cells.note_natural =
            widths_.of(text(row.note, style_.note, style_.muted), context_.measurer).max;
        if (cells.organizers.blocks.empty()) {
          cells.organizers.blocks.push_back(
              {text(row.note, style_.note, style_.muted), Align::left});
        } else {
          cells.organizers.blocks.front().runs.push_back(
              {"\n" + row.note, style_.note, style_.muted});
        }
        cells.organizers.text += (cells.organizers.text.empty() ? "" : " ") + row.note;
        cells.organizers_inline = cells.organizers;
        if (!row.organizers.empty()) {
          auto& runs = cells.organizers_inline.blocks.front().runs;
          // A bracketed note brings its own space: （府内より傍聴受入）.
          runs.back().text = (row.note.rfind("（", 0) == 0 ? "" : " ") + row.note;
          cells.inline_natural = widths_.of(runs, context_.measurer).max;
        }
      }
      cells.years.resize(years_.size());
      for (size_t y = 0; y < years_.size(); ++y) {
        auto found = row.cells.find(years_[y]);
        cells.years[y] = year_source(found == row.cells.end() ? nullptr : &found->second);
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
    for (auto& cell : header_cells_) rescale(cell);
    rescale(years_header_);
    for (auto& row : rows_) {
      rescale(row.label);
      rescale(row.organizers);
      rescale(row.organizers_inline);
    }
  }

  // Column widths of the body rows at full size (headers are added per mode).
  void measure_rows() {
    const size_t count = 2 + years_.size();
    base_rows_.assign(count, {});
    row_widths_.clear();
    row_widths_.reserve(rows_.size());
    // The labels are the same in both forms: measured once.
    if (labels_.size() != rows_.size()) measure_labels();
    for (size_t r = 0; r < rows_.size(); ++r) {
      const TableRow& row = rows_[r];
      base_rows_[0].min = std::max(base_rows_[0].min, labels_[r].column.min);
      base_rows_[0].natural = std::max(base_rows_[0].natural, labels_[r].column.natural);
      measure_column(base_rows_[1],
                     compact_ && row.inline_natural > 0 ? row.organizers_inline : row.organizers);
      row_widths_.push_back(
          {labels_[r].natural, row.organizers_natural, row.note_natural, row.inline_natural});
    }
    if (count > 2) {
      // The mark decides the narrowest year column; notes only how wide it would like to be
      // (a note that does not fit becomes a reference).
      Column years;
      for (size_t i = 1; i < year_sources_.size(); ++i) {
        Cell mark;
        mark.blocks.push_back(mark_block(year_sources_[i]));
        measure_column(years, mark);
        double natural = years.natural;
        // The compact form sets notes after the mark or as references: the mark decides.
        for (const auto& note : compact_ ? std::vector<std::string>{} : year_sources_[i].notes) {
          Cell cell;
          cell.blocks.push_back({text(note, style_.note, style_.muted), Align::center});
          Column measured;
          measure_column(measured, cell);
          natural = std::max(natural, measured.natural);
        }
        years.natural = natural;
      }
      for (size_t c = 2; c < count; ++c) base_rows_[c] = years;
    }
  }

  // Each label's column widths, unwrapped width and (set on one line) height, at full size.
  void measure_labels() {
    labels_.clear();
    labels_.reserve(rows_.size());
    for (const TableRow& row : rows_) {
      LabelWidths label;
      measure_column(label.column, row.label);
      label.natural = natural_of(row.label, 0);
      if (one_line(row.label)) {
        // Set unwrapped, it is one line as tall as its tallest word.
        ContentWidths widths = widths_.of(row.label.blocks[0].runs, context_.measurer);
        label.line_height = widths.ascent + widths.descent;
      }
      labels_.push_back(label);
    }
  }

  // Unwrapped width of an organizers cell (before its note), at full size: a few texts fill
  // thousands of rows, so each is measured once.
  double organizers_natural(const Cell& organizers) {
    auto found = organizer_naturals_.find(organizers.text);
    if (found == organizer_naturals_.end()) {
      found = organizer_naturals_.emplace(organizers.text, natural_of(organizers, 0)).first;
    }
    return found->second;
  }

  // Unwrapped width of block `index` of `cell` (0 when absent), at full size.
  double natural_of(const Cell& cell, size_t index) {
    if (index >= cell.blocks.size()) return 0;
    return widths_.of(cell.blocks[index].runs, context_.measurer).max;
  }

  // Splits `room` between the label and organizer columns so that the rows need the fewest
  // lines in all (each row as tall as its taller cell), preferring a wider label on a tie.
  double best_label_width(double room, double label_floor, double label_natural,
                          double organizers_floor, double scale) {
    const double pad = 2 * kPadX * scale;
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
                       lines(row.note * scale, inner_organizers);
        if (compact_ && row.inline_width > 0 && row.inline_width * scale <= inner_organizers)
          right = 1;
        cost += std::max(left, right);
      }
      if (best_cost < 0 || cost < best_cost - 1e-9) best = label, best_cost = cost;
    }
    return best;
  }

  void measure_column(Column& column, const Cell& cell) {
    for (const auto& block : cell.blocks) {
      ContentWidths widths = widths_.of(block.runs, context_.measurer);
      double suffix = 0;
      for (const auto& run : block.suffix) {
        suffix += context_.measurer.measure(run.text, run.font).width + kSuffixGap;
      }
      // A suffix sits right of a centred block: room for it on both sides keeps the centre.
      column.min = std::max(column.min, widths.min + 2 * suffix + 2 * kPadX);
      column.natural = std::max(column.natural, widths.max + 2 * suffix + 2 * kPadX);
    }
  }

  // Chooses column widths. False when the table would need its year headers wrapped or its
  // label columns squeezed below a few characters; the caller then tries a smaller type size or
  // the narrower header, and at the limit squeezes anyway (and warns).
  bool fit_columns(double scale, bool last_try) {
    const size_t count = base_.size();
    columns_ = base_;
    std::vector<double> header_natural = header_natural_;
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
    bool fits = true;
    double year_width = year_base;
    if (natural_total <= width) {
      label.width = label.natural, organizers.width = organizers.natural;
      double extra = width - natural_total;
      // First let the year columns grow towards their notes' width, then widen every column.
      if (years > 0) {
        double grow = std::min(extra / years, std::max(0.0, year_natural - year_base));
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
          fits = false;
          // Share what there is in proportion to the narrowest widths.
          double total = mins + years * year_min;
          label.width = width * label.min / total;
          organizers.width = width * organizers.min / total;
          year_width = width * year_min / total;
        }
      }
    }
    for (size_t c = 2; c < count; ++c) columns_[c].width = year_width;
    return fits;
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

  // A few organizer texts (地区医師会, 市・地区医師会 …) fill thousands of rows: each distinct
  // one, with its note and form, is flowed once per scale, and rows point to it.
  const FlowedCell& flow_organizers(const TableRow& cells, bool inline_note) {
    auto& flowed = organizers_flowed_[inline_note ? 1 : 0];
    auto found = flowed.find(cells.organizers_key);
    if (found == flowed.end()) {
      const Cell& cell = inline_note ? cells.organizers_inline : cells.organizers;
      found = flowed.emplace(cells.organizers_key, flow_cell(cell, columns_[1].width)).first;
    }
    return found->second;
  }

  // Whether the compact form sets the row note after the organizers, on their line.
  bool inline_note(const TableRow& cells) const {
    return compact_ && cells.inline_natural > 0 &&
           cells.inline_natural * current_scale_ <= columns_[1].width - 2 * style_.pad_x + 0.01;
  }

  FlowedRow flow_row(const TableRow& cells) {
    FlowedRow row;
    row.own.push_back(flow_cell(cells.label, columns_[0].width));
    row.cells = {&row.own[0], &flow_organizers(cells, inline_note(cells))};
    for (uint32_t index : cells.years) row.cells.push_back(&year_flowed_[index]);
    return finish_row(std::move(row));
  }

  void flow_header() {
    Header& h = header_;
    h.row = FlowedRow{};
    h.row.own.reserve(header_cells_.size());
    for (size_t c = 0; c < header_cells_.size(); ++c)
      h.row.own.push_back(flow_cell(header_cells_[c], columns_[c].width));
    for (const auto& cell : h.row.own) h.row.cells.push_back(&cell);
    h.row = finish_row(std::move(h.row));
    h.top = 0;
    h.height = h.row.height;
    if (mode_ == HeaderMode::spanning) {
      double years_width = 0;
      for (size_t c = 2; c < columns_.size(); ++c) years_width += columns_[c].width;
      h.years_cell = flow_cell(years_header_, years_width);
      double line = style_.body.size * style_.line_spacing;
      h.top = std::max(h.years_cell.height, line) + 2 * style_.pad_y;
      // The bottom row holds the years; the two label cells span both rows.
      double years_row = 0;
      for (size_t c = 2; c < h.row.cells.size(); ++c)
        years_row = std::max(years_row, h.row.cells[c]->height);
      double bottom = std::max(years_row, line) + 2 * style_.pad_y;
      double labels = 0;
      for (size_t c = 0; c < 2 && c < h.row.cells.size(); ++c)
        labels = std::max(labels, h.row.cells[c]->height + 2 * style_.pad_y);
      h.height = std::max(h.top + bottom, labels);
    }
  }

  FlowedRow finish_row(FlowedRow row) {
    double tallest = 0;
    for (const auto* cell : row.cells) tallest = std::max(tallest, cell->height);
    row.height = row_height(tallest);
    return row;
  }

  // A row as tall as its tallest cell, and at least one body line tall, so empty rows still read
  // as rows.
  double row_height(double tallest) const {
    double line = style_.body.size * style_.line_spacing;
    return std::max(tallest, line) + 2 * style_.pad_y;
  }

  // Paints one cell's blocks centred vertically in [y, y + height), as one block of lines.
  void paint_cell(const FlowedCell& cell, double x, double width, double y, double height,
                  std::vector<scene::Item>& out) {
    const size_t first = out.size();
    double top = y + (height - cell.height) / 2;
    for (const auto& block : cell.blocks) {
      const FlowedText& flowed = block.text;
      size_t before = out.size();
      place_text(flowed, {x + style_.pad_x, top, width - 2 * style_.pad_x, flowed.height},
                 block.align, VAlign::top, out);
      if (!block.suffix.empty() && out.size() > before) {
        const auto& last = std::get<scene::TextLine>(out.back());
        double after = last.baseline.x + last.width + kSuffixGap;
        double baseline = last.baseline.y;
        for (const auto& run : block.suffix) {
          double w = context_.measurer.measure(run.text, run.font).width;
          out.emplace_back(scene::TextLine{{after, baseline}, run.text, run.font, run.color, w});
          after += w;
        }
      }
      top += flowed.height + style_.note_gap;
    }
    share_block(out, first, scene::new_block());
  }

  void paint_row(const FlowedRow& row, double y, bool stripe, std::vector<scene::Item>& out) {
    const scene::Rect& box = context_.box;
    if (stripe) {
      scene::Path fill = scene::rectangle({box.x, y, table_width(), row.height});
      fill.fill = context_.theme.table_stripe_fill;
      out.emplace_back(std::move(fill));
    }
    double x = box.x;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      paint_cell(*row.cells[c], x, columns_[c].width, y, row.height, out);
      x += columns_[c].width;
    }
  }

  void paint_header(std::vector<scene::Item>& out) {
    const scene::Rect& box = context_.box;
    const Header& h = header_;
    scene::Path fill = scene::rectangle({box.x, box.y, table_width(), h.height});
    fill.fill = context_.theme.table_header_fill;
    out.emplace_back(std::move(fill));
    double x = box.x;
    for (size_t c = 0; c < h.row.cells.size(); ++c) {
      bool year = mode_ == HeaderMode::spanning && c >= 2;
      double top = year ? box.y + h.top : box.y;
      double height = year ? h.height - h.top : h.height;
      paint_cell(*h.row.cells[c], x, columns_[c].width, top, height, out);
      x += columns_[c].width;
    }
    if (mode_ == HeaderMode::spanning && columns_.size() > 2) {
      double left = box.x + columns_[0].width + columns_[1].width;
      paint_cell(h.years_cell, left, table_width() - columns_[0].width - columns_[1].width, box.y,
                 h.top, out);
    }
  }

  double table_width() const {
    double width = 0;
    for (const auto& column : columns_) width += column.width;
    return width;
  }

  void paint_grid(double top, const std::vector<double>& row_bottoms,
                  std::vector<scene::Item>& out) {
    const scene::Rect& box = context_.box;
    double width = table_width();
    double bottom = row_bottoms.empty() ? top : row_bottoms.back();
    scene::Path grid;
    grid.stroke = scene::Stroke{context_.theme.table_grid, 0.5, {}};
    auto add_line = [&](scene::Point a, scene::Point b) {
      grid.segments.push_back({scene::PathVerb::move_to, {a}});
      grid.segments.push_back({scene::PathVerb::line_to, {b}});
    };
    for (size_t i = 0; i + 1 < row_bottoms.size(); ++i) {
      add_line({box.x, row_bottoms[i]}, {box.x + width, row_bottoms[i]});
    }
    double years_left = box.x + (columns_.size() > 2 ? columns_[0].width + columns_[1].width : 0);
    if (mode_ == HeaderMode::spanning && columns_.size() > 2) {
      add_line({years_left, top + header_.top}, {box.x + width, top + header_.top});
    }
    double x = box.x;
    for (size_t c = 0; c + 1 < columns_.size(); ++c) {
      x += columns_[c].width;
      // Between year columns the spanning header's top row is one cell.
      bool inside_years = mode_ == HeaderMode::spanning && c >= 2;
      add_line({x, inside_years ? top + header_.top : top}, {x, bottom});
    }
    out.emplace_back(std::move(grid));
    scene::Path frame = scene::rectangle({box.x, top, width, bottom - top});
    frame.stroke = scene::Stroke{context_.theme.rule, 1, {}};
    out.emplace_back(std::move(frame));
  }

  scene::TableCell table_cell(const Cell& cell, const scene::Font& font, Align align,
                              std::optional<scene::Color> fill) const {
    scene::TableCell out;
    out.text = cell.text;
    out.font_size = font.size;
    out.bold = font.weight == scene::Weight::bold;
    out.align = align == Align::center ? "center" : align == Align::right ? "right" : "left";
    out.fill = fill;
    return out;
  }

  // The table's meaning on one page: header rows, then rows [first, last).
  scene::Table table_meaning(size_t first, size_t last, double height) const {
    scene::Table table;
    table.role = "rollout_table";
    table.box = {context_.box.x, context_.box.y, table_width(), height};
    for (const auto& column : columns_) table.column_widths.push_back(column.width);
    table.continued = first > 0 || later_part_;
    const auto header_fill = context_.theme.table_header_fill;
    std::vector<scene::TableCell> header;
    for (const auto& cell : header_cells_)
      header.push_back(table_cell(cell, style_.header, Align::center, header_fill));
    if (mode_ == HeaderMode::spanning) {
      std::vector<scene::TableCell> top = header;
      for (size_t c = 2; c < top.size(); ++c)
        top[c] = table_cell(Cell{}, style_.header, Align::center, header_fill);
      if (top.size() > 2)
        top[2] = table_cell(years_header_, style_.header, Align::center, header_fill);
      header[0].text.clear(), header[1].text.clear();
      table.cells.push_back(std::move(top));
      table.cells.push_back(std::move(header));
      table.header_rows = 2;
      table.row_heights = {header_.top, header_.height - header_.top};
      table.spans.push_back({0, 0, 2, 1});
      table.spans.push_back({0, 1, 2, 1});
      if (columns_.size() > 2)
        table.spans.push_back({0, 2, 1, static_cast<int>(columns_.size() - 2)});
    } else {
      table.cells.push_back(std::move(header));
      table.header_rows = 1;
      table.row_heights = {header_.height};
    }
    for (size_t r = first; r < last; ++r) {
      const TableRow& row = rows_[r];
      std::optional<scene::Color> fill;
      if ((r - first) % 2 == 1) fill = context_.theme.table_stripe_fill;
      std::vector<scene::TableCell> cells;
      cells.push_back(table_cell(row.label, style_.body, Align::left, fill));
      cells.push_back(table_cell(row.organizers, style_.body, Align::left, fill));
      for (uint32_t index : row.years)
        cells.push_back(table_cell(year_cells_[index], style_.body, Align::center, fill));
      table.cells.push_back(std::move(cells));
      table.row_heights.push_back(row_heights_[r]);
    }
    return table;
  }

  ElementLayout paginate(const std::vector<FlowedRow>& rows) {
    const scene::Rect& box = context_.box;
    flow_header();
    const double capacity = room();
    // Balanced pages: the smallest page height that keeps the fewest pages.
    const std::vector<double> heights = heights_of(rows);
    size_t pages = count_pages(heights, capacity);
    double target = capacity;
    if (pages > 1) {
      double low = 0, high = capacity;
      for (double height : heights) low = std::max(low, std::min(height, capacity));
      for (int i = 0; i < 40 && high - low > 0.05; ++i) {
        double mid = (low + high) / 2;
        if (count_pages(heights, mid) <= pages)
          high = mid;
        else
          low = mid;
      }
      target = high;
    }
    row_heights_.assign(rows.size(), 0);
    for (size_t r = 0; r < rows.size(); ++r) row_heights_[r] = rows[r].height;

    ElementLayout out;
    std::vector<scene::Item>* page = &out.items;
    std::vector<scene::Item> painted;
    std::vector<double> bottoms;
    double y = box.y + header_.height;
    size_t on_page = 0, page_first = 0;
    bool warned = false;
    auto finish_page = [&](size_t last) {
      std::vector<double> all = {box.y + header_.height};
      all.insert(all.end(), bottoms.begin(), bottoms.end());
      paint_grid(box.y, all, painted);
      page->emplace_back(
          scene::meaningful(table_meaning(page_first, last, y - box.y), std::move(painted)));
      painted.clear();
      double below = y + kNoteGap;
      // The references used on this page, then the registry's caveat (on every page of data).
      std::vector<int> used;
      for (size_t r = page_first; r < last; ++r) {
        for (uint32_t index : rows_[r].years) {
          for (int n : year_refs_[index]) used.push_back(n);
        }
      }
      std::sort(used.begin(), used.end());
      used.erase(std::unique(used.begin(), used.end()), used.end());
      if (!used.empty()) {
        std::vector<std::string> entries;
        for (int n : used) entries.push_back(references_[n - 1]);
        FlowedText list = flow_references(entries);
        const size_t first = page->size();
        place_text(list, {box.x, below, box.width, list.height}, Align::left, VAlign::top, *page);
        wrap_text_block(*page, first, "note", entries, {box.x, below, box.width, list.height},
                        context_.measurer);
        below += list.height + kNoteGap;
      }
      if (!footnote_text_.empty()) {
        const size_t first = page->size();
        place_text(footnote_, {box.x, below, box.width, footnote_.height}, Align::left, VAlign::top,
                   *page);
        wrap_text_block(*page, first, "caveat", {plain_text(footnote_runs_)},
                        {box.x, below, box.width, footnote_.height}, context_.measurer);
      }
    };
    auto start_page = [&](size_t first) {
      paint_header(painted);
      y = box.y + header_.height;
      bottoms.clear();
      on_page = 0;
      page_first = first;
    };
    start_page(0);
    for (size_t r = 0; r < rows.size(); ++r) {
      const FlowedRow& row = rows[r];
      if (on_page > 0 && y + row.height > box.y + header_.height + target + 0.01) {
        finish_page(r);
        out.more_pages.emplace_back();
        page = &out.more_pages.back();
        start_page(r);
      }
      if (on_page == 0 && row.height > capacity + 0.01 && !warned) {
        context_.warn(element_, "a row of the table ('" + matrix_.rows[r].label +
                                    "') is taller than the page; it runs past the box");
        warned = true;
      }
      paint_row(row, y, on_page % 2 == 1, painted);
      y += row.height;
      bottoms.push_back(y);
      ++on_page;
    }
    if (out.more_pages.empty())
      out.used_height = y - box.y + footnote_height_ + references_height();
    finish_page(rows.size());
    return out;
  }

  const TableData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  WidthsMemo& widths_;
  const analysis::SpreadMatrix& matrix_;
  std::vector<int> years_;  // the year columns of this table
  bool later_part_ = false;
  bool compact_ = false;  // notes after their mark or as references, year columns narrow
  Style style_;
  HeaderMode mode_ = HeaderMode::single;
  std::vector<Cell> header_cells_;
  Cell years_header_;
  Header header_;
  std::vector<TableRow> rows_;
  struct RowWidths {
    double label = 0, organizers = 0, note = 0, inline_width = 0;  // unwrapped, at full size
  };
  std::vector<RowWidths> row_widths_;
  struct LabelWidths {
    Column column;           // as measure_column finds it
    double natural = 0;      // unwrapped
    double line_height = 0;  // set on one line; 0: the label may break (spaces, breaks)
  };
  std::vector<LabelWidths> labels_;                             // per row, at full size
  std::unordered_map<std::string, double> organizer_naturals_;  // looked up, never iterated
  std::vector<YearSource> year_sources_;  // distinct year cells; 0 is the empty one
  std::map<std::pair<int, std::vector<std::string>>, uint32_t> year_source_index_;
  std::vector<Cell> year_cells_;             // the same at the current size
  std::vector<std::vector<int>> year_refs_;  // references each year cell uses
  std::vector<FlowedCell> year_flowed_;      // the same, flowed at the current scale
  // Organizer cells flowed at the current scale, by organizers_key, with the note below them
  // and (the compact form) after them; looked up, never iterated. Nodes stay where they are,
  // so rows point to them until the next scale.
  std::array<std::unordered_map<std::string, FlowedCell>, 2> organizers_flowed_;
  std::vector<std::string> references_;  // "※1 独自資料使用", in order of first use
  std::map<std::string, int> reference_of_;
  std::vector<Column> columns_;
  std::vector<Column> base_rows_;  // measured at full size, body rows only
  std::vector<Column> base_;       // and with this mode's header
  std::vector<double> header_natural_;
  std::vector<double> row_heights_;
  double current_scale_ = 1.0;  // scale the cells' fonts are set at
  bool cells_made_ = false;     // rows_ and year_sources_ hold the matrix's cells
  std::string footnote_text_;
  std::vector<Run> footnote_runs_;
  FlowedText footnote_;
  double footnote_height_ = 0;
  static constexpr double kNoteGap = 3;
  static constexpr double kSuffixGap = 1;
};

// Splits `years` into `parts` consecutive runs of nearly equal length.
std::vector<std::vector<int>> split_years(const std::vector<int>& years, size_t parts) {
  std::vector<std::vector<int>> out;
  size_t start = 0;
  for (size_t p = 0; p < parts; ++p) {
    size_t end = (years.size() * (p + 1)) / parts;
    out.emplace_back(years.begin() + start, years.begin() + end);
    start = end;
  }
  return out;
}

ElementLayout layout_rows(const TableData& data, const ElementSpec& element,
                          LayoutContext& context);

// The selection first (where / sort / limit over the slide's matrix), then the table of it.
ElementLayout layout_table(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<TableData>();
  if (!data.selection.any()) return layout_rows(data, element, context);
  SelectedMatrix selected = select_matrix(context.matrix, context.registry, data.selection);
  LayoutContext inner = context.with_matrix(selected.matrix);
  if (selected.left_out() == 0) return layout_rows(data, element, inner);
  TableData noted = data;
  std::string note = data.left_out_note;
  auto put = [&](const std::string& name, size_t value) {
    for (size_t at = note.find(name); at != std::string::npos; at = note.find(name))
      note.replace(at, name.size(), std::to_string(value));
  };
  put("{shown}", selected.matrix.rows.size());
  put("{left_out}", selected.left_out());
  noted.footnote = noted.footnote.empty() ? note : note + "　" + noted.footnote;
  return layout_rows(noted, element, inner);
}

ElementLayout layout_rows(const TableData& data, const ElementSpec& element,
                          LayoutContext& context) {
  const std::vector<int>& years = context.matrix.years;
  // Too many years for one table's width at a readable size: the years are split into
  // consecutive parts, each a table of every row (and its pages), before any type gets smaller.
  WidthsMemo widths;
  // One builder per part; those of the split that fits go on to build (keeping what they measured).
  std::vector<TableBuilder> builders;
  auto make_builders = [&](size_t parts) {
    builders.clear();
    builders.reserve(parts);
    for (auto& part : split_years(years, parts)) {
      bool later_part = !builders.empty();
      builders.emplace_back(data, element, context, widths, std::move(part), later_part);
    }
  };
  auto all_fit = [&] {
    for (auto& builder : builders) {
      double scale = 0;
      if (!builder.fit_width(scale)) return false;
    }
    return true;
  };
  size_t parts = 1;
  bool fitted = false;
  for (; parts < std::max<size_t>(1, years.size()); ++parts) {
    make_builders(parts);
    fitted = all_fit();
    if (fitted) break;
  }
  if (!fitted) make_builders(parts);
  ElementLayout out;
  bool first = true;
  for (auto& builder : builders) {
    ElementLayout laid = builder.build();
    if (first) {
      out = std::move(laid);
      first = false;
      continue;
    }
    out.used_height = -1;
    out.more_pages.push_back(std::move(laid.items));
    for (auto& more : laid.more_pages) out.more_pages.push_back(std::move(more));
  }
  return out;
}

}  // namespace

ElementType rollout_table_element() {
  return {"rollout_table",
          {"data", "years", "counts", "headers", "footnote", "mark", "where", "sort", "limit"},
          parse_table,
          layout_table,
          nullptr};
}

}  // namespace tenkai::layout
