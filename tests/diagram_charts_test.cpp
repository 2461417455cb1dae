// Diagram elements (panels and cards as the default deck writes them, adoption_chart, tile_map)
// laid out with a fixed-width measurer: data-proportional bars, round ticks, no overlapping
// text, tile colours following first years, registry changes reaching the map, positioned spec
// errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/layout/deck.h"
#include "core/layout/diagrams/diagram_kit.h"
#include "core/registry/loader.h"
#include "core/registry/prefectures.h"
#include "renderers/cairo/page_renderers.h"
#include "tests/support.h"

namespace {

using namespace tenkai;
using layout::ElementLayout;
using scene::Rect;

// A registry loaded and analysed, with everything a LayoutContext needs.
struct Data {
  registry::Registry registry;
  analysis::SpreadMatrix matrix;
  analysis::Classification classification;
  Diagnostics diagnostics;

  explicit Data(const std::string& text) {
    auto loaded = registry::parse_registry(text, "registry.yaml");
    REQUIRE_MESSAGE(loaded.registry.has_value(),
                    (loaded.diagnostics.items().empty()
                         ? std::string("?")
                         : format_diagnostic(loaded.diagnostics.items().front())));
    registry = std::move(*loaded.registry);
    matrix = analysis::compute_spread(registry, diagnostics);
    classification = analysis::classify(registry);
  }
};

struct Laid {
  ElementLayout layout;
  Diagnostics diagnostics;
  Rect box;
};

Laid lay_out(const Data& data, const std::string& element_yaml, Rect box,
             scene::TextMeasurer& measurer) {
  Laid out;
  out.box = box;
  layout::SpecReader reader("spec.yaml", out.diagnostics, &data.registry);
  auto element = reader.element(YAML::Load(element_yaml));
  REQUIRE(element.has_value());
  layout::Theme theme;
  auto placeholders = layout::make_placeholders(data.registry, data.matrix, {});
  layout::LayoutContext context{
      data.registry, data.matrix,  data.classification, theme, measurer, out.diagnostics,
      nullptr,       placeholders, "slide 1",           box,   nullptr};
  out.layout = element->kind->layout(*element, context);
  return out;
}

Laid lay_out(const Data& data, const std::string& element_yaml, Rect box = {36, 90, 648, 400}) {
  static scene::FixedWidthMeasurer measurer;
  return lay_out(data, element_yaml, box, measurer);
}

void collect(const std::vector<scene::Item>& items, scene::Point offset,
             std::vector<scene::TextLine>& lines, std::vector<scene::Path>* paths = nullptr) {
  for (const auto& item : items) {
    if (auto* line = std::get_if<scene::TextLine>(&item)) {
      scene::TextLine moved = *line;
      moved.baseline.x += offset.x, moved.baseline.y += offset.y;
      lines.push_back(moved);
    } else if (auto* path = std::get_if<scene::Path>(&item)) {
      if (paths) paths->push_back(*path);
    } else if (auto* group = std::get_if<scene::Group>(&item)) {
      collect(group->items, {offset.x + group->offset.x, offset.y + group->offset.y}, lines, paths);
    }
  }
}

std::vector<scene::TextLine> lines_of(const Laid& laid) {
  std::vector<scene::TextLine> lines;
  collect(laid.layout.items, {}, lines);
  return lines;
}

std::string all_text(const Laid& laid) {
  std::string text;
  for (const auto& line : lines_of(laid)) text += line.text;
  return text;
}

// Every text line inside the box and no two lines' ink boxes overlapping.
void check_text_placement(const Laid& laid, const std::string& what) {
  auto lines = lines_of(laid);
  CHECK_MESSAGE(!lines.empty(), what);
  for (size_t i = 0; i < lines.size(); ++i) {
    Rect a = layout::diagrams::line_bounds(lines[i]);
    CHECK_MESSAGE(layout::diagrams::contains(laid.box, a),
                  what << ": '" << lines[i].text << "' leaves the box");
    for (size_t j = i + 1; j < lines.size(); ++j) {
      Rect b = layout::diagrams::line_bounds(lines[j]);
      CHECK_MESSAGE(!layout::diagrams::overlaps(a, b),
                    what << ": '" << lines[i].text << "' overlaps '" << lines[j].text << "'");
    }
  }
}

bool has_warning(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                     [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

Rect bounds(const scene::Path& path) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& s : path.segments) {
    if (s.verb == scene::PathVerb::close) continue;
    int n = s.verb == scene::PathVerb::curve_to ? 3 : 1;
    for (int k = 0; k < n; ++k) {
      x0 = std::min(x0, s.points[k].x), x1 = std::max(x1, s.points[k].x);
      y0 = std::min(y0, s.points[k].y), y1 = std::max(y1, s.points[k].y);
    }
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

bool same(const scene::Color& a, const scene::Color& b) {
  return std::abs(a.r - b.r) < 1e-9 && std::abs(a.g - b.g) < 1e-9 && std::abs(a.b - b.b) < 1e-9;
}

// Regions named r0, r1, ... in the given prefectures, each with one session in the given year.
std::string registry_text(const std::vector<std::pair<std::string, int>>& regions,
                          std::string years = "") {
  std::string text = "tenkai: 1\nregistry:\n  title: テスト\n";
  if (!years.empty()) text += "  years: " + years + "\n";
  text += "regions:\n";
  for (size_t i = 0; i < regions.size(); ++i) {
    text += "  - {id: r" + std::to_string(i) + ", name: 市" + std::to_string(i) +
            ", prefecture: " + regions[i].first + ", level: municipality}\n";
  }
  text += "sessions:\n";
  for (size_t i = 0; i < regions.size(); ++i) {
    text += "  - {region: r" + std::to_string(i) +
            ", fiscal_year: " + std::to_string(regions[i].second) + "}\n";
  }
  return text;
}

const Data& seed() {
  static Data data(testing::read_file(testing::source_path("fixtures/ipw-2015/registry.yaml")));
  return data;
}

const Data& national() {
  static std::unique_ptr<Data> data;
  if (!data) {
    auto result = testing::run(testing::shell_quote(TENKAI_GEN_NATIONAL));
    REQUIRE(result.exit_code == 0);
    data = std::make_unique<Data>(result.out);
  }
  return *data;
}

const Data& three() {
  static Data data(registry_text({{"千葉県", 2011}, {"東京都", 2012}, {"沖縄県", 2013}}));
  return data;
}

// The eight steps and the stakeholders as the default deck writes them (layouts/forum-2015.yaml).
const std::string kSteps =
    "{type: panels, source: （厚生労働省資料より）, focus_label: 本講のFocus, columns: ["
    "{width: 27%, panels: [{title: 課題と方針の協議, rows: [[{label: （ア）, text: "
    "地域資源の把握}], "
    "[{label: （イ）, text: 課題抽出と対応策の検討}]]}]}, "
    "{panels: [{title: 個別の課題解決の取り組み, rows: [[{label: （ウ）, text: "
    "切れ目のない提供体制構築}, "
    "{label: （エ）, text: 情報共有の支援}, {label: （オ）, text: 相談支援}]]}, "
    "{title: 従事者の意識・機運を醸成, rows: [[{label: （カ）, text: 研修（導入的なもの）, focus: "
    "true}, "
    "{label: （カ）’, text: 研修（テーマ別）, focus: true}, {label: （キ）, text: "
    "地域住民への普及啓発}]]}]}], "
    "across: [{rows: [[{label: （ク）, text: 関係市区町村の連携}]]}]}";
const std::string kStakeholders =
    "{type: cards, cards: [{title: 郡市医師会, role: （旗振り役）, text: "
    "地域の医療を面的に支える（医療機関をつなげる）存在}, {title: 市町村行政, role: （支え役）, "
    "text: "
    "地域包括ケアシステムの構築において中心的な役割を担う立場, note: 保険者として各職種の橋渡し}], "
    "connector: タッグ, caption: いずれもその役割を果たすことのできる地域では唯一無二に近い存在, "
    "result: "
    "両者がタッグを組むことにより「医療」を含む真の地域包括ケアシステムが構築される, join: "
    "さらに他の関係者を巻き込んでいく（「研修開催への協力」をきっかけに）, others: [歯科医師会, "
    "薬剤師会]}";

const std::string kElements[] = {kSteps,
                                 kStakeholders,
                                 "{type: adoption_chart}",
                                 "{type: tile_map}",
                                 "{type: adoption_chart, years: era}",
                                 "{type: tile_map, years: era}"};

}  // namespace

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten") {
  using layout::diagrams::nice_step;
  CHECK(nice_step(0) == 1);
  CHECK(nice_step(0.4) == 1);
  CHECK(nice_step(1.2) == 2);
  CHECK(nice_step(3) == 5);
  CHECK(nice_step(7) == 10);
  CHECK(nice_step(20) == 20);
  CHECK(nice_step(21) == 50);
  CHECK(nice_step(348.2) == 500);
}

TEST_CASE("adoption chart: bar heights follow the new regions, ticks are round") {
  // new: 1, 3, 2 -> cumulative 1, 4, 6: one shared axis 0, 2, 4, 6.
  Data data(registry_text({{"千葉県", 2011},
                           {"千葉県", 2012},
                           {"東京都", 2012},
                           {"大阪府", 2012},
                           {"沖縄県", 2013},
                           {"沖縄県", 2013}}));
  Laid laid = lay_out(data, "{type: adoption_chart, values: false}");
  CHECK_FALSE(has_warning(laid.diagnostics));
  std::vector<scene::TextLine> lines;
  std::vector<scene::Path> paths;
  collect(laid.layout.items, {}, lines, &paths);
  layout::Theme theme;
  scene::Color bar_color = layout::diagrams::mix(theme.title, {1, 1, 1, 1}, 0.3);
  std::vector<Rect> bars;
  for (const auto& p : paths) {
    if (p.fill && same(*p.fill, bar_color) && p.segments.size() == 5) bars.push_back(bounds(p));
  }
  REQUIRE(bars.size() == 4);  // the legend swatch and three bars
  bars.erase(bars.begin());
  CHECK(bars[0].x < bars[1].x);
  CHECK(bars[1].x < bars[2].x);
  CHECK(bars[1].height == doctest::Approx(3 * bars[0].height));
  CHECK(bars[2].height == doctest::Approx(2 * bars[0].height));
  // The bars stand on one baseline.
  CHECK(bars[0].y + bars[0].height == doctest::Approx(bars[2].y + bars[2].height));
  std::vector<std::string> texts;
  for (const auto& l : lines) texts.push_back(l.text);
  for (const char* tick : {"0", "2", "4", "6"})
    CHECK(std::count(texts.begin(), texts.end(), tick) == 1);
  CHECK(std::count(texts.begin(), texts.end(), "8") == 0);
  for (const char* year : {"2011年", "2012年", "2013年"})
    CHECK(std::count(texts.begin(), texts.end(), year) == 1);
  // The top tick sits where a bar of 6 would end: 3 × the bar of 2013 (new 2).
  double baseline_y = bars[0].y + bars[0].height;
  CHECK(bars[2].height == doctest::Approx((baseline_y - bars[2].y)));
  check_text_placement(laid, "chart");
}

TEST_CASE("adoption chart: a second axis when the cumulative count dwarfs the new ones") {
  std::vector<std::pair<std::string, int>> regions;
  for (int i = 0; i < 40; ++i) regions.push_back({"北海道", 2011 + i % 4});
  Data data(registry_text(regions));  // new 10 a year, cumulative 10..40
  Laid laid = lay_out(data, "{type: adoption_chart}");
  std::string text = all_text(laid);
  CHECK(text.find("（右軸）") != std::string::npos);
  std::vector<std::string> texts;
  for (const auto& l : lines_of(laid)) texts.push_back(l.text);
  // Left: 0..10 by 2 (5 intervals); right: the same 5 intervals of 10 up to 50.
  for (const char* tick : {"0", "2", "4", "6", "8", "10", "20", "30", "40", "50"})
    CHECK(std::count(texts.begin(), texts.end(), tick) >= 1);
  Laid single = lay_out(data, "{type: adoption_chart, axes: single}");
  CHECK(all_text(single).find("（右軸）") == std::string::npos);
  check_text_placement(laid, "dual chart");
  check_text_placement(single, "single chart");
}

TEST_CASE("diagrams: no text leaves its box or overlaps, for 3, 17 and 1,741 regions") {
  for (const Data* data : {&three(), &seed(), &national()}) {
    for (const std::string& spec : kElements) {
      Laid laid = lay_out(*data, spec);
      check_text_placement(laid, std::string(spec) + " with " +
                                     std::to_string(data->matrix.rows.size()) + " regions");
      CHECK_MESSAGE(!has_warning(laid.diagnostics), spec);
    }
  }
}

TEST_CASE("diagrams in a small box shrink or warn, never overlap") {
  for (const std::string& spec : kElements) {
    Laid laid = lay_out(seed(), spec, {36, 90, 320, 240});
    auto lines = lines_of(laid);
    for (size_t i = 0; i < lines.size(); ++i) {
      for (size_t j = i + 1; j < lines.size(); ++j) {
        if (has_warning(laid.diagnostics)) continue;  // overflow is reported, not hidden
        CHECK_MESSAGE(!layout::diagrams::overlaps(layout::diagrams::line_bounds(lines[i]),
                                                  layout::diagrams::line_bounds(lines[j])),
                      spec << ": '" << lines[i].text << "' overlaps '" << lines[j].text << "'");
      }
    }
  }
  // A tiny box cannot hold the eight steps: a positioned warning names the slide and element.
  Laid tiny = lay_out(seed(), kSteps, {36, 90, 120, 60});
  REQUIRE(has_warning(tiny.diagnostics));
  std::string message = format_diagnostic(tiny.diagnostics.items().front());
  CHECK(message.find("spec.yaml:1:1") == 0);
  CHECK(message.find("slide 1") != std::string::npos);
  CHECK(message.find("panels") != std::string::npos);
}

namespace {
// Fill of the tile labelled `name` (the path emitted just before its label) or of the legend
// swatch before the text `name`.
std::optional<scene::Color> fill_before(const std::vector<scene::Item>& items,
                                        const std::string& name,
                                        std::optional<scene::Color>& last) {
  for (const auto& item : items) {
    if (auto* path = std::get_if<scene::Path>(&item)) {
      if (path->fill) last = path->fill;
    } else if (auto* line = std::get_if<scene::TextLine>(&item)) {
      if (line->text == name) return last;
    } else if (auto* group = std::get_if<scene::Group>(&item)) {
      if (auto found = fill_before(group->items, name, last)) return found;
    }
  }
  return std::nullopt;
}
std::optional<scene::Color> fill_before(const Laid& laid, const std::string& name) {
  std::optional<scene::Color> last;
  return fill_before(laid.layout.items, name, last);
}
}  // namespace

TEST_CASE("tile map: colours follow each prefecture's first period, pale grey for none") {
  Data data(registry_text(
      {{"千葉県", 2011}, {"千葉県", 2013}, {"東京都", 2012}, {"大阪府", 2013}, {"沖縄県", 2011}}));
  Laid laid = lay_out(data, "{type: tile_map}");
  auto chiba = fill_before(laid, "千葉"), tokyo = fill_before(laid, "東京");
  auto osaka = fill_before(laid, "大阪"), okinawa = fill_before(laid, "沖縄");
  auto hokkaido = fill_before(laid, "北海道"), kyoto = fill_before(laid, "京都");
  REQUIRE((chiba && tokyo && osaka && okinawa && hokkaido && kyoto));
  CHECK(same(*chiba, *okinawa));  // both first in 2011
  CHECK_FALSE(same(*chiba, *tokyo));
  CHECK_FALSE(same(*tokyo, *osaka));
  CHECK(same(*hokkaido, *kyoto));  // neither has a session: the same grey
  CHECK(same(*hokkaido, {0.93, 0.93, 0.93, 1}));
  // Each tile matches its year's legend swatch (three years: a period each); on viridis the
  // earliest is darkest, and every period is darker than the grey of none.
  CHECK(same(*chiba, *fill_before(laid, "2011年")));
  CHECK(same(*tokyo, *fill_before(laid, "2012年")));
  CHECK(same(*osaka, *fill_before(laid, "2013年")));
  CHECK(same(*hokkaido, *fill_before(laid, "開催なし")));
  auto luminance = [](scene::Color c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  CHECK(luminance(*chiba) < luminance(*tokyo));
  CHECK(luminance(*tokyo) < luminance(*osaka));
  CHECK(luminance(*osaka) < luminance(*hokkaido) - 0.15);
  CHECK(all_text(laid).find("開催のあった都道府県 4／47") != std::string::npos);
  // 47 labels with their suffix dropped, 北海道 whole.
  std::string text = all_text(laid);
  for (const char* name : {"北海道", "青森", "神奈川", "京都", "鹿児島", "沖縄"})
    CHECK(text.find(name) != std::string::npos);
  CHECK(text.find("東京都") == std::string::npos);
}

TEST_CASE("tile map: the grid holds 47 tiles, each in a cell of its own") {
  Laid laid = lay_out(seed(), "{type: tile_map, counts: false}");
  std::vector<scene::TextLine> lines;
  std::vector<scene::Path> paths;
  collect(laid.layout.items, {}, lines, &paths);
  std::vector<Rect> tiles;
  for (const auto& p : paths) {
    Rect b = bounds(p);
    if (p.fill && b.width > 20 && std::abs(b.width - b.height) < 0.01) tiles.push_back(b);
  }
  REQUIRE(tiles.size() == 47);
  for (size_t i = 0; i < tiles.size(); ++i)
    for (size_t j = i + 1; j < tiles.size(); ++j)
      CHECK_FALSE(layout::diagrams::overlaps(tiles[i], tiles[j]));
  // Every label on a tile lies wholly inside that tile; 47 names are on tiles.
  size_t on_tiles = 0;
  for (const auto& l : lines) {
    Rect b = layout::diagrams::line_bounds(l);
    for (const auto& t : tiles) {
      if (b.x + b.width / 2 < t.x || b.x + b.width / 2 > t.x + t.width ||
          b.y + b.height / 2 < t.y || b.y + b.height / 2 > t.y + t.height)
        continue;
      ++on_tiles;
      CHECK_MESSAGE(layout::diagrams::contains(t, b, 0.01), l.text);
    }
  }
  CHECK(on_tiles == 47);
  // 北海道 at the top right, 沖縄 at the bottom left.
  auto at = [&](const std::string& name) {
    for (const auto& l : lines)
      if (l.text == name) return l.baseline;
    return scene::Point{-1, -1};
  };
  CHECK(at("北海道").x > at("東京").x);
  CHECK(at("北海道").y < at("東京").y);
  CHECK(at("沖縄").x < at("福岡").x);
  CHECK(at("沖縄").x < at("鹿児島").x);
  CHECK(at("沖縄").y > at("長崎").y);
}

TEST_CASE("tile map: fifteen years fall into five periods of three, each its own colour") {
  std::vector<std::pair<std::string, int>> regions;
  for (int year = 2011; year <= 2025; ++year)
    regions.push_back({registry::prefecture_names()[static_cast<size_t>(year - 2011)], year});
  Data data(registry_text(regions, "[2011, 2025]"));
  Laid laid = lay_out(data, "{type: tile_map}");
  std::string text = all_text(laid);
  for (const char* label :
       {"2011～2013年", "2014～2016年", "2017～2019年", "2020～2022年", "2023～2025年"})
    CHECK_MESSAGE(text.find(label) != std::string::npos, label);
  CHECK(text.find("2012年") == std::string::npos);  // no legend entry per year
  // 北海道 (2011) and 岩手県 (2013) share a period; 宮城県 (2014) starts the next.
  CHECK(same(*fill_before(laid, "北海道"), *fill_before(laid, "岩手")));
  CHECK_FALSE(same(*fill_before(laid, "岩手"), *fill_before(laid, "宮城")));
  CHECK(same(*fill_before(laid, "宮城"), *fill_before(laid, "2014～2016年")));
}

TEST_CASE("tile map: a new region in a new prefecture changes the map with no layout edit") {
  std::vector<std::pair<std::string, int>> regions = {{"千葉県", 2011}, {"東京都", 2012}};
  const std::string spec = "{type: tile_map}";
  Data before(registry_text(regions, "[2011, 2013]"));
  regions.push_back({"北海道", 2013});
  Data after(registry_text(regions, "[2011, 2013]"));
  Laid a = lay_out(before, spec), b = lay_out(after, spec);
  CHECK(same(*fill_before(a, "北海道"), {0.93, 0.93, 0.93, 1}));
  CHECK(same(*fill_before(b, "北海道"), *fill_before(b, "2013年")));
  CHECK(same(*fill_before(a, "千葉"), *fill_before(b, "千葉")));
  CHECK(all_text(a).find("2／47") != std::string::npos);
  CHECK(all_text(b).find("3／47") != std::string::npos);
  // The chart follows too: a third region, new in 2013.
  CHECK(all_text(lay_out(after, "{type: adoption_chart}")).find("3") != std::string::npos);
}

TEST_CASE("panels: the eight steps written in the layout, the focus framed and labelled") {
  Laid laid = lay_out(seed(), kSteps);
  std::string text = all_text(laid);
  for (const char* step : {"（ア）", "地域資源の把握", "（イ）", "（ウ）", "（エ）",
                           "情報共有の支援", "（オ）", "相談支援", "（カ）", "（カ）’", "（キ）",
                           "（ク）", "本講のFocus", "（厚生労働省資料より）"})
    CHECK_MESSAGE(text.find(step) != std::string::npos, step);
  auto lines = lines_of(laid);
  auto find = [&](const std::string& t) {
    for (const auto& l : lines)
      if (l.text == t) return layout::diagrams::line_bounds(l);
    return Rect{-1, -1, 0, 0};
  };
  // The badge sits above the focused step's box, over the same columns.
  Rect badge = find("本講のFocus"), ka = find("（カ）");
  CHECK(badge.y + badge.height < ka.y);
  CHECK(badge.x <= ka.x + ka.width);
  CHECK(ka.y - badge.y < 80);
  std::string moved = kSteps;
  for (size_t at; (at = moved.find(", focus: true")) != std::string::npos;) moved.erase(at, 13);
  moved.replace(moved.find("text: 地域資源の把握"), std::string("text: 地域資源の把握").size(),
                "text: 地域資源の把握, focus: true");
  Laid other = lay_out(seed(), moved);
  Rect badge2 = [&] {
    for (const auto& l : lines_of(other))
      if (l.text == "本講のFocus") return layout::diagrams::line_bounds(l);
    return Rect{};
  }();
  CHECK(badge2.x < ka.x);  // now over (ア) in the left column
  std::string unfocused = kSteps;
  for (size_t at; (at = unfocused.find(", focus: true")) != std::string::npos;)
    unfocused.erase(at, 13);
  Laid none = lay_out(seed(), unfocused);
  CHECK(all_text(none).find("本講のFocus") == std::string::npos);
}

TEST_CASE("cards: the stakeholders' texts, roles and the bodies drawn in, from the layout") {
  Laid laid = lay_out(seed(), kStakeholders);
  std::string text = all_text(laid);
  for (const char* phrase :
       {"郡市医師会", "（旗振り役）", "市町村行政", "（支え役）", "タッグ",
        "保険者として各職種の橋渡し", "歯科医師会", "薬剤師会", "研修開催への協力"})
    CHECK_MESSAGE(text.find(phrase) != std::string::npos, phrase);
  CHECK(text.find("訪問看護") == std::string::npos);
}

TEST_CASE("diagram spec errors are positioned") {
  const std::string spec =
      "tenkai: 1\n"
      "deck:\n"
      "  slides:\n"
      "    - title: 手順\n"
      "      elements:\n"
      "        - {type: panels, columns: [{panels: [{rows: [[{lable: x}]]}]}]}\n"
      "        - {type: adoption_chart, axes: duel, yeras: era}\n"
      "        - {type: tile_map, years: meiji}\n"
      "        - {type: cards, cards: [{title: a}], others: {a: b}}\n";
  Diagnostics diagnostics;
  auto deck = layout::parse_deck_spec(spec, "deck.yaml", &seed().registry, diagnostics);
  CHECK_FALSE(deck.has_value());
  std::string all;
  for (const auto& d : diagnostics.items()) all += format_diagnostic(d) + "\n";
  CHECK(all.find("deck.yaml:6:") != std::string::npos);
  CHECK(all.find("unknown key 'lable'") != std::string::npos);
  CHECK(all.find("deck.yaml:7:40: error: 'axes' must be one of auto, single, dual, not 'duel'") !=
        std::string::npos);
  CHECK(all.find("deck.yaml:7:46: error: unknown key 'yeras'") != std::string::npos);
  CHECK(all.find("did you mean 'years'?") != std::string::npos);
  CHECK(all.find("deck.yaml:8:35: error: 'years' must be one of western") != std::string::npos);
  CHECK(all.find("deck.yaml:9:") != std::string::npos);
  CHECK(all.find("'others' must be a list of texts") != std::string::npos);
}

// Not a check: with TENKAI_DIAGRAM_PNG=DIR set, writes every diagram for the seed and the
// national registry as PNG (Pango measurer) so a person can look at them.
TEST_CASE("diagram pictures for review" *
          doctest::skip(std::getenv("TENKAI_DIAGRAM_PNG") == nullptr)) {
  std::string dir = std::getenv("TENKAI_DIAGRAM_PNG");
  auto measurer = renderers::make_pango_measurer();
  const std::pair<const char*, const Data*> datas[] = {
      {"three", &three()}, {"seed", &seed()}, {"national", &national()}};
  const std::pair<const char*, const char*> specs[] = {
      {"steps", kSteps.c_str()},           {"stakeholders", kStakeholders.c_str()},
      {"chart", "{type: adoption_chart}"}, {"chart-era", "{type: adoption_chart, years: era}"},
      {"tiles", "{type: tile_map}"},       {"tiles-era", "{type: tile_map, years: era_short}"}};
  for (const auto& [data_name, data] : datas) {
    for (const auto& [spec_name, spec] : specs) {
      Laid laid = lay_out(*data, spec, {36, 84, 648, 410}, *measurer);
      for (const auto& d : laid.diagnostics.items()) MESSAGE(format_diagnostic(d));
      scene::Page page;
      page.items = laid.layout.items;
      scene::Path frame = scene::rectangle(laid.box);
      frame.stroke = scene::Stroke{{0.9, 0.9, 0.9, 1}, 0.5, {}};
      page.items.emplace_back(frame);
      std::string error;
      CHECK(
          renderers::write_png(page, dir + "/" + data_name + "-" + spec_name + ".png", error, 1.5));
    }
  }
}
