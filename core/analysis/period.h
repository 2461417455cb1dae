// The reporting period: one span of fiscal years for a whole build. Declared `years`, else the
// first..last fiscal year of a counted session. Sessions (and dated links) outside it are left
// out of the matrix, the classifications and every figure alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/registry/registry.h"

namespace tenkai::analysis {

// First and last fiscal year; nullopt when the registry declares none and has no counted session.
std::optional<std::pair<int, int>> reporting_period(const registry::Registry& registry);

bool in_period(const std::optional<std::pair<int, int>>& period, int fiscal_year);

// The registry with only the sessions and links of its reporting period (regions unchanged, so
// region indices stay valid). When given, `sessions` and `links` receive, for each kept entry,
// its index in `registry`.
registry::Registry within_period(const registry::Registry& registry,
                                 std::vector<size_t>* sessions = nullptr,
                                 std::vector<size_t>* links = nullptr);

// Names for the period in texts, with their values for `period` (empty without one):
// period_ja 2011～2015年度 (one year: 2015年度), period.first 2011, period.last 2015,
// period.first_ja 2011年度, period.last_ja 2015年度, period.first_era 平成23年度,
// period.last_era 平成27年度. Deck and workbook texts take them, and so does the registry's
// caveat, so a caveat that names the period follows a new fiscal year unedited.
std::vector<std::pair<std::string, std::string>> period_placeholders(
    const std::optional<std::pair<int, int>>& period);

// `text` with the period's placeholders written in; any other braces are kept as written.
std::string expand_period(std::string_view text, const std::optional<std::pair<int, int>>& period);

}  // namespace tenkai::analysis
