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

// The longest ending all `names` share, whole code points, shorter than each of them.
std::string common_suffix(const std::vector<std::string>& names) {
  if (names.size() < 2) return "";
  std::string suffix = names.front();
  for (const auto& name : names) {
    size_t n = 0;
    while (n < suffix.size() && n < name.size() &&
           suffix[suffix.size() - 1 - n] == name[name.size() - 1 - n])
      ++n;
    suffix = suffix.substr(suffix.size() - n);
  }
  // Back to a code point boundary (no UTF-8 continuation byte first).
  size_t start = 0;
  while (start < suffix.size() && (static_cast<unsigned char>(suffix[start]) & 0xC0) == 0x80)
    ++start;
  suffix = suffix.substr(start);
  for (const auto& name : names)
    if (suffix.size() >= name.size()) return "";
  return suffix;
}

}  // namespace

std::string default_alt(const Chart& chart) {
  // What the chart counts: the ending its series names share (新規開催地域数, 累計開催地域数),
  // else what its role says.
  std::vector<std::string> names;
  for (const auto& series : chart.series) names.push_back(series.name);
  std::string what = common_suffix(names);
  for (auto& name : names) name = name.substr(0, name.size() - what.size());
  const bool regions = chart.role == "adoption_chart";
  if (what.empty()) {
    what = regions ? "開催地域数" : "の推移";
    // A name that says it already (a single series 累計開催地域数) needs no repeating.
    for (const auto& name : names)
      if (name.size() >= what.size() &&
          name.compare(name.size() - what.size(), what.size(), what) == 0)
        what.clear();
  }
  const std::string unit = regions ? "地域" : "";
  std::string out;
  if (!chart.categories.empty()) {
    out += std::to_string(chart.categories.front());
    if (chart.categories.size() > 1) out += "〜" + std::to_string(chart.categories.back());
    out += "年度の";
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += "・";
    out += names[i];
  }
  out += what;
  std::string values;
  for (size_t i = 0; i < chart.series.size(); ++i) {
    if (chart.series[i].values.empty()) continue;
    values += values.empty() ? "" : "、";
    values += names[i] + number(chart.series[i].values.back()) + unit;
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
