// Path builders, block numbers and meaningful groups shared by layout code.
#include "core/scene/scene.h"

#include <atomic>

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

uint32_t new_block() {
  // Unique within the process, so lines laid out by different elements never share a block;
  // only their order of first appearance on a page reaches any output.
  static std::atomic<uint32_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Group meaningful(Meaning meaning, std::vector<Item> items) {
  Group group;
  group.items = std::move(items);
  group.meaning = std::move(meaning);
  return group;
}

}  // namespace tenkai::scene
