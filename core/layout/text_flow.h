// Line breaking for Japanese and Latin text. Where a line may break comes from the measurer's
// scene::LineBreaker (phrases, in the product) or, without one, from between any two CJK
// characters; on top of either, layout keeps a run of kanji or of katakana together, a number
// with its counter (2012年度, 12回), applies kinsoku (no line starts with 、。）」ー or small kana,
// none ends with （「) and, with a breaker, lets no single kana or kanji stand alone. Only a unit
// wider than the line is split: at the breaker's own points, then between characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/scene/scene.h"
#include "core/scene/text_measurer.h"

namespace tenkai::layout {

enum class Align { left, center, right };
enum class VAlign { top, middle, bottom };

// A styled stretch of text. "\n" inside `text` forces a line break.
struct Run {
  std::string text;
  scene::Font font;
  scene::Color color;
};

// Splits `**bold**` markup into runs: plain text in `plain`, starred text bold in `strong`.
std::vector<Run> parse_emphasis(std::string_view markup, const scene::Font& font,
                                scene::Color plain, scene::Color strong);

// One broken line: pieces positioned relative to the line's left end and its baseline (y = 0).
struct FlowLine {
  std::vector<scene::TextLine> pieces;
  double width = 0;
  double ascent = 0;   // largest ascent of its pieces
  double descent = 0;  // largest descent
  double advance = 0;  // distance to the next line's baseline (largest size × line spacing)
};

struct FlowedText {
  std::vector<FlowLine> lines;
  double width = 0;       // widest line
  double height = 0;      // first ascent + advances between lines + last descent
  bool too_wide = false;  // an unbreakable unit is wider than the width asked for
  // A unit (kanji or katakana run, number with its counter, phrase) wider than the width was
  // split at a weaker point (a dictionary word inside it, or between characters).
  bool unit_split = false;
};

// Breaks `runs` into lines no wider than `max_width` points where the rules allow.
FlowedText flow_text(const std::vector<Run>& runs, double max_width, scene::TextMeasurer& measurer,
                     double line_spacing = 1.3);

// Single-font convenience: the text of each line.
std::vector<std::string> break_lines(std::string_view text, const scene::Font& font,
                                     double max_width, scene::TextMeasurer& measurer);

// Widest piece that cannot be broken even when its unit is split (a Latin word, a dictionary word
// with its kinsoku neighbours): the narrowest width the text can be set in without overflowing.
double min_content_width(const std::vector<Run>& runs, scene::TextMeasurer& measurer);
// Width of the text with no wrapping except forced breaks.
double max_content_width(const std::vector<Run>& runs, scene::TextMeasurer& measurer);

// Both of the above in one pass, with the largest ascent and descent of the text's words: the
// extent of its one line, when it has neither spaces nor forced breaks and is set unwrapped.
struct ContentWidths {
  double min = 0, max = 0;
  double ascent = 0, descent = 0;
};
ContentWidths content_widths(const std::vector<Run>& runs, scene::TextMeasurer& measurer);

// Appends the lines as scene::TextLine items placed inside `box` (absolute coordinates).
void place_text(const FlowedText& text, const scene::Rect& box, Align align, VAlign valign,
                std::vector<scene::Item>& out);

// Copies `runs` with every font size multiplied by `scale`.
std::vector<Run> scale_runs(const std::vector<Run>& runs, double scale);

}  // namespace tenkai::layout
