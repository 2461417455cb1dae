// `tenkai diff`: what changed between two registries — the reporting period, regions, sessions,
// holding patterns and rollout procedures (CONTRACT.md §6).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/classification.h"
#include "core/registry/registry.h"

namespace tenkai::cycle {

struct PatternChange {
  std::string region;
  std::optional<std::string> old_pattern;  // absent when the region had no sessions
  std::optional<std::string> new_pattern;
};

struct RolloutChange {
  std::string prefecture;
  std::vector<std::string> old_rollouts;
  std::vector<std::string> new_rollouts;
};

struct RegistryDiff {
  std::pair<int, int> old_years{0, 0};
  std::pair<int, int> new_years{0, 0};
  std::vector<std::string> regions_added;    // ids, in the new registry's order
  std::vector<std::string> regions_removed;  // ids, in the old registry's order
  size_t sessions_added = 0;  // sessions of the new one not in the old (as a multiset)
  size_t sessions_removed = 0;
  std::vector<PatternChange> patterns;  // regions of both registries, new registry order
  std::vector<RolloutChange> rollouts;  // by prefecture code
};

// The reporting period: registry.years, or first..last session year ({0, 0} without sessions).
std::pair<int, int> reporting_years(const registry::Registry& reg);

RegistryDiff diff_registries(const registry::Registry& old_reg,
                             const analysis::Classification& old_class,
                             const registry::Registry& new_reg,
                             const analysis::Classification& new_class);

}  // namespace tenkai::cycle
