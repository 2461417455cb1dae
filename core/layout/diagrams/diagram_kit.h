// Drawing kit shared by the diagram elements: colours per function, boxes, arrows and labels that
// are fitted to their boxes with the TextMeasurer (shrunk, then ellipsised, never overflowing).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layout/elements.h"

namespace tenkai::layout::diagrams {

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

  // The element's layout result (items, used height = the box).
  ElementLayout finish();

 private:
  LayoutContext& context_;
  const ElementSpec& element_;
  std::vector<scene::Item> items_;
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
