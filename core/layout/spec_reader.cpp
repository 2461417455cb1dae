// Typed, positioned reading of layout YAML: every problem becomes a Diagnostic at PATH:LINE:COL.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/layout/elements.h"
#include "core/layout/spec_positions.h"
#include "core/text/utf8.h"

namespace tenkai::layout {
namespace {

std::vector<std::string> keys_of_types() {
  std::vector<std::string> names;
  for (const auto& type : element_types()) names.emplace_back(type.name);
  return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : "did you mean '" + match + "'?";
}

bool parse_double(const std::string& text, double& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

namespace {
thread_local const text::PositionMap* current_positions = nullptr;
}  // namespace

SpecPositions::SpecPositions(const text::PositionMap& positions) : previous_(current_positions) {
  current_positions = &positions;
}

SpecPositions::~SpecPositions() {
  current_positions = previous_;
}

const text::PositionMap* SpecPositions::current() {
  return current_positions;
}

SpecReader::SpecReader(std::string path, Diagnostics& diagnostics,
                       const registry::Registry* registry)
    : path_(std::move(path)), diagnostics_(diagnostics), registry_(registry) {}

SourcePos SpecReader::pos(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  // A node without a mark is the empty document itself: its problems are at the file's start.
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {path_, 1, 1};
  if (const text::PositionMap* positions = SpecPositions::current()) {
    text::LinePos at =
        positions->at_line_byte(static_cast<size_t>(mark.line), static_cast<size_t>(mark.column));
    return {path_, at.line, at.column};
  }
  return {path_, mark.line + 1, mark.column + 1};
}

void SpecReader::error(const YAML::Node& node, std::string message, std::string hint) {
  diagnostics_.error(pos(node), std::move(message), std::move(hint));
}

void SpecReader::warning(const YAML::Node& node, std::string message, std::string hint) {
  diagnostics_.warning(pos(node), std::move(message), std::move(hint));
}

bool SpecReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            std::string_view what) {
  if (!map.IsMap()) {
    error(map, std::string(what) + " must be a map of keys");
    return false;
  }
  std::map<std::string, YAML::Node> seen;  // YAML lets a key repeat; the reader would keep one
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, "keys of " + std::string(what) + " must be plain names");
      continue;
    }
    std::string key = it->first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(it->first, "unknown key '" + key + "' in " + std::string(what),
            did_you_mean(key, allowed));
    } else if (auto [first, fresh] = seen.emplace(key, it->first); !fresh) {
      error(it->first, "duplicate key '" + key + "' in " + std::string(what),
            "first given at line " + std::to_string(pos(first->second).line));
    }
  }
  return true;
}

bool SpecReader::require(const YAML::Node& map, const char* key, std::string_view what) {
  if (map.IsMap() && map[key]) return true;
  // A misspelt key (reported with its did-you-mean) already says what is missing.
  if (map.IsMap()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && closest_match(it->first.Scalar(), {key}) == key) return false;
    }
  }
  error(map, std::string(what) + " needs '" + key + "'");
  return false;
}

std::optional<std::string> SpecReader::string(const YAML::Node& map, const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  if (!value.IsScalar()) {
    error(value, std::string("'") + key + "' must be a text");
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<double> SpecReader::number(const YAML::Node& map, const char* key, double min,
                                         double max) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  double parsed = 0;
  if (!value.IsScalar() || !parse_double(value.Scalar(), parsed)) {
    error(value, std::string("'") + key + "' must be a number");
    return std::nullopt;
  }
  if (parsed < min || parsed > max) {
    std::string low, high;
    low = std::to_string(min), high = std::to_string(max);
    auto trim = [](std::string s) {
      while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
      }
      return s;
    };
    error(value, std::string("'") + key + "' must be between " + trim(low) + " and " + trim(high));
    return std::nullopt;
  }
  return parsed;
}

std::optional<int> SpecReader::integer(const YAML::Node& map, const char* key, int min, int max) {
  auto value = number(map, key, min, max);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value)) {
    error(map[key], std::string("'") + key + "' must be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> SpecReader::boolean(const YAML::Node& map, const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    if (text == "true" || text == "yes" || text == "on") return true;
    if (text == "false" || text == "no" || text == "off") return false;
  }
  error(value, std::string("'") + key + "' must be true or false");
  return std::nullopt;
}

std::optional<std::string> SpecReader::choice(const YAML::Node& map, const char* key,
                                              const std::vector<std::string>& choices) {
  auto value = string(map, key);
  if (!value) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *value) != choices.end()) return value;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  error(map[key], std::string("'") + key + "' must be one of " + list + ", not '" + *value + "'",
        did_you_mean(*value, choices));
  return std::nullopt;
}

std::optional<std::vector<std::string>> SpecReader::string_list(const YAML::Node& map,
                                                                const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  if (value.IsScalar()) return std::vector<std::string>{value.Scalar()};
  if (!value.IsSequence()) {
    error(value, std::string("'") + key + "' must be a list of texts");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      error(item, std::string("items of '") + key + "' must be texts");
      ok = false;
    } else {
      out.push_back(item.Scalar());
    }
  }
  return ok ? std::optional(out) : std::nullopt;
}

std::optional<scene::Color> SpecReader::color(const YAML::Node& map, const char* key) {
  auto value = string(map, key);
  if (!value) return std::nullopt;
  const std::string& t = *value;
  bool ok = (t.size() == 7 || t.size() == 9) && t[0] == '#';
  double parts[4] = {0, 0, 0, 1};
  for (size_t i = 1; ok && i < t.size(); i += 2) {
    int high = hex_digit(t[i]), low = hex_digit(t[i + 1]);
    if (high < 0 || low < 0)
      ok = false;
    else
      parts[(i - 1) / 2] = (high * 16 + low) / 255.0;
  }
  if (!ok) {
    error(map[key],
          std::string("'") + key + "' must be a colour like \"#1F3864\", not '" + t + "'");
    return std::nullopt;
  }
  return scene::Color{parts[0], parts[1], parts[2], parts[3]};
}

std::optional<Length> SpecReader::length(const YAML::Node& map, const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  std::string text = value.IsScalar() ? value.Scalar() : std::string();
  Length length;
  if (!text.empty() && text.back() == '%') {
    length.percent = true;
    text.pop_back();
  }
  if (!value.IsScalar() || !parse_double(text, length.value) || length.value < 0) {
    error(value,
          std::string("'") + key + "' must be a length in points (120) or a percentage (\"25%\")");
    return std::nullopt;
  }
  return length;
}

std::optional<std::string> SpecReader::text_value(const YAML::Node& value) {
  std::string text;
  if (value.IsScalar()) {
    text = value.Scalar();
  } else if (value.IsMap() && value.size() == 1 && value.begin()->first.IsScalar() &&
             value.begin()->second.IsNull()) {
    // YAML reads an unquoted {registry.title} as a one-key map; take it as the placeholder.
    text = "{" + value.begin()->first.Scalar() + "}";
  } else {
    error(value, "expected a text");
    return std::nullopt;
  }
  bool ok = true;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 1, close - open - 1);
    const auto& names = placeholder_names();
    if (std::find(names.begin(), names.end(), name) == names.end() &&
        std::find(local_placeholders_.begin(), local_placeholders_.end(), name) ==
            local_placeholders_.end()) {
      std::vector<std::string> known = names;
      known.insert(known.end(), local_placeholders_.begin(), local_placeholders_.end());
      error(value, "unknown placeholder '{" + name + "}'", did_you_mean(name, known));
      ok = false;
    }
  }
  return ok ? std::optional(text) : std::nullopt;
}

std::optional<std::string> SpecReader::text(const YAML::Node& map, const char* key) {
  const YAML::Node value = map[key];
  if (!value) return std::nullopt;
  return text_value(value);
}

std::optional<std::string> SpecReader::region(const YAML::Node& map, const char* key) {
  auto id = string(map, key);
  if (!id || !registry_) return id;
  if (registry_->find_region(*id)) return id;
  std::vector<std::string> ids;
  for (const auto& r : registry_->regions) ids.push_back(r.id);
  error(map[key], "unknown region '" + *id + "'", did_you_mean(*id, ids));
  return std::nullopt;
}

std::vector<ElementSpec> SpecReader::elements(const YAML::Node& list) {
  std::vector<ElementSpec> out;
  if (!list.IsSequence()) {
    error(list, "'elements' must be a list of elements");
    return out;
  }
  for (const auto& node : list) {
    if (auto element = this->element(node)) out.push_back(std::move(*element));
  }
  return out;
}

std::optional<ElementSpec> SpecReader::element(const YAML::Node& node) {
  if (!node.IsMap()) {
    error(node, "an element must be a map with a 'type'");
    return std::nullopt;
  }
  auto type = string(node, "type");
  if (!type) {
    if (!node["type"]) error(node, "element needs 'type'");
    return std::nullopt;
  }
  const ElementType* kind = find_element_type(*type);
  if (!kind) {
    error(node["type"], "unknown element type '" + *type + "'",
          did_you_mean(*type, keys_of_types()));
    return std::nullopt;
  }
  ElementSpec spec;
  spec.type = *type;
  spec.kind = kind;
  spec.pos = pos(node);
  std::vector<std::string> allowed = common_element_keys();
  allowed.insert(allowed.end(), kind->keys.begin(), kind->keys.end());
  size_t errors_before = diagnostics_.error_count();
  check_keys(node, allowed, "element '" + *type + "'");
  if (auto id = string(node, "id")) spec.id = *id;
  if (const YAML::Node box = node["box"]) {
    if (box.IsMap()) {
      check_keys(box, {"x", "y", "width", "height"}, "box");
      BoxSpec parsed;
      bool ok = require(box, "width", "box") & require(box, "height", "box");
      auto x = length(box, "x"), y = length(box, "y");
      auto w = length(box, "width"), h = length(box, "height");
      if (x) parsed.x = *x;
      if (y) parsed.y = *y;
      if (ok && w && h) {
        parsed.width = *w, parsed.height = *h;
        spec.box = parsed;
      }
    } else {
      error(box, "'box' must be a map with x, y, width and height");
    }
  }
  spec.width = length(node, "width");
  spec.height = length(node, "height");
  if (auto weight = number(node, "weight", 0.01, 1000)) {
    spec.weight = *weight;
    spec.weight_explicit = true;
  }
  if (auto align = choice(node, "align", {"left", "center", "right"})) {
    spec.align = *align == "center"  ? Align::center
                 : *align == "right" ? Align::right
                                     : Align::left;
  }
  if (auto valign = choice(node, "valign", {"top", "middle", "bottom"})) {
    spec.valign = *valign == "middle"   ? VAlign::middle
                  : *valign == "bottom" ? VAlign::bottom
                                        : VAlign::top;
  }
  if (node["alt"]) spec.alt = string(node, "alt");
  if (const YAML::Node figure = node["figure"]) {
    FigureSpec parsed;
    parsed.pos = pos(figure);
    parsed.formats = {"svg", "png"};
    if (figure.IsScalar()) {
      parsed.name = figure.Scalar();
    } else if (figure.IsMap()) {
      check_keys(figure, {"name", "formats", "dpi"}, "figure");
      if (require(figure, "name", "figure")) parsed.name = string(figure, "name").value_or("");
      if (auto dpi = number(figure, "dpi", 36, 1200)) parsed.dpi = *dpi;
      if (auto formats = string_list(figure, "formats")) {
        parsed.formats.clear();
        for (const auto& f : *formats) {
          if (f != "svg" && f != "png") {
            error(figure["formats"], "figure format must be svg or png, not '" + f + "'",
                  did_you_mean(f, {"svg", "png"}));
          } else {
            parsed.formats.push_back(f);
          }
        }
      }
    } else {
      error(figure, "'figure' must be a file name or a map with name and formats");
    }
    bool safe = !parsed.name.empty() && parsed.name.find('/') == std::string::npos &&
                parsed.name.find("..") == std::string::npos;
    if (safe &&
        std::find(figure_names_.begin(), figure_names_.end(), parsed.name) != figure_names_.end()) {
      error(figure, "figure name '" + parsed.name + "' is used twice");
    } else if (safe) {
      figure_names_.push_back(parsed.name);
      spec.figure = parsed;
    } else if (parsed.name.empty() && (figure.IsScalar() || figure["name"])) {
      error(figure, "figure name must not be empty");
    } else if (!parsed.name.empty()) {
      error(figure, "figure name must be a plain file name");
    }
  }
  spec.data = kind->parse(node, *this);
  if (!spec.data || diagnostics_.error_count() > errors_before) return std::nullopt;
  return spec;
}

}  // namespace tenkai::layout
