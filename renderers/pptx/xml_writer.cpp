// XML writing for the PPTX parts: escaping, validity of the characters, locale-free numbers.
#include "renderers/pptx/xml_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace tenkai::renderers::pptx {
namespace {

// Length of the UTF-8 sequence at `s[i]` and its code point; 0 when invalid.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t length = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || i + length > s.size()) return 0;
  cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < length; ++k) {
    unsigned char next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  static const uint32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_length[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool xml_char(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

XmlWriter::XmlWriter() {
  out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
}

void XmlWriter::end_start_tag() {
  if (in_start_tag_) {
    out_ += '>';
    in_start_tag_ = false;
  }
}

XmlWriter& XmlWriter::open(std::string_view name) {
  end_start_tag();
  out_ += '<';
  out_ += name;
  stack_.emplace_back(name);
  in_start_tag_ = true;
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  escape(value, true);
  out_ += '"';
  return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, long long value) {
  return attr(name, std::to_string(value));
}

XmlWriter& XmlWriter::text(std::string_view value) {
  end_start_tag();
  escape(value, false);
  return *this;
}

XmlWriter& XmlWriter::close() {
  if (stack_.empty()) {
    if (problem_.empty()) problem_ = "internal: close() without an open element";
    return *this;
  }
  if (in_start_tag_) {
    out_ += "/>";
    in_start_tag_ = false;
  } else {
    out_ += "</";
    out_ += stack_.back();
    out_ += '>';
  }
  stack_.pop_back();
  return *this;
}

XmlWriter& XmlWriter::leaf(
    std::string_view name,
    std::initializer_list<std::pair<std::string_view, std::string_view>> attrs) {
  open(name);
  for (const auto& [key, value] : attrs) attr(key, value);
  return close();
}

std::string XmlWriter::finish() {
  if (!stack_.empty() && problem_.empty()) problem_ = "internal: unclosed <" + stack_.back() + ">";
  return std::move(out_);
}

void XmlWriter::escape(std::string_view value, bool attribute) {
  for (size_t i = 0; i < value.size();) {
    uint32_t cp = 0;
    size_t length = decode_utf8(value, i, cp);
    if (length == 0) {
      if (problem_.empty()) problem_ = "text is not valid UTF-8";
      ++i;
      continue;
    }
    if (!xml_char(cp)) {
      if (problem_.empty()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
        problem_ = std::string("text holds ") + buffer + ", which XML cannot represent";
      }
      i += length;
      continue;
    }
    switch (cp) {
      case '&':
        out_ += "&amp;";
        break;
      case '<':
        out_ += "&lt;";
        break;
      case '>':
        out_ += "&gt;";
        break;
      case '"':
        out_ += attribute ? "&quot;" : "\"";
        break;
      case '\n':
        out_ += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out_ += "&#13;";
        break;
      case '\t':
        out_ += attribute ? "&#9;" : "\t";
        break;
      default:
        out_.append(value.substr(i, length));
    }
    i += length;
  }
}

std::string format_number(double value, int decimals) {
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string out(buffer, result.ptr);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

long long emu(double points) {
  return std::llround(points * 12700.0);
}

std::string hex_color(double r, double g, double b) {
  auto byte = [](double v) {
    long c = std::lround(v * 255.0);
    return static_cast<unsigned>(c < 0 ? 0 : c > 255 ? 255 : c);
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02X%02X%02X", byte(r), byte(g), byte(b));
  return buffer;
}

}  // namespace tenkai::renderers::pptx
