// Alt texts from chart data: years as a range, series names joined with ・, the last values.
#include "core/scene/alt_text.h"

#include <charconv>
#include <cmath>

namespace tenkai::scene {
namespace {

std::string number(double value) {
  char buffer[32];
  bool whole = std::abs(value - std::round(value)) < 1e-9;
  auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, whole ? 0 : 1)
          .ptr;
  return std::string(buffer, end);
}

}  // namespace

std::string default_alt(const Chart& chart) {
  // What the chart counts, by its role; a chart of an unknown role says only "の推移".
  const bool regions = chart.role == "adoption_chart";
  const std::string what = regions ? "開催地域数" : "の推移";
  const std::string unit = regions ? "地域" : "";
  std::string out;
  if (!chart.categories.empty()) {
    out += std::to_string(chart.categories.front());
    if (chart.categories.size() > 1) out += "〜" + std::to_string(chart.categories.back());
    out += "年度の";
  }
  for (size_t i = 0; i < chart.series.size(); ++i) {
    if (i > 0) out += "・";
    out += chart.series[i].name;
  }
  out += what;
  std::string values;
  for (const auto& series : chart.series) {
    if (series.values.empty()) continue;
    values += values.empty() ? "" : "、";
    values += series.name + number(series.values.back()) + unit;
  }
  if (!values.empty()) {
    out += "。";
    if (!chart.categories.empty()) out += std::to_string(chart.categories.back()) + "年度は";
    out += values;
  }
  return out;
}

std::string first_figure_alt(const std::vector<Item>& items) {
  for (const auto& item : items) {
    if (const auto* image = std::get_if<Image>(&item)) {
      if (!image->alt.empty()) return image->alt;
    } else if (const auto* group = std::get_if<Group>(&item)) {
      if (group->meaning) {
        if (const auto* chart = std::get_if<Chart>(&*group->meaning))
          return chart->alt.empty() ? default_alt(*chart) : chart->alt;
        if (const auto* drawing = std::get_if<Drawing>(&*group->meaning)) {
          if (!drawing->alt.empty()) return drawing->alt;
        }
      }
      std::string inner = first_figure_alt(group->items);
      if (!inner.empty()) return inner;
    }
  }
  return "";
}

}  // namespace tenkai::scene
