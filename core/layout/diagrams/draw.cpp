// Shared drawing helpers for diagram elements (see draw.h).
#include "core/layout/diagrams/draw.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/registry/fiscal_year.h"

namespace tenkai::layout::diagrams {

using scene::Color;
using scene::Path;
using scene::PathSegment;
using scene::PathVerb;
using scene::Point;
using scene::Rect;

namespace {
PathSegment seg(PathVerb verb, Point a, Point b = {}, Point c = {}) {
  PathSegment s;
  s.verb = verb;
  s.points[0] = a, s.points[1] = b, s.points[2] = c;
  return s;
}
// Bezier constant for a quarter circle.
constexpr double kKappa = 0.5522847498;
}  // namespace

Path rounded_rect(const Rect& rect, double radius) {
  double r = std::max(0.0, std::min({radius, rect.width / 2, rect.height / 2}));
  if (r <= 0) return scene::rectangle(rect);
  double x0 = rect.x, y0 = rect.y, x1 = rect.x + rect.width, y1 = rect.y + rect.height;
  double k = r * kKappa;
  Path p;
  p.segments = {
      seg(PathVerb::move_to, {x0 + r, y0}),
      seg(PathVerb::line_to, {x1 - r, y0}),
      seg(PathVerb::curve_to, {x1 - r + k, y0}, {x1, y0 + r - k}, {x1, y0 + r}),
      seg(PathVerb::line_to, {x1, y1 - r}),
      seg(PathVerb::curve_to, {x1, y1 - r + k}, {x1 - r + k, y1}, {x1 - r, y1}),
      seg(PathVerb::line_to, {x0 + r, y1}),
      seg(PathVerb::curve_to, {x0 + r - k, y1}, {x0, y1 - r + k}, {x0, y1 - r}),
      seg(PathVerb::line_to, {x0, y0 + r}),
      seg(PathVerb::curve_to, {x0, y0 + r - k}, {x0 + r - k, y0}, {x0 + r, y0}),
      seg(PathVerb::close, {}),
  };
  return p;
}

Path circle(Point c, double r) {
  double k = r * kKappa;
  Path p;
  p.segments = {
      seg(PathVerb::move_to, {c.x + r, c.y}),
      seg(PathVerb::curve_to, {c.x + r, c.y + k}, {c.x + k, c.y + r}, {c.x, c.y + r}),
      seg(PathVerb::curve_to, {c.x - k, c.y + r}, {c.x - r, c.y + k}, {c.x - r, c.y}),
      seg(PathVerb::curve_to, {c.x - r, c.y - k}, {c.x - k, c.y - r}, {c.x, c.y - r}),
      seg(PathVerb::curve_to, {c.x + k, c.y - r}, {c.x + r, c.y - k}, {c.x + r, c.y}),
      seg(PathVerb::close, {}),
  };
  return p;
}

Path polygon(const std::vector<Point>& points) {
  Path p;
  for (size_t i = 0; i < points.size(); ++i)
    p.segments.push_back(seg(i == 0 ? PathVerb::move_to : PathVerb::line_to, points[i]));
  if (!points.empty()) p.segments.push_back(seg(PathVerb::close, {}));
  return p;
}

std::vector<scene::Item> arrow(Point from, Point to, Color color, double width, double head) {
  std::vector<scene::Item> out;
  double dx = to.x - from.x, dy = to.y - from.y;
  double length = std::hypot(dx, dy);
  if (length <= 0) return out;
  double ux = dx / length, uy = dy / length;
  head = std::min(head, length);
  Point base{to.x - ux * head, to.y - uy * head};
  Path shaft = scene::line(from, base);
  shaft.stroke = scene::Stroke{color, width, {}};
  out.emplace_back(std::move(shaft));
  double half = head * 0.55;
  out.emplace_back(filled(
      polygon(
          {to, {base.x - uy * half, base.y + ux * half}, {base.x + uy * half, base.y - ux * half}}),
      color));
  return out;
}

Path block_arrow(const Rect& r, bool down) {
  if (down) {
    double head = std::min(r.height * 0.5, r.width * 0.6);
    double inset = r.width * 0.25;
    return polygon({{r.x + inset, r.y},
                    {r.x + r.width - inset, r.y},
                    {r.x + r.width - inset, r.y + r.height - head},
                    {r.x + r.width, r.y + r.height - head},
                    {r.x + r.width / 2, r.y + r.height},
                    {r.x, r.y + r.height - head},
                    {r.x + inset, r.y + r.height - head}});
  }
  double head = std::min(r.width * 0.5, r.height * 0.6);
  double inset = r.height * 0.25;
  return polygon({{r.x, r.y + inset},
                  {r.x + r.width - head, r.y + inset},
                  {r.x + r.width - head, r.y},
                  {r.x + r.width, r.y + r.height / 2},
                  {r.x + r.width - head, r.y + r.height},
                  {r.x + r.width - head, r.y + r.height - inset},
                  {r.x, r.y + r.height - inset}});
}

Path filled(Path path, Color fill) {
  path.fill = fill;
  return path;
}

Path stroked(Path path, Color color, double width) {
  path.stroke = scene::Stroke{color, width, {}};
  return path;
}

Color mix(Color a, Color b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
          a.a + (b.a - a.a) * t};
}

bool is_dark(Color c) {
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 0.5;
}

Color sequential(double t) {
  // ColorBrewer YlGnBu-like stops: readable from the first to the last year, printable in grey.
  static const Color stops[] = {{0.93, 0.97, 0.70, 1}, {0.63, 0.85, 0.71, 1},
                                {0.25, 0.71, 0.77, 1}, {0.17, 0.50, 0.72, 1},
                                {0.15, 0.29, 0.60, 1}, {0.03, 0.11, 0.35, 1}};
  constexpr int n = sizeof stops / sizeof stops[0];
  t = std::clamp(t, 0.0, 1.0) * (n - 1);
  int i = std::min(static_cast<int>(t), n - 2);
  return mix(stops[i], stops[i + 1], t - i);
}

Rect line_bounds(const scene::TextLine& line) {
  double size = line.font.size;
  return {line.baseline.x, line.baseline.y - 0.88 * size, line.width, size};
}

bool overlaps(const Rect& a, const Rect& b, double tolerance) {
  return a.x + a.width > b.x + tolerance && b.x + b.width > a.x + tolerance &&
         a.y + a.height > b.y + tolerance && b.y + b.height > a.y + tolerance;
}

bool contains(const Rect& outer, const Rect& inner, double tolerance) {
  return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance &&
         inner.x + inner.width <= outer.x + outer.width + tolerance &&
         inner.y + inner.height <= outer.y + outer.height + tolerance;
}

scene::TextLine text_line(LayoutContext& context, const std::string& text, const scene::Font& font,
                          Color color, double x, double baseline) {
  scene::TextLine line;
  line.text = text;
  line.font = font;
  line.color = color;
  line.width = context.measurer.measure(text, font).width;
  line.baseline = {x, baseline};
  return line;
}

std::optional<scene::TextLine> fit_label(LayoutContext& context, const std::string& text,
                                         scene::Font font, Color color, const Rect& box,
                                         double min_size, Align align) {
  double size = font.size;
  for (;;) {
    font.size = size;
    auto metrics = context.measurer.measure(text, font);
    if (metrics.width <= box.width + 0.01 && size <= box.height + 0.01) {
      double x = align == Align::left    ? box.x
                 : align == Align::right ? box.x + box.width - metrics.width
                                         : box.x + (box.width - metrics.width) / 2;
      // Centre the em box (0.88 above, 0.12 below the baseline) vertically.
      double baseline = box.y + (box.height - size) / 2 + 0.88 * size;
      scene::TextLine line = text_line(context, text, font, color, x, baseline);
      return line;
    }
    if (size <= min_size + 1e-9) return std::nullopt;
    size = std::max(min_size, size * 0.95);
  }
}

FlowedText flow(LayoutContext& context, const std::vector<Run>& runs, double width) {
  return flow_text(runs, width, context.measurer, context.theme.line_spacing);
}

FlowedText balanced_flow(LayoutContext& context, const std::vector<Run>& runs, double width) {
  FlowedText best = flow(context, runs, width);
  if (best.too_wide || best.lines.size() < 2) return best;
  double low = 0, high = width;
  for (int i = 0; i < 12; ++i) {
    double mid = (low + high) / 2;
    FlowedText t = flow(context, runs, mid);
    // Narrower only while no unit (a kanji run, a phrase) has to be split for it.
    if (!t.too_wide && (best.unit_split || !t.unit_split) && t.lines.size() == best.lines.size()) {
      high = mid;
      best = std::move(t);
    } else {
      low = mid;
    }
  }
  return best;
}

double search_scale(LayoutContext& context, const ElementSpec& element, const std::string& what,
                    const std::function<bool(double)>& attempt) {
  const double limit = std::clamp(context.theme.min_scale, 0.1, 1.0);
  for (double scale = 1.0;; scale -= 0.05) {
    if (scale < limit + 1e-9) scale = limit;
    if (attempt(scale)) return scale;
    if (scale == limit) {
      context.warn(element, what + " does not fit its box even at " +
                                std::to_string(static_cast<int>(limit * 100 + 0.5)) +
                                "% size; it runs past the box");
      return scale;
    }
  }
}

double nice_step(double raw) {
  if (!(raw > 1)) return 1;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw - 1e-9) return m * power;
  }
  return 10 * power;
}

std::string format_count(double value) {
  char buffer[32];
  auto end =
      std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(std::llround(value)))
          .ptr;
  return std::string(buffer, end);
}

}  // namespace tenkai::layout::diagrams
