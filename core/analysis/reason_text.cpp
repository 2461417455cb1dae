// Wording shared by every classification reason; numbers are formatted without the locale.
#include "core/analysis/reason_text.h"

#include <charconv>
#include <map>

#include "core/analysis/work_meter.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::analysis {

using registry::Function;
using registry::LinkKind;
using registry::Registry;

std::string format_number(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_days(double value) {
  std::string text = format_number(value);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string region_label(const registry::Region& region) {
  if (!region.label.empty()) return region.label;
  if (!region.name.empty()) return region.name;
  return region.id;
}

std::string region_label(const Registry& registry, size_t region_index) {
  return region_label(registry.regions.at(region_index));
}

SessionNames::SessionNames(const Registry& registry)
    : registry_(&registry), position_(registry.sessions.size()), total_(registry.sessions.size()) {
  // Sessions of one region and fiscal year form a group; one pass numbers them in registry
  // order, a second reads each group's size.
  std::map<std::pair<size_t, int>, unsigned> groups;
  std::vector<unsigned*> group_of(registry.sessions.size());
  work_meter::add(2 * registry.sessions.size());
  for (size_t i = 0; i < registry.sessions.size(); ++i) {
    const auto& session = registry.sessions[i];
    unsigned& count = groups[{session.region_index, session.fiscal_year}];
    position_[i] = ++count;
    group_of[i] = &count;  // std::map nodes stay put
  }
  for (size_t i = 0; i < registry.sessions.size(); ++i) total_[i] = *group_of[i];
}

std::string SessionNames::in_region(size_t session_index) const {
  const auto& session = registry_->sessions.at(session_index);
  std::string text = registry::western_year_label(session.fiscal_year);
  if (session.ordinal) {
    text += " 第" + std::to_string(*session.ordinal) + "回";
  } else if (total_[session_index] > 1) {
    // Without an ordinal, the position within that region's year is what a reader can check;
    // alone in its year, the year names it.
    text += "の" + std::to_string(position_[session_index]) + "件目（回次なし）";
  }
  if (!session.counted) text += "（集計外）";
  return text;
}

std::string SessionNames::label(size_t session_index) const {
  const auto& session = registry_->sessions.at(session_index);
  return region_label(*registry_, session.region_index) + " " + in_region(session_index);
}

std::string function_label(Function function) {
  switch (function) {
    case Function::leader:
      return "leader（地域リーダーの養成）";
    case Function::intro:
      return "intro（動機づけ・入門）";
    case Function::connect:
      return "connect（多職種のつながりを深める）";
  }
  return "";
}

std::string link_kind_label(LinkKind kind) {
  const char* meaning = "";
  switch (kind) {
    case LinkKind::leader_alumni:
      meaning = "リーダー研修受講者";
      break;
    case LinkKind::know_how:
      meaning = "開催ノウハウ";
      break;
    case LinkKind::exchange:
      meaning = "情報交換";
      break;
    case LinkKind::visit:
      meaning = "視察";
      break;
    case LinkKind::lecturer:
      meaning = "研修会講師";
      break;
    case LinkKind::spread:
      meaning = "伝播";
      break;
  }
  return std::string(registry::to_string(kind)) + "（" + meaning + "）";
}

std::string link_label(const Registry& registry, size_t link_index) {
  const auto& link = registry.links.at(link_index);
  std::string text = region_label(registry, link.from_index) + " → " +
                     region_label(registry, link.to_index) + "（" + link_kind_label(link.kind);
  if (link.fiscal_year) text += "、" + registry::western_year_label(*link.fiscal_year);
  return text + "）";
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "、" : "") + items[i];
  return out;
}

std::vector<std::vector<size_t>> sessions_by_region(const Registry& registry) {
  std::vector<std::vector<size_t>> result(registry.regions.size());
  work_meter::add(registry.sessions.size());
  for (size_t i = 0; i < registry.sessions.size(); ++i) {
    size_t region = registry.sessions[i].region_index;
    if (region < result.size()) result[region].push_back(i);
  }
  return result;
}

int first_fiscal_year(const Registry& registry, const std::vector<size_t>& sessions) {
  int first = 0;
  work_meter::add(sessions.size());
  for (size_t i : sessions) {
    int year = registry.sessions[i].fiscal_year;
    if (first == 0 || year < first) first = year;
  }
  return first;
}

}  // namespace tenkai::analysis
