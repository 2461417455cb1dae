// Text measurement as an interface: layout asks, the renderer side (Pango) answers. Tests inject
// a fixed-width measurer so layout is checkable without fonts.
#pragma once

#include <string_view>

#include "core/scene/scene.h"

namespace tenkai::scene {

class LineBreaker;

struct TextMetrics {
  double width = 0;    // advance of the whole string, in points
  double ascent = 0;   // above the baseline
  double descent = 0;  // below the baseline (positive)
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Measures `text` as a single line (no wrapping) in `font`.
  virtual TextMetrics measure(std::string_view text, const Font& font) = 0;
  // The line breaker for the text this measurer measures (see line_breaker.h); null: layout
  // breaks by its own character rules. The product's measurer brings the ICU phrase breaker.
  virtual LineBreaker* line_breaker() { return nullptr; }
};

// Every character (UTF-8 code point) is `em_ratio` × size wide for CJK / wide characters and
// half that for ASCII; ascent 0.88 and descent 0.12 of the size. For layout tests.
class FixedWidthMeasurer : public TextMeasurer {
 public:
  explicit FixedWidthMeasurer(double em_ratio = 1.0, LineBreaker* breaker = nullptr)
      : em_ratio_(em_ratio), breaker_(breaker) {}
  TextMetrics measure(std::string_view text, const Font& font) override;
  LineBreaker* line_breaker() override { return breaker_; }

 private:
  double em_ratio_;
  LineBreaker* breaker_;
};

}  // namespace tenkai::scene
