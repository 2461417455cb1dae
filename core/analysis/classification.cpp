// The classifier's entry point: functions, then patterns (which need functions), then rollouts.
#include "core/analysis/classification.h"

#include <algorithm>

#include "core/analysis/area_pattern.h"
#include "core/analysis/period.h"
#include "core/analysis/rollout.h"
#include "core/analysis/session_function.h"

namespace tenkai::analysis {

const char* to_string(Pattern p) {
  static const char* const names[] = {"P1", "P2", "P3", "none"};
  return names[static_cast<int>(p)];
}

const char* to_string(Rollout r) {
  static const char* const names[] = {"R1", "R2", "R3"};
  return names[static_cast<int>(r)];
}

const char* to_string(FunctionRule rule) {
  static const char* const names[] = {"explicit",  "hours_only",    "short_days",
                                      "long_days", "standard_days", "missing_length"};
  return names[static_cast<int>(rule)];
}

// Both lists are in registry order (see classification.h), so lookups need no scan: a session's
// entry sits at its own index, an area is found by binary search.
const SessionClass* Classification::session(size_t session_index) const {
  if (session_index < sessions.size() && sessions[session_index].session_index == session_index) {
    return &sessions[session_index];
  }
  auto it = std::lower_bound(
      sessions.begin(), sessions.end(), session_index,
      [](const SessionClass& entry, size_t index) { return entry.session_index < index; });
  return it != sessions.end() && it->session_index == session_index ? &*it : nullptr;
}

const AreaClass* Classification::area(size_t region_index) const {
  auto it = std::lower_bound(
      areas.begin(), areas.end(), region_index,
      [](const AreaClass& entry, size_t index) { return entry.region_index < index; });
  return it != areas.end() && it->region_index == region_index ? &*it : nullptr;
}

const PrefectureClass* Classification::prefecture(const std::string& name) const {
  for (const auto& entry : prefectures) {
    if (entry.prefecture == name) return &entry;
  }
  return nullptr;
}

Classification classify(const registry::Registry& registry) {
  Classification result;
  result.sessions = classify_sessions(registry);
  // Patterns and rollouts count the reporting period only, as the matrix does (one period per
  // build); every session still gets its function.
  std::vector<size_t> session_of, link_of;
  registry::Registry inside = within_period(registry, &session_of, &link_of);
  if (inside.sessions.size() == registry.sessions.size() &&
      inside.links.size() == registry.links.size()) {
    result.areas = classify_areas(registry, result.sessions);
    result.prefectures = classify_prefectures(registry);
    return result;
  }
  std::vector<SessionClass> inner = classify_sessions(inside);
  result.areas = classify_areas(inside, inner);
  result.prefectures = classify_prefectures(inside);
  // Back to indices into `registry`.
  for (auto& area : result.areas) {
    for (auto& s : area.sessions) s = session_of.at(s);
    for (auto& l : area.links) l = link_of.at(l);
  }
  for (auto& prefecture : result.prefectures) {
    for (auto& evidence : prefecture.rollouts) {
      for (auto& l : evidence.links) l = link_of.at(l);
    }
  }
  return result;
}

}  // namespace tenkai::analysis
