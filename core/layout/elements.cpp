// The element table and the services every element shares: placeholders, warnings, fit_text.
#include "core/layout/elements.h"

#include "core/analysis/period.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/figure_alt.h"
#include "core/layout/text_meaning.h"

#include <algorithm>
#include <charconv>

namespace tenkai::layout {

ElementType prefecture_summary_element();  // prefecture_summary_table.cpp

const std::vector<ElementType>& element_types() {
  static const std::vector<ElementType> types = {
      title_element(),
      subtitle_element(),
      text_element(),
      bullets_element(),
      footnote_element(),
      link_element(),
      qr_element(),
      image_element(),
      rule_element(),
      spacer_element(),
      rows_element(),
      columns_element(),
      grid_element(),
      rollout_table_element(),
      prefecture_summary_element(),
      // Diagrams (core/layout/diagrams/) follow, one entry each.
      function_types_element(),
      pattern_p1_element(),
      pattern_p2_element(),
      pattern_p3_element(),
      rollout_r1_element(),
      rollout_r2_element(),
      rollout_r3_element(),
      panels_element(),
      cards_element(),
      flow_element(),
      timeline_element(),
      adoption_chart_element(),
      tile_map_element(),
  };
  return types;
}

const ElementType* find_element_type(std::string_view name) {
  for (const auto& type : element_types()) {
    if (name == type.name) return &type;
  }
  return nullptr;
}

const std::vector<std::string>& common_element_keys() {
  static const std::vector<std::string> keys = {"type",   "id",    "box",    "width",  "height",
                                                "weight", "align", "valign", "figure", "alt"};
  return keys;
}

std::string ElementSpec::describe() const {
  return id.empty() ? "element '" + type + "'" : "element '" + type + "' ('" + id + "')";
}

void LayoutContext::warn(const ElementSpec& element, const std::string& message) const {
  diagnostics.warning(element.pos, slide + ", " + element.describe() + ": " + message);
}

namespace {

// Element types drawn as one figure (the adoption chart is a chart instead).
bool is_diagram(std::string_view type) {
  static const std::vector<std::string_view> names = {
      "function_types", "pattern_p1", "pattern_p2", "pattern_p3", "rollout_r1", "rollout_r2",
      "rollout_r3",     "panels",     "cards",      "flow",       "timeline",   "tile_map"};
  return std::find(names.begin(), names.end(), type) != names.end();
}

// The drawing kit already made the element one drawing (core/layout/diagrams/diagram_kit.h).
scene::Drawing* one_drawing(std::vector<scene::Item>& items) {
  if (items.size() != 1) return nullptr;
  auto* group = std::get_if<scene::Group>(&items.front());
  if (!group || !group->meaning) return nullptr;
  return std::get_if<scene::Drawing>(&*group->meaning);
}

void collect_texts(const std::vector<scene::Item>& items, std::vector<std::string>& texts,
                   uint32_t& last_block) {
  for (const auto& item : items) {
    if (const auto* line = std::get_if<scene::TextLine>(&item)) {
      if (line->block == last_block && !texts.empty()) {
        texts.back() += line->text;
      } else {
        texts.push_back(line->text);
      }
      last_block = line->block;
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      collect_texts(group->items, texts, last_block);
    }
  }
}

// What a reader who cannot see the drawing is told: its labels, in painting order.
std::string drawing_alt(const std::vector<scene::Item>& items) {
  std::vector<std::string> texts;
  uint32_t last_block = 0;
  collect_texts(items, texts, last_block);
  std::string alt;
  for (const auto& text : texts) {
    if (text.empty()) continue;
    if (alt.size() + text.size() > 600) {
      alt += "…";
      break;
    }
    alt += (alt.empty() ? "" : "、") + text;
  }
  return alt;
}

void set_alt(std::vector<scene::Item>& items, const std::string& alt) {
  for (auto& item : items) {
    if (auto* image = std::get_if<scene::Image>(&item)) {
      image->alt = alt;
    } else if (auto* group = std::get_if<scene::Group>(&item)) {
      if (group->meaning) {
        if (auto* chart = std::get_if<scene::Chart>(&*group->meaning)) chart->alt = alt;
        if (auto* drawing = std::get_if<scene::Drawing>(&*group->meaning)) drawing->alt = alt;
      }
      set_alt(group->items, alt);
    }
  }
}
}  // namespace

void apply_alt(const ElementSpec& element, ElementLayout& layout) {
  if (!element.alt) return;
  set_alt(layout.items, *element.alt);
  for (auto& page : layout.more_pages) set_alt(page, *element.alt);
}

ElementLayout LayoutContext::layout_child(const ElementSpec& child, scene::Rect child_box) {
  LayoutContext inner = *this;
  inner.box = child_box;
  ElementLayout out = child.kind->layout(child, inner);
  // Lines a diagram set one by one get a block each; a diagram as a whole is one drawing.
  number_loose_lines(out.items);
  if (auto* drawing = is_diagram(child.type) ? one_drawing(out.items) : nullptr) {
    if (out.used_height >= 0) drawing->box.height = std::min(drawing->box.height, out.used_height);
    if (drawing->alt.empty()) {
      drawing->alt = drawing_alt(std::get<scene::Group>(out.items.front()).items);
    }
  } else if (is_diagram(child.type)) {
    scene::Rect box = child_box;
    if (out.used_height >= 0) box.height = std::min(box.height, out.used_height);
    std::string alt = drawing_alt(out.items);
    std::vector<scene::Item> painted = std::move(out.items);
    out.items.clear();
    out.items.emplace_back(
        scene::meaningful(scene::Drawing{child.type, box, std::move(alt)}, std::move(painted)));
  }
  apply_alt(child, out);
  if (child.figure && figures) {
    // The element alone on a page of its own size, with a small margin.
    constexpr double kPad = 6;
    scene::Figure figure;
    figure.name = child.figure->name;
    figure.formats = child.figure->formats;
    figure.png_dpi = child.figure->dpi;
    figure.page.width = child_box.width + 2 * kPad;
    double height = out.used_height >= 0 ? out.used_height : child_box.height;
    figure.page.height = height + 2 * kPad;
    figure.page.title = figure.name;
    scene::Group group;
    group.offset = {kPad - child_box.x, kPad - child_box.y};
    group.items = out.items;
    figure.page.items.emplace_back(std::move(group));
    figures->push_back(std::move(figure));
  }
  return out;
}

namespace {
std::string points(double value) {
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 0).ptr;
  return std::string(buffer, end) + "pt";
}
}  // namespace

double fit_text(LayoutContext& context, const ElementSpec& element, const std::vector<Run>& runs,
                const scene::Rect& box, Align align, VAlign valign, std::vector<scene::Item>& out) {
  constexpr double kStep = 0.05;
  const double limit = std::clamp(context.theme.min_scale, 0.1, 1.0);
  for (double scale = 1.0;; scale -= kStep) {
    if (scale < limit + 1e-9) scale = limit;
    auto scaled = scale == 1.0 ? runs : scale_runs(runs, scale);
    FlowedText flowed = flow_text(scaled, box.width, context.measurer, context.theme.line_spacing);
    bool fits = !flowed.too_wide && flowed.height <= box.height + 0.01;
    if (fits || scale == limit) {
      if (!fits) {
        std::string why =
            flowed.too_wide
                ? "a word is wider than the box (" + points(box.width) + ")"
                : "needs " + points(flowed.height) + " of height, has " + points(box.height);
        context.warn(element, "text does not fit its box even at " +
                                  std::to_string(static_cast<int>(limit * 100 + 0.5)) + "% size (" +
                                  why + "); it runs past the box");
        valign = VAlign::top;
      }
      place_text(flowed, box, align, valign, out);
      return scale;
    }
  }
}

const std::vector<std::string>& placeholder_names() {
  static const std::vector<std::string> names = {
      "registry.title", "registry.as_of", "registry.as_of_ja", "registry.caveat",
      "matrix.first_year", "matrix.last_year", "matrix.regions", "deck.title", "deck.author",
      "deck.subject", "deck.date",
      // The last year's figures, and the examples the diagrams choose (deck texts only).
      "matrix.new_last_year", "matrix.active_last_year", "matrix.new_last_year_regions",
      "example.p1", "example.p2", "example.p3", "example.r1", "example.r2", "example.r3",
      // How many regions hold each pattern and prefectures each rollout (data_selection.h).
      "patterns.p1", "patterns.p2", "patterns.p3", "rollouts.r1", "rollouts.r2", "rollouts.r3",
      "rollouts.prefectures", "matrix.prefectures",
      // The reporting period (core/analysis/period.h).
      "period_ja", "period.first", "period.last", "period.first_ja", "period.last_ja",
      "period.first_era", "period.last_era"};
  return names;
}

namespace {
// "2015-10-16" -> "2015年10月16日"; anything else is returned unchanged.
std::string japanese_date(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  auto number = [&](size_t at, size_t length) {
    std::string digits = iso.substr(at, length);
    while (digits.size() > 1 && digits.front() == '0') digits.erase(digits.begin());
    return digits;
  };
  return number(0, 4) + "年" + number(5, 2) + "月" + number(8, 2) + "日";
}
}  // namespace

Placeholders make_placeholders(const registry::Registry& registry,
                               const analysis::SpreadMatrix& matrix,
                               const scene::DocumentInfo& info) {
  Placeholders p;
  const int last = matrix.years.empty() ? 0 : matrix.years.back();
  auto count_of = [&](const std::map<int, int>& totals) {
    auto found = totals.find(last);
    return std::to_string(found == totals.end() ? 0 : found->second);
  };
  std::string new_regions;
  for (const auto& row : matrix.rows) {
    if (row.first_year != last) continue;
    if (!new_regions.empty()) new_regions += "、";
    new_regions += row.label;
  }
  p.values = {
      {"registry.title", registry.title},
      {"registry.as_of", registry.as_of},
      {"registry.as_of_ja", japanese_date(registry.as_of)},
      {"registry.caveat", matrix.caveat},  // with the period written in
      {"matrix.first_year", matrix.years.empty() ? "" : std::to_string(matrix.years.front())},
      {"matrix.last_year", matrix.years.empty() ? "" : std::to_string(matrix.years.back())},
      {"matrix.regions", std::to_string(matrix.rows.size())},
      {"deck.title", info.title},
      {"deck.author", info.author},
      {"deck.subject", info.subject},
      {"deck.date", japanese_date(info.creation_date)},
      {"matrix.new_last_year", count_of(matrix.new_regions)},
      {"matrix.active_last_year", count_of(matrix.active)},
      {"matrix.new_last_year_regions", new_regions.empty() ? "なし" : new_regions},
  };
  std::optional<std::pair<int, int>> period;
  if (!matrix.years.empty()) period = {matrix.years.front(), matrix.years.back()};
  for (auto& entry : analysis::period_placeholders(period)) p.values.push_back(std::move(entry));
  return p;
}

std::string Placeholders::expand(std::string_view text) const {
  if (text.find('{') == std::string_view::npos) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string_view name = text.substr(open + 1, close - open - 1);
    auto found = std::find_if(values.begin(), values.end(),
                              [&](const auto& entry) { return entry.first == name; });
    if (found != values.end())
      out += found->second;
    else
      out.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace tenkai::layout
