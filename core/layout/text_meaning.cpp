// Text blocks as meanings (see text_meaning.h).
#include "core/layout/text_meaning.h"

#include <algorithm>

namespace tenkai::layout {

std::string plain_text(const std::vector<Run>& runs) {
  std::string out;
  for (const auto& run : runs) out += run.text;
  return out;
}

void share_block(std::vector<scene::Item>& items, size_t from, uint32_t block) {
  for (size_t i = from; i < items.size(); ++i) {
    if (auto* line = std::get_if<scene::TextLine>(&items[i])) line->block = block;
  }
}

void number_loose_lines(std::vector<scene::Item>& items) {
  for (auto& item : items) {
    if (auto* line = std::get_if<scene::TextLine>(&item)) {
      if (line->block == 0) line->block = scene::new_block();
    } else if (auto* group = std::get_if<scene::Group>(&item)) {
      number_loose_lines(group->items);
    }
  }
}

scene::Rect text_extent(const std::vector<scene::Item>& items, size_t from, const scene::Rect& box,
                        scene::TextMeasurer& measurer) {
  double top = 0, bottom = 0;
  bool any = false;
  for (size_t i = from; i < items.size(); ++i) {
    const auto* line = std::get_if<scene::TextLine>(&items[i]);
    if (!line) continue;
    scene::TextMetrics metrics = measurer.measure(line->text, line->font);
    double a = line->baseline.y - metrics.ascent, b = line->baseline.y + metrics.descent;
    top = any ? std::min(top, a) : a;
    bottom = any ? std::max(bottom, b) : b;
    any = true;
  }
  if (!any) return box;
  return {box.x, top, box.width, bottom - top};
}

void wrap_text_block(std::vector<scene::Item>& items, size_t from, std::string role,
                     std::vector<std::string> paragraphs, const scene::Rect& box,
                     scene::TextMeasurer& measurer) {
  if (from > items.size()) return;
  scene::Rect extent = text_extent(items, from, box, measurer);
  std::vector<scene::Item> painted(std::make_move_iterator(items.begin() + from),
                                   std::make_move_iterator(items.end()));
  items.erase(items.begin() + from, items.end());
  items.emplace_back(scene::meaningful(
      scene::TextBlock{std::move(role), extent, std::move(paragraphs)}, std::move(painted)));
}

}  // namespace tenkai::layout
