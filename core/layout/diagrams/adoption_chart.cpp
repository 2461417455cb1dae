// The adoption chart: new regions per fiscal year as bars and the cumulative count as a line,
// from the spread matrix's totals. Axes get round steps; with very different ranges the line
// gets its own right-hand axis (cumulative above 3× the largest yearly count), gridlines shared.
// Value labels are placed only where they collide with nothing.
#include <algorithm>
#include <cmath>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/text_style.h"

namespace tenkai::layout {
namespace {

using namespace diagrams;
using scene::Color;
using scene::Point;
using scene::Rect;

enum class Axes { automatic, single, dual };

struct ChartData : ElementData {
  YearStyle years = YearStyle::western;
  Axes axes = Axes::automatic;
  bool values = true;
  std::optional<SizeSpec> size;
  std::string new_label = "新規開催地域数";
  std::string cumulative_label = "累計開催地域数";
};

std::shared_ptr<const ElementData> parse_chart(const YAML::Node& node, SpecReader& reader) {
  auto data = std::make_shared<ChartData>();
  reader.choice(node, "data", {"spread_matrix"});
  if (auto years = read_year_style(reader, node)) data->years = *years;
  if (auto axes = reader.choice(node, "axes", {"auto", "single", "dual"}))
    data->axes = *axes == "single" ? Axes::single : *axes == "dual" ? Axes::dual : Axes::automatic;
  data->values = reader.boolean(node, "values").value_or(true);
  data->size = read_size(reader, node, "size");
  data->new_label = reader.text(node, "new_label").value_or(data->new_label);
  data->cumulative_label = reader.text(node, "cumulative_label").value_or(data->cumulative_label);
  return data;
}

// Whether the segment a-b passes through `r` (Liang–Barsky clipping).
bool segment_hits(Point a, Point b, const Rect& r) {
  double t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.x, r.x + r.width - a.x, a.y - r.y, r.y + r.height - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

class ChartBuilder {
 public:
  ChartBuilder(const ChartData& data, const ElementSpec& element, LayoutContext& context)
      : data_(data), element_(element), context_(context), box_(context.box) {}

  ElementLayout build() {
    ElementLayout out;
    out.used_height = box_.height;
    const auto& matrix = context_.matrix;
    const Theme& theme = context_.theme;
    size_ = resolve_size(theme, data_.size, theme.small_size);
    min_size_ = size_ * std::clamp(theme.min_scale, 0.1, 1.0);
    font_ = theme.font(size_);
    if (matrix.years.empty()) {
      if (auto line = fit_label(context_, "集計対象の年度がありません", font_, theme.muted, box_,
                                min_size_))
        out.items.emplace_back(*line);
      return out;
    }
    for (int year : matrix.years) {
      auto n = matrix.new_regions.find(year);
      auto c = matrix.cumulative.find(year);
      news_.push_back(n == matrix.new_regions.end() ? 0 : n->second);
      cums_.push_back(c == matrix.cumulative.end() ? 0 : c->second);
    }
    double max_new = *std::max_element(news_.begin(), news_.end());
    double max_cum = *std::max_element(cums_.begin(), cums_.end());
    dual_ = data_.axes == Axes::dual ||
            (data_.axes == Axes::automatic && max_cum > 3 * std::max(1.0, max_new));
    double left_max = dual_ ? max_new : std::max(max_new, max_cum);
    left_step_ = nice_step(left_max / 5);
    intervals_ = std::max(1, static_cast<int>(std::ceil(left_max / left_step_ - 1e-9)));
    right_step_ = dual_ ? nice_step(max_cum / intervals_) : left_step_;

    bar_color_ = mix(theme.title, {1, 1, 1, 1}, 0.3);
    line_color_ = theme.accent;
    legend(out.items);
    axes_and_labels(out.items);
    // What the chart plots, beside its painting: the years and both series.
    scene::Chart chart{"adoption_chart", box_, matrix.years, {}};
    chart.series.push_back({context_.expand(data_.new_label), "bar", bar_color_, {}});
    chart.series.push_back({context_.expand(data_.cumulative_label), "line", line_color_, {}});
    for (size_t i = 0; i < news_.size(); ++i) {
      chart.series[0].values.push_back(news_[i]);
      chart.series[1].values.push_back(cums_[i]);
    }
    std::vector<scene::Item> painted = std::move(out.items);
    out.items.clear();
    out.items.emplace_back(scene::meaningful(std::move(chart), std::move(painted)));
    return out;
  }

 private:
  void legend(std::vector<scene::Item>& items) {
    const Theme& theme = context_.theme;
    std::string left = context_.expand(data_.new_label) + (dual_ ? "（左軸）" : "");
    std::string right = context_.expand(data_.cumulative_label) + (dual_ ? "（右軸）" : "");
    double size = size_;
    double swatch = 0, gap = 0, total = 0, w1 = 0, w2 = 0;
    for (;;) {
      scene::Font font = theme.font(size);
      w1 = context_.measurer.measure(left, font).width;
      w2 = context_.measurer.measure(right, font).width;
      swatch = size * 1.6, gap = size * 0.4;
      total = swatch + gap + w1 + size * 1.5 + swatch + gap + w2;
      if (total <= box_.width || size <= min_size_ + 1e-9) break;
      size = std::max(min_size_, size * 0.95);
    }
    if (total > box_.width + 0.01)
      context_.warn(element_, "the chart's legend is wider than the chart; it runs past the box");
    scene::Font font = theme.font(size);
    legend_height_ = size * 1.4;
    double x = box_.x + box_.width - total;
    double mid = box_.y + legend_height_ / 2;
    double baseline = mid - size / 2 + 0.88 * size;
    items.emplace_back(
        filled(scene::rectangle({x, mid - size * 0.4, swatch, size * 0.8}), bar_color_));
    items.emplace_back(text_line(context_, left, font, theme.text, x + swatch + gap, baseline));
    occupied_.push_back({x, box_.y, total, legend_height_});
    x += swatch + gap + w1 + size * 1.5;
    items.emplace_back(stroked(scene::line({x, mid}, {x + swatch, mid}), line_color_, 2));
    items.emplace_back(filled(circle({x + swatch / 2, mid}, size * 0.25), line_color_));
    items.emplace_back(text_line(context_, right, font, theme.text, x + swatch + gap, baseline));
  }

  // Year labels for `slot`-wide columns: one line, two lines, or every k-th year.
  struct YearLabels {
    double size = 0;
    int every = 1;
    std::vector<FlowedText> texts;
    double height = 0;
  };

  YearLabels year_labels(double slot) {
    const Theme& theme = context_.theme;
    const auto& years = context_.matrix.years;
    YearLabels out;
    auto attempt = [&](double size, int every, bool wrap) {
      out = {size, every, {}, 0};
      double width = slot * every - size * 0.8;  // a clear gap between neighbours
      for (size_t i = 0; i < years.size(); ++i) {
        if (i % every != 0) {
          out.texts.emplace_back();
          continue;
        }
        std::string label = year_label(years[i], data_.years);
        // On two lines, break before 年度 (平成27 / 年度) rather than wherever it falls.
        const std::string suffix = "年度";
        if (wrap && label.size() > suffix.size() &&
            label.compare(label.size() - suffix.size(), suffix.size(), suffix) == 0)
          label.insert(label.size() - suffix.size(), "\n");
        std::vector<Run> runs{{label, theme.font(size), theme.text}};
        FlowedText text = flow(context_, runs, wrap ? width : 1e9);
        if (text.too_wide || text.width > width + 0.01 || text.lines.size() > (wrap ? 2u : 1u))
          return false;
        out.height = std::max(out.height, text.height);
        out.texts.push_back(std::move(text));
      }
      return true;
    };
    for (double size = size_; size >= min_size_ - 1e-9;
         size = size > min_size_ ? std::max(min_size_, size * 0.95) : 0) {
      if (attempt(size, 1, false)) return out;
      if (size <= min_size_) break;
    }
    if (attempt(min_size_, 1, true)) return out;
    for (int every = 2; every <= static_cast<int>(years.size()); ++every) {
      if (attempt(min_size_, every, false)) return out;
    }
    context_.warn(element_, "the year labels do not fit under the chart");
    attempt(min_size_, static_cast<int>(years.size()), true);
    return out;
  }

  void axes_and_labels(std::vector<scene::Item>& items) {
    const Theme& theme = context_.theme;
    const size_t n = news_.size();
    scene::Font tick_font = theme.font(size_);
    double left_w = 0, right_w = 0;
    for (int i = 0; i <= intervals_; ++i) {
      left_w = std::max(left_w,
                        context_.measurer.measure(format_count(i * left_step_), tick_font).width);
      right_w = std::max(right_w,
                         context_.measurer.measure(format_count(i * right_step_), tick_font).width);
    }
    double x0 = box_.x + left_w + size_ * 0.5;
    double x1 = box_.x + box_.width - (dual_ ? right_w + size_ * 0.5 : size_ * 0.5);
    double slot = (x1 - x0) / n;
    YearLabels labels = year_labels(slot);
    double y0 = box_.y + legend_height_ + size_ * 1.6;  // room for the top tick and value labels
    double y1 = box_.y + box_.height - labels.height - size_ * 0.7;
    if (y1 - y0 < size_ * 3 || x1 - x0 < n * 2) {
      context_.warn(element_, "the chart's box is too small to draw it legibly");
      y1 = std::max(y1, y0 + size_ * 3);
    }
    plot_ = {x0, y0, x1 - x0, y1 - y0};
    double left_top = intervals_ * left_step_, right_top = intervals_ * right_step_;
    auto y_left = [&](double v) { return y1 - (y1 - y0) * v / left_top; };
    auto y_right = [&](double v) { return y1 - (y1 - y0) * v / right_top; };

    // Gridlines and tick labels.
    double half = size_ / 2;
    for (int i = 0; i <= intervals_; ++i) {
      double y = y_left(i * left_step_);
      items.emplace_back(stroked(scene::line({x0, y}, {x1, y}),
                                 i == 0 ? theme.muted : theme.table_grid, i == 0 ? 1.0 : 0.5));
      std::string l = format_count(i * left_step_);
      double lw = context_.measurer.measure(l, tick_font).width;
      items.emplace_back(text_line(context_, l, tick_font, dual_ ? theme.title : theme.text,
                                   x0 - size_ * 0.3 - lw, y - half + 0.88 * size_));
      if (dual_) {
        items.emplace_back(text_line(context_, format_count(i * right_step_), tick_font,
                                     line_color_, x1 + size_ * 0.3, y - half + 0.88 * size_));
      }
    }

    // Bars, then the line with its markers.
    double bar_w = std::min(slot * 0.6, size_ * 5);
    std::vector<Point> points;
    for (size_t i = 0; i < n; ++i) {
      double cx = x0 + slot * (i + 0.5);
      double top = y_left(news_[i]);
      Rect bar{cx - bar_w / 2, top, bar_w, y1 - top};
      bars_.push_back(bar);
      if (news_[i] > 0) items.emplace_back(filled(scene::rectangle(bar), bar_color_));
      points.push_back({cx, dual_ ? y_right(cums_[i]) : y_left(cums_[i])});
    }
    scene::Path line;
    for (size_t i = 0; i < n; ++i) {
      scene::PathSegment s;
      s.verb = i == 0 ? scene::PathVerb::move_to : scene::PathVerb::line_to;
      s.points[0] = points[i];
      line.segments.push_back(s);
    }
    line.stroke = scene::Stroke{line_color_, std::max(1.0, size_ * 0.18), {}};
    items.emplace_back(std::move(line));
    double marker = std::min(size_ * 0.3, slot * 0.2);
    for (const auto& p : points) {
      items.emplace_back(filled(circle(p, marker), line_color_));
      occupied_.push_back({p.x - marker, p.y - marker, 2 * marker, 2 * marker});
    }

    // Year labels under the axis.
    for (size_t i = 0; i < n; ++i) {
      if (labels.texts[i].lines.empty()) continue;
      double w = slot * labels.every;
      Rect cell{x0 + slot * (i + 0.5) - w / 2, y1 + size_ * 0.6, w, labels.height};
      place_text(labels.texts[i], cell, Align::center, VAlign::top, items);
    }
    if (data_.values) value_labels(points, items);
  }

  bool free(const Rect& r, const std::vector<Point>& points, size_t skip_bar,
            bool over_bars = false) const {
    // Inside the plot, or above it up to the legend: never over the axes' labels.
    Rect allowed{plot_.x, box_.y + legend_height_, plot_.width,
                 plot_.y + plot_.height - box_.y - legend_height_};
    if (!contains(allowed, r, 0)) return false;
    for (const auto& o : occupied_)
      if (overlaps(o, r)) return false;
    for (size_t i = 0; i < bars_.size() && !over_bars; ++i)
      if (i != skip_bar && overlaps(bars_[i], r)) return false;
    for (size_t i = 1; i < points.size(); ++i)
      if (segment_hits(points[i - 1], points[i], r)) return false;
    return true;
  }

  void value_labels(const std::vector<Point>& points, std::vector<scene::Item>& items) {
    const Theme& theme = context_.theme;
    scene::Font font = theme.font(size_ * 0.9, scene::Weight::bold);
    double h = font.size;
    const size_t none = static_cast<size_t>(-1);
    // The cumulative line first (its last value is the headline), from the right.
    for (size_t k = points.size(); k-- > 0;) {
      std::string text = format_count(cums_[k]);
      double w = context_.measurer.measure(text, font).width;
      Point p = points[k];
      double d = size_ * 0.35;
      const Rect candidates[] = {{p.x - w - d, p.y - h - d, w, h},
                                 {p.x - w / 2, p.y - h - d * 1.5, w, h},
                                 {p.x + d, p.y - h - d, w, h},
                                 {p.x + d, p.y + d, w, h}};
      for (const auto& r : candidates) {
        // Over a bar the label gets a white plate so it stays readable.
        Rect plate{r.x - 1.5, r.y - 0.5, r.width + 3, r.height + 1};
        if (!free(plate, points, none, true)) continue;
        items.emplace_back(filled(rounded_rect(plate, 2), {1, 1, 1, 0.85}));
        items.emplace_back(text_line(context_, text, font, line_color_, r.x, r.y + 0.88 * h));
        occupied_.push_back(plate);
        break;
      }
    }
    for (size_t k = 0; k < bars_.size(); ++k) {
      if (news_[k] <= 0) continue;
      std::string text = format_count(news_[k]);
      double w = context_.measurer.measure(text, font).width;
      const Rect& bar = bars_[k];
      Rect above{bar.x + (bar.width - w) / 2, bar.y - h - 2, w, h};
      Rect inside{bar.x + (bar.width - w) / 2, bar.y + 2, w, h};
      if (w <= bar.width + 4 && free(above, points, none)) {
        items.emplace_back(
            text_line(context_, text, font, theme.title, above.x, above.y + 0.88 * h));
        occupied_.push_back(above);
      } else if (w <= bar.width - 2 && bar.height >= h + 4 && free(inside, points, k)) {
        items.emplace_back(
            text_line(context_, text, font, {1, 1, 1, 1}, inside.x, inside.y + 0.88 * h));
        occupied_.push_back(inside);
      }
    }
  }

  const ChartData& data_;
  const ElementSpec& element_;
  LayoutContext& context_;
  Rect box_;
  double size_ = 11, min_size_ = 8;
  scene::Font font_;
  std::vector<double> news_, cums_;
  bool dual_ = false;
  double left_step_ = 1, right_step_ = 1;
  int intervals_ = 1;
  Color bar_color_, line_color_;
  double legend_height_ = 0;
  Rect plot_;
  std::vector<Rect> bars_;
  std::vector<Rect> occupied_;  // placed labels and markers
};

ElementLayout layout_chart(const ElementSpec& element, LayoutContext& context) {
  return ChartBuilder(element.data_as<ChartData>(), element, context).build();
}

}  // namespace

ElementType adoption_chart_element() {
  return {"adoption_chart",
          {"data", "years", "axes", "values", "size", "new_label", "cumulative_label"},
          parse_chart,
          layout_chart};
}

}  // namespace tenkai::layout
