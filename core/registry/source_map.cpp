// Line starts are found once; a column counts UTF-8 lead bytes, so 千 is one column as in editors.
#include "core/registry/source_map.h"

namespace tenkai::registry::yaml {

SourceMap::SourceMap(std::string_view source) : source_(source) {
  // yaml-cpp skips a UTF-8 byte order mark and counts the first line's columns after it.
  line_starts_.push_back(source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourcePos SourceMap::pos(const std::string& file, const YAML::Mark& mark) const {
  // yaml-cpp marks are 0-based; a null mark (-1) means "unknown".
  if (mark.line < 0 || mark.column < 0) return {file, 0, 0};
  auto line = static_cast<size_t>(mark.line);
  auto bytes = static_cast<size_t>(mark.column);
  if (line >= line_starts_.size() || line_starts_[line] + bytes > source_.size()) {
    return {file, mark.line + 1, mark.column + 1};  // not this text's mark: keep it as given
  }
  int column = 1;
  std::string_view prefix = source_.substr(line_starts_[line], bytes);
  for (char c : prefix) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // count UTF-8 lead bytes
  }
  return {file, mark.line + 1, column};
}

}  // namespace tenkai::registry::yaml
