// Positions in an input text: parser marks to 1-based line and character column.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"
#include "core/text/utf8.h"

namespace tenkai::registry::yaml {

// A place in the registry's text as libyaml reports it: 0-based line and 0-based column in
// characters (so 千 is one), -1 when unknown. Lines end at '\n' only: the loader rejects the
// other breaks libyaml knows (a lone CR, NEL, U+2028, U+2029) before parsing.
struct TextMark {
  int line = -1;
  int column = -1;
};

// Turns parser marks into 1-based line and character column, as editors count them: yaml-cpp's
// (0-based line, byte column; the spec readers) and libyaml's (character column; the registry).
class SourceMap {
 public:
  explicit SourceMap(std::string_view source);
  SourcePos pos(const std::string& file, const YAML::Mark& mark) const;
  SourcePos pos(const std::string& file, const TextMark& mark) const;
  // Byte offset of `mark` in the source, clamped to its line's end (or the text's).
  size_t offset_of(const TextMark& mark) const;
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
