// The classifier's entry point: functions, then patterns (which need functions), then rollouts.
#include "core/analysis/classification.h"

#include "core/analysis/area_pattern.h"
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

const SessionClass* Classification::session(size_t session_index) const {
  for (const auto& entry : sessions) {
    if (entry.session_index == session_index) return &entry;
  }
  return nullptr;
}

const AreaClass* Classification::area(size_t region_index) const {
  for (const auto& entry : areas) {
    if (entry.region_index == region_index) return &entry;
  }
  return nullptr;
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
  result.areas = classify_areas(registry, result.sessions);
  result.prefectures = classify_prefectures(registry);
  return result;
}

}  // namespace tenkai::analysis
