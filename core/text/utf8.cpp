// Well-formed UTF-8 after Unicode table 3-7, control characters, and character columns.
#include "core/text/utf8.h"

#include <algorithm>
#include <cstdio>

namespace tenkai::text {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the well-formed sequence starting at `at`, or 0 when the byte there starts none.
size_t sequence_length(std::string_view s, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(at);
  if (b0 < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // no overlong forms
    if (b0 == 0xED) high = 0x9F;  // no surrogates (CESU-8)
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // continuation byte, overlong C0/C1 lead, or F5..FF
  }
  if (at + length > s.size()) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Code point of the valid sequence of `length` bytes at `at`.
char32_t decode(std::string_view s, size_t at, size_t length) {
  auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  if (length == 1) return byte(at);
  char32_t cp = byte(at) & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(at + i) & 0x3F);
  return cp;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

std::string hex_byte(unsigned char b) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(b));
  return buffer;
}

std::string escaped(char32_t cp) {
  if (cp == 0) return "\\0";
  char buffer[12];
  if (cp < 0x100)
    std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(cp));
  else
    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
  return buffer;
}

// valid_utf8 and printable in one loop.
std::string rewrite(std::string_view bytes, bool escape_controls) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    size_t length = sequence_length(bytes, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    char32_t cp = decode(bytes, i, length);
    if (escape_controls && is_control(cp) && cp != '\t' && cp != '\n') {
      out += escaped(cp);
    } else {
      out.append(bytes.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace

size_t first_invalid_utf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    size_t length = sequence_length(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view bytes) {
  return first_invalid_utf8(bytes) == std::string_view::npos;
}

size_t first_control_character(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    size_t length = sequence_length(bytes, i);
    if (length == 0) {
      ++i;
      continue;
    }
    char32_t cp = decode(bytes, i, length);
    bool crlf = cp == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n';
    if (is_control(cp) && cp != '\t' && cp != '\n' && !crlf) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::optional<TextProblem> check_text(std::string_view bytes) {
  if (size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
    return TextProblem{
        bad, "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) + ")"};
  }
  if (size_t control = first_control_character(bytes); control != std::string_view::npos) {
    size_t length = sequence_length(bytes, control);
    char32_t cp = decode(bytes, control, length);
    std::string name = cp == 0 ? "a NUL byte" : "control character " + escaped(cp);
    return TextProblem{control, name + " is not allowed in text"};
  }
  return std::nullopt;
}

size_t character_count(std::string_view bytes) {
  size_t count = 0;
  for (size_t i = 0; i < bytes.size(); ++count) i += std::max<size_t>(1, sequence_length(bytes, i));
  return count;
}

std::string valid_utf8(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  return rewrite(bytes, false);
}

std::string printable(std::string_view bytes) {
  if (is_valid_utf8(bytes) && first_control_character(bytes) == std::string_view::npos &&
      bytes.find('\r') == std::string_view::npos) {
    return std::string(bytes);
  }
  return rewrite(bytes, true);
}

PositionMap::PositionMap(std::string_view text) : text_(text) {
  // The YAML parsers skip a byte order mark and count the first line's columns after it.
  line_starts_.push_back(text.substr(0, 3) == kBom ? 3 : 0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LinePos PositionMap::at(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line =
      next == line_starts_.begin() ? 0 : static_cast<size_t>(next - line_starts_.begin()) - 1;
  size_t start = std::min(line_starts_[line], offset);
  return at_line_byte(line, offset - start);
}

LinePos PositionMap::at_line_byte(size_t line, size_t byte_column) const {
  if (line >= line_starts_.size() || line_starts_[line] + byte_column > text_.size()) {
    return {static_cast<int>(line) + 1, static_cast<int>(byte_column) + 1};
  }
  std::string_view prefix = text_.substr(line_starts_[line], byte_column);
  return {static_cast<int>(line) + 1, static_cast<int>(character_count(prefix)) + 1};
}

}  // namespace tenkai::text
