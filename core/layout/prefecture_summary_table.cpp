// The prefecture summary table: one row per prefecture (all 47, or those with data) with its
// regions holding sessions, the municipalities they cover against the prefecture's count, the
// share covered and the first fiscal year, and a totals row. Rows that do not fit one page
// continue on balanced pages with the header repeated, never below the theme's body floor.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "core/analysis/prefecture_summary.h"
#include "core/layout/data_selection.h"
#include "core/layout/text_meaning.h"
#include "core/layout/year_style.h"

namespace tenkai::layout {
namespace {

constexpr size_t kColumns = 6;

struct SummaryData : ElementData {
  bool all = false;  // every prefecture, or only those with regions in the matrix
  YearStyle years = YearStyle::fiscal;
  bool totals = true;
  std::string total_label = "計";
  std::string none = "－";
  std::string headers[kColumns] = {"都道府県",   "開催地域数",         "開催市区町村数",
                                   "市区町村数", "開催市区町村の割合", "初回開催年度"};
  std::string footnote = "※市区町村数は総務省調べ（2014年4月5日以降）。東京都は特別区を含む";
  DataSelection selection;  // where / sort / limit (data_selection.h)
};

const char* const kHeaderKeys[kColumns] = {"prefecture",     "regions", "covered",
                                           "municipalities", "share",   "first_year"};

std::shared_ptr<const ElementData> parse_summary(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<SummaryData>();
  reader.choice(node, "data", {"prefecture_summary"});
  if (auto which = reader.choice(node, "prefectures", {"all", "with_data"}))
    data->all = *which == "all";
  if (auto years = read_year_style(reader, node)) data->years = *years;
  data->totals = reader.boolean(node, "totals").value_or(true);
  data->total_label = reader.text(node, "total_label").value_or(data->total_label);
  data->none = reader.text(node, "none").value_or(data->none);
  if (const YAML::Node headers = node["headers"]) {
    std::vector<std::string> keys(std::begin(kHeaderKeys), std::end(kHeaderKeys));
    if (reader.check_keys(headers, keys, "table headers")) {
      for (size_t c = 0; c < kColumns; ++c)
        data->headers[c] = reader.text(headers, kHeaderKeys[c]).value_or(data->headers[c]);
    }
  }
  if (const YAML::Node footnote = node["footnote"]) {
    if (footnote.IsScalar() && (footnote.Scalar() == "false" || footnote.Scalar() == "none"))
      data->footnote.clear();
    else if (auto text = reader.text(node, "footnote"))
      data->footnote = *text;
  }
  data->selection = read_selection(node, reader, Listing::prefectures);
  return data;
}

// The summary's rows the selection shows: `where:` narrows the matrix the counts come from (and
// names the prefectures), `sort:` orders the prefectures (those without data last when all are
// listed), `limit:` keeps the first N.
std::vector<analysis::PrefectureSummaryRow> chosen_rows(const SummaryData& data,
                                                        LayoutContext& context) {
  const DataSelection& selection = data.selection;
  const analysis::SpreadMatrix* matrix = &context.matrix;
  SelectedMatrix narrowed;
  if (selection.narrows()) {
    DataSelection where = selection;
    where.sort.clear();
    where.limit.reset();
    narrowed = select_matrix(context.matrix, context.registry, where);
    matrix = &narrowed.matrix;
  }
  analysis::PrefectureSummary summary = analysis::summarize_prefectures(context.registry, *matrix);
  std::vector<analysis::PrefectureSummaryRow> rows;
  for (const auto& row : summary.rows) {
    if (!data.all && row.regions == 0) continue;
    if (!selection.prefectures.empty() &&
        std::find(selection.prefectures.begin(), selection.prefectures.end(), row.prefecture) ==
            selection.prefectures.end())
      continue;
    rows.push_back(row);
  }
  if (selection.sort.empty() && !selection.limit) return rows;
  std::vector<PrefectureEntry> with_data = prefecture_entries(*matrix, context.registry);
  std::vector<PrefectureEntry> entries;
  for (const auto& row : rows) {
    PrefectureEntry entry{row.prefecture, row.code, row.regions, 0, row.first_year};
    for (const auto& known : with_data) {
      if (known.code == row.code) entry.sessions = known.sessions;
    }
    if (entry.first_year == 0) entry.first_year = 1 << 20;  // none: after every year
    entries.push_back(std::move(entry));
  }
  std::vector<analysis::PrefectureSummaryRow> ordered;
  for (const auto& entry : select_prefectures(std::move(entries), selection)) {
    for (const auto& row : rows) {
      if (row.code == entry.code) ordered.push_back(row);
    }
  }
  return ordered;
}

std::string percent(double share) {
  char buffer[32];
  auto end =
      std::to_chars(buffer, buffer + sizeof buffer, share * 100.0, std::chars_format::fixed, 1).ptr;
  return std::string(buffer, end) + "%";
}

// "1,741"
std::string grouped(int value) {
  std::string digits = std::to_string(value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0 && digits[at - 1] != '-'; at -= 3)
    digits.insert(static_cast<size_t>(at), ",");
  return digits;
}

std::vector<std::string> row_texts(const analysis::PrefectureSummaryRow& row,
                                   const std::string& label, const SummaryData& data) {
  return {label,
          grouped(row.regions),
          grouped(row.covered),
          grouped(row.municipalities),
          row.municipalities > 0 ? percent(row.share()) : data.none,
          row.first_year ? year_label(row.first_year, data.years) : data.none};
}

constexpr Align kAlign[kColumns] = {Align::left,  Align::right, Align::right,
                                    Align::right, Align::right, Align::center};

struct Sizes {
  double scale = 1, pad_x = 0, pad_y = 0, row = 0, header = 0;
  scene::Font body, bold;
  double widths[kColumns] = {};
  double table_width = 0;
};

class SummaryTable {
 public:
  SummaryTable(const SummaryData& data, const ElementSpec& element, LayoutContext& context)
      : data_(data), element_(element), context_(context) {
    analysis::PrefectureSummaryRow total;
    for (const auto& row : chosen_rows(data, context)) {
      rows_.push_back(row_texts(row, row.prefecture, data));
      total.regions += row.regions;
      total.covered += row.covered;
      total.municipalities += row.municipalities;
      if (row.first_year && (!total.first_year || row.first_year < total.first_year))
        total.first_year = row.first_year;
    }
    if (data.totals && !rows_.empty())
      total_ = row_texts(total, context.expand(data.total_label), data);
    for (size_t c = 0; c < kColumns; ++c) headers_.push_back(context.expand(data.headers[c]));
  }

  ElementLayout layout() {
    const Theme& theme = context_.theme;
    const double floor =
        std::clamp(theme.table_size > 0 ? theme.min_body_size / theme.table_size : 1.0,
                   std::clamp(theme.min_scale, 0.1, 1.0), 1.0);
    footnote_ = context_.expand(data_.footnote);
    // The fewest pages at the floor, then the largest size that needs no more of them.
    Sizes at_floor = sizes(floor);
    const size_t fewest = pages_for(at_floor);
    Sizes chosen = at_floor;
    for (double s = 1.0; s > floor + 1e-9; s -= 0.05) {
      Sizes trial = sizes(s);
      if (trial.table_width <= context_.box.width + 0.01 && pages_for(trial) <= fewest) {
        chosen = trial;
        break;
      }
    }
    if (chosen.table_width > context_.box.width + 0.01)
      context_.warn(element_,
                    "the summary's columns do not fit the box's width at the smallest "
                    "readable size; they run past it");
    return paint(chosen, pages_for(chosen));
  }

 private:
  Sizes sizes(double scale) {
    const Theme& theme = context_.theme;
    Sizes s;
    s.scale = scale;
    s.body = theme.font(theme.table_size * scale);
    s.bold = theme.font(theme.table_size * scale, scene::Weight::bold);
    s.pad_x = 5 * scale, s.pad_y = 1.5 * scale;
    // A row is one line's full extent (ascent + descent) and the padding, so no line leaves its
    // cell.
    const double line =
        flow_text({{"都道府県", s.bold, {}}}, 1e6, context_.measurer, kLineSpacing).height;
    s.row = line + 2 * s.pad_y;
    double natural[kColumns] = {};
    auto widen = [&](const std::vector<std::string>& texts, const scene::Font& font) {
      for (size_t c = 0; c < kColumns; ++c)
        natural[c] = std::max(natural[c], context_.measurer.measure(texts[c], font).width);
    };
    for (const auto& row : rows_) widen(row, s.body);
    if (!total_.empty()) widen(total_, s.bold);
    // Headers wrap to no narrower than the column's data (and no narrower than 4 characters).
    const double em = s.body.size;
    double header_height = line;
    double used = 0;
    for (size_t c = 0; c < kColumns; ++c) used += std::max(natural[c], 4 * em) + 2 * s.pad_x;
    const double spare = std::max(0.0, context_.box.width - used);
    double header_natural[kColumns] = {};
    double extra_wanted = 0;
    for (size_t c = 0; c < kColumns; ++c) {
      header_natural[c] = content_widths({{headers_[c], s.bold, {}}}, context_.measurer).max;
      extra_wanted += std::max(0.0, header_natural[c] - std::max(natural[c], 4 * em));
    }
    for (size_t c = 0; c < kColumns; ++c) {
      double base = std::max(natural[c], 4 * em);
      double want = std::max(0.0, header_natural[c] - base);
      double give = extra_wanted > 0 ? std::min(want, spare * want / extra_wanted) : 0;
      s.widths[c] = base + give + 2 * s.pad_x;
      FlowedText header = flow_text({{headers_[c], s.bold, {}}}, s.widths[c] - 2 * s.pad_x,
                                    context_.measurer, kLineSpacing);
      header_height = std::max(header_height, header.height);
      s.table_width += s.widths[c];
    }
    s.header = header_height + 2 * s.pad_y;
    // Room left over widens the table towards the box, up to 1.25 × its natural width.
    const double grow = std::min(context_.box.width, s.table_width * 1.25) - s.table_width;
    if (grow > 0) {
      for (size_t c = 0; c < kColumns; ++c) s.widths[c] += grow * s.widths[c] / s.table_width;
      s.table_width += grow;
    }
    return s;
  }

  double footnote_height(const Sizes&) {
    if (footnote_.empty()) return 0;
    const Theme& theme = context_.theme;
    return flow_text({{footnote_, theme.font(theme.footnote_size), theme.muted}},
                     context_.box.width, context_.measurer, theme.line_spacing)
               .height +
           kNoteGap;
  }

  size_t rows_per_page(const Sizes& s) {
    double room = context_.box.height - s.header - footnote_height(s);
    return static_cast<size_t>(std::max(1.0, std::floor((room + 0.01) / s.row)));
  }

  size_t body_rows() const { return rows_.size() + (total_.empty() ? 0 : 1); }

  size_t pages_for(const Sizes& s) {
    size_t per = rows_per_page(s);
    return std::max<size_t>(1, (body_rows() + per - 1) / per);
  }

  void paint_cell(const std::string& text, const scene::Font& font, scene::Color color, Align align,
                  double x, double y, double width, double height, const Sizes& s,
                  std::vector<scene::Item>& out) {
    const size_t first = out.size();
    FlowedText flowed = flow_text({{text, font, color}}, std::max(1.0, width - 2 * s.pad_x),
                                  context_.measurer, kLineSpacing);
    place_text(flowed, {x + s.pad_x, y + s.pad_y, width - 2 * s.pad_x, height - 2 * s.pad_y}, align,
               VAlign::middle, out);
    share_block(out, first, scene::new_block());
  }

  static scene::TableCell cell(const std::string& text, const scene::Font& font, Align align,
                               std::optional<scene::Color> fill) {
    scene::TableCell out;
    out.text = text;
    out.font_size = font.size;
    out.bold = font.weight == scene::Weight::bold;
    out.align = align == Align::center ? "center" : align == Align::right ? "right" : "left";
    out.fill = fill;
    return out;
  }

  ElementLayout paint(const Sizes& s, size_t pages) {
    const Theme& theme = context_.theme;
    const scene::Rect& box = context_.box;
    const double left = element_.align == Align::center  ? box.x + (box.width - s.table_width) / 2
                        : element_.align == Align::right ? box.x + box.width - s.table_width
                                                         : box.x;
    // Balanced pages: the rows shared as evenly as the pages allow.
    const size_t total_rows = body_rows();
    const size_t per = (total_rows + pages - 1) / pages;
    ElementLayout out;
    for (size_t page = 0, first = 0; first < total_rows || page == 0; ++page, first += per) {
      const size_t last = std::min(total_rows, first + per);
      std::vector<scene::Item> painted;
      scene::Table table;
      table.role = "prefecture_summary";
      table.header_rows = 1;
      table.continued = first > 0;
      table.column_widths.assign(std::begin(s.widths), std::end(s.widths));
      // Header.
      scene::Path header_fill = scene::rectangle({left, box.y, s.table_width, s.header});
      header_fill.fill = theme.table_header_fill;
      painted.emplace_back(std::move(header_fill));
      std::vector<scene::TableCell> header;
      double x = left;
      for (size_t c = 0; c < kColumns; ++c) {
        paint_cell(headers_[c], s.bold, theme.table_header_text, Align::center, x, box.y,
                   s.widths[c], s.header, s, painted);
        header.push_back(cell(headers_[c], s.bold, Align::center, theme.table_header_fill));
        x += s.widths[c];
      }
      table.cells.push_back(std::move(header));
      table.row_heights.push_back(s.header);
      // Body rows, the totals row last.
      double y = box.y + s.header;
      std::vector<double> bottoms;
      for (size_t r = first; r < last; ++r) {
        const bool is_total = r >= rows_.size();
        const auto& texts = is_total ? total_ : rows_[r];
        const scene::Font& font = is_total ? s.bold : s.body;
        std::optional<scene::Color> fill;
        if (is_total)
          fill = theme.table_stripe_fill;
        else if ((r - first) % 2 == 1)
          fill = theme.table_stripe_fill;
        if (fill) {
          scene::Path band = scene::rectangle({left, y, s.table_width, s.row});
          band.fill = *fill;
          painted.emplace_back(std::move(band));
        }
        std::vector<scene::TableCell> cells;
        x = left;
        for (size_t c = 0; c < kColumns; ++c) {
          paint_cell(texts[c], font, theme.text, kAlign[c], x, y, s.widths[c], s.row, s, painted);
          cells.push_back(cell(texts[c], font, kAlign[c], fill));
          x += s.widths[c];
        }
        table.cells.push_back(std::move(cells));
        table.row_heights.push_back(s.row);
        y += s.row;
        bottoms.push_back(y);
      }
      // Grid: row rules, column rules, a heavier rule over the totals, the frame.
      scene::Path grid;
      grid.stroke = scene::Stroke{theme.table_grid, 0.5, {}};
      auto line = [&](scene::Point a, scene::Point b) {
        grid.segments.push_back({scene::PathVerb::move_to, {a}});
        grid.segments.push_back({scene::PathVerb::line_to, {b}});
      };
      for (size_t i = 0; i + 1 < bottoms.size(); ++i)
        line({left, bottoms[i]}, {left + s.table_width, bottoms[i]});
      x = left;
      for (size_t c = 0; c + 1 < kColumns; ++c) {
        x += s.widths[c];
        line({x, box.y}, {x, y});
      }
      painted.emplace_back(std::move(grid));
      if (last == total_rows && !total_.empty() && last > first) {
        const double top = y - s.row;
        scene::Path rule;
        rule.stroke = scene::Stroke{theme.rule, 1, {}};
        rule.segments.push_back({scene::PathVerb::move_to, {{left, top}}});
        rule.segments.push_back({scene::PathVerb::line_to, {{left + s.table_width, top}}});
        painted.emplace_back(std::move(rule));
      }
      scene::Path frame = scene::rectangle({left, box.y, s.table_width, y - box.y});
      frame.stroke = scene::Stroke{theme.rule, 1, {}};
      painted.emplace_back(std::move(frame));
      table.box = {left, box.y, s.table_width, y - box.y};

      std::vector<scene::Item>& items = page == 0 ? out.items : out.more_pages.emplace_back();
      items.emplace_back(scene::meaningful(std::move(table), std::move(painted)));
      double below = y + kNoteGap;
      if (!footnote_.empty()) {
        std::vector<Run> runs = {{footnote_, theme.font(theme.footnote_size), theme.muted}};
        FlowedText flowed = flow_text(runs, box.width, context_.measurer, theme.line_spacing);
        const size_t from = items.size();
        scene::Rect note_box{box.x, below, box.width, flowed.height};
        place_text(flowed, note_box, Align::left, VAlign::top, items);
        wrap_text_block(items, from, "note", {footnote_}, note_box, context_.measurer);
        below += flowed.height;
      }
      if (pages == 1) out.used_height = below - box.y;
      if (last >= total_rows) break;
    }
    return out;
  }

  static constexpr double kLineSpacing = 1.1;
  static constexpr double kNoteGap = 3;
  const SummaryData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::string> total_;
  std::vector<std::string> headers_;
  std::string footnote_;
};

ElementLayout layout_summary(const ElementSpec& element, LayoutContext& context) {
  return SummaryTable(element.data_as<SummaryData>(), element, context).layout();
}

}  // namespace

ElementType prefecture_summary_element() {
  return {"prefecture_summary",
          {"data", "prefectures", "years", "totals", "total_label", "none", "headers", "footnote",
           "where", "sort", "limit"},
          parse_summary,
          layout_summary,
          nullptr};
}

}  // namespace tenkai::layout
