// The one drawing kit of the diagram elements: shapes and arrows as paths, colours, labels that
// are fitted to their boxes with the TextMeasurer (shrunk, then ellipsised, never overflowing),
// and the Canvas that collects a diagram's items with what they mean: every box a scene::Shape
// (id, role, region, text), every arrow a scene::Connector naming the shapes it joins and the
// registry links it stands for, the whole diagram a scene::Drawing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/layout/elements.h"
#include "core/layout/year_style.h"

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

// --- diagram vocabulary ----------------------------------------------------------------------

// Fill colour of each training function (the same in every diagram and legend).
scene::Color function_color(registry::Function function);
// `color` mixed with white: t = 0 keeps it, t = 1 is white.
scene::Color tint(scene::Color color, double t);

// Japanese names used on the slides.
const char* function_title(registry::Function function);  // 地域リーダーの養成
const char* function_short(registry::Function function);  // リーダー研修
std::string year_label(int fiscal_year, bool era);        // "2011年度" / "平成23年度"
std::string population_label(long long population);
// "2014・2015年度": the distinct fiscal years of `sessions`, the unit written once at the end.
std::string years_list(const registry::Registry& registry, const std::vector<size_t>& sessions,
                       bool era);                            // "人口約34万人"
std::string length_label(const registry::Session& session);  // "4.0日＋同行32時間", "2時間", ""

// Collects scene items for one diagram and keeps label sizes consistent.
class Canvas {
 public:
  Canvas(LayoutContext& context, const ElementSpec& element);

  std::vector<scene::Item>& items() { return items_; }
  const Theme& theme() const { return context_.theme; }
  scene::TextMeasurer& measurer() { return context_.measurer; }
  const scene::Rect& box() const { return context_.box; }

  void rect(const scene::Rect& r, std::optional<scene::Color> fill,
            std::optional<scene::Color> stroke, double stroke_width = 1, double radius = 0,
            std::vector<double> dashes = {});
  void circle(scene::Point centre, double radius, scene::Color fill);
  // A straight arrow with a filled head at `to` (and at `from` when `both`).
  void arrow(scene::Point from, scene::Point to, scene::Color color, double width = 1.5,
             bool both = false, std::vector<double> dashes = {});
  void polyline(const std::vector<scene::Point>& points, scene::Color color, double width = 1,
                std::vector<double> dashes = {});
  // An arrow along `points` (an elbowed route), its head at the last point.
  void route(const std::vector<scene::Point>& points, scene::Color color, double width = 1.5);

  // Text wrapped inside `r`, shrunk from `size` down to `min_size` until it fits; past that the
  // last line is cut with "…" and a warning is recorded. Returns the size used.
  // With `keep_lines`, the text's own lines ("\n") are kept whole while the type can shrink to
  // 60% of `size`; only below that are they wrapped.
  double label(const std::string& text, const scene::Rect& r, double size, scene::Color color,
               Align align = Align::center, VAlign valign = VAlign::middle, bool bold = false,
               double min_size = 5, bool keep_lines = false);
  // The size at which `text` fits `r` (same search as label(), nothing drawn); negative when it
  // does not fit even at `min_size`.
  double fitting_size(const std::string& text, const scene::Rect& r, double size, bool bold,
                      double min_size = 5, bool keep_lines = false);
  double text_width(const std::string& text, double size, bool bold = false);
  // The largest size up to `size` at which every one of the text's own lines ("\n") fits `r`'s
  // width unbroken and all of them its height (no wrapping at all).
  double unbroken_size(const std::string& text, const scene::Rect& r, double size, bool bold);

  // --- what the items mean ---
  // Where the next item goes: pass it to shape() / connector() after drawing the pieces.
  size_t mark() const { return items_.size(); }
  // Wraps the items drawn since `mark` (a box and its labels) in a scene::Shape group and returns
  // its id, unique on the page. Geometry, fill and stroke are those of the first rectangle drawn
  // since `mark`; `box` defaults to that rectangle. `key` names the shape for connectors that
  // are drawn before it (see connector_to()); it defaults to the region id.
  std::string shape(size_t mark, std::string role, std::string text, std::string region = {},
                    std::optional<scene::Rect> box = std::nullopt, std::string key = {});
  // The id of the shape that stands for `key` (a region id or a name given to shape()), creating
  // it now when the shape is drawn later (arrows are painted under their boxes).
  std::string id_for(const std::string& key);
  // Wraps the items drawn since `mark` (an arrow and its label) in a scene::Connector group
  // from shape `from` to shape `to` (ids), standing for `links`. Start, end, heads and stroke
  // are those of the first arrow or line drawn since `mark`.
  void connector(size_t mark, const std::string& from, const std::string& to,
                 std::vector<scene::LinkRef> links = {}, std::string label = {});
  // The registry link as a LinkRef (region ids and kind).
  scene::LinkRef link_ref(size_t link) const;

  // Drops everything drawn (for a layout tried again at a smaller scale).
  void clear();

  // The element's layout result: its items as one scene::Drawing group (role = the element's
  // type) saying `alt`; used height = the box.
  ElementLayout finish(std::string alt = {});

 private:
  struct DrawnRect {
    size_t item;
    scene::Rect rect;
    double radius;
  };
  struct DrawnArrow {
    size_t item;
    scene::Point from, to;
    scene::Stroke stroke;
    scene::ArrowHeads heads;
  };
  std::string next_id();

  LayoutContext& context_;
  const ElementSpec& element_;
  std::vector<scene::Item> items_;
  std::vector<DrawnRect> rects_;
  std::vector<DrawnArrow> arrows_;
  std::vector<std::pair<std::string, std::string>> ids_;  // key -> id
  std::vector<std::string> used_;                         // ids of shapes drawn
  int shapes_ = 0;
};

// A legend row: coloured swatches with names, laid out left to right inside `r`.
void function_legend(Canvas& canvas, const scene::Rect& r, double size,
                     const std::vector<registry::Function>& functions);

// The common keys of diagram elements that show one region or prefecture.
struct SubjectData : ElementData {
  std::string region;      // region id named in the layout, or empty (chosen from the data)
  std::string prefecture;  // prefecture named in the layout, or empty
  bool era = false;        // years as 平成/令和 instead of western
  std::string caption;     // optional caption under the diagram (placeholders allowed)
};
std::shared_ptr<SubjectData> parse_subject(const YAML::Node& node, SpecReader& reader,
                                           bool takes_region, bool takes_prefecture);
const std::vector<std::string>& subject_keys(bool takes_region, bool takes_prefecture);

// Draws `text` small and muted along the bottom of the box, returning the box left above it.
scene::Rect caption_area(Canvas& canvas, const scene::Rect& r, const std::string& text);

// A message in the middle of the box when the data hold no example of the diagram's class.
ElementLayout no_example(LayoutContext& context, const ElementSpec& element,
                         const std::string& message);

}  // namespace tenkai::layout::diagrams
