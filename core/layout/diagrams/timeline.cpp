// `timeline`: events on a fiscal-year axis, each a box joined to its year, alternately above and
// below the axis (events of one year stack outwards). Every text comes from the layout; the
// events are shapes of the drawing.
#include <algorithm>
#include <map>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Rect;

struct Event {
  int year = 0;
  std::string text;
};
struct TimelineData : ElementData {
  YearStyle years = YearStyle::fiscal;
  std::vector<Event> events;
};

std::shared_ptr<const ElementData> parse_timeline(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<TimelineData>();
  if (auto years = read_year_style(reader, node)) data->years = *years;
  if (!reader.require(node, "events", "a timeline")) return nullptr;
  const YAML::Node& events = node["events"];
  if (!events.IsSequence() || events.size() == 0) {
    reader.error(events, "'events' must be a list of {year: …, text: …}");
    return nullptr;
  }
  bool ok = true;
  for (const auto& e : events) {
    if (!reader.check_keys(e, {"year", "text"}, "event") ||
        !reader.require(e, "year", "an event") || !reader.require(e, "text", "an event")) {
      ok = false;
      continue;
    }
    auto year = reader.integer(e, "year", 1900, 2200);
    auto text = reader.text(e, "text");
    if (!year || !text) {
      ok = false;
      continue;
    }
    data->events.push_back({*year, *text});
  }
  return ok ? data : nullptr;
}

ElementLayout layout_timeline(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<TimelineData>();
  const auto& theme = context.theme;
  Canvas canvas(context, element);
  const Rect& box = context.box;
  int first = 9999, last = 0;
  for (const auto& e : data.events) first = std::min(first, e.year), last = std::max(last, e.year);
  int years = last - first + 1;
  double size = std::clamp(box.height / 14, 8.0, theme.body_size * 0.85);
  double axis_y = box.y + box.height / 2;
  double col = box.width / years;
  canvas.arrow({box.x, axis_y}, {box.x + box.width, axis_y}, theme.muted, 1.5);
  for (int k = 0; k < years; ++k) {
    double cx = box.x + col * (k + 0.5);
    canvas.polyline({{cx, axis_y - 4}, {cx, axis_y + 4}}, theme.muted, 1);
    canvas.label(year_label(first + k, data.years), {box.x + col * k, axis_y + 5, col, size * 1.4},
                 size * 0.85, theme.text, Align::center, VAlign::top, true, 5);
  }
  // Events: alternately above and below; several in one year stack away from the axis.
  std::map<int, int> seen;
  int side = 0;
  std::map<int, int> per_year;
  for (const auto& e : data.events) ++per_year[e.year];
  double band = box.height / 2 - size * 2;
  for (const auto& e : data.events) {
    int slot = seen[e.year]++;
    bool above = slot == 0 ? (side++ % 2 == 0) : (slot % 2 == 0);
    int count = per_year[e.year];
    int stacked = (count + 1) / 2;
    double h = std::min(band / stacked - 6, size * 5);
    double w = std::min(col * 1.8, box.width / 3);
    double cx = box.x + col * (e.year - first + 0.5);
    double x = std::clamp(cx - w / 2, box.x, box.x + box.width - w);
    int level = slot / 2;
    double y =
        above ? axis_y - size * 1.6 - (level + 1) * (h + 6) : axis_y + size * 2 + level * (h + 6);
    Rect r{x, y, w, h};
    canvas.polyline({{cx, above ? r.y + r.height : r.y}, {cx, axis_y}}, theme.muted, 0.8, {2, 2});
    size_t mark = canvas.mark();
    canvas.rect(r, tint(theme.title, 0.92), theme.title, 1, 5);
    std::string text = context.expand(e.text);
    canvas.label(text, {r.x + 5, r.y + 3, r.width - 10, r.height - 6}, size, theme.text,
                 Align::center, VAlign::middle);
    canvas.shape(mark, "event", year_label(e.year, data.years) + " " + text);
  }
  return canvas.finish(year_label(first, data.years) + "から" + year_label(last, data.years) +
                       "までの" + std::to_string(data.events.size()) + "件の出来事");
}

}  // namespace

ElementType timeline_element() {
  return {"timeline", {"years", "events"}, parse_timeline, layout_timeline};
}

}  // namespace tenkai::layout
