// Fan-out grids: choose the column count by the label size it allows, then draw boxes and arrows.
#include "core/layout/diagrams/fan_out.h"

#include <algorithm>
#include <cmath>

namespace tenkai::layout::diagrams {

using scene::Point;
using scene::Rect;

namespace {

struct Grid {
  size_t columns = 1, rows = 1;
  double width = 0, height = 0, gap = 0, size = 0;
};

// Width of the widest of `text`'s own lines at `size`, and how many lines it has.
std::pair<double, size_t> widest_line(Canvas& canvas, const std::string& text, double size,
                                      bool bold) {
  double widest = 0;
  size_t lines = 0, start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    widest = std::max(widest, canvas.text_width(text.substr(start, end - start), size, bold));
    ++lines;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return {widest, lines};
}

// The size at which every title (and, at 72% of it, every detail) keeps each of its lines
// unbroken in a box of `width` × `height`: unbroken names read best, so the grid search
// favours boxes wide enough for them.
double title_size(Canvas& canvas, const std::vector<FanItem>& items, double width, double height,
                  double max_size) {
  constexpr double kProbe = 10, kSpacing = 1.15;
  double pad = std::min(width, height) * 0.08;
  double worst = max_size;
  // Lines are set as flow_text sets them: the font's ascent and descent (more than an em for Noto
  // Sans CJK) for one line, a line advance for each further one.
  auto metrics = canvas.measurer().measure("回", canvas.theme().font(kProbe, scene::Weight::bold));
  const double em = std::max(1.0, (metrics.ascent + metrics.descent) / kProbe);
  auto lines_height = [&](size_t lines) { return em + kSpacing * (lines - 1); };
  for (const auto& item : items) {
    double share = item.detail.empty() ? 1.0 : 0.58;
    auto [w, lines] = widest_line(canvas, item.title, kProbe, true);
    double by_width = w > 0 ? kProbe * (width - 2 * pad) / w : max_size;
    double by_height = (height * share - pad) / lines_height(lines);
    worst = std::min({worst, by_width, by_height});
    if (!item.detail.empty()) {
      auto [dw, dlines] = widest_line(canvas, item.detail, kProbe, false);
      double d_width = dw > 0 ? kProbe * (width - 2 * pad) / dw : max_size;
      double d_height = (height * 0.42 - pad / 2) / lines_height(dlines);
      worst = std::min({worst, d_width / 0.72, d_height / 0.72});
    }
  }
  return std::max(worst, 0.0) * 0.98;  // a hair of slack for rounding in the measurer
}

Grid choose_grid(Canvas& canvas, const Rect& area, const std::vector<FanItem>& items,
                 double max_size) {
  Grid best;
  size_t n = std::max<size_t>(1, items.size());
  // From one row down to one column: on a tie in type size, the fewer rows win.
  for (size_t columns = n; columns >= 1; --columns) {
    size_t rows = (n + columns - 1) / columns;
    if (columns > 1 && (rows - 1) * columns >= n) continue;  // same rows as fewer columns
    // Several rows: gaps wide enough for the arrows that run down between the columns.
    double gap = rows > 1 ? std::clamp(area.width * 0.035, 8.0, 16.0)
                          : std::clamp(area.width * 0.02, 3.0, 14.0);
    double width = (area.width - gap * (columns - 1)) / columns;
    double height = std::min((area.height - gap * (rows - 1)) / rows, area.height * 0.45);
    if (width <= 4 || height <= 4) continue;
    // Boxes flatter than 4:1 or taller than 1:1.4 read badly; cap the height.
    height = std::min(height, width * 1.4);
    double size = title_size(canvas, items, width, height, max_size);
    // Prefer the larger type; on a tie, the fewer rows.
    if (size > best.size + 0.25) best = {columns, rows, width, height, gap, size};
  }
  return best;
}

// The first `shown` - 1 items and one box "ほか N地域" standing for the rest (and their links);
// all of them when `shown` covers them.
std::vector<FanItem> summarised(Canvas& canvas, const std::vector<FanItem>& given, size_t shown) {
  if (shown >= given.size() || shown < 2) return given;
  std::vector<FanItem> items(given.begin(), given.begin() + (shown - 1));
  FanItem more;
  more.title = "ほか" + std::to_string(given.size() - (shown - 1)) + "地域";
  more.fill = {1, 1, 1, 1};
  more.stroke = canvas.theme().muted;
  more.role = "more";
  for (size_t i = shown - 1; i < given.size(); ++i) {
    more.links.insert(more.links.end(), given[i].links.begin(), given[i].links.end());
  }
  items.push_back(more);
  return items;
}

std::vector<FanItem> without_details(std::vector<FanItem> items) {
  for (auto& item : items) item.detail.clear();
  return items;
}

}  // namespace

std::vector<Rect> draw_fan(Canvas& canvas, const Rect& source, const Rect& area,
                           const std::vector<FanItem>& given, const FanStyle& style) {
  std::vector<Rect> placed;
  if (given.empty() || area.width <= 0 || area.height <= 0) return placed;
  // Names at min_body_size or more, details (years, population) at 72% of the names and no
  // smaller than that either: details go first, then boxes (the last says "ほか N地域"), before
  // any type gets smaller.
  const double floor = canvas.theme().min_body_size;
  constexpr double kDetail = 0.72;
  std::vector<FanItem> items = summarised(canvas, given, std::max<size_t>(2, style.max_items));
  Grid grid = choose_grid(canvas, area, items, style.max_size);
  bool details = std::any_of(items.begin(), items.end(),
                             [](const FanItem& item) { return !item.detail.empty(); });
  if (details && grid.size * kDetail < floor) {
    items = without_details(items);
    grid = choose_grid(canvas, area, items, style.max_size);
  }
  if (grid.size < floor && items.size() > 2) {
    // The most boxes whose names still fit at the floor.
    size_t low = 2, high = items.size() - 1;
    std::vector<FanItem> best = without_details(summarised(canvas, given, low));
    Grid best_grid = choose_grid(canvas, area, best, style.max_size);
    while (low < high) {
      size_t mid = (low + high + 1) / 2;
      std::vector<FanItem> trial = without_details(summarised(canvas, given, mid));
      Grid g = choose_grid(canvas, area, trial, style.max_size);
      if (g.size >= floor) {
        low = mid;
        best = std::move(trial);
        best_grid = g;
      } else {
        high = mid - 1;
      }
    }
    items = std::move(best);
    grid = best_grid;
  }
  double total_height = grid.rows * grid.height + (grid.rows - 1) * grid.gap;
  double top = area.y + std::max(0.0, (area.height - total_height) / 2);
  if (grid.rows == 1) top = area.y + std::max(0.0, area.height - grid.height) * 0.35;

  // One row: widths by weight (within 0.6–1.6 of the mean, so no label is starved).
  std::vector<double> widths(items.size(), grid.width);
  if (grid.rows == 1 && items.size() > 1) {
    double mean = 0;
    for (const auto& item : items) mean += item.weight;
    mean /= items.size();
    double sum = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      widths[i] = std::clamp(items[i].weight / (mean > 0 ? mean : 1), 0.6, 1.6);
      sum += widths[i];
    }
    double free = area.width - grid.gap * (items.size() - 1);
    for (auto& w : widths) w = w / sum * free;
  }
  double x_start = area.x;
  if (grid.rows == 1) {
    double used = grid.gap * (items.size() - 1);
    for (double w : widths) used += w;
    x_start = area.x + (area.width - used) / 2;
  } else {
    double used = grid.columns * grid.width + (grid.columns - 1) * grid.gap;
    x_start = area.x + (area.width - used) / 2;
  }

  double x = x_start;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t row = i / grid.columns, column = i % grid.columns;
    Rect r = grid.rows == 1 ? Rect{x, top, widths[i], grid.height}
                            : Rect{x_start + column * (grid.width + grid.gap),
                                   top + row * (grid.height + grid.gap), grid.width, grid.height};
    x += widths[i] + grid.gap;
    placed.push_back(r);
  }
  // Arrows first, so boxes paint over their tips' ends cleanly; each names the box it reaches.
  Point from{source.x + source.width / 2, source.y + source.height};
  std::vector<std::string> ids(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    ids[i] = items[i].region.empty() ? "" : canvas.id_for(items[i].region);
  }
  if (style.arrows) {
    double width = std::clamp(grid.size / 9, 0.8, 1.8);
    double row0_top = placed.front().y;
    double bus_y = (from.y + row0_top) / 2;
    for (size_t i = 0; i < items.size(); ++i) {
      const Rect& r = placed[i];
      if (ids[i].empty()) ids[i] = canvas.id_for("fan-item-" + std::to_string(i));
      size_t mark = canvas.mark();
      size_t row = i / grid.columns, column = i % grid.columns;
      if (grid.rows == 1) {
        canvas.arrow(from, {r.x + r.width / 2, r.y - 1}, style.arrow, width);
      } else if (row == 0) {
        canvas.route(
            {from, {from.x, bus_y}, {r.x + r.width / 2, bus_y}, {r.x + r.width / 2, r.y - 1}},
            style.arrow, width);
      } else {
        // Down the gap beside the column (right of the first column, left of the others), then
        // into the box's side at half its height.
        bool right = column == 0;
        double lane = right ? r.x + r.width + grid.gap / 2 : r.x - grid.gap / 2;
        double side = right ? r.x + r.width + 1 : r.x - 1;
        double mid = r.y + r.height / 2;
        canvas.route({from, {from.x, bus_y}, {lane, bus_y}, {lane, mid}, {side, mid}}, style.arrow,
                     width);
      }
      canvas.connector(mark, style.source_id, ids[i], items[i].links);
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const Rect& r = placed[i];
    const FanItem& item = items[i];
    size_t mark = canvas.mark();
    double radius = std::min(r.height, r.width) * 0.12;
    canvas.rect(r, item.fill, item.stroke, 1, radius);
    double pad = std::min(r.width, r.height) * 0.08;
    Rect inner{r.x + pad, r.y + pad / 2, r.width - 2 * pad, r.height - pad};
    if (item.detail.empty()) {
      canvas.label(item.title, inner, grid.size, canvas.theme().text, Align::center, VAlign::middle,
                   true, std::min(grid.size, floor));
    } else {
      Rect upper{inner.x, inner.y, inner.width, inner.height * 0.58};
      Rect lower{inner.x, inner.y + inner.height * 0.58, inner.width, inner.height * 0.42};
      canvas.label(item.title, upper, grid.size, canvas.theme().text, Align::center, VAlign::bottom,
                   true, std::min(grid.size, floor));
      canvas.label(item.detail, lower, grid.size * kDetail, canvas.theme().muted, Align::center,
                   VAlign::top, false, std::min(grid.size * kDetail, floor), true);
    }
    std::string text = item.title + (item.detail.empty() ? "" : "\n" + item.detail);
    canvas.shape(mark, item.role, text, item.region, std::nullopt,
                 item.region.empty() ? "fan-item-" + std::to_string(i) : item.region);
  }
  return placed;
}

}  // namespace tenkai::layout::diagrams
