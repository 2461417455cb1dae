// Choosing the example each diagram shows, deterministically from the classification.
#include "core/layout/diagrams/examples.h"

#include <algorithm>
#include <tuple>

namespace tenkai::layout::diagrams {

using analysis::Pattern;
using registry::Function;

namespace {
bool is_hub(const registry::Registry& registry, const analysis::AreaClass& area) {
  if (area.pattern != Pattern::P2) return false;
  for (size_t l : area.links) {
    if (registry.links[l].from_index == area.region_index) return true;
  }
  return false;
}
}  // namespace

std::vector<size_t> alumni_of(const registry::Registry& registry,
                              const analysis::Classification& classification, size_t hub) {
  std::vector<size_t> out;
  const auto* area = classification.area(hub);
  if (!area) return out;
  for (size_t l : area->links) {
    const auto& link = registry.links[l];
    if (link.from_index != hub) continue;
    if (std::find(out.begin(), out.end(), link.to_index) == out.end()) out.push_back(link.to_index);
  }
  return out;
}

std::optional<size_t> pick_p2_hub(const registry::Registry& registry,
                                  const analysis::Classification& classification,
                                  const std::string& requested) {
  if (!requested.empty()) {
    auto it = registry.region_index.find(requested);
    if (it != registry.region_index.end()) {
      const auto* area = classification.area(it->second);
      if (area && is_hub(registry, *area)) return it->second;
      if (area && area->pattern == Pattern::P2) {
        for (size_t l : area->links) {
          if (registry.links[l].to_index == it->second) return registry.links[l].from_index;
        }
      }
    }
  }
  std::optional<size_t> best;
  size_t best_count = 0;
  for (const auto& area : classification.areas) {
    if (!is_hub(registry, area)) continue;
    size_t count = alumni_of(registry, classification, area.region_index).size();
    if (!best || count > best_count) {
      best = area.region_index;
      best_count = count;
    }
  }
  return best;
}

std::optional<size_t> pick_pattern_region(const registry::Registry& registry,
                                          const analysis::Classification& classification,
                                          Pattern pattern, const std::string& requested) {
  if (!requested.empty()) {
    auto it = registry.region_index.find(requested);
    if (it != registry.region_index.end() && classification.area(it->second)) return it->second;
  }
  std::optional<size_t> best;
  std::tuple<size_t, int, size_t> best_key{};
  for (const auto& area : classification.areas) {
    if (area.pattern != pattern) continue;
    int leader_first = 0;
    if (!area.sessions.empty()) {
      // Earliest session (registry order within its year) working as leader training.
      size_t first = area.sessions.front();
      for (size_t s : area.sessions) {
        if (registry.sessions[s].fiscal_year < registry.sessions[first].fiscal_year) first = s;
      }
      const auto* c = classification.session(first);
      leader_first = c && c->function == Function::leader;
    }
    bool p3 = pattern == Pattern::P3;
    std::tuple<size_t, int, size_t> key{p3 ? area.functions.size() : 0, p3 ? leader_first : 0,
                                        area.sessions.size()};
    if (!best || key > best_key) {
      best = area.region_index;
      best_key = key;
    }
  }
  return best;
}

RolloutPick pick_rollout(const registry::Registry& registry,
                         const analysis::Classification& classification, analysis::Rollout rollout,
                         const std::string& requested_prefecture) {
  RolloutPick best;
  std::tuple<size_t, size_t, size_t> best_score{0, 0, 0};
  for (const auto& pref : classification.prefectures) {
    for (const auto& evidence : pref.rollouts) {
      if (evidence.rollout != rollout) continue;
      if (!requested_prefecture.empty() && pref.prefecture == requested_prefecture) {
        return {&pref, &evidence};
      }
      size_t held = 0;
      if (!evidence.regions.empty()) {
        for (const auto& session : registry.sessions) {
          held += session.region_index == evidence.regions.front();
        }
      }
      // R2 is about municipalities of different sizes: known populations make it tell.
      size_t sized = 0;
      if (rollout == analysis::Rollout::R2) {
        for (size_t i = 1; i < evidence.regions.size(); ++i) {
          sized += registry.regions[evidence.regions[i]].population.has_value();
        }
      }
      std::tuple<size_t, size_t, size_t> score{
          sized, evidence.regions.size() + evidence.links.size(), held};
      if (!best.evidence || score > best_score) {
        best = {&pref, &evidence};
        best_score = score;
      }
    }
  }
  return best;
}

}  // namespace tenkai::layout::diagrams
