// Parser marks through the shared text::PositionMap, so 千 is one column as in editors.
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

SourcePos SourceMap::pos(const std::string& file, const TextMark& mark) const {
  // libyaml already counts characters; only the base changes.
  if (mark.line < 0 || mark.column < 0) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

size_t SourceMap::offset_of(const TextMark& mark) const {
  std::string_view text = map_.text();
  if (mark.line < 0 || static_cast<size_t>(mark.line) >= map_.line_count()) return text.size();
  size_t at = map_.line_start(static_cast<size_t>(mark.line));
  for (int column = 0; column < mark.column && at < text.size() && text[at] != '\n'; ++column) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

SourcePos SourceMap::pos_of_offset(const std::string& file, size_t offset) const {
  text::LinePos at = map_.at(offset);
  return {file, at.line, at.column};
}

}  // namespace tenkai::registry::yaml
