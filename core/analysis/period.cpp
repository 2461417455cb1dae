// The reporting period (see period.h).
#include "core/analysis/period.h"

#include <algorithm>

#include "core/registry/fiscal_year.h"

namespace tenkai::analysis {

std::optional<std::pair<int, int>> reporting_period(const registry::Registry& reg) {
  if (reg.years) return reg.years;
  std::optional<std::pair<int, int>> span;
  for (const auto& session : reg.sessions) {
    if (!session.counted) continue;
    if (!span) span = {session.fiscal_year, session.fiscal_year};
    span->first = std::min(span->first, session.fiscal_year);
    span->second = std::max(span->second, session.fiscal_year);
  }
  return span;
}

bool in_period(const std::optional<std::pair<int, int>>& period, int fiscal_year) {
  return period && fiscal_year >= period->first && fiscal_year <= period->second;
}

registry::Registry within_period(const registry::Registry& reg, std::vector<size_t>* sessions,
                                 std::vector<size_t>* links) {
  auto period = reporting_period(reg);
  registry::Registry out;
  out.path = reg.path;
  out.format_version = reg.format_version;
  out.title = reg.title;
  out.as_of = reg.as_of;
  out.caveat = reg.caveat;
  out.years = reg.years;
  out.regions = reg.regions;
  out.region_index = reg.region_index;
  if (sessions) sessions->clear();
  if (links) links->clear();
  for (size_t i = 0; i < reg.sessions.size(); ++i) {
    if (!in_period(period, reg.sessions[i].fiscal_year)) continue;
    out.sessions.push_back(reg.sessions[i]);
    if (sessions) sessions->push_back(i);
  }
  for (size_t i = 0; i < reg.links.size(); ++i) {
    const auto& link = reg.links[i];
    if (link.fiscal_year && !in_period(period, *link.fiscal_year)) continue;
    out.links.push_back(link);
    if (links) links->push_back(i);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> period_placeholders(
    const std::optional<std::pair<int, int>>& period) {
  auto text = [&](auto make) { return period ? make(*period) : std::string(); };
  using Span = std::pair<int, int>;
  return {
      {"period_ja", text([](const Span& p) {
         return p.first == p.second
                    ? registry::western_year_label(p.second)
                    : std::to_string(p.first) + "～" + registry::western_year_label(p.second);
       })},
      {"period.first", text([](const Span& p) { return std::to_string(p.first); })},
      {"period.last", text([](const Span& p) { return std::to_string(p.second); })},
      {"period.first_ja",
       text([](const Span& p) { return registry::western_year_label(p.first); })},
      {"period.last_ja",
       text([](const Span& p) { return registry::western_year_label(p.second); })},
      {"period.first_era", text([](const Span& p) { return registry::era_year_label(p.first); })},
      {"period.last_era", text([](const Span& p) { return registry::era_year_label(p.second); })},
  };
}

std::string expand_period(std::string_view text, const std::optional<std::pair<int, int>>& period) {
  if (text.find('{') == std::string_view::npos) return std::string(text);
  const auto values = period_placeholders(period);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string_view name = text.substr(open + 1, close - open - 1);
    auto found = std::find_if(values.begin(), values.end(),
                              [&](const auto& entry) { return entry.first == name; });
    if (found != values.end())
      out += found->second;
    else
      out.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace tenkai::analysis
