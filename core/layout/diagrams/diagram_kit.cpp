// The diagram drawing kit (see diagram_kit.h).
#include "core/layout/diagrams/diagram_kit.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "core/analysis/reason_text.h"
#include "core/analysis/rollout.h"
#include "core/registry/fiscal_year.h"
#include "core/registry/prefectures.h"

namespace tenkai::layout::diagrams {

using registry::Function;
using scene::Color;
using scene::Point;
using scene::Rect;

namespace {
constexpr double kLabelLineSpacing = 1.15;

// UTF-8 code points of `text`, each as its own string.
std::vector<std::string> code_points(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(text.substr(i, length));
    i += length;
  }
  return out;
}
}  // namespace

using scene::Path;
using scene::PathSegment;
using scene::PathVerb;

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

Color function_color(Function function) {
  switch (function) {
    case Function::leader:
      return {0.11, 0.32, 0.62, 1};
    case Function::intro:
      return {0.18, 0.56, 0.34, 1};
    case Function::connect:
      return {0.91, 0.55, 0.12, 1};
  }
  return {0.5, 0.5, 0.5, 1};
}

Color tint(Color color, double t) {
  return {color.r + (1 - color.r) * t, color.g + (1 - color.g) * t, color.b + (1 - color.b) * t,
          color.a};
}

const char* function_title(Function function) {
  switch (function) {
    case Function::leader:
      return "地域リーダーの養成";
    case Function::intro:
      return "動機づけ・入門";
    case Function::connect:
      return "多職種のつながりを深める";
  }
  return "";
}

const char* function_short(Function function) {
  switch (function) {
    case Function::leader:
      return "リーダー研修";
    case Function::intro:
      return "動機づけ・入門研修";
    case Function::connect:
      return "顔の見える関係会議等";
  }
  return "";
}

std::string year_label(int fiscal_year, bool era) {
  return era ? registry::era_year_label(fiscal_year) : registry::western_year_label(fiscal_year);
}

std::string population_label(long long population) {
  if (population >= 10000) {
    long long man = (population + 5000) / 10000;
    return "人口約" + std::to_string(man) + "万人";
  }
  return "人口約" + analysis::format_population(population) + "人";
}

std::string years_list(const registry::Registry& registry, const std::vector<size_t>& sessions,
                       bool era) {
  std::vector<int> years;
  for (size_t s : sessions) years.push_back(registry.sessions[s].fiscal_year);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  const std::string unit = "年度";
  std::string out;
  for (size_t i = 0; i < years.size(); ++i) {
    std::string label = year_label(years[i], era);
    if (i + 1 < years.size() && label.size() > unit.size()) {
      label.resize(label.size() - unit.size());
    }
    out += (i ? "・" : "") + label;
  }
  return out;
}

std::string length_label(const registry::Session& session) {
  std::string text;
  if (session.days) text = analysis::format_days(*session.days) + "日";
  if (session.hours)
    text += (text.empty() ? "" : "・") + analysis::format_number(*session.hours) + "時間";
  if (session.field_hours) {
    text += (text.empty() ? "" : "＋") + std::string("同行") +
            analysis::format_number(*session.field_hours) + "時間";
  }
  return text;
}

Canvas::Canvas(LayoutContext& context, const ElementSpec& element)
    : context_(context), element_(element) {}

void Canvas::rect(const Rect& r, std::optional<Color> fill, std::optional<Color> stroke,
                  double stroke_width, double radius, std::vector<double> dashes) {
  if (r.width <= 0 || r.height <= 0) return;
  scene::Path path;
  radius = std::min({radius, r.width / 2, r.height / 2});
  if (radius <= 0) {
    path = scene::rectangle(r);
  } else {
    // Rounded corners as cubic curves (kappa approximation of a quarter circle).
    const double k = 0.5523 * radius;
    double x0 = r.x, y0 = r.y, x1 = r.x + r.width, y1 = r.y + r.height;
    auto move = [&](Point p) { path.segments.push_back({scene::PathVerb::move_to, {p, {}, {}}}); };
    auto line = [&](Point p) { path.segments.push_back({scene::PathVerb::line_to, {p, {}, {}}}); };
    auto curve = [&](Point a, Point b, Point c) {
      path.segments.push_back({scene::PathVerb::curve_to, {a, b, c}});
    };
    move({x0 + radius, y0});
    line({x1 - radius, y0});
    curve({x1 - radius + k, y0}, {x1, y0 + radius - k}, {x1, y0 + radius});
    line({x1, y1 - radius});
    curve({x1, y1 - radius + k}, {x1 - radius + k, y1}, {x1 - radius, y1});
    line({x0 + radius, y1});
    curve({x0 + radius - k, y1}, {x0, y1 - radius + k}, {x0, y1 - radius});
    line({x0, y0 + radius});
    curve({x0, y0 + radius - k}, {x0 + radius - k, y0}, {x0 + radius, y0});
    path.segments.push_back({scene::PathVerb::close, {}});
  }
  path.fill = fill;
  if (stroke) path.stroke = scene::Stroke{*stroke, stroke_width, std::move(dashes)};
  rects_.push_back({items_.size(), r, radius});
  items_.emplace_back(std::move(path));
}

void Canvas::circle(Point c, double radius, Color fill) {
  rect({c.x - radius, c.y - radius, 2 * radius, 2 * radius}, fill, std::nullopt, 1, radius);
}

void Canvas::arrow(Point from, Point to, Color color, double width, bool both,
                   std::vector<double> dashes) {
  double dx = to.x - from.x, dy = to.y - from.y;
  double length = std::hypot(dx, dy);
  if (length < 1e-6) return;
  double ux = dx / length, uy = dy / length;
  double head = std::min(length / 2.5, 4 + 2.5 * width);
  auto head_at = [&](Point tip, double sx, double sy) {
    scene::Path path;
    Point base{tip.x - sx * head, tip.y - sy * head};
    double half = head * 0.5;
    path.segments.push_back({scene::PathVerb::move_to, {tip, {}, {}}});
    path.segments.push_back(
        {scene::PathVerb::line_to, {{base.x - sy * half, base.y + sx * half}, {}, {}}});
    path.segments.push_back(
        {scene::PathVerb::line_to, {{base.x + sy * half, base.y - sx * half}, {}, {}}});
    path.segments.push_back({scene::PathVerb::close, {}});
    path.fill = color;
    items_.emplace_back(std::move(path));
  };
  arrows_.push_back({items_.size(), from, to, scene::Stroke{color, width, dashes},
                     both ? scene::ArrowHeads::both : scene::ArrowHeads::end});
  Point start = both ? Point{from.x + ux * head * 0.9, from.y + uy * head * 0.9} : from;
  Point end{to.x - ux * head * 0.9, to.y - uy * head * 0.9};
  scene::Path shaft = scene::line(start, end);
  shaft.stroke = scene::Stroke{color, width, std::move(dashes)};
  items_.emplace_back(std::move(shaft));
  head_at(to, ux, uy);
  if (both) head_at(from, -ux, -uy);
}

void Canvas::polyline(const std::vector<Point>& points, Color color, double width,
                      std::vector<double> dashes) {
  if (points.size() < 2) return;
  scene::Path path;
  path.segments.push_back({scene::PathVerb::move_to, {points[0], {}, {}}});
  for (size_t i = 1; i < points.size(); ++i) {
    path.segments.push_back({scene::PathVerb::line_to, {points[i], {}, {}}});
  }
  path.stroke = scene::Stroke{color, width, std::move(dashes)};
  arrows_.push_back(
      {items_.size(), points.front(), points.back(), *path.stroke, scene::ArrowHeads::none});
  items_.emplace_back(std::move(path));
}

void Canvas::route(const std::vector<Point>& points, Color color, double width) {
  if (points.size() < 2) return;
  if (points.size() == 2) return arrow(points[0], points[1], color, width);
  Point a = points[points.size() - 2], tip = points.back();
  double length = std::hypot(tip.x - a.x, tip.y - a.y);
  if (length < 1e-6) return;
  double ux = (tip.x - a.x) / length, uy = (tip.y - a.y) / length;
  double head = std::min(length * 0.9, 4 + 2.5 * width);
  size_t first = items_.size();
  std::vector<Point> shaft(points.begin(), points.end() - 1);
  shaft.push_back({tip.x - ux * head * 0.9, tip.y - uy * head * 0.9});
  polyline(shaft, color, width);
  arrows_.erase(arrows_.end() - 1);
  arrows_.push_back(
      {first, points.front(), tip, scene::Stroke{color, width, {}}, scene::ArrowHeads::end});
  scene::Path path;
  Point base{tip.x - ux * head, tip.y - uy * head};
  double half = head * 0.5;
  path.segments.push_back({scene::PathVerb::move_to, {tip, {}, {}}});
  path.segments.push_back(
      {scene::PathVerb::line_to, {{base.x - uy * half, base.y + ux * half}, {}, {}}});
  path.segments.push_back(
      {scene::PathVerb::line_to, {{base.x + uy * half, base.y - ux * half}, {}, {}}});
  path.segments.push_back({scene::PathVerb::close, {}});
  path.fill = color;
  items_.emplace_back(std::move(path));
}

double Canvas::text_width(const std::string& text, double size, bool bold) {
  return context_.measurer
      .measure(text, theme().font(size, bold ? scene::Weight::bold : scene::Weight::regular))
      .width;
}

double Canvas::unbroken_size(const std::string& text, const Rect& r, double size, bool bold) {
  constexpr double kProbe = 10;
  double widest = 0;
  size_t lines = 0, start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    widest = std::max(widest, text_width(text.substr(start, end - start), kProbe, bold));
    ++lines;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  double by_width = widest > 0 ? kProbe * r.width / widest : size;
  // As flow_text sets them: the first line's ascent and the last one's descent (the font's, more
  // than an em for Noto Sans CJK), and a line advance between each two.
  auto probe = context_.measurer.measure(
      text.substr(0, text.find('\n')),
      theme().font(kProbe, bold ? scene::Weight::bold : scene::Weight::regular));
  double em_box = std::max(1.0, (probe.ascent + probe.descent) / kProbe);
  double by_height = r.height / (em_box + kLabelLineSpacing * (lines - 1) + 0.05);
  return std::max(0.0, std::min({size, by_width, by_height}) * 0.98);
}

double Canvas::fitting_size(const std::string& text, const Rect& r, double size, bool bold,
                            double min_size, bool keep_lines) {
  if (r.width <= 0 || r.height <= 0) return -min_size;
  if (keep_lines) {
    size_t forced = 1 + std::count(text.begin(), text.end(), '\n');
    double floor = std::max(min_size, size * 0.6);
    for (double s = size;; s = std::max(floor, s * 0.92)) {
      std::vector<Run> runs = {
          Run{text, theme().font(s, bold ? scene::Weight::bold : scene::Weight::regular), {}}};
      FlowedText flowed = flow_text(runs, r.width, context_.measurer, kLabelLineSpacing);
      if (!flowed.too_wide && flowed.lines.size() <= forced && flowed.height <= r.height + 0.01) {
        return s;
      }
      if (s <= floor) break;
    }
  }
  for (double s = size;; s = std::max(min_size, s * 0.92)) {
    std::vector<Run> runs = {
        Run{text, theme().font(s, bold ? scene::Weight::bold : scene::Weight::regular), {}}};
    FlowedText flowed = flow_text(runs, r.width, context_.measurer, kLabelLineSpacing);
    if (!flowed.too_wide && flowed.height <= r.height + 0.01) return s;
    if (s <= min_size) return -min_size;  // negative: does not fit even at the limit
  }
}

double Canvas::label(const std::string& text, const Rect& r, double size, Color color, Align align,
                     VAlign valign, bool bold, double min_size, bool keep_lines) {
  if (text.empty() || r.width <= 0 || r.height <= 0) return size;
  // Never below the floors: no type under min_type_size, and a label that starts at or above
  // min_body_size (a box's name, a note) does not shrink below it; the diagrams summarise
  // (ほか12地域) before anything would have to get smaller.
  size = std::max(size, theme().min_type_size);
  min_size = std::max({min_size, theme().min_type_size, std::min(size, theme().min_body_size)});
  double s = fitting_size(text, r, size, bold, min_size, keep_lines);
  scene::Font font = theme().font(std::abs(s), bold ? scene::Weight::bold : scene::Weight::regular);
  if (s > 0) {
    FlowedText flowed =
        flow_text({Run{text, font, color}}, r.width, context_.measurer, kLabelLineSpacing);
    place_text(flowed, r, align, valign, items_);
    return s;
  }
  // Even the smallest size overflows: fill the lines that fit, cut the last with "…".
  context_.warn(element_, "label '" + text + "' does not fit its box; it was shortened");
  double line_height = font.size * kLabelLineSpacing;
  size_t max_lines = std::max<size_t>(1, static_cast<size_t>((r.height + 0.01) / line_height));
  std::vector<std::string> lines(1);
  for (const auto& cp : code_points(text)) {
    if (cp == "\n" || context_.measurer.measure(lines.back() + cp, font).width > r.width) {
      if (lines.size() == max_lines) {
        std::string& last = lines.back();
        auto cps = code_points(last);
        while (!cps.empty() && context_.measurer.measure(last + "…", font).width > r.width) {
          cps.pop_back();
          last.clear();
          for (const auto& c : cps) last += c;
        }
        last += "…";
        break;
      }
      lines.emplace_back();
      if (cp == "\n") continue;
    }
    lines.back() += cp;
  }
  double top = r.y + std::max(0.0, (r.height - lines.size() * line_height) / 2);
  if (valign == VAlign::top) top = r.y;
  for (size_t i = 0; i < lines.size(); ++i) {
    double width = context_.measurer.measure(lines[i], font).width;
    double x = align == Align::center  ? r.x + (r.width - width) / 2
               : align == Align::right ? r.x + r.width - width
                                       : r.x;
    items_.emplace_back(scene::TextLine{
        {x, top + i * line_height + 0.88 * font.size}, lines[i], font, color, width});
  }
  return font.size;
}

std::string Canvas::next_id() {
  // Unique on the page: the element (its id, else its type and line in the spec), then a count.
  std::string prefix =
      element_.id.empty() ? element_.type + "-" + std::to_string(element_.pos.line) : element_.id;
  return prefix + "-s" + std::to_string(++shapes_);
}

std::string Canvas::id_for(const std::string& key) {
  for (const auto& [k, id] : ids_) {
    if (k == key) return id;
  }
  ids_.emplace_back(key, next_id());
  return ids_.back().second;
}

std::string Canvas::shape(size_t mark, std::string role, std::string text, std::string region,
                          std::optional<Rect> box, std::string key) {
  mark = std::min(mark, items_.size());
  scene::Shape shape;
  shape.role = std::move(role);
  shape.text = std::move(text);
  shape.region = std::move(region);
  if (key.empty()) key = shape.region;
  std::string id = key.empty() ? next_id() : id_for(key);
  if (std::find(used_.begin(), used_.end(), id) != used_.end()) id = next_id();
  used_.push_back(id);
  shape.id = id;
  for (const auto& drawn : rects_) {
    if (drawn.item < mark) continue;
    const auto* path = std::get_if<scene::Path>(&items_[drawn.item]);
    shape.box = drawn.rect;
    shape.geometry = drawn.radius > 0 ? scene::ShapeGeometry::rounded_rectangle
                                      : scene::ShapeGeometry::rectangle;
    if (path) shape.fill = path->fill, shape.stroke = path->stroke;
    break;
  }
  if (box) shape.box = *box;
  std::vector<scene::Item> inner(std::make_move_iterator(items_.begin() + mark),
                                 std::make_move_iterator(items_.end()));
  items_.resize(mark);
  std::erase_if(rects_, [&](const DrawnRect& d) { return d.item >= mark; });
  std::erase_if(arrows_, [&](const DrawnArrow& d) { return d.item >= mark; });
  items_.emplace_back(scene::meaningful(std::move(shape), std::move(inner)));
  return id;
}

void Canvas::connector(size_t mark, const std::string& from, const std::string& to,
                       std::vector<scene::LinkRef> links, std::string label) {
  mark = std::min(mark, items_.size());
  if (mark == items_.size()) return;  // nothing was drawn (a zero-length arrow)
  scene::Connector connector;
  connector.from = from;
  connector.to = to;
  connector.label = std::move(label);
  connector.links = std::move(links);
  for (const auto& drawn : arrows_) {
    if (drawn.item < mark) continue;
    connector.start = drawn.from;
    connector.end = drawn.to;
    connector.stroke = drawn.stroke;
    connector.heads = drawn.heads;
    break;
  }
  std::vector<scene::Item> inner(std::make_move_iterator(items_.begin() + mark),
                                 std::make_move_iterator(items_.end()));
  items_.resize(mark);
  std::erase_if(rects_, [&](const DrawnRect& d) { return d.item >= mark; });
  std::erase_if(arrows_, [&](const DrawnArrow& d) { return d.item >= mark; });
  items_.emplace_back(scene::meaningful(std::move(connector), std::move(inner)));
}

scene::LinkRef Canvas::link_ref(size_t link) const {
  const auto& reg = context_.registry;
  const auto& l = reg.links.at(link);
  return {reg.regions.at(l.from_index).id, reg.regions.at(l.to_index).id,
          registry::to_string(l.kind)};
}

void Canvas::clear() {
  items_.clear();
  rects_.clear();
  arrows_.clear();
  ids_.clear();
  used_.clear();
  shapes_ = 0;
}

namespace {
void collect_meanings(const std::vector<scene::Item>& items, std::vector<std::string>& regions,
                      std::vector<scene::LinkRef>& links) {
  for (const auto& item : items) {
    const auto* group = std::get_if<scene::Group>(&item);
    if (!group) continue;
    if (group->meaning) {
      if (const auto* shape = std::get_if<scene::Shape>(&*group->meaning)) {
        if (!shape->region.empty()) regions.push_back(shape->region);
      } else if (const auto* connector = std::get_if<scene::Connector>(&*group->meaning)) {
        links.insert(links.end(), connector->links.begin(), connector->links.end());
      }
    }
    collect_meanings(group->items, regions, links);
  }
}
}  // namespace

size_t Canvas::links_left_out() const {
  std::vector<std::string> regions;
  std::vector<scene::LinkRef> drawn;
  collect_meanings(items_, regions, drawn);
  auto has_region = [&](const std::string& id) {
    return std::find(regions.begin(), regions.end(), id) != regions.end();
  };
  auto has_kind = [&](const std::string& kind) {
    return std::any_of(drawn.begin(), drawn.end(),
                       [&](const scene::LinkRef& l) { return l.kind == kind; });
  };
  size_t missing = 0;
  for (size_t l = 0; l < context_.registry.links.size(); ++l) {
    scene::LinkRef ref = link_ref(l);
    if (has_region(ref.from) && has_region(ref.to) && has_kind(ref.kind) &&
        std::find(drawn.begin(), drawn.end(), ref) == drawn.end()) {
      ++missing;
    }
  }
  return missing;
}

ElementLayout Canvas::finish(std::string alt) {
  // Links between regions drawn here, of a kind drawn here, that no arrow stands for: the
  // drawing says how many it leaves out, small in its top right corner (where the example line,
  // set from the left, leaves room).
  if (size_t missing = links_left_out()) {
    // At the floor for labels: it may sit on the example line's box.
    scene::Font font = theme().font(std::max(theme().footnote_size, theme().min_body_size));
    std::string note = "※ほか" + std::to_string(missing) + "件のつながりは省略";
    double width = context_.measurer.measure(note, font).width;
    items_.emplace_back(text_line(context_, note, font, theme().muted,
                                  context_.box.x + context_.box.width - width,
                                  context_.box.y + 0.88 * font.size));
  }
  ElementLayout out;
  scene::Drawing drawing{element_.type, context_.box, std::move(alt)};
  out.items.emplace_back(scene::meaningful(std::move(drawing), std::move(items_)));
  items_.clear();
  out.used_height = context_.box.height;
  return out;
}

void function_legend(Canvas& canvas, const Rect& r, double size,
                     const std::vector<Function>& functions) {
  double swatch = size * 0.9, gap = size * 0.4, spacing = size * 1.4;
  double total = 0;
  for (Function f : functions)
    total += swatch + gap + canvas.text_width(function_title(f), size) + spacing;
  double scale = total > r.width && total > 0 ? r.width / total : 1;
  double s = size * scale;
  swatch *= scale, gap *= scale, spacing *= scale;
  double x = r.x + std::max(0.0, (r.width - total * scale) / 2);
  double mid = r.y + r.height / 2;
  for (Function f : functions) {
    canvas.rect({x, mid - swatch / 2, swatch, swatch}, function_color(f), std::nullopt, 1, 1.5);
    x += swatch + gap;
    double w = canvas.text_width(function_title(f), s);
    canvas.label(function_title(f), {x, mid - s * 0.7, w + 0.5, s * 1.4}, s, canvas.theme().text,
                 Align::left);
    x += w + spacing;
  }
}

const std::vector<std::string>& subject_keys(bool takes_region, bool takes_prefecture) {
  static const std::vector<std::string> both = {"region", "prefecture", "years", "caption",
                                                "example"};
  static const std::vector<std::string> region = {"region", "years", "caption", "example"};
  static const std::vector<std::string> prefecture = {"prefecture", "years", "caption", "example"};
  static const std::vector<std::string> neither = {"years", "caption", "example"};
  if (takes_region && takes_prefecture) return both;
  if (takes_region) return region;
  if (takes_prefecture) return prefecture;
  return neither;
}

std::shared_ptr<SubjectData> parse_subject(const YAML::Node& node, SpecReader& reader,
                                           bool takes_region, bool takes_prefecture) {
  auto data = std::make_shared<SubjectData>();
  if (takes_region) data->region = reader.region(node, "region").value_or("");
  if (takes_prefecture && node["prefecture"]) {
    auto name = reader.string(node, "prefecture");
    if (name && registry::prefecture_code(*name) == 0) {
      std::string hint = closest_match(*name, registry::prefecture_names());
      reader.error(node["prefecture"], "unknown prefecture '" + *name + "'",
                   hint.empty() ? "" : "did you mean '" + hint + "'?");
    } else if (name) {
      data->prefecture = *name;
    }
  }
  data->era = reader.choice(node, "years", {"western", "era"}).value_or("western") == "era";
  data->caption = reader.text(node, "caption").value_or("");
  data->example = reader.string(node, "example").value_or("");
  return data;
}

Rect example_area(Canvas& canvas, const Rect& r, const SubjectData& data, const std::string& name) {
  if (data.example.empty()) return r;
  std::string text = data.example;
  const std::string key = "{example}";
  for (size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), name);
  double size = canvas.theme().body_size * 0.9;
  double height = size * 1.4;
  size_t mark = canvas.mark();
  canvas.label(text, {r.x, r.y, r.width, height}, size, canvas.theme().title, Align::left,
               VAlign::middle, true);
  canvas.shape(mark, "caption", text, {}, Rect{r.x, r.y, r.width, height}, "example");
  return {r.x, r.y + height + size * 0.3, r.width, r.height - height - size * 0.3};
}

Rect caption_area(Canvas& canvas, const Rect& r, const std::string& text) {
  if (text.empty()) return r;
  double size = canvas.theme().small_size;
  double height = size * 1.5;
  canvas.label(text, {r.x, r.y + r.height - height, r.width, height}, size, canvas.theme().muted,
               Align::right);
  return {r.x, r.y, r.width, r.height - height - 2};
}

ElementLayout no_example(LayoutContext& context, const ElementSpec& element,
                         const std::string& message) {
  // Not a warning: a registry without an example of some pattern is valid, and the slide says so.
  Canvas canvas(context, element);
  const Rect& box = context.box;
  canvas.rect(box, std::nullopt, context.theme.muted, 0.8, 6, {4, 3});
  canvas.label(message, {box.x + 12, box.y + 12, box.width - 24, box.height - 24},
               context.theme.body_size, context.theme.muted);
  return canvas.finish();
}

}  // namespace tenkai::layout::diagrams
