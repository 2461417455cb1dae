// The fixed-width measurer used by layout tests.
#include "core/scene/text_measurer.h"

namespace tenkai::scene {

TextMetrics FixedWidthMeasurer::measure(std::string_view text, const Font& font) {
  double width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += (length == 1 ? 0.5 : 1.0) * em_ratio_ * font.size;
    i += length;
  }
  return {width, 0.88 * font.size, 0.12 * font.size};
}

}  // namespace tenkai::scene
