// Per-prefecture totals over the spread matrix, with municipality coverage.
#include "core/analysis/prefecture_summary.h"

#include <set>
#include <utility>

#include "core/registry/municipality_counts.h"
#include "core/registry/prefectures.h"

namespace tenkai::analysis {
namespace {

using registry::Level;

// The municipality a ward lies in: a key unique within its prefecture. A municipality region
// of the registry is keyed by its index; a city only known from the ward's name by that name.
std::string ward_municipality(const registry::Registry& registry, size_t ward) {
  std::set<size_t> seen;
  std::optional<size_t> at = registry.regions[ward].within_index;
  while (at && *at < registry.regions.size() && seen.insert(*at).second) {
    const registry::Region& region = registry.regions[*at];
    if (region.level == Level::municipality) return "#" + std::to_string(*at);
    at = region.within_index;
  }
  // A designated city's ward is named after its city: 大阪市東淀川区, さいたま市浦和区.
  const std::string& name = registry.regions[ward].name;
  const std::string city = "市";
  size_t end = name.find(city);
  if (end != std::string::npos && end + city.size() < name.size()) {
    std::string city_name = name.substr(0, end + city.size());
    for (size_t i = 0; i < registry.regions.size(); ++i) {
      const registry::Region& region = registry.regions[i];
      if (region.level == Level::municipality && region.name == city_name &&
          region.prefecture == registry.regions[ward].prefecture)
        return "#" + std::to_string(i);
    }
    return city_name;
  }
  return "ward:" + registry.regions[ward].id;  // a ward of unknown city counts for one
}

}  // namespace

PrefectureSummary summarize_prefectures(const registry::Registry& registry,
                                        const SpreadMatrix& matrix) {
  PrefectureSummary summary;
  const auto& names = registry::prefecture_names();
  summary.rows.resize(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    summary.rows[i].code = static_cast<int>(i) + 1;
    summary.rows[i].prefecture = names[i];
    summary.rows[i].municipalities = registry::municipality_count(static_cast<int>(i) + 1);
  }
  std::vector<std::set<std::string>> covered(names.size());
  for (const auto& row : matrix.rows) {
    if (row.region_index >= registry.regions.size()) continue;
    const registry::Region& region = registry.regions[row.region_index];
    const int code = region.prefecture_code ? region.prefecture_code
                                            : registry::prefecture_code(region.prefecture);
    if (code < 1 || code > 47) continue;
    const size_t p = static_cast<size_t>(code - 1);
    PrefectureSummaryRow& out = summary.rows[p];
    ++out.regions;
    if (out.first_year == 0 || row.first_year < out.first_year) out.first_year = row.first_year;
    if (region.level == Level::municipality)
      covered[p].insert("#" + std::to_string(row.region_index));
    else if (region.level == Level::ward)
      covered[p].insert(ward_municipality(registry, row.region_index));
  }
  PrefectureSummaryRow& total = summary.total;
  for (size_t p = 0; p < summary.rows.size(); ++p) {
    PrefectureSummaryRow& row = summary.rows[p];
    row.covered = static_cast<int>(covered[p].size());
    total.regions += row.regions;
    total.covered += row.covered;
    total.municipalities += row.municipalities;
    if (row.first_year != 0 && (total.first_year == 0 || row.first_year < total.first_year))
      total.first_year = row.first_year;
  }
  return summary;
}

}  // namespace tenkai::analysis
