// Rollout procedures within each prefecture (R1, R2, R3 of DOMAIN.md), with evidence and reasons.
#pragma once

#include <vector>

#include "core/analysis/classification.h"

namespace tenkai::analysis {

// R3's threshold: both municipalities' known populations at most this.
constexpr long long kSmallMunicipalityPopulation = 100000;

// One entry per prefecture that has a region with sessions or links, by official code.
std::vector<PrefectureClass> classify_prefectures(const registry::Registry& registry);

// "340,000": digits grouped by thousands, locale-free.
std::string format_population(long long population);

}  // namespace tenkai::analysis
