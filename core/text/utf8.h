// Text at the boundaries: UTF-8 validation with the position of the first bad byte, rejection of
// control characters, character columns for byte offsets (the one position mapping every input
// reader uses), and sanitising of text bound for the terminal, JSON or XML.
//
// Readers of outside input (registry, specs, CSV, arguments, file names) call check_text() on
// the raw bytes and report its problem at position_of(). Writers that must never throw or emit
// invalid text pass strings through valid_utf8() (invalid sequences become U+FFFD).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tenkai::text {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, CESU-8 surrogates, code points above U+10FFFF and truncated sequences all count);
// std::string_view::npos when `bytes` is valid UTF-8.
size_t first_invalid_utf8(std::string_view bytes);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Byte offset of the first control character other than tab and newline (C0, DEL, C1 and NUL;
// a carriage return is allowed only right before a newline, as in CRLF files); npos if none.
// Expects valid UTF-8 (call first_invalid_utf8 first).
size_t first_control_character(std::string_view bytes);

// A problem found by check_text: where (byte offset) and what ("invalid UTF-8 (byte 0xFF)").
struct TextProblem {
  size_t offset = 0;
  std::string message;
};

// The first problem of `bytes` as input text: invalid UTF-8, then control characters.
std::optional<TextProblem> check_text(std::string_view bytes);

// Number of characters (code points) in `bytes`; invalid bytes count one each.
size_t character_count(std::string_view bytes);

// `bytes` with every ill-formed sequence replaced by U+FFFD: always valid UTF-8.
std::string valid_utf8(std::string_view bytes);

// Like valid_utf8, and control characters other than tab and newline shown as \xNN (or \0), so
// the result is safe for the terminal and for XML 1.0.
std::string printable(std::string_view bytes);

// 1-based line and column; the column counts characters, not bytes.
struct LinePos {
  int line = 0;
  int column = 0;
};

// Maps byte offsets in one text to line and character column. Line starts are found once, so a
// lookup costs only the length of its own line. A UTF-8 byte order mark at the start is not a
// column, as in editors.
class PositionMap {
 public:
  explicit PositionMap(std::string_view text);
  // Position of byte `offset` (clamped to the text's end).
  LinePos at(size_t offset) const;
  // Position of byte column `byte_column` on 0-based `line` (yaml-cpp's marks); the column of a
  // mark that is not in this text is kept as given plus one.
  LinePos at_line_byte(size_t line, size_t byte_column) const;
  std::string_view text() const { return text_; }
  size_t line_count() const { return line_starts_.size(); }
  size_t line_start(size_t line) const { return line_starts_[line]; }  // byte offset, 0-based

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace tenkai::text
