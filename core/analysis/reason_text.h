// Wording shared by every classification reason: how sessions, regions, lengths and years are
// named.
#pragma once

#include <string>
#include <vector>

#include "core/registry/registry.h"

namespace tenkai::analysis {

// Locale-free shortest decimal ("4", "0.5", "2.0001").
std::string format_number(double value);
// Days always show a decimal, as the deck writes them ("4.0", "1.5", "2.0001").
std::string format_days(double value);

// The region's display label (falls back to the name, then the id, for hand-built registries).
std::string region_label(const registry::Region& region);
std::string region_label(const registry::Registry& registry, size_t region_index);

// Names sessions as every reason writes them. Built once per registry in O(n log n); naming a
// session then costs O(1) whatever the registry's size.
class SessionNames {
 public:
  explicit SessionNames(const registry::Registry& registry);
  // "千葉県柏市 2011年度 第1回"; without an ordinal "千葉県柏市 2012年度" or, when the region
  // held several that year, "…2012年度の2件目（回次なし）"; uncounted ones add "（集計外）".
  std::string label(size_t session_index) const;
  // The same without the region, for lists under one region: "2011年度 第1回".
  std::string in_region(size_t session_index) const;

 private:
  const registry::Registry* registry_;
  std::vector<unsigned> position_;  // 1-based among the region's sessions of that fiscal year
  std::vector<unsigned> total_;     // how many sessions the region held that fiscal year
};

// "leader（地域リーダーの養成）".
std::string function_label(registry::Function function);
// "know_how（開催ノウハウ）".
std::string link_kind_label(registry::LinkKind kind);
// "柏市 → 沖縄県（広域）（know_how（開催ノウハウ）、2014年度）".
std::string link_label(const registry::Registry& registry, size_t link_index);

// Joins with the Japanese enumeration comma "、".
std::string join_list(const std::vector<std::string>& items);

// Sessions of each region, counted or not, in registry order.
std::vector<std::vector<size_t>> sessions_by_region(const registry::Registry& registry);

// Earliest fiscal year among the given sessions (0 when empty).
int first_fiscal_year(const registry::Registry& registry, const std::vector<size_t>& sessions);

}  // namespace tenkai::analysis
