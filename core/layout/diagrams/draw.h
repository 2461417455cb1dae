// Shared drawing helpers for diagram elements: shapes, arrows, colours, single-line labels that
// are measured to fit, nice axis steps, fiscal-year labels and a scale search for whole diagrams.
#pragma once

#include "core/layout/year_style.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/layout/elements.h"

namespace tenkai::layout::diagrams {

// --- shapes ---------------------------------------------------------------------------------
scene::Path rounded_rect(const scene::Rect& rect, double radius);
scene::Path circle(scene::Point center, double radius);
scene::Path polygon(const std::vector<scene::Point>& points);
// A line from `from` to `to` ending in a filled triangular head `head` points long.
std::vector<scene::Item> arrow(scene::Point from, scene::Point to, scene::Color color, double width,
                               double head);
// A thick block arrow (a chevron-like shape) filling `rect`, pointing right or down.
scene::Path block_arrow(const scene::Rect& rect, bool down);

scene::Path filled(scene::Path path, scene::Color fill);
scene::Path stroked(scene::Path path, scene::Color color, double width);

// --- colours --------------------------------------------------------------------------------
scene::Color mix(scene::Color a, scene::Color b, double t);  // t = 0: a, 1: b
bool is_dark(scene::Color color);                            // white text reads better on it
// A sequential palette (light yellow-green to dark blue) sampled at t in [0, 1].
scene::Color sequential(double t);

// --- text -----------------------------------------------------------------------------------
// Ink box of a placed line: [x, x + width] × [baseline − 0.88 size, baseline + 0.12 size].
scene::Rect line_bounds(const scene::TextLine& line);
bool overlaps(const scene::Rect& a, const scene::Rect& b, double tolerance = 0.01);
bool contains(const scene::Rect& outer, const scene::Rect& inner, double tolerance = 0.5);

// One line of text in `font`, its left end at x and baseline at y.
scene::TextLine text_line(LayoutContext& context, const std::string& text, const scene::Font& font,
                          scene::Color color, double x, double baseline);
// A single-line label centred (or aligned) in `box`; the font shrinks down to `min_size` to
// fit the width. nullopt when it cannot fit even then.
std::optional<scene::TextLine> fit_label(LayoutContext& context, const std::string& text,
                                         scene::Font font, scene::Color color,
                                         const scene::Rect& box, double min_size,
                                         Align align = Align::center);

// Flowed, multi-line text of `runs` `width` wide.
FlowedText flow(LayoutContext& context, const std::vector<Run>& runs, double width);
// The same, with lines balanced: the narrowest width that keeps the line count, so a short
// last line (地域資源の把 / 握) becomes an even pair (地域資源 / の把握).
FlowedText balanced_flow(LayoutContext& context, const std::vector<Run>& runs, double width);

// Runs the whole-diagram layout `attempt(scale)` from scale 1 down to the theme's min_scale
// until it reports that everything fits; returns the last scale tried (the limit when nothing
// fitted, after warning with `what`).
double search_scale(LayoutContext& context, const ElementSpec& element, const std::string& what,
                    const std::function<bool(double scale)>& attempt);

// --- numbers and years ----------------------------------------------------------------------
// Smallest step of 1, 2 or 5 × 10^k that is >= raw (and >= 1 for counts).
double nice_step(double raw);
std::string format_count(double value);  // integer, locale-free

// Year styles and labels: core/layout/year_style.h, shared with the rollout table.

}  // namespace tenkai::layout::diagrams
