// A region's sessions on a fiscal-year axis, coloured by function, with their lengths; separate
// (uncounted) meetings in a lane of their own; notes that tell the pattern's story from the data.
#pragma once

#include "core/layout/diagrams/diagram_kit.h"

namespace tenkai::layout::diagrams {

enum class TimelineStory { p3, p1 };

// The whole P3 / P1 element: the named region or the clearest example of `pattern`.
ElementLayout layout_pattern_timeline(const ElementSpec& element, LayoutContext& context,
                                      analysis::Pattern pattern);

void draw_session_timeline(Canvas& canvas, const scene::Rect& area, const LayoutContext& context,
                           size_t region, TimelineStory story, bool era);

}  // namespace tenkai::layout::diagrams
