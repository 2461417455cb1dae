// Alt texts generated from a figure's data, for when the spec gives none: what a reader who
// cannot see the chart is told (PDF /Alt, SVG <desc>, PPTX descr, `tenkai scene`).
#pragma once

#include <string>

#include "core/scene/scene.h"

namespace tenkai::scene {

// 「2011〜2015年度の新規・累計開催地域数。2015年度は新規2地域、累計17地域」: the years, the
// series, and each series' last value.
std::string default_alt(const Chart& chart);

// The alt text of the first figure (Drawing, Chart or Image) among `items`, searched depth
// first; "" when there is none.
std::string first_figure_alt(const std::vector<Item>& items);

}  // namespace tenkai::scene
