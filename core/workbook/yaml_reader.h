// Typed, positioned access to yaml-cpp nodes for spec loaders: every wrong type, unknown key or
// bad name becomes a diagnostic at the offending node, never an exception.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/registry/diagnostics.h"
#include "core/registry/yaml_fields.h"

namespace tenkai::workbook {

class YamlReader {
 public:
  // `source` maps yaml-cpp's byte columns to character columns, as the registry loader does.
  YamlReader(std::string path, const registry::yaml::SourceMap& source, Diagnostics& diagnostics)
      : path_(std::move(path)), source_(source), diagnostics_(diagnostics) {}

  SourcePos pos(const YAML::Node& node) const;
  void error(const YAML::Node& node, std::string message, std::string hint = {});

  // `node` must be a map / a sequence; otherwise an error naming `what`.
  bool expect_map(const YAML::Node& node, const std::string& what);
  bool expect_sequence(const YAML::Node& node, const std::string& what);
  // Reports every key of `map` not in `allowed`, with the closest allowed key as a hint.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  const std::string& what);

  // Typed values of a scalar node; nullopt (with an error) when the type is wrong.
  std::optional<std::string> text(const YAML::Node& node, const std::string& what);
  std::optional<bool> boolean(const YAML::Node& node, const std::string& what);
  std::optional<double> number(const YAML::Node& node, const std::string& what, double min,
                               double max);
  std::optional<int> integer(const YAML::Node& node, const std::string& what, int min, int max);
  // One of `names`; the error hints at the closest one.
  std::optional<size_t> choice(const YAML::Node& node, const std::string& what,
                               const std::vector<std::string>& names);
  // "#RRGGBB" as 0xRRGGBB.
  std::optional<uint32_t> color(const YAML::Node& node, const std::string& what);

  // Reports a missing required key of `map`.
  void missing(const YAML::Node& map, const std::string& key, const std::string& what);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  const registry::yaml::SourceMap& source_;
  Diagnostics& diagnostics_;
};

// "a, b or c" for messages.
std::string list_names(const std::vector<std::string>& names);

}  // namespace tenkai::workbook
