// The tile map: Japan's 47 prefectures as equal tiles on a grid shaped like the country, each
// coloured by the period (a few bins of fiscal years) in which a region of it first held a
// counted session (from the spread matrix), pale grey where none has. The palette is viridis
// (van der Walt and Smith, matplotlib 2.0's default colormap): perceptually uniform, ordered in
// lightness, and readable with the common colour-vision deficiencies and in greyscale. The legend
// sits in the empty sea at the top left and a count of prefectures reached in the empty corner
// at the bottom right.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/text_style.h"
#include "core/registry/prefectures.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Rect;

// The tile grid, by JIS code (index 0 = 北海道). Column grows eastwards, row southwards; the
// layout keeps neighbours next to each other where a grid allows.
struct Tile {
  int column, row;
};
constexpr int kColumns = 13, kRows = 9;
constexpr Tile kTiles[47] = {
    {12, 0},                                               // 北海道
    {12, 1}, {12, 2}, {12, 3}, {11, 2}, {11, 3}, {12, 4},  // 青森 岩手 宮城 秋田 山形 福島
    {11, 5}, {11, 4}, {10, 4}, {10, 5}, {11, 6}, {10, 6},
    {9, 6},                             // 茨城 栃木 群馬 埼玉 千葉 東京 神奈川
    {10, 3}, {9, 3},  {8, 3},  {7, 4},  // 新潟 富山 石川 福井
    {9, 5},  {9, 4},  {8, 4},  {8, 6},  {8, 5},  // 山梨 長野 岐阜 静岡 愛知
    {7, 6},  {7, 5},  {6, 5},  {5, 6},  {5, 5},  {6, 6},
    {6, 7},  // 三重 滋賀 京都 大阪 兵庫 奈良 和歌山
    {4, 5},  {3, 5},  {4, 6},  {3, 6},  {2, 6},  // 鳥取 島根 岡山 広島 山口
    {4, 8},  {4, 7},  {3, 7},  {3, 8},           // 徳島 香川 愛媛 高知
    {1, 6},  {0, 6},  {0, 7},  {1, 7},  {2, 7},  {2, 8},
    {1, 8},  // 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島
    {0, 8},  // 沖縄, south-west of 鹿児島
};
// Free areas of the grid, in cells: the legend (top left) and the summary (bottom right).
constexpr Rect kLegendCells{0, 0, 8, 3.9};
constexpr Rect kSummaryCells{7, 7.2, 6, 1.8};

struct TileMapData : ElementData {
  YearStyle years = YearStyle::western;
  bool counts = true;   // the number of regions under the name, when it fits
  bool summary = true;  // "n／47 都道府県" in the free corner
  std::string legend_title = "初回開催年度";
  std::string none_label = "開催なし";
  int bins = 6;  // at most this many periods of first years (six years stay one each)
};

std::shared_ptr<const ElementData> parse_tile_map(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<TileMapData>();
  reader.choice(node, "data", {"spread_matrix"});
  if (auto years = read_year_style(reader, node)) data->years = *years;
  data->counts = reader.boolean(node, "counts").value_or(true);
  data->summary = reader.boolean(node, "summary").value_or(true);
  data->legend_title = reader.text(node, "legend_title").value_or(data->legend_title);
  data->none_label = reader.text(node, "none_label").value_or(data->none_label);
  data->bins = reader.integer(node, "bins", 1, 9).value_or(data->bins);
  return data;
}

// 千葉県 -> 千葉, 東京都 -> 東京, 大阪府 -> 大阪; 北海道 stays whole.
std::string short_name(const std::string& name) {
  for (const char* suffix : {"県", "府", "都"}) {
    std::string s = suffix;
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      return name.substr(0, name.size() - s.size());
  }
  return name;
}

// First `count` UTF-8 characters of `text`.
std::string prefix_chars(const std::string& text, size_t count) {
  size_t i = 0;
  for (size_t n = 0; i < text.size() && n < count; ++n) {
    unsigned char c = text[i];
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return text.substr(0, std::min(i, text.size()));
}

// No session: a pale grey, lighter than every colour of the palette, with an outline.
const Color kNone{0.93, 0.93, 0.93, 1};
const Color kNoneEdge{0.62, 0.62, 0.62, 1};

// Viridis at t in [0, 1], interpolated between nine of its published stops.
Color viridis(double t) {
  static const Color stops[] = {
      {0x44 / 255.0, 0x01 / 255.0, 0x54 / 255.0, 1}, {0x47 / 255.0, 0x2D / 255.0, 0x7B / 255.0, 1},
      {0x3B / 255.0, 0x52 / 255.0, 0x8B / 255.0, 1}, {0x2C / 255.0, 0x72 / 255.0, 0x8E / 255.0, 1},
      {0x21 / 255.0, 0x91 / 255.0, 0x8C / 255.0, 1}, {0x28 / 255.0, 0xAE / 255.0, 0x80 / 255.0, 1},
      {0x5E / 255.0, 0xC9 / 255.0, 0x62 / 255.0, 1}, {0xAD / 255.0, 0xDC / 255.0, 0x30 / 255.0, 1},
      {0xFD / 255.0, 0xE7 / 255.0, 0x25 / 255.0, 1}};
  constexpr int last = static_cast<int>(std::size(stops)) - 1;
  t = std::clamp(t, 0.0, 1.0) * last;
  int i = std::min(last - 1, static_cast<int>(t));
  return mix(stops[i], stops[i + 1], t - i);
}

// The fiscal years split into at most `bins` consecutive periods of equal length (the last may
// be shorter): 2011–2025 in five bins is 2011–13, 2014–16, … 2023–25.
struct Period {
  int first = 0, last = 0;
};
std::vector<Period> periods(const std::vector<int>& years, int bins) {
  std::vector<Period> out;
  if (years.empty()) return out;
  const int span = years.back() - years.front() + 1;
  const int width = (span + std::max(1, bins) - 1) / std::max(1, bins);
  for (int first = years.front(); first <= years.back(); first += width)
    out.push_back({first, std::min(years.back(), first + width - 1)});
  return out;
}

size_t period_of(int year, const std::vector<Period>& bins) {
  for (size_t k = 0; k < bins.size(); ++k) {
    if (year >= bins[k].first && year <= bins[k].last) return k;
  }
  return bins.empty() ? 0 : bins.size() - 1;
}

// Earliest period darkest (the longest history), the latest light; the lightest viridis yellow
// is left out so no period comes near the pale grey of no session.
Color period_color(size_t k, size_t count) {
  if (count <= 1) return viridis(0.45);
  return viridis(0.8 * double(k) / double(count - 1));
}

// 2011～2013年, 2011～2013年度, 平成23～25年度 style labels: the period's first and last year.
std::string period_label(const Period& p, YearStyle style) {
  if (p.first == p.last) return year_label(p.first, style);
  if (style == YearStyle::western || style == YearStyle::fiscal)
    return std::to_string(p.first) + "～" + year_label(p.last, style);
  return year_label(p.first, style) + "～" + year_label(p.last, style);
}

ElementLayout layout_tile_map(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<TileMapData>();
  const Theme& theme = context.theme;
  const auto& matrix = context.matrix;
  const Rect box = context.box;
  ElementLayout out;

  // First year and region count per prefecture.
  std::vector<int> first(47, 0), regions(47, 0);
  for (const auto& row : matrix.rows) {
    if (row.region_index >= context.registry.regions.size()) continue;
    int code = context.registry.regions[row.region_index].prefecture_code;
    if (code < 1 || code > 47) continue;
    int& f = first[code - 1];
    if (f == 0 || row.first_year < f) f = row.first_year;
    ++regions[code - 1];
  }

  const std::vector<Period> bins = periods(matrix.years, data.bins);
  const double cell = std::min(box.width / kColumns, box.height / kRows);
  const double gap = std::max(1.0, cell * 0.07);
  const double x0 = box.x + (box.width - cell * kColumns) / 2;
  const double y0 = box.y;
  out.used_height = cell * kRows;
  const double limit = std::clamp(theme.min_scale, 0.1, 1.0);
  // Names and counts never go below the body floor (10 pt): a name that does not fit is
  // abbreviated, a count that does not fit is left off (the tile's shape still carries it).
  const double floor = std::max(theme.min_body_size, theme.min_type_size);
  const double label_size = std::max(floor, std::min(theme.small_size * 1.15, cell * 0.34));
  const double min_size = floor;
  const auto& names = registry::prefecture_names();

  int dropped = 0;
  for (int i = 0; i < 47; ++i) {
    Rect tile{x0 + kTiles[i].column * cell + gap / 2, y0 + kTiles[i].row * cell + gap / 2,
              cell - gap, cell - gap};
    Color fill = first[i] ? period_color(period_of(first[i], bins), bins.size()) : kNone;
    size_t mark = out.items.size();
    out.items.emplace_back(filled(rounded_rect(tile, cell * 0.08), fill));
    if (!first[i]) out.items.emplace_back(stroked(rounded_rect(tile, cell * 0.08), kNoneEdge, 0.5));
    Color ink = is_dark(fill) ? Color{1, 1, 1, 1} : theme.text;
    double pad = std::max(1.0, cell * 0.06);
    Rect inner{tile.x + pad, tile.y + pad, tile.width - 2 * pad, tile.height - 2 * pad};
    bool show_count = data.counts && regions[i] > 0;
    double count_size = std::max(floor, label_size * 0.8);
    Rect name_box = inner;
    if (show_count) {
      // Name in the upper part, count below it, both centred as a block.
      double block = label_size + count_size * 1.05;
      if (block <= inner.height) {
        name_box = {inner.x, inner.y + (inner.height - block) / 2, inner.width, label_size};
      } else {
        show_count = false;
      }
    }
    std::string name = short_name(names[i]);
    auto label = fit_label(context, name, theme.font(label_size, scene::Weight::bold), ink,
                           name_box, min_size);
    if (!label && name.size() > 6) {
      label = fit_label(context, prefix_chars(name, 2), theme.font(label_size, scene::Weight::bold),
                        ink, name_box, min_size);
    }
    if (label) {
      out.items.emplace_back(*label);
    } else {
      ++dropped;
    }
    if (show_count && label) {
      Rect count_box{inner.x, name_box.y + label_size + count_size * 0.05, inner.width, count_size};
      if (auto count = fit_label(context, format_count(regions[i]), theme.font(count_size), ink,
                                 count_box, count_size))
        out.items.emplace_back(*count);
    }
    // The tile as a shape: the prefecture, its first year and how many regions it holds.
    scene::Shape shape;
    shape.id = "tile_map-" + std::to_string(element.pos.line) + "-p" + std::to_string(i + 1);
    shape.role = "tile";
    shape.box = tile;
    shape.geometry = scene::ShapeGeometry::rounded_rectangle;
    shape.fill = fill;
    shape.text = names[i] + (first[i] ? "\n" + year_label(first[i], data.years) : "") +
                 (regions[i] > 0 ? "\n" + format_count(regions[i]) : "");
    std::vector<scene::Item> inner_items(std::make_move_iterator(out.items.begin() + mark),
                                         std::make_move_iterator(out.items.end()));
    out.items.resize(mark);
    out.items.emplace_back(scene::meaningful(std::move(shape), std::move(inner_items)));
  }
  if (dropped > 0) {
    context.warn(element, std::to_string(dropped) +
                              " prefecture names do not fit their tiles even abbreviated; the "
                              "tiles are left unlabelled (give the map more room)");
  }

  // Legend: title, then one swatch per fiscal year of the matrix and one for none, in columns.
  Rect area{x0 + kLegendCells.x * cell, y0 + kLegendCells.y * cell, kLegendCells.width * cell,
            kLegendCells.height * cell};
  std::vector<std::pair<std::string, Color>> entries;
  for (size_t k = 0; k < bins.size(); ++k)
    entries.push_back({period_label(bins[k], data.years), period_color(k, bins.size())});
  entries.push_back({context.expand(data.none_label), kNone});
  std::string title = context.expand(data.legend_title);
  bool placed = false;
  for (double size = theme.small_size;; size = std::max(theme.small_size * limit, size * 0.95)) {
    scene::Font font = theme.font(size), bold = theme.font(size, scene::Weight::bold);
    double line = size * 1.45, swatch = size * 1.1, gap_x = size * 0.4;
    double title_w = context.measurer.measure(title, bold).width;
    double label_w = 0;
    for (const auto& e : entries)
      label_w = std::max(label_w, context.measurer.measure(e.first, font).width);
    int per_column = static_cast<int>((area.height - line) / line);
    double column_w = swatch + gap_x + label_w + size;
    int columns = per_column > 0 ? int((entries.size() + per_column - 1) / per_column) : 1 << 20;
    bool fits = per_column > 0 && columns * column_w - size <= area.width && title_w <= area.width;
    bool last = size <= theme.small_size * limit + 1e-9;
    if (!fits && !last) continue;
    if (!fits) {
      context.warn(element, "the legend of years does not fit the space beside the map");
      if (per_column <= 0) per_column = 1;
    }
    out.items.emplace_back(
        text_line(context, title, bold, theme.text, area.x, area.y + 0.88 * size));
    for (size_t k = 0; k < entries.size(); ++k) {
      double x = area.x + (k / per_column) * column_w;
      double y = area.y + line * (1 + k % per_column);
      scene::Rect swatch_box{x, y + (line - swatch) / 2 - size * 0.1, swatch, swatch};
      out.items.emplace_back(filled(rounded_rect(swatch_box, swatch * 0.15), entries[k].second));
      if (k + 1 == entries.size())
        out.items.emplace_back(stroked(rounded_rect(swatch_box, swatch * 0.15), kNoneEdge, 0.5));
      out.items.emplace_back(text_line(context, entries[k].first, font, theme.text,
                                       x + swatch + gap_x,
                                       y + (line - size) / 2 + 0.88 * size - size * 0.1));
    }
    placed = true;
    break;
  }
  (void)placed;

  if (data.summary) {
    int reached =
        static_cast<int>(std::count_if(first.begin(), first.end(), [](int f) { return f != 0; }));
    Rect corner{x0 + kSummaryCells.x * cell, y0 + kSummaryCells.y * cell,
                kSummaryCells.width * cell, kSummaryCells.height * cell};
    std::string text = "開催のあった都道府県 " + std::to_string(reached) + "／47";
    Rect upper{corner.x, corner.y, corner.width, corner.height / 2};
    Rect lower{corner.x, corner.y + corner.height / 2, corner.width, corner.height / 2};
    if (auto line =
            fit_label(context, text, theme.font(theme.small_size * 1.1, scene::Weight::bold),
                      theme.title, lower, theme.small_size * limit, Align::right))
      out.items.emplace_back(*line);
    if (data.counts && reached > 0) {
      // Says what the small numbers on the tiles are.
      if (auto line = fit_label(context, "タイル内の数字は開催地域数", theme.font(theme.small_size),
                                theme.muted, upper, theme.small_size * limit, Align::right))
        out.items.emplace_back(*line);
    }
  }
  return out;
}

}  // namespace

ElementType tile_map_element() {
  return {"tile_map",
          {"data", "years", "counts", "summary", "legend_title", "none_label", "bins"},
          parse_tile_map,
          layout_tile_map};
}

}  // namespace tenkai::layout
