// Font size and colour choices shared by text elements: a theme size name or points.
#pragma once

#include <optional>
#include <string>

#include "core/layout/elements.h"

namespace tenkai::layout {

// `size: body` (a theme size name) or `size: 14` (points).
struct SizeSpec {
  std::string name;  // title, cover_title, subtitle, body, small, footnote; empty: points
  double points = 0;
};

const std::vector<std::string>& size_names();
std::optional<SizeSpec> read_size(SpecReader& reader, const YAML::Node& map, const char* key);
double resolve_size(const Theme& theme, const std::optional<SizeSpec>& size, double fallback);

}  // namespace tenkai::layout
