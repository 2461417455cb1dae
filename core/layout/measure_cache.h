// Memoising text measurer: layout measures the same words and characters over and over (a
// 2,000-row table), so each (font, text) pair is measured once by the real measurer.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/scene/text_measurer.h"

namespace tenkai::layout {

class MeasureCache : public scene::TextMeasurer {
 public:
  explicit MeasureCache(scene::TextMeasurer& inner) : inner_(inner) {}
  scene::TextMetrics measure(std::string_view text, const scene::Font& font) override;
  scene::LineBreaker* line_breaker() override { return inner_.line_breaker(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  // Lookup only, never iterated into output, so the unordered map keeps output deterministic.
  using Texts = std::unordered_map<std::string, scene::TextMetrics, Hash, std::equal_to<>>;
  struct PerFont {
    scene::Font font;
    Texts texts;
  };
  scene::TextMeasurer& inner_;
  std::vector<PerFont> fonts_;  // a deck uses a handful of fonts: a linear scan is fastest
  size_t last_ = 0;
};

}  // namespace tenkai::layout
