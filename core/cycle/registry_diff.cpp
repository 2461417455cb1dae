// Sessions are compared by every key they have (as a multiset, so a repeated row counts twice);
// patterns and rollouts by the classifications of each registry over its own period.
#include "core/cycle/registry_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace tenkai::cycle {
namespace {

std::string session_key(const registry::Session& s) {
  std::ostringstream out;
  auto opt = [&](const auto& value) {
    if (value)
      out << *value;
    else
      out << "-";
    out << '\x1f';
  };
  out << s.region << '\x1f' << s.fiscal_year << '\x1f';
  opt(s.ordinal);
  out << (s.function ? registry::to_string(*s.function) : "-") << '\x1f';
  out << (s.scope_explicit ? registry::to_string(s.scope) : "-") << '\x1f';
  opt(s.days);
  opt(s.hours);
  opt(s.field_hours);
  if (s.organizers)
    for (const auto& o : *s.organizers) out << o << '\x1e';
  out << '\x1f' << s.note << '\x1f' << s.counted;
  return out.str();
}

std::map<std::string, size_t> session_counts(const registry::Registry& reg) {
  std::map<std::string, size_t> counts;
  for (const auto& s : reg.sessions) ++counts[session_key(s)];
  return counts;
}

std::map<std::string, std::string> patterns_by_region(const registry::Registry& reg,
                                                      const analysis::Classification& c) {
  std::map<std::string, std::string> out;
  for (const auto& area : c.areas)
    out[reg.regions[area.region_index].id] = analysis::to_string(area.pattern);
  return out;
}

std::map<int, std::pair<std::string, std::vector<std::string>>> rollouts_by_code(
    const analysis::Classification& c) {
  std::map<int, std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& p : c.prefectures) {
    std::vector<std::string> names;
    for (const auto& r : p.rollouts) names.push_back(analysis::to_string(r.rollout));
    std::sort(names.begin(), names.end());
    out[p.prefecture_code] = {p.prefecture, names};
  }
  return out;
}

}  // namespace

std::pair<int, int> reporting_years(const registry::Registry& reg) {
  if (reg.years) return *reg.years;
  std::pair<int, int> span{0, 0};
  bool any = false;
  for (const auto& s : reg.sessions) {
    span =
        any ? std::pair{std::min(span.first, s.fiscal_year), std::max(span.second, s.fiscal_year)}
            : std::pair{s.fiscal_year, s.fiscal_year};
    any = true;
  }
  return span;
}

RegistryDiff diff_registries(const registry::Registry& old_reg,
                             const analysis::Classification& old_class,
                             const registry::Registry& new_reg,
                             const analysis::Classification& new_class) {
  RegistryDiff diff;
  diff.old_years = reporting_years(old_reg);
  diff.new_years = reporting_years(new_reg);
  for (const auto& r : new_reg.regions)
    if (!old_reg.region_index.count(r.id)) diff.regions_added.push_back(r.id);
  for (const auto& r : old_reg.regions)
    if (!new_reg.region_index.count(r.id)) diff.regions_removed.push_back(r.id);

  auto old_sessions = session_counts(old_reg);
  auto new_sessions = session_counts(new_reg);
  for (const auto& [key, n] : new_sessions) {
    auto found = old_sessions.find(key);
    size_t before = found == old_sessions.end() ? 0 : found->second;
    if (n > before) diff.sessions_added += n - before;
  }
  for (const auto& [key, n] : old_sessions) {
    auto found = new_sessions.find(key);
    size_t after = found == new_sessions.end() ? 0 : found->second;
    if (n > after) diff.sessions_removed += n - after;
  }

  auto old_patterns = patterns_by_region(old_reg, old_class);
  auto new_patterns = patterns_by_region(new_reg, new_class);
  for (const auto& r : new_reg.regions) {
    if (!old_reg.region_index.count(r.id)) continue;
    auto o = old_patterns.find(r.id);
    auto n = new_patterns.find(r.id);
    std::optional<std::string> before, after;
    if (o != old_patterns.end()) before = o->second;
    if (n != new_patterns.end()) after = n->second;
    if (before != after) diff.patterns.push_back({r.id, before, after});
  }

  auto old_rollouts = rollouts_by_code(old_class);
  auto new_rollouts = rollouts_by_code(new_class);
  std::set<int> codes;
  for (const auto& [code, value] : old_rollouts) codes.insert(code);
  for (const auto& [code, value] : new_rollouts) codes.insert(code);
  for (int code : codes) {
    auto o = old_rollouts.find(code);
    auto n = new_rollouts.find(code);
    RolloutChange change;
    change.prefecture = n != new_rollouts.end() ? n->second.first : o->second.first;
    if (o != old_rollouts.end()) change.old_rollouts = o->second.second;
    if (n != new_rollouts.end()) change.new_rollouts = n->second.second;
    if (change.old_rollouts != change.new_rollouts) diff.rollouts.push_back(std::move(change));
  }
  return diff;
}

}  // namespace tenkai::cycle
