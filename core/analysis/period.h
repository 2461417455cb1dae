// The reporting period: one span of fiscal years for a whole build. Declared `years`, else the
// first..last fiscal year of a counted session. Sessions (and dated links) outside it are left
// out of the matrix, the classifications and every figure alike.
#pragma once

#include <optional>
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

}  // namespace tenkai::analysis
