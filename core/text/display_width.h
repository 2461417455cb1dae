// Display width of UTF-8 text in character cells (terminal columns, spreadsheet character
// units): East Asian wide and full-width characters count two, so Japanese text lines up.
#pragma once

#include <string>

namespace tenkai::text {

// Width of the widest line of `text` (lines split at '\n').
double text_display_width(const std::string& text);

// Number of display lines `text` takes in a column `width` characters wide when wrapped.
int wrapped_line_count(const std::string& text, double width);

}  // namespace tenkai::text
