// Memoising text measurer: layout measures the same words and characters over and over (a
// 2,000-row table), so each (font, text) pair is measured once by the real measurer.
#pragma once

#include <string>
#include <unordered_map>

#include "core/scene/text_measurer.h"

namespace tenkai::layout {

class MeasureCache : public scene::TextMeasurer {
 public:
  explicit MeasureCache(scene::TextMeasurer& inner) : inner_(inner) {}
  scene::TextMetrics measure(std::string_view text, const scene::Font& font) override;

 private:
  scene::TextMeasurer& inner_;
  // Lookup only, never iterated into output, so the unordered map keeps output deterministic.
  std::unordered_map<std::string, scene::TextMetrics> cache_;
  std::string key_;
};

}  // namespace tenkai::layout
