// Cross-field registry rules; the loader has already checked each value's own type and form.
#include "core/registry/validation.h"

#include <map>
#include <utility>

#include "core/registry/yaml_fields.h"

namespace tenkai::registry {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int digits_value(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

std::string line_of(const SourcePos& pos) {
  return "line " + std::to_string(pos.line);
}

// Resolves `id` against the region index, reporting an unknown id with a did-you-mean hint.
// Hints compare against every id, so only the first few hundred unknown ids get one: a file
// that is wrong everywhere must not cost time quadratic in its size.
std::optional<size_t> resolve(const std::string& id, const SourcePos& where,
                              const Registry& registry, const std::vector<std::string>& ids,
                              Diagnostics& diagnostics) {
  constexpr size_t kMaxHints = 200;
  auto it = registry.region_index.find(id);
  if (it != registry.region_index.end()) return it->second;
  size_t hinted = diagnostics.error_count();
  std::string hint = hinted < kMaxHints ? yaml::suggestion(id, ids, false) : std::string();
  diagnostics.error(where, "unknown region '" + yaml::excerpt(id) + "'", hint);
  return std::nullopt;
}

void check_within_cycles(RegistryDraft& draft, Diagnostics& diagnostics) {
  auto& regions = draft.registry.regions;
  // 0 = not visited, 1 = on the current chain, 2 = finished. Each region has at most one
  // `within`, so following the chain from every region finds every cycle exactly once.
  std::vector<int> state(regions.size(), 0);
  for (size_t start = 0; start < regions.size(); ++start) {
    std::vector<size_t> chain;
    size_t at = start;
    while (state[at] == 0) {
      state[at] = 1;
      chain.push_back(at);
      if (!regions[at].within_index) break;
      at = *regions[at].within_index;
    }
    if (state[at] == 1 && regions[at].within_index) {
      // `at` is on the current chain: the cycle is the chain from `at` on.
      size_t first = 0;
      while (chain[first] != at) ++first;
      size_t earliest = at;
      for (size_t i = first; i < chain.size(); ++i) earliest = std::min(earliest, chain[i]);
      std::string path;
      size_t node = earliest;
      do {
        path += regions[node].id + " -> ";
        node = *regions[node].within_index;
      } while (node != earliest);
      path += regions[earliest].id;
      if (chain.size() - first == 1) {
        diagnostics.error(draft.region_positions[earliest].within,
                          "region '" + regions[earliest].id + "' cannot be within itself");
      } else {
        diagnostics.error(draft.region_positions[earliest].within, "'within' cycle: " + path);
      }
    }
    for (size_t index : chain) state[index] = 2;
  }
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || (c == '-' && i > 0);
    if (!ok) return false;
  }
  return true;
}

bool is_valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return false;
  int year = digits_value(y), month = digits_value(m), day = digits_value(d);
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

int local_government_check_digit(std::string_view first_five) {
  static const int kWeights[] = {6, 5, 4, 3, 2};
  int sum = 0;
  for (size_t i = 0; i < 5 && i < first_five.size(); ++i)
    sum += (first_five[i] - '0') * kWeights[i];
  return (11 - sum % 11) % 10;
}

std::string local_government_code_problem(std::string_view code) {
  if (code.size() != 6 || !all_digits(code)) {
    return "'code' must be a 6-digit local government code, not '" + std::string(code) + "'";
  }
  int expected = local_government_check_digit(code.substr(0, 5));
  if (code[5] - '0' != expected) {
    return "bad check digit in code '" + std::string(code) + "' (the last digit should be " +
           std::to_string(expected) + ")";
  }
  return {};
}

void resolve_references(RegistryDraft& draft, Diagnostics& diagnostics) {
  Registry& registry = draft.registry;
  std::vector<std::string> ids;
  for (size_t i = 0; i < registry.regions.size(); ++i) {
    const Region& region = registry.regions[i];
    if (region.id.empty()) continue;
    auto [it, inserted] = registry.region_index.emplace(region.id, i);
    if (!inserted) {
      diagnostics.error(draft.region_positions[i].id, "duplicate region id '" + region.id + "'",
                        "first defined at " + line_of(draft.region_positions[it->second].id));
      continue;
    }
    ids.push_back(region.id);
  }

  for (size_t i = 0; i < registry.regions.size(); ++i) {
    Region& region = registry.regions[i];
    if (region.within.empty()) continue;
    region.within_index =
        resolve(region.within, draft.region_positions[i].within, registry, ids, diagnostics);
  }
  check_within_cycles(draft, diagnostics);

  std::map<std::pair<size_t, int>, size_t> ordinals;  // (region, ordinal) -> first session
  for (size_t i = 0; i < registry.sessions.size(); ++i) {
    Session& session = registry.sessions[i];
    const auto& positions = draft.session_positions[i];
    if (session.region.empty()) continue;
    auto index = resolve(session.region, positions.region, registry, ids, diagnostics);
    if (!index) continue;
    session.region_index = *index;
    if (!session.scope_explicit) session.scope = default_scope(registry.regions[*index].level);
    if (!session.ordinal) continue;
    auto [it, inserted] = ordinals.emplace(std::make_pair(*index, *session.ordinal), i);
    if (!inserted) {
      diagnostics.error(positions.ordinal,
                        "duplicate ordinal " + std::to_string(*session.ordinal) + " for region '" +
                            session.region + "'",
                        "first used at " + line_of(draft.session_positions[it->second].ordinal));
    }
  }

  for (size_t i = 0; i < registry.links.size(); ++i) {
    Link& link = registry.links[i];
    const auto& positions = draft.link_positions[i];
    if (!link.from.empty()) {
      if (auto index = resolve(link.from, positions.from, registry, ids, diagnostics)) {
        link.from_index = *index;
      }
    }
    if (!link.to.empty()) {
      if (auto index = resolve(link.to, positions.to, registry, ids, diagnostics)) {
        link.to_index = *index;
      }
    }
    if (!link.from.empty() && link.from == link.to) {
      diagnostics.error(positions.to, "link from '" + link.from + "' to itself");
    }
  }
}

}  // namespace tenkai::registry
