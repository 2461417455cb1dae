// Text blocks as meanings: wraps the lines an element painted in a scene group that says what
// they are (title, body, footnote…), with the unbroken paragraphs and the box they occupy.
#pragma once

#include <string>
#include <vector>

#include "core/layout/text_flow.h"
#include "core/scene/scene.h"
#include "core/scene/text_measurer.h"

namespace tenkai::layout {

// The text of `runs` without styling ("**" markup already removed by parse_emphasis).
std::string plain_text(const std::vector<Run>& runs);

// Gives every TextLine among items[from..] the block `block` (one paragraph, cell or label).
void share_block(std::vector<scene::Item>& items, size_t from, uint32_t block);

// Gives every TextLine that has none yet a block of its own (a label set line by line).
void number_loose_lines(std::vector<scene::Item>& items);

// `box`'s left and width, and the vertical extent of the lines among items[from..] (from the
// font's ascent and descent at each baseline); `box` itself when there are no lines.
scene::Rect text_extent(const std::vector<scene::Item>& items, size_t from, const scene::Rect& box,
                        scene::TextMeasurer& measurer);

// Replaces items[from..] with one group meaning a text block of `role`.
void wrap_text_block(std::vector<scene::Item>& items, size_t from, std::string role,
                     std::vector<std::string> paragraphs, const scene::Rect& box,
                     scene::TextMeasurer& measurer);

}  // namespace tenkai::layout
