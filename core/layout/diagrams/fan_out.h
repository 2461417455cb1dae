// One box fanning out to many: the items are set in the grid that gives their labels the largest
// type, and arrows run from the source to each item (one row) or to each column (several rows).
#pragma once

#include <string>
#include <vector>

#include "core/layout/diagrams/diagram_kit.h"

namespace tenkai::layout::diagrams {

struct FanItem {
  std::string title;   // bold first line
  std::string detail;  // smaller second line (years, population); may be empty
  double weight = 1;   // relative width when all items fit one row (population, say)
  scene::Color fill{1, 1, 1, 1};
  scene::Color stroke{0.3, 0.3, 0.3, 1};
};

struct FanStyle {
  double max_size = 14;  // label size the search starts from
  scene::Color arrow{0.35, 0.35, 0.35, 1};
  bool arrows = true;
  // More items than this: the last box says "ほか N地域" instead, so type stays legible.
  size_t max_items = 48;
};

// Draws the items inside `area` and the arrows from the bottom centre of `source`. Returns the
// rectangles the items took, in item order.
std::vector<scene::Rect> draw_fan(Canvas& canvas, const scene::Rect& source,
                                  const scene::Rect& area, const std::vector<FanItem>& items,
                                  const FanStyle& style);

}  // namespace tenkai::layout::diagrams
