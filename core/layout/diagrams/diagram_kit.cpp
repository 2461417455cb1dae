// Drawing kit for diagrams: boxes, arrows, fitted labels, legends and the shared spec keys.
#include "core/layout/diagrams/diagram_kit.h"

#include <algorithm>
#include <cmath>

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
  double by_height = r.height / (kLabelLineSpacing * lines + 0.05);
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

ElementLayout Canvas::finish() {
  ElementLayout out;
  out.items = std::move(items_);
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
  static const std::vector<std::string> both = {"region", "prefecture", "years", "caption"};
  static const std::vector<std::string> region = {"region", "years", "caption"};
  static const std::vector<std::string> prefecture = {"prefecture", "years", "caption"};
  static const std::vector<std::string> neither = {"years", "caption"};
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
  return data;
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
