// How a layout labels fiscal years: 2015年 (the seed's table), 2015年度, 平成27年度 or H27.
#pragma once

#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/layout/elements.h"

namespace tenkai::layout {

enum class YearStyle { western, fiscal, era, era_short };

// Reads the element's `years:` key (western | fiscal | era | era_short); nullopt when absent or
// misspelt (reported with did-you-mean).
std::optional<YearStyle> read_year_style(SpecReader& reader, const YAML::Node& node);

std::string year_label(int year, YearStyle style);  // 2015年, 2015年度, 平成27年度, H27

}  // namespace tenkai::layout
