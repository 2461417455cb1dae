// Each session's training function: explicit, or inferred by DOMAIN.md's four rules in order.
#pragma once

#include <vector>

#include "core/analysis/classification.h"

namespace tenkai::analysis {

// Thresholds of the inference rules, in days (DOMAIN.md "Three training functions").
constexpr double kShortestIntroDays = 0.5;  // below: connect
constexpr double kLongestIntroDays = 2.0;   // above: leader

class SessionNames;

SessionClass classify_session(const registry::Registry& registry, const SessionNames& names,
                              size_t session_index);

// Every session, counted or not, in registry order.
std::vector<SessionClass> classify_sessions(const registry::Registry& registry);

}  // namespace tenkai::analysis
