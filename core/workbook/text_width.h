// Display width of UTF-8 text in spreadsheet character units: East Asian wide and full-width
// characters count two, so column widths fit Japanese text.
#pragma once

#include <string>

namespace tenkai::workbook {

// Width of the widest line of `text` (lines split at '\n').
double text_display_width(const std::string& text);

// Number of display lines `text` takes in a column `width` characters wide when wrapped.
int wrapped_line_count(const std::string& text, double width);

}  // namespace tenkai::workbook
