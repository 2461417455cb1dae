// The `alt:` of an element, given to the figures (charts, drawings, pictures) it laid out.
#pragma once

#include "core/layout/elements.h"

namespace tenkai::layout {

// Sets every Chart, Drawing and Image in `layout` to `element.alt`, when the spec gave one;
// otherwise they keep the alt text the element generated from its data.
void apply_alt(const ElementSpec& element, ElementLayout& layout);

}  // namespace tenkai::layout
