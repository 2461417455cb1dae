// Classifications with reasons (DOMAIN.md): session functions, area patterns, prefecture rollouts.
#pragma once

#include <string>
#include <vector>

#include "core/registry/registry.h"

namespace tenkai::analysis {

enum class Pattern { P1, P2, P3, none };
enum class Rollout { R1, R2, R3 };

// Which rule of DOMAIN.md decided a session's function.
enum class FunctionRule {
  explicit_value,  // `function` given in the registry
  hours_only,      // rule 1: hours and no days
  short_days,      // rule 1: days < 0.5
  long_days,       // rule 2: days > 2
  standard_days,   // rule 3: 0.5 <= days <= 2
  missing_length,  // rule 4: no length at all, taken as the standard course
};

const char* to_string(Pattern pattern);
const char* to_string(Rollout rollout);
const char* to_string(FunctionRule rule);

struct SessionClass {
  size_t session_index = 0;
  registry::Function function = registry::Function::intro;
  bool inferred = false;
  std::string reason;
  FunctionRule rule = FunctionRule::explicit_value;
};

struct AreaClass {
  size_t region_index = 0;
  Pattern pattern = Pattern::none;
  std::string reason;
  // Evidence, for diagrams. P2: the hub region(s) and their alumni regions, hub first, and the
  // deciding leader_alumni links. P1/P3: the region itself. Sessions: the region's sessions in
  // registry order (counted or not).
  std::vector<size_t> regions;
  std::vector<size_t> links;
  std::vector<size_t> sessions;
  std::vector<registry::Function> functions;  // distinct functions of the region's sessions
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
  // Why each rollout that does not hold was ruled out (one sentence per rollout, R1..R3 order);
  // this is where thin data (no links, unknown populations) is named.
  std::vector<std::string> notes;
};

struct Classification {
  std::vector<SessionClass> sessions;        // every session, registry order
  std::vector<AreaClass> areas;              // regions with sessions, registry order
  std::vector<PrefectureClass> prefectures;  // by official prefecture code

  const SessionClass* session(size_t session_index) const;
  const AreaClass* area(size_t region_index) const;
  const PrefectureClass* prefecture(const std::string& name) const;
};

// Pure: no I/O, deterministic.
Classification classify(const registry::Registry& registry);

}  // namespace tenkai::analysis
