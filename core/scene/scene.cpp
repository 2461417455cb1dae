// Path builders shared by layout code.
#include "core/scene/scene.h"

namespace tenkai::scene {

Path rectangle(const Rect& r) {
  Path path;
  path.segments.push_back({PathVerb::move_to, {{r.x, r.y}}});
  path.segments.push_back({PathVerb::line_to, {{r.x + r.width, r.y}}});
  path.segments.push_back({PathVerb::line_to, {{r.x + r.width, r.y + r.height}}});
  path.segments.push_back({PathVerb::line_to, {{r.x, r.y + r.height}}});
  path.segments.push_back({PathVerb::close, {}});
  return path;
}

Path line(Point from, Point to) {
  Path path;
  path.segments.push_back({PathVerb::move_to, {from}});
  path.segments.push_back({PathVerb::line_to, {to}});
  return path;
}

}  // namespace tenkai::scene
