// A small XML writer for the PPTX parts: elements, attributes and text, escaped, with numbers
// printed without the locale. Text XML 1.0 cannot hold (control characters, invalid UTF-8) is
// rejected: the writer remembers the first such problem instead of writing a broken part.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tenkai::renderers::pptx {

class XmlWriter {
 public:
  // Starts a part with the XML declaration (standalone="yes", as Office writes it).
  XmlWriter();

  // <name, then attributes, then either children or end().
  XmlWriter& open(std::string_view name);
  XmlWriter& attr(std::string_view name, std::string_view value);
  XmlWriter& attr(std::string_view name, long long value);
  // Escaped character data inside the current element.
  XmlWriter& text(std::string_view value);
  // Closes the innermost open element (as <x/> when it has no content).
  XmlWriter& close();
  // open(name) + attributes given as pairs + close(): for leaf elements.
  XmlWriter& leaf(std::string_view name,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {});

  // The finished part; every element must have been closed.
  std::string finish();
  // The first text XML cannot hold ("" when none).
  const std::string& problem() const { return problem_; }

 private:
  void end_start_tag();
  void escape(std::string_view value, bool attribute);

  std::string out_;
  std::vector<std::string> stack_;
  bool in_start_tag_ = false;
  std::string problem_;
};

// "123" for integers; points -> EMU etc. are done by callers with these.
std::string format_number(double value, int decimals);
// Points to English Metric Units (12700 per point), rounded.
long long emu(double points);
// A colour as RRGGBB hex.
std::string hex_color(double r, double g, double b);

}  // namespace tenkai::renderers::pptx
