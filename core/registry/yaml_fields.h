// Typed, positioned reading of YAML maps: unknown and duplicate keys, required keys, value types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"
#include "core/registry/source_map.h"
#include "core/registry/yaml_tree.h"

namespace tenkai::registry::yaml {

// Shared state of one load: the file name for positions, where problems go, and a budget of
// nodes so that aliases (which the tree shares rather than copies) cannot make reading explode.
class ReadContext {
 public:
  // `source` maps the text the nodes were parsed from; it must outlive the context.
  ReadContext(std::string file, const SourceMap& source, Diagnostics& diagnostics,
              size_t node_budget)
      : file_(std::move(file)), source_(source), diagnostics_(diagnostics), budget_(node_budget) {}

  SourcePos pos(const Node& node) const;
  SourcePos pos(const TextMark& mark) const;
  // Position of an item of `list`. An empty item ("-" alone on its line) is marked where its
  // "-" ends, or by other parsers at the token after it, so for those the "-" is looked up in
  // the source instead.
  SourcePos item_pos(const Node& list, const Node& item);
  const std::string& file() const { return file_; }
  void error(const SourcePos& pos, std::string message, std::string hint = {});

  // Charges `count` nodes; false once the budget is spent (reported once, at `where`).
  bool charge(size_t count, const Node& where);
  bool exhausted() const { return exhausted_; }

 private:
  std::string file_;
  const SourceMap& source_;
  Diagnostics& diagnostics_;
  size_t budget_;
  bool exhausted_ = false;
};

// A hint naming the closest candidate, or listing them all when none is close.
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates,
                       bool list_when_far = true);

// `text` cut to a readable length (at a UTF-8 boundary) for echoing in messages.
std::string excerpt(const std::string& text);

// A map node read once: unknown keys (with did-you-mean), duplicate keys and non-scalar keys
// are reported on construction; the typed getters report wrong or missing values.
class MapReader {
 public:
  // `what` names the map in messages ("region", "session", "registry").
  // `allowed_keys` must outlive the reader.
  MapReader(ReadContext& context, const Node& map, std::string what,
            const std::vector<std::string>& allowed_keys);

  bool has(const std::string& key) const { return find(key) != nullptr; }
  // Position of the key, or of the map itself when the key is absent.
  SourcePos key_pos(const std::string& key) const;
  // Position of the value; for an empty value (marked after the ':' or at the next token) the
  // key's.
  SourcePos value_pos(const std::string& key) const;
  const Node* value(const std::string& key) const;

  // Each getter returns nullopt when the key is absent or its value is wrong (then reported).
  // With `required`, absence and an empty value are reported too.
  std::optional<std::string> text(const std::string& key, bool required = false);
  std::optional<long long> integer(const std::string& key, long long minimum,
                                   bool required = false);
  std::optional<double> number(const std::string& key, double minimum);
  std::optional<bool> boolean(const std::string& key);
  std::optional<std::vector<std::string>> text_list(const std::string& key);
  // The raw scalar text of a value that may be written as a number or a string (years, codes).
  std::optional<std::string> scalar(const std::string& key, bool required = false);

  // Reports `message` at the value of `key`.
  void error_at_value(const std::string& key, std::string message, std::string hint = {});

 private:
  struct Entry {
    std::string_view key;  // the key node's text
    Node key_node;
    Node value;
  };
  const Entry* find(const std::string& key) const;
  // The entry when present with a non-empty value; reports absence / emptiness when required.
  const Entry* present(const std::string& key, bool required);
  bool misspelt(const std::string& key) const;

  ReadContext& context_;
  Node map_;
  std::string what_;
  std::vector<Entry> entries_;
};

// Parses a plain decimal integer ("42", "-3"); nullopt on anything else or on overflow.
std::optional<long long> parse_integer(std::string_view text);
// Parses a plain decimal number ("4", "1.5", "2e1"); nullopt on anything else, inf or nan.
std::optional<double> parse_number(std::string_view text);

}  // namespace tenkai::registry::yaml
