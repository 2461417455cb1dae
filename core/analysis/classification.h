// Classifications with reasons (DOMAIN.md): session functions, area patterns, prefecture rollouts.
#pragma once

#include <string>
#include <vector>

#include "core/registry/registry.h"

namespace tenkai::analysis {

enum class Pattern { P1, P2, P3, none };
enum class Rollout { R1, R2, R3 };

const char* to_string(Pattern pattern);
const char* to_string(Rollout rollout);

struct SessionClass {
  size_t session_index = 0;
  registry::Function function = registry::Function::intro;
  bool inferred = false;
  std::string reason;
};

struct AreaClass {
  size_t region_index = 0;
  Pattern pattern = Pattern::none;
  std::string reason;
};

// Evidence of one rollout, for diagrams: the regions and links that decided it.
struct RolloutEvidence {
  Rollout rollout = Rollout::R1;
  std::string reason;
  std::vector<size_t> regions;  // indices into Registry::regions, most telling first
  std::vector<size_t> links;    // indices into Registry::links
};

struct PrefectureClass {
  std::string prefecture;
  int prefecture_code = 0;
  std::vector<RolloutEvidence> rollouts;  // sorted R1, R2, R3; possibly empty
};

struct Classification {
  std::vector<SessionClass> sessions;        // every session, registry order
  std::vector<AreaClass> areas;              // regions with sessions, registry order
  std::vector<PrefectureClass> prefectures;  // by official prefecture code
};

// Pure: no I/O, deterministic.
Classification classify(const registry::Registry& registry);

}  // namespace tenkai::analysis
