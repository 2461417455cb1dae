// `{name}` placeholders in spec texts: listing them for validation and filling them in.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tenkai::workbook {

// Names inside braces, in order, each with its byte offset in `text`. `{{` and `}}` are literal
// braces. An unclosed brace yields an entry with an empty name.
struct PlaceholderRef {
  std::string name;
  size_t offset = 0;
};
std::vector<PlaceholderRef> find_placeholders(const std::string& text);

struct Filled {
  std::string text;
  bool any_placeholder = false;  // the text used at least one placeholder
  bool any_value = false;        // at least one placeholder had a non-empty value
};

// Replaces each known placeholder by its value (unknown ones stay as written).
Filled fill_placeholders(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace tenkai::workbook
