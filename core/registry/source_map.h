// Positions in an input text: yaml-cpp marks to 1-based line and character column.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"

namespace tenkai::registry::yaml {

// Turns yaml-cpp marks (0-based line, byte column) into 1-based line and character column, so
// that a column counts 千 as one, as editors do.
class SourceMap {
 public:
  explicit SourceMap(std::string_view source);
  SourcePos pos(const std::string& file, const YAML::Mark& mark) const;
  std::string_view source() const { return source_; }
  size_t line_count() const { return line_starts_.size(); }
  // Byte offset where 0-based `line` starts.
  size_t line_start(size_t line) const { return line_starts_[line]; }

 private:
  std::string_view source_;
  std::vector<size_t> line_starts_;
};

}  // namespace tenkai::registry::yaml
