// The memoising measurer: the key is the font (family, size, weight, style) plus the text.
#include "core/layout/measure_cache.h"

#include <charconv>

namespace tenkai::layout {

scene::TextMetrics MeasureCache::measure(std::string_view text, const scene::Font& font) {
  key_.clear();
  key_ += font.family;
  char size[32];
  auto end = std::to_chars(size, size + sizeof size, font.size).ptr;
  key_.push_back('\x1f');
  key_.append(size, end);
  key_.push_back(font.weight == scene::Weight::bold ? 'b' : 'r');
  key_.push_back(font.italic ? 'i' : 'n');
  key_.push_back('\x1f');
  key_ += text;
  auto found = cache_.find(key_);
  if (found != cache_.end()) return found->second;
  scene::TextMetrics metrics = inner_.measure(text, font);
  cache_.emplace(key_, metrics);
  return metrics;
}

}  // namespace tenkai::layout
