// Where a line of text may break, as an interface: layout asks, the renderer side answers with a
// phrase-aware breaker (ICU). Layout then applies its own rules on top (kinsoku, kanji and
// katakana runs, numbers with their counters, no lone kana), so every breaker gets the same
// typography; see core/layout/text_flow.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace tenkai::scene {

class LineBreaker {
 public:
  virtual ~LineBreaker() = default;
  // Byte offsets into `text` (UTF-8, one paragraph without "\n") before which a line may break,
  // ascending, each strictly between 0 and text.size() and on a code point boundary.
  // Deterministic: the same text always gives the same offsets.
  virtual std::vector<size_t> break_points(std::string_view text) = 0;
};

}  // namespace tenkai::scene
