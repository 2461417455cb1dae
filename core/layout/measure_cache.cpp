// The memoising measurer: one table per font (family, size, weight, style), keyed by the text.
#include "core/layout/measure_cache.h"

namespace tenkai::layout {
namespace {
bool same_font(const scene::Font& a, const scene::Font& b) {
  return a.size == b.size && a.weight == b.weight && a.italic == b.italic && a.family == b.family;
}
}  // namespace

scene::TextMetrics MeasureCache::measure(std::string_view text, const scene::Font& font) {
  if (last_ >= fonts_.size() || !same_font(fonts_[last_].font, font)) {
    last_ = fonts_.size();
    for (size_t i = 0; i < fonts_.size(); ++i) {
      if (same_font(fonts_[i].font, font)) {
        last_ = i;
        break;
      }
    }
    if (last_ == fonts_.size()) fonts_.push_back({font, {}});
  }
  Texts& texts = fonts_[last_].texts;
  auto found = texts.find(text);
  if (found != texts.end()) return found->second;
  scene::TextMetrics metrics = inner_.measure(text, font);
  texts.emplace(std::string(text), metrics);
  return metrics;
}

}  // namespace tenkai::layout
