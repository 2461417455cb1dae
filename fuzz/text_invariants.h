// Checks every fuzz target makes of text: diagnostics print as valid UTF-8 without control
// characters, their columns lie within their line counted in characters, and loaded text is
// valid UTF-8 without control characters (the loaders reject anything else).
#pragma once

#include <string_view>

#include "core/registry/diagnostics.h"
#include "core/text/utf8.h"

namespace tenkai::fuzz {

// Traps unless `text` is valid UTF-8 without control characters other than tab and newline.
inline void require_clean_text(std::string_view text) {
  if (!text::is_valid_utf8(text)) __builtin_trap();
  if (text::first_control_character(text) != std::string_view::npos) __builtin_trap();
}

// Traps unless every diagnostic about `input` is printable and positioned within its line.
inline void require_sane_diagnostics(const Diagnostics& diagnostics, std::string_view input) {
  text::PositionMap map(input);
  for (const auto& d : diagnostics.items()) {
    std::string printed = format_diagnostic(d);
    if (!text::is_valid_utf8(printed)) __builtin_trap();
    if (printed.find('\0') != std::string::npos) __builtin_trap();
    if (d.pos.line <= 0 || static_cast<size_t>(d.pos.line) > map.line_count()) continue;
    size_t line = static_cast<size_t>(d.pos.line) - 1;
    size_t start = map.line_start(line);
    size_t end = line + 1 < map.line_count() ? map.line_start(line + 1) : input.size();
    if (start > end) continue;
    size_t characters = text::character_count(input.substr(start, end - start));
    if (static_cast<size_t>(d.pos.col) > characters + 1) __builtin_trap();
  }
}

}  // namespace tenkai::fuzz
