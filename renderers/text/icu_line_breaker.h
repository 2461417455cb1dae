// The product's line breaker: ICU's line break iterator with Japanese phrase breaking
// (`ja@lw=phrase`, ICU 72), which keeps 両者が|タッグを|組む|ことにより together.
#pragma once

#include <memory>

#include "core/scene/line_breaker.h"

namespace tenkai::renderers {

// Never null: when ICU cannot open the phrase breaker it falls back to the plain Japanese line
// breaker, and to no break points at all (layout's own rules) when even that fails.
std::unique_ptr<scene::LineBreaker> make_icu_line_breaker();

}  // namespace tenkai::renderers
