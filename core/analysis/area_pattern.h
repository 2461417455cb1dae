// Each region's holding pattern (P2, P3, P1 or none) from its sessions' functions and its links.
#pragma once

#include <vector>

#include "core/analysis/classification.h"

namespace tenkai::analysis {

// One entry per region with at least one session (counted or not), in registry order.
// `sessions` must be classify_sessions(registry).
std::vector<AreaClass> classify_areas(const registry::Registry& registry,
                                      const std::vector<SessionClass>& sessions);

}  // namespace tenkai::analysis
