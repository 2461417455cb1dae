// One box fanning out to many: the items are set in the grid that gives their labels the largest
// type, and an arrow runs from the source to every item: straight when they stand in one row,
// along a bus and down the gaps between columns when they stand in several.
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
  std::string region;                 // the registry region the box stands for
  std::string role = "region";        // the shape's role
  std::vector<scene::LinkRef> links;  // what the arrow to it stands for
};

struct FanStyle {
  double max_size = 14;  // label size the search starts from
  scene::Color arrow{0.35, 0.35, 0.35, 1};
  bool arrows = true;
  std::string source_id;  // shape id of the source box, for the connectors
  // More items than this: the last box says "ほか N地域" instead, so type stays legible.
  size_t max_items = 48;
};

// Draws the items inside `area` and the arrows from the bottom centre of `source`, each box a
// shape and each arrow a connector. Names stay at the theme's min_body_size or more: details are
// dropped first, then boxes, the last box saying "ほか N地域" (also past `max_items`), its arrow
// standing for the links of every region it replaces. Returns the rectangles the items took, in
// item order.
std::vector<scene::Rect> draw_fan(Canvas& canvas, const scene::Rect& source,
                                  const scene::Rect& area, const std::vector<FanItem>& items,
                                  const FanStyle& style);

}  // namespace tenkai::layout::diagrams
