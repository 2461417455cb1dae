// STUB: replaced by the classifier work.
#include "core/analysis/classification.h"

namespace tenkai::analysis {
const char* to_string(Pattern p) {
  static const char* const names[] = {"P1", "P2", "P3", "none"};
  return names[static_cast<int>(p)];
}
const char* to_string(Rollout r) {
  static const char* const names[] = {"R1", "R2", "R3"};
  return names[static_cast<int>(r)];
}
Classification classify(const registry::Registry&) { return {}; }
}  // namespace tenkai::analysis
