// Line-based editing of a registry file: top-level sections are found by their unindented
// "key:" lines, which is how every registry (and the YAML this project writes) is laid out.
#include "core/cycle/registry_text.h"

#include <algorithm>
// GCC 12 reports a false -Wmaybe-uninitialized inside <regex>'s std::function under the
// sanitizer build's optimisation; the warning is about the library's internals, not this file.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>

namespace tenkai::cycle {
namespace {

bool is_blank_or_comment(const std::string& line) {
  size_t first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

// An unindented "key:" line (a top-level mapping key), returning the key.
std::optional<std::string> top_level_key(const std::string& line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-')
    return std::nullopt;
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string key = line.substr(0, colon);
  if (key.find_first_of(" \t\"'{[") != std::string::npos) return std::nullopt;
  return key;
}

bool looks_special(std::string_view text) {
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  static const std::regex other(
      R"(0x[0-9a-fA-F]+|0o[0-7]+|\.(inf|Inf|INF|nan|NaN|NAN)|[-+]\.(inf|Inf|INF))");
  static const std::vector<std::string> words = {
      "true",  "false", "yes",   "no",  "on",  "off",  "null", "y",    "n",
      "~",     "True",  "False", "Yes", "No",  "On",   "Off",  "Null", "TRUE",
      "FALSE", "YES",   "NO",    "ON",  "OFF", "NULL", "Y",    "N"};
  std::string s(text);
  return std::regex_match(s, number) || std::regex_match(s, other) ||
         std::find(words.begin(), words.end(), s) != words.end();
}

}  // namespace

std::string yaml_scalar(std::string_view text, bool in_flow) {
  bool quote = text.empty() || looks_special(text) || text.front() == ' ' || text.back() == ' ';
  if (!quote) {
    const std::string_view leading = "-?:,[]{}#&*!|>'\"%@`";
    if (leading.find(text.front()) != std::string_view::npos) quote = true;
    if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
        text.back() == ':')
      quote = true;
    if (in_flow && text.find_first_of(",[]{}:") != std::string_view::npos) quote = true;
    for (unsigned char c : text)
      if (c < 0x20 || c == 0x7f) quote = true;
  }
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static const char* const hex = "0123456789abcdef";
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string yaml_flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += yaml_scalar(items[i], true);
  }
  return out + "]";
}

RegistryText::RegistryText(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines_.emplace_back(text.substr(start));
      trailing_newline_ = start == text.size() && !text.empty();
      break;
    }
    lines_.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (text.empty()) trailing_newline_ = false;
}

std::optional<RegistryText::Section> RegistryText::section(const std::string& key) const {
  std::optional<Section> found;
  for (size_t i = 0; i < lines_.size(); ++i) {
    auto k = top_level_key(lines_[i]);
    if (!k) continue;
    if (found) {
      found->end = i;
      return found;
    }
    if (*k == key) found = Section{key, i, lines_.size()};
  }
  return found;
}

ListStyle RegistryText::list_style(const std::string& key) const {
  ListStyle style;
  auto s = section(key);
  if (!s) return style;
  for (size_t i = s->header + 1; i < s->end; ++i) {
    const std::string& line = lines_[i];
    size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] != '-') continue;
    style.indent = line.substr(0, first);
    size_t value = line.find_first_not_of(' ', first + 1);
    style.flow_items = value != std::string::npos && line[value] == '{';
    return style;
  }
  return style;
}

size_t RegistryText::insertion_point(const Section& s) const {
  size_t last = s.header;
  for (size_t i = s.header + 1; i < s.end; ++i)
    if (!is_blank_or_comment(lines_[i])) last = i;
  return last + 1;
}

void RegistryText::append_to_list(const std::string& key, std::vector<std::string> lines) {
  appends_.push_back({key, std::move(lines)});
}

bool RegistryText::set_years(int first, int last) {
  auto reg = section("registry");
  if (!reg) return false;
  static const std::regex flow(R"(^(\s+years:\s*)\[[^\]]*\](\s*(#.*)?)$)");
  static const std::regex block(R"(^(\s+years:)\s*(#.*)?$)");
  std::string value = "[" + std::to_string(first) + ", " + std::to_string(last) + "]";
  for (size_t i = reg->header + 1; i < reg->end; ++i) {
    std::smatch m;
    if (std::regex_match(lines_[i], m, flow)) {
      lines_[i] = m[1].str() + value + m[2].str();
      return true;
    }
    if (std::regex_match(lines_[i], m, block)) {
      // A block sequence: its "- N" lines follow, more indented than the key.
      size_t indent = lines_[i].find_first_not_of(' ');
      size_t j = i + 1;
      while (j < reg->end) {
        size_t first_char = lines_[j].find_first_not_of(' ');
        if (first_char == std::string::npos || first_char < indent || lines_[j][first_char] != '-')
          break;
        ++j;
      }
      lines_.erase(lines_.begin() + static_cast<long>(i) + 1,
                   lines_.begin() + static_cast<long>(j));
      lines_[i] = m[1].str() + " " + value + (m[2].matched ? "  " + m[2].str() : "");
      return true;
    }
  }
  return false;
}

std::string RegistryText::finish() {
  // Insertion points on the unedited lines; applied bottom-up so earlier points stay valid.
  struct Point {
    size_t at;
    size_t order;
  };
  std::vector<Point> points;
  std::vector<std::vector<std::string>> blocks;
  for (size_t n = 0; n < appends_.size(); ++n) {
    auto s = section(appends_[n].key);
    std::vector<std::string> block = appends_[n].lines;
    size_t at;
    if (!s) {
      block.insert(block.begin(), appends_[n].key + ":");
      if (!lines_.empty() && !lines_.back().empty()) block.insert(block.begin(), "");
      at = lines_.size();
    } else {
      std::string& header = lines_[s->header];
      static const std::regex empty_list(R"(^(\S+:)\s*\[\s*\](\s*(#.*)?)$)");
      std::smatch m;
      if (std::regex_match(header, m, empty_list)) header = m[1].str() + m[2].str();
      at = insertion_point(*s);
    }
    points.push_back({at, n});
    blocks.push_back(std::move(block));
  }
  append_lines_.assign(appends_.size(), 0);
  for (size_t n = 0; n < points.size(); ++n) {
    size_t before = 0;
    for (size_t m = 0; m < points.size(); ++m)
      if (points[m].at < points[n].at || (points[m].at == points[n].at && m < n))
        before += blocks[m].size();
    size_t skip = (blocks[n].size() > appends_[n].lines.size())
                      ? blocks[n].size() - appends_[n].lines.size()
                      : 0;
    append_lines_[n] = static_cast<int>(points[n].at + before + skip) + 1;
  }
  std::vector<size_t> order(points.size());
  for (size_t n = 0; n < order.size(); ++n) order[n] = n;
  // Same point: later appends go below earlier ones, so insert later ones first.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return points[a].at > points[b].at || (points[a].at == points[b].at && a > b);
  });
  for (size_t n : order) {
    lines_.insert(lines_.begin() + static_cast<long>(points[n].at), blocks[n].begin(),
                  blocks[n].end());
  }
  appends_.clear();
  std::string out;
  for (size_t i = 0; i < lines_.size(); ++i) {
    out += lines_[i];
    if (i + 1 < lines_.size() || trailing_newline_) out += '\n';
  }
  if (!trailing_newline_ && !out.empty() && points.size()) out += '\n';
  return out;
}

}  // namespace tenkai::cycle
