// Typed map reading over the compact YAML tree; every problem becomes a positioned diagnostic.
#include "core/registry/yaml_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace tenkai::registry::yaml {

SourcePos ReadContext::pos(const TextMark& mark) const {
  // A node without a mark is the empty document itself: its problems are at the file's start.
  if (mark.line < 0 || mark.column < 0) return {file_, 1, 1};
  return source_.pos(file_, mark);
}

SourcePos ReadContext::pos(const Node& node) const {
  return pos(node.Mark());
}

SourcePos ReadContext::item_pos(const Node& list, const Node& item) {
  if (!item.IsNull() || list.is_flow()) return pos(item);
  // Columns are characters: the "-" is only found after spaces, where they equal bytes.
  TextMark next = item.Mark(), first = list.Mark();
  if (next.line < 0 || first.line < 0 || next.line < first.line) return pos(list);
  std::string_view text = source_.source();
  auto dash_at = [&](int line) {
    if (static_cast<size_t>(line) >= source_.line_count()) return false;
    size_t start = source_.line_start(static_cast<size_t>(line));
    size_t at = start + static_cast<size_t>(first.column);
    if (at >= text.size() || text[at] != '-') return false;
    for (size_t i = start; i < at; ++i) {
      if (text[i] != ' ') return false;
    }
    return at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n' ||
           text[at + 1] == '\r';
  };
  // The token after an empty item is usually the next item's own "-": skip that line.
  int line = next.line;
  if (next.column == first.column && dash_at(line)) --line;
  for (; line >= first.line; --line) {
    if (dash_at(line)) return {file_, line + 1, pos(first).col};
  }
  return pos(list);
}

void ReadContext::error(const SourcePos& pos, std::string message, std::string hint) {
  diagnostics_.error(pos, std::move(message), std::move(hint));
}

bool ReadContext::charge(size_t count, const Node& where) {
  if (exhausted_) return false;
  if (count <= budget_) {
    budget_ -= count;
    return true;
  }
  exhausted_ = true;
  error(pos(where), "registry expands to far more entries than the file holds",
        "aliases (*name) may not be used to repeat large parts of the file");
  return false;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates,
                       bool list_when_far) {
  std::string close = closest_match(word, candidates);
  if (!close.empty()) return "did you mean '" + close + "'?";
  if (!list_when_far || candidates.empty()) return {};
  std::string hint = "expected ";
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) hint += i + 1 == candidates.size() ? " or " : ", ";
    hint += candidates[i];
  }
  return hint;
}

std::optional<long long> parse_integer(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Keys and values are quoted in messages; cap what we echo so a huge scalar stays readable.
std::string excerpt(const std::string& text) {
  constexpr size_t kMaxShown = 60;
  if (text.size() <= kMaxShown) return text;
  size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "…";
}

namespace {

const char* node_kind(const Node& node) {
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  if (node.IsNull()) return "empty";
  return "a value";
}

}  // namespace

MapReader::MapReader(ReadContext& context, const Node& map, std::string what,
                     const std::vector<std::string>& allowed_keys)
    : context_(context), map_(map), what_(std::move(what)) {
  if (!map.IsMap()) return;
  if (!context_.charge(map.size(), map)) return;
  entries_.reserve(map.size());
  for (size_t i = 0; i < map.size(); ++i) {
    Node key = map.key(i);
    if (!key.IsScalar()) {
      context_.error(context_.pos(key), "keys in a " + what_ + " must be plain names, not " +
                                            std::string(node_kind(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(allowed_keys.begin(), allowed_keys.end(), name) == allowed_keys.end()) {
      context_.error(context_.pos(key), "unknown key '" + excerpt(name) + "' in " + what_,
                     suggestion(name, allowed_keys));
      continue;
    }
    if (const Entry* first = find(name)) {
      context_.error(context_.pos(key), "duplicate key '" + name + "' in " + what_,
                     "first given at line " + std::to_string(context_.pos(first->key_node).line));
      continue;
    }
    entries_.push_back({name, key, map.value(i)});
  }
}

const MapReader::Entry* MapReader::find(const std::string& key) const {
  for (const auto& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

SourcePos MapReader::key_pos(const std::string& key) const {
  const Entry* entry = find(key);
  return context_.pos(entry ? entry->key_node : map_);
}

SourcePos MapReader::value_pos(const std::string& key) const {
  const Entry* entry = find(key);
  if (!entry) return context_.pos(map_);
  if (entry->value.IsNull()) return context_.pos(entry->key_node);
  return context_.pos(entry->value);
}

const Node* MapReader::value(const std::string& key) const {
  const Entry* entry = find(key);
  return entry ? &entry->value : nullptr;
}

void MapReader::error_at_value(const std::string& key, std::string message, std::string hint) {
  context_.error(value_pos(key), std::move(message), std::move(hint));
}

// Whether an unknown key of this map is a misspelling of `key`: its error (with the did-you-mean)
// already says what is missing, so a second "missing" error before it would only bury the hint.
bool MapReader::misspelt(const std::string& key) const {
  if (!map_.IsMap()) return false;
  for (size_t i = 0; i < map_.size(); ++i) {
    Node other = map_.key(i);
    if (other.IsScalar() && !find(other.Scalar()) && closest_match(other.Scalar(), {key}) == key)
      return true;
  }
  return false;
}

const MapReader::Entry* MapReader::present(const std::string& key, bool required) {
  const Entry* entry = find(key);
  if (!entry) {
    if (required && !misspelt(key)) {
      context_.error(context_.pos(map_), "missing required key '" + key + "' in " + what_);
    }
    return nullptr;
  }
  if (entry->value.IsNull()) {
    // An empty optional value means "not given"; an empty required one is a mistake.
    if (required) context_.error(context_.pos(entry->key_node), "'" + key + "' has no value");
    return nullptr;
  }
  return entry;
}

std::optional<std::string> MapReader::scalar(const std::string& key, bool required) {
  const Entry* entry = present(key, required);
  if (!entry) return std::nullopt;
  if (!entry->value.IsScalar()) {
    error_at_value(key, "'" + key + "' must be a single value, not " + node_kind(entry->value));
    return std::nullopt;
  }
  if (!context_.charge(entry->value.Scalar().size(), entry->value)) return std::nullopt;
  return entry->value.Scalar();
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) {
  const Entry* entry = present(key, required);
  if (!entry) return std::nullopt;
  if (!entry->value.IsScalar()) {
    error_at_value(key, "'" + key + "' must be a string, not " + node_kind(entry->value));
    return std::nullopt;
  }
  if (!context_.charge(entry->value.Scalar().size(), entry->value)) return std::nullopt;
  if (required && entry->value.Scalar().empty()) {
    error_at_value(key, "'" + key + "' must not be empty");
    return std::nullopt;
  }
  return entry->value.Scalar();
}

std::optional<long long> MapReader::integer(const std::string& key, long long minimum,
                                            bool required) {
  const Entry* entry = present(key, required);
  if (!entry) return std::nullopt;
  auto expected = [&] { return "an integer >= " + std::to_string(minimum); };
  if (!entry->value.IsScalar()) {
    error_at_value(key, "'" + key + "' must be " + expected() + ", not " + node_kind(entry->value));
    return std::nullopt;
  }
  const std::string& raw = entry->value.Scalar();
  auto value = entry->value.is_quoted() ? std::nullopt : parse_integer(raw);
  if (!value || *value < minimum) {
    error_at_value(key, "'" + key + "' must be " + expected() + ", not '" + excerpt(raw) + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<double> MapReader::number(const std::string& key, double minimum) {
  const Entry* entry = present(key, false);
  if (!entry) return std::nullopt;
  auto expected = [&] { return "a number >= " + std::to_string(static_cast<long long>(minimum)); };
  if (!entry->value.IsScalar()) {
    error_at_value(key, "'" + key + "' must be " + expected() + ", not " + node_kind(entry->value));
    return std::nullopt;
  }
  const std::string& raw = entry->value.Scalar();
  auto value = entry->value.is_quoted() ? std::nullopt : parse_number(raw);
  if (!value || *value < minimum) {
    error_at_value(key, "'" + key + "' must be " + expected() + ", not '" + excerpt(raw) + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::boolean(const std::string& key) {
  const Entry* entry = present(key, false);
  if (!entry) return std::nullopt;
  if (entry->value.IsScalar() && !entry->value.is_quoted()) {
    const std::string& raw = entry->value.Scalar();
    if (raw == "true" || raw == "True" || raw == "TRUE") return true;
    if (raw == "false" || raw == "False" || raw == "FALSE") return false;
  }
  std::string got = entry->value.IsScalar() ? "'" + excerpt(entry->value.Scalar()) + "'"
                                            : std::string(node_kind(entry->value));
  error_at_value(key, "'" + key + "' must be true or false, not " + got);
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::text_list(const std::string& key) {
  const Entry* entry = present(key, false);
  if (!entry) return std::nullopt;
  const Node& list = entry->value;
  if (!list.IsSequence()) {
    std::string hint = list.IsScalar() ? "write [" + excerpt(list.Scalar()) + "]" : std::string();
    error_at_value(key, "'" + key + "' must be a list of strings", hint);
    return std::nullopt;
  }
  if (!context_.charge(list.size(), list)) return std::nullopt;
  std::vector<std::string> items;
  bool ok = true;
  for (size_t index = 1; index <= list.size(); ++index) {
    Node item = list.item(index - 1);
    if (!item.IsScalar()) {
      SourcePos where = context_.item_pos(list, item);
      context_.error(where, "'" + key + "' item " + std::to_string(index) +
                                " must be a string, not " + node_kind(item));
      ok = false;
      continue;
    }
    if (!context_.charge(item.Scalar().size(), item)) return std::nullopt;
    items.push_back(item.Scalar());
  }
  if (!ok) return std::nullopt;
  return items;
}

}  // namespace tenkai::registry::yaml
