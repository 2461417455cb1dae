// Positions in an input text: yaml-cpp marks to 1-based line and character column.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"
#include "core/text/utf8.h"

namespace tenkai::registry::yaml {

// Turns yaml-cpp marks (0-based line, byte column) into 1-based line and character column, so
// that a column counts 千 as one, as editors do.
class SourceMap {
 public:
  explicit SourceMap(std::string_view source);
  SourcePos pos(const std::string& file, const YAML::Mark& mark) const;
  // Position of byte `offset` of the source (for problems found in the raw bytes).
  SourcePos pos_of_offset(const std::string& file, size_t offset) const;
  std::string_view source() const { return map_.text(); }
  const text::PositionMap& positions() const { return map_; }
  size_t line_count() const { return map_.line_count(); }
  // Byte offset where 0-based `line` starts.
  size_t line_start(size_t line) const { return map_.line_start(line); }

 private:
  text::PositionMap map_;
};

}  // namespace tenkai::registry::yaml
