// yaml-cpp marks through the shared text::PositionMap, so 千 is one column as in editors.
#include "core/registry/source_map.h"

namespace tenkai::registry::yaml {

SourceMap::SourceMap(std::string_view source) : map_(source) {}

SourcePos SourceMap::pos(const std::string& file, const YAML::Mark& mark) const {
  // yaml-cpp marks are 0-based; a null mark (-1) means "unknown".
  if (mark.line < 0 || mark.column < 0) return {file, 0, 0};
  text::LinePos at =
      map_.at_line_byte(static_cast<size_t>(mark.line), static_cast<size_t>(mark.column));
  return {file, at.line, at.column};
}

SourcePos SourceMap::pos_of_offset(const std::string& file, size_t offset) const {
  text::LinePos at = map_.at(offset);
  return {file, at.line, at.column};
}

}  // namespace tenkai::registry::yaml
