// Which region or prefecture a diagram shows: the one the layout names, or the clearest example
// of its class in the classification (so a new registry redraws every diagram unedited).
#pragma once

#include <optional>
#include <string>

#include "core/analysis/classification.h"

namespace tenkai::layout::diagrams {

// A P2 wide-area hub: the named region (or, for a named alumni region, its hub), else the hub
// with the most alumni regions. nullopt when the registry has no P2 hub.
std::optional<size_t> pick_p2_hub(const registry::Registry& registry,
                                  const analysis::Classification& classification,
                                  const std::string& requested);

// A region of `pattern` (P1 or P3): the named one, else P3: most distinct functions, then the
// first session being leader, then most sessions; P1: most sessions. Registry order breaks ties.
std::optional<size_t> pick_pattern_region(const registry::Registry& registry,
                                          const analysis::Classification& classification,
                                          analysis::Pattern pattern, const std::string& requested);

struct RolloutPick {
  const analysis::PrefectureClass* prefecture = nullptr;
  const analysis::RolloutEvidence* evidence = nullptr;
};
// A prefecture showing `rollout`: the named one, else (R2 only) the one with the most regions of
// known population below the prefecture layer, then the most evidence regions and links, then
// the most sessions in its leading region (a municipality that kept holding them tells R1
// best); code order breaks ties. Empty when none shows it.
RolloutPick pick_rollout(const registry::Registry& registry,
                         const analysis::Classification& classification, analysis::Rollout rollout,
                         const std::string& requested_prefecture);

// The alumni regions of a hub: `to` of its qualifying leader_alumni links, in link order.
std::vector<size_t> alumni_of(const registry::Registry& registry,
                              const analysis::Classification& classification, size_t hub);

}  // namespace tenkai::layout::diagrams
