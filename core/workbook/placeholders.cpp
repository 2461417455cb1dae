// Placeholder scanning and substitution; the loader has already rejected unknown names.
#include "core/workbook/placeholders.h"

namespace tenkai::workbook {

std::vector<PlaceholderRef> find_placeholders(const std::string& text) {
  std::vector<PlaceholderRef> refs;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      if (i + 1 < text.size() && text[i + 1] == '{') {
        ++i;
        continue;
      }
      size_t close = text.find('}', i + 1);
      if (close == std::string::npos) {
        refs.push_back({"", i});
        break;
      }
      refs.push_back({text.substr(i + 1, close - i - 1), i});
      i = close;
    } else if (text[i] == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      ++i;
    }
  }
  return refs;
}

Filled fill_placeholders(const std::string& text,
                         const std::map<std::string, std::string>& values) {
  Filled filled;
  std::string& out = filled.text;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          filled.any_placeholder = true;
          if (!it->second.empty()) filled.any_value = true;
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return filled;
}

}  // namespace tenkai::workbook
