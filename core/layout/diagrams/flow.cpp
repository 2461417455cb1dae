// `flow`: boxes in a row (or a column) joined by labelled arrows — each box to the next unless
// `arrows` says otherwise; an arrow between boxes that are not neighbours runs around the row.
// Every text comes from the layout; boxes are shapes, arrows connectors of the drawing.
#include <algorithm>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Point;
using scene::Rect;

struct FlowBox {
  std::string id, text, note;
};
struct FlowArrow {
  size_t from = 0, to = 0;
  std::string label;
};
struct FlowData : ElementData {
  bool down = false;
  std::vector<FlowBox> boxes;
  std::vector<FlowArrow> arrows;
};

std::shared_ptr<const ElementData> parse_flow(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<FlowData>();
  data->down = reader.choice(node, "direction", {"right", "down"}).value_or("right") == "down";
  if (!reader.require(node, "boxes", "a flow")) return nullptr;
  const YAML::Node& boxes = node["boxes"];
  if (!boxes.IsSequence() || boxes.size() == 0) {
    reader.error(boxes, "'boxes' must be a list of boxes ({id: …, text: …} or a text)");
    return nullptr;
  }
  bool ok = true;
  for (const auto& b : boxes) {
    FlowBox box;
    if (b.IsScalar()) {
      box.text = reader.text_value(b).value_or("");
    } else if (reader.check_keys(b, {"id", "text", "note"}, "box") &&
               reader.require(b, "text", "a box")) {
      box.id = reader.string(b, "id").value_or("");
      box.text = reader.text(b, "text").value_or("");
      box.note = reader.text(b, "note").value_or("");
    } else {
      ok = false;
    }
    if (box.id.empty()) box.id = std::to_string(data->boxes.size() + 1);
    data->boxes.push_back(std::move(box));
  }
  auto index_of = [&](const YAML::Node& a, const char* key) -> std::optional<size_t> {
    auto id = reader.string(a, key);
    if (!id) return std::nullopt;
    for (size_t i = 0; i < data->boxes.size(); ++i) {
      if (data->boxes[i].id == *id) return i;
    }
    std::vector<std::string> ids;
    for (const auto& b : data->boxes) ids.push_back(b.id);
    std::string hint = closest_match(*id, ids);
    reader.error(a[key], "no box has the id '" + *id + "'",
                 hint.empty() ? "" : "did you mean '" + hint + "'?");
    return std::nullopt;
  };
  if (node["arrows"]) {
    const YAML::Node& arrows = node["arrows"];
    if (!arrows.IsSequence()) {
      reader.error(arrows, "'arrows' must be a list of {from: …, to: …, label: …}");
      return nullptr;
    }
    for (const auto& a : arrows) {
      if (!reader.check_keys(a, {"from", "to", "label"}, "arrow") ||
          !reader.require(a, "from", "an arrow") || !reader.require(a, "to", "an arrow")) {
        ok = false;
        continue;
      }
      auto from = index_of(a, "from"), to = index_of(a, "to");
      if (!from || !to) {
        ok = false;
        continue;
      }
      data->arrows.push_back({*from, *to, reader.text(a, "label").value_or("")});
    }
  } else {
    for (size_t i = 0; i + 1 < data->boxes.size(); ++i) data->arrows.push_back({i, i + 1, ""});
  }
  return ok ? data : nullptr;
}

ElementLayout layout_flow(const ElementSpec& element, LayoutContext& context) {
  const auto& data = element.data_as<FlowData>();
  const auto& theme = context.theme;
  Canvas canvas(context, element);
  const Rect& box = context.box;
  size_t n = data.boxes.size();
  bool around = std::any_of(data.arrows.begin(), data.arrows.end(), [](const FlowArrow& a) {
    return a.to != a.from + 1 && a.from != a.to + 1;
  });
  double size = std::clamp(box.height / 9, 8.0, theme.body_size * 0.9);
  // Main axis: boxes and the gaps between them; the cross axis keeps room for arrows around.
  double main_len = data.down ? box.height : box.width;
  double cross_len = data.down ? box.width : box.height;
  double gap = std::clamp(main_len * 0.1, 24.0, 90.0);
  double each = (main_len - gap * (n - 1)) / n;
  double cross = std::min(cross_len * (around ? 0.6 : 0.8), data.down ? each * 4 : each * 1.2);
  double cross0 = (data.down ? box.x : box.y) + (cross_len * (around ? 0.8 : 1) - cross) / 2;
  std::vector<Rect> rects;
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) {
    double m0 = (data.down ? box.y : box.x) + i * (each + gap);
    rects.push_back(data.down ? Rect{cross0, m0, cross, each} : Rect{m0, cross0, each, cross});
    ids.push_back(canvas.id_for("box-" + data.boxes[i].id));
  }
  for (const auto& a : data.arrows) {
    const Rect &f = rects[a.from], &t = rects[a.to];
    size_t mark = canvas.mark();
    std::string label = context.expand(a.label);
    bool neighbours = a.to == a.from + 1 || a.from == a.to + 1;
    if (neighbours) {
      bool forward = a.to > a.from;
      Point p0, p1;
      if (data.down) {
        p0 = {f.x + f.width / 2, forward ? f.y + f.height + 2 : f.y - 2};
        p1 = {t.x + t.width / 2, forward ? t.y - 2 : t.y + t.height + 2};
      } else {
        p0 = {forward ? f.x + f.width + 2 : f.x - 2, f.y + f.height / 2};
        p1 = {forward ? t.x - 2 : t.x + t.width + 2, t.y + t.height / 2};
      }
      canvas.arrow(p0, p1, theme.title, 2);
      if (!label.empty()) {
        Rect r = data.down
                     ? Rect{p0.x + 6, std::min(p0.y, p1.y), box.x + box.width - p0.x - 6,
                            std::abs(p1.y - p0.y)}
                     : Rect{std::min(p0.x, p1.x), f.y, std::abs(p1.x - p0.x), f.height / 2 - 3};
        canvas.label(label, r, size * 0.85, theme.title, data.down ? Align::left : Align::center,
                     data.down ? VAlign::middle : VAlign::bottom, true, 5);
      }
    } else {
      // Around the row: out of the far side of both boxes and along it.
      double far = data.down ? std::max(f.x + f.width, t.x + t.width) + gap * 0.5
                             : std::max(f.y + f.height, t.y + t.height) + cross_len * 0.08;
      std::vector<Point> points = data.down
                                      ? std::vector<Point>{{f.x + f.width, f.y + f.height / 2},
                                                           {far, f.y + f.height / 2},
                                                           {far, t.y + t.height / 2},
                                                           {t.x + t.width + 2, t.y + t.height / 2}}
                                      : std::vector<Point>{{f.x + f.width / 2, f.y + f.height},
                                                           {f.x + f.width / 2, far},
                                                           {t.x + t.width / 2, far},
                                                           {t.x + t.width / 2, t.y + t.height + 2}};
      canvas.route(points, theme.accent, 1.5);
      if (!label.empty()) {
        Rect r = data.down ? Rect{far + 4, std::min(f.y, t.y), box.x + box.width - far - 4,
                                  std::abs(t.y - f.y) + f.height}
                           : Rect{std::min(f.x, t.x), far + 2, std::abs(t.x - f.x) + f.width,
                                  box.y + box.height - far - 2};
        canvas.label(label, r, size * 0.85, theme.accent, data.down ? Align::left : Align::center,
                     data.down ? VAlign::middle : VAlign::top, true, 5);
      }
    }
    canvas.connector(mark, ids[a.from], ids[a.to], {}, label);
  }
  for (size_t i = 0; i < n; ++i) {
    const Rect& r = rects[i];
    const FlowBox& b = data.boxes[i];
    size_t mark = canvas.mark();
    canvas.rect(r, tint(theme.title, 0.9), theme.title, 1.2, 6);
    std::string text = context.expand(b.text), note = context.expand(b.note);
    Rect inner{r.x + 6, r.y + 4, r.width - 12, r.height - 8};
    if (note.empty()) {
      canvas.label(text, inner, size, theme.text, Align::center, VAlign::middle, true);
    } else {
      canvas.label(text, {inner.x, inner.y, inner.width, inner.height * 0.55}, size, theme.text,
                   Align::center, VAlign::bottom, true);
      canvas.label(note, {inner.x, inner.y + inner.height * 0.58, inner.width, inner.height * 0.42},
                   size * 0.75, theme.muted, Align::center, VAlign::top);
    }
    canvas.shape(mark, "box", note.empty() ? text : text + "\n" + note, {}, std::nullopt,
                 "box-" + b.id);
  }
  std::string alt;
  for (const auto& b : data.boxes) alt += (alt.empty() ? "" : "→") + context.expand(b.text);
  return canvas.finish(alt);
}

}  // namespace

ElementType flow_element() {
  return {"flow", {"direction", "boxes", "arrows"}, parse_flow, layout_flow};
}

}  // namespace tenkai::layout
