// UTF-8 decoding and East Asian width classes (wide / full-width ranges of UAX #11).
#include "core/text/display_width.h"

#include <algorithm>
#include <cmath>

namespace tenkai::text {
namespace {

char32_t decode(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 0;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x25A0 && cp <= 0x25FF) ||  // ●○■ as in CJK fonts
         (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x20000 && cp <= 0x3FFFD) ||
         // East Asian "ambiguous" characters, full-width in Japanese fonts (UAX #11 advises
         // treating them as wide in a CJK context): ※ ‥ … ①, box drawing, ×, ÷, ±.
         (cp >= 0x2010 && cp <= 0x203B) || (cp >= 0x2460 && cp <= 0x257F) ||
         (cp >= 0x2600 && cp <= 0x26FF) || cp == 0x00D7 || cp == 0x00F7 || cp == 0x00B1;
}

template <typename PerLine>
void for_each_line_width(const std::string& text, PerLine per_line) {
  double width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = decode(text, i);
    if (cp == '\n') {
      per_line(width);
      width = 0;
      continue;
    }
    width += is_wide(cp) ? 2 : 1;
  }
  per_line(width);
}

}  // namespace

double text_display_width(const std::string& text) {
  double widest = 0;
  for_each_line_width(text, [&](double w) { widest = std::max(widest, w); });
  return widest;
}

int wrapped_line_count(const std::string& text, double width) {
  int lines = 0;
  double usable = std::max(1.0, width - 1);
  for_each_line_width(
      text, [&](double w) { lines += std::max(1, static_cast<int>(std::ceil(w / usable))); });
  return lines;
}

}  // namespace tenkai::text
