// Positioned, exception-free conversions of yaml-cpp scalars (1-based line and column).
#include "core/workbook/yaml_reader.h"

#include <charconv>
#include <cmath>
#include <map>

namespace tenkai::workbook {

std::string list_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

SourcePos YamlReader::pos(const YAML::Node& node) const {
  // A node without a mark is the empty document itself: its problems are at the file's start.
  YAML::Mark mark = node.Mark();
  if (mark.line < 0 || mark.column < 0) return {path_, 1, 1};
  return source_.pos(path_, mark);
}

void YamlReader::error(const YAML::Node& node, std::string message, std::string hint) {
  diagnostics_.error(pos(node), std::move(message), std::move(hint));
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what) {
  if (node.IsMap()) return true;
  error(node, what + " must be a map of keys");
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) return true;
  error(node, what + " must be a list");
  return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            const std::string& what) {
  std::map<std::string, YAML::Node> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, "keys of " + what + " must be plain names");
      continue;
    }
    std::string key = it->first.Scalar();
    bool known = false;
    for (const auto& name : allowed) known = known || name == key;
    if (known) {
      // YAML lets a key repeat, and the reader would silently keep one of the values.
      if (auto [first, fresh] = seen.emplace(key, it->first); !fresh) {
        error(it->first, "duplicate key '" + key + "' in " + what,
              "first given at line " + std::to_string(pos(first->second).line));
      }
      continue;
    }
    std::string suggestion = closest_match(key, allowed);
    error(it->first, "unknown key '" + key + "' in " + what,
          suggestion.empty() ? "expected " + list_names(allowed)
                             : "did you mean '" + suggestion + "'?");
  }
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) {
    error(node, what + " must be text");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, const std::string& what) {
  bool value = false;
  if (node.IsScalar() && YAML::convert<bool>::decode(node, value)) return value;
  error(node, what + " must be true or false");
  return std::nullopt;
}

std::optional<double> YamlReader::number(const YAML::Node& node, const std::string& what,
                                         double min, double max) {
  double value = 0;
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value)) {
      if (value >= min && value <= max) return value;
      error(node, what + " must be between " + std::to_string(static_cast<long long>(min)) +
                      " and " + std::to_string(static_cast<long long>(max)));
      return std::nullopt;
    }
  }
  error(node, what + " must be a number");
  return std::nullopt;
}

std::optional<int> YamlReader::integer(const YAML::Node& node, const std::string& what, int min,
                                       int max) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size()) {
      if (value >= min && value <= max) return value;
      error(node, what + " must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
  }
  error(node, what + " must be a whole number");
  return std::nullopt;
}

std::optional<size_t> YamlReader::choice(const YAML::Node& node, const std::string& what,
                                         const std::vector<std::string>& names) {
  if (!node.IsScalar()) {
    error(node, what + " must be one of " + list_names(names));
    return std::nullopt;
  }
  const std::string& value = node.Scalar();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == value) return i;
  }
  std::string suggestion = closest_match(value, names);
  error(
      node, "unknown " + what + " '" + value + "'",
      suggestion.empty() ? "expected " + list_names(names) : "did you mean '" + suggestion + "'?");
  return std::nullopt;
}

std::optional<uint32_t> YamlReader::color(const YAML::Node& node, const std::string& what) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    uint32_t value = 0;
    if (s.size() == 7 && s[0] == '#') {
      auto [end, ec] = std::from_chars(s.data() + 1, s.data() + 7, value, 16);
      if (ec == std::errc() && end == s.data() + 7) return value;
    }
  }
  error(node, what + " must be a colour written #RRGGBB");
  return std::nullopt;
}

void YamlReader::missing(const YAML::Node& map, const std::string& key, const std::string& what) {
  // A misspelt key (reported with its did-you-mean) already says what is missing.
  if (map.IsMap()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && closest_match(it->first.Scalar(), {key}) == key) return;
    }
  }
  error(map, what + " needs '" + key + "'");
}

}  // namespace tenkai::workbook
