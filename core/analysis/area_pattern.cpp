// Holding patterns per DOMAIN.md: P2 first (wide-area leader training and its alumni regions),
// then P3 / P1 for municipalities and wards by the number of distinct functions, else none.
#include "core/analysis/area_pattern.h"

#include <algorithm>

#include "core/analysis/reason_text.h"
#include "core/analysis/work_meter.h"

namespace tenkai::analysis {

using registry::Function;
using registry::Level;
using registry::LinkKind;
using registry::Registry;

namespace {

bool is_wide_level(Level level) {
  return level == Level::prefecture || level == Level::wide_area;
}

std::string level_text(Level level) {
  switch (level) {
    case Level::prefecture:
      return "都道府県単位（prefecture）の地域";
    case Level::wide_area:
      return "広域（wide_area）の地域";
    case Level::municipality:
      return "市区町村（municipality）";
    case Level::ward:
      return "政令市の区（ward）";
  }
  return "";
}

void add_unique(std::vector<size_t>& list, size_t value) {
  work_meter::add(list.size());
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Everything the rules need, computed once.
struct Facts {
  explicit Facts(const Registry& registry) : names(registry) {}
  SessionNames names;
  std::vector<std::vector<size_t>> sessions;  // per region
  std::vector<std::vector<size_t>> leader_sessions;
  std::vector<std::vector<size_t>> hub_links;     // qualifying leader_alumni links, by `from`
  std::vector<std::vector<size_t>> alumni_links;  // qualifying leader_alumni links, by `to`
  std::vector<std::vector<size_t>> alumni_from;   // every leader_alumni link, by `from`
  std::vector<std::vector<size_t>> alumni_to;     // every leader_alumni link, by `to`
};

Facts gather(const Registry& registry, const std::vector<SessionClass>& classes) {
  Facts facts(registry);
  size_t n = registry.regions.size();
  facts.sessions = sessions_by_region(registry);
  facts.leader_sessions.resize(n);
  facts.hub_links.resize(n);
  facts.alumni_links.resize(n);
  facts.alumni_from.resize(n);
  facts.alumni_to.resize(n);
  work_meter::add(n + registry.sessions.size() + registry.links.size());
  for (size_t r = 0; r < n; ++r) {
    for (size_t s : facts.sessions[r]) {
      if (classes.at(s).function == Function::leader) facts.leader_sessions[r].push_back(s);
    }
  }
  for (size_t l = 0; l < registry.links.size(); ++l) {
    const auto& link = registry.links[l];
    if (link.kind != LinkKind::leader_alumni) continue;
    if (link.from_index >= n || link.to_index >= n) continue;
    facts.alumni_from[link.from_index].push_back(l);
    facts.alumni_to[link.to_index].push_back(l);
    if (!is_wide_level(registry.regions[link.from_index].level)) continue;
    if (facts.leader_sessions[link.from_index].empty()) continue;
    if (facts.sessions[link.to_index].empty()) continue;
    facts.hub_links[link.from_index].push_back(l);
    facts.alumni_links[link.to_index].push_back(l);
  }
  return facts;
}

std::vector<std::string> session_labels(const SessionNames& names,
                                        const std::vector<size_t>& list) {
  std::vector<std::string> labels;
  work_meter::add(list.size());
  for (size_t s : list) labels.push_back(names.in_region(s));
  return labels;
}

// "2011年度 第1回 leader、2011年度 第2回 intro"
std::string sessions_with_functions(const SessionNames& names,
                                    const std::vector<SessionClass>& classes,
                                    const std::vector<size_t>& list) {
  std::vector<std::string> parts;
  work_meter::add(list.size());
  for (size_t s : list) {
    parts.push_back(names.in_region(s) + " " + registry::to_string(classes.at(s).function));
  }
  return join_list(parts);
}

// Up to four sessions are listed; more are given as first 〜 last and a count.
std::string compact_session_list(const SessionNames& names, const std::vector<size_t>& list) {
  if (list.size() <= 4) return join_list(session_labels(names, list));
  return names.in_region(list.front()) + " 〜 " + names.in_region(list.back()) + " の" +
         std::to_string(list.size()) + "回";
}

// "時系列では 2011年度 第1回 が leader、その後 intro・connect。" when the first session's function
// differs from what followed (the P3 story); empty otherwise.
std::string change_over_time(const Registry& registry, const SessionNames& names,
                             const std::vector<SessionClass>& classes,
                             const std::vector<size_t>& list) {
  if (list.empty()) return "";
  work_meter::add(2 * list.size());
  size_t first = list.front();
  for (size_t s : list) {
    if (registry.sessions[s].fiscal_year < registry.sessions[first].fiscal_year) first = s;
  }
  Function opening = classes.at(first).function;
  std::vector<std::string> later;
  for (size_t s : list) {
    if (s == first) continue;
    std::string name = registry::to_string(classes.at(s).function);
    if (std::find(later.begin(), later.end(), name) == later.end()) later.push_back(name);
  }
  if (later.empty() || (later.size() == 1 && later[0] == registry::to_string(opening))) return "";
  std::string joined;
  for (size_t i = 0; i < later.size(); ++i) joined += (i ? "・" : "") + later[i];
  return "時系列では " + names.in_region(first) + " が " + registry::to_string(opening) +
         "、その後 " + joined + " が開かれている。";
}

std::string first_year_text(const Registry& registry, const Facts& facts, size_t region) {
  return region_label(registry, region) + "（初回 " +
         std::to_string(first_fiscal_year(registry, facts.sessions[region])) + "年度）";
}

// A note on lengths that had to be assumed, so a reader knows how firm the functions are.
std::string thin_length_note(const std::vector<SessionClass>& classes,
                             const std::vector<size_t>& list) {
  size_t missing = 0;
  work_meter::add(list.size());
  for (size_t s : list) missing += classes.at(s).rule == FunctionRule::missing_length;
  if (missing == 0) return "";
  if (missing == list.size()) {
    return "なお、どの回にも長さ（日数・時間）の記録がなく、すべて標準コース（intro）とみなした"
           "ため、機能の違いは判定できていない。";
  }
  return "なお、" + std::to_string(missing) +
         "回は長さ（日数・時間）の記録がなく標準コース（intro）とみなした。";
}

AreaClass p2_area(const Registry& registry, const std::vector<SessionClass>& classes,
                  const Facts& facts, size_t r) {
  AreaClass area;
  area.pattern = Pattern::P2;
  std::string label = region_label(registry, r);
  std::vector<std::string> sentences;
  std::vector<size_t> hub_regions, target_regions;  // evidence order: hubs, r, alumni regions
  if (!facts.hub_links[r].empty()) {
    std::vector<std::string> targets;
    work_meter::add(facts.hub_links[r].size());
    for (size_t l : facts.hub_links[r]) {
      size_t to = registry.links[l].to_index;
      add_unique(target_regions, to);
      add_unique(area.links, l);
      std::string text = first_year_text(registry, facts, to);
      if (registry.links[l].fiscal_year) {
        text += "［リンク " + std::to_string(*registry.links[l].fiscal_year) + "年度］";
      }
      targets.push_back(text);
    }
    sentences.push_back(
        label + "は" + level_text(registry.regions[r].level) + "で、リーダー研修（" +
        join_list(session_labels(facts.names, facts.leader_sessions[r])) +
        "、機能 leader）を開催し、leader_alumni リンクで開催実績のある " + join_list(targets) +
        " へつながるため P2（広域でリーダー研修＋市町村単位の開催）。");
  }
  if (!facts.alumni_links[r].empty()) {
    std::vector<std::string> hubs;
    work_meter::add(facts.alumni_links[r].size());
    for (size_t l : facts.alumni_links[r]) {
      size_t from = registry.links[l].from_index;
      add_unique(hub_regions, from);
      add_unique(area.links, l);
      std::string text = region_label(registry, from) + "（リーダー研修 " +
                         join_list(session_labels(facts.names, facts.leader_sessions[from])) + "）";
      if (registry.links[l].fiscal_year) {
        text += "［リンク " + std::to_string(*registry.links[l].fiscal_year) + "年度］";
      }
      hubs.push_back(text);
    }
    sentences.push_back(
        label + "は、広域でリーダー研修を開催した " + join_list(hubs) +
        " から leader_alumni リンクで結ばれ、自地域の開催（" +
        join_list(session_labels(facts.names, facts.sessions[r])) +
        "）はその受講者によるものとされるため P2（広域でリーダー研修＋市町村単位の開催）。");
  }
  for (size_t h : hub_regions) add_unique(area.regions, h);
  add_unique(area.regions, r);
  for (size_t t : target_regions) add_unique(area.regions, t);
  std::string out;
  for (const auto& sentence : sentences) out += sentence;
  area.reason = out + thin_length_note(classes, facts.sessions[r]);
  return area;
}

// Why incoming leader_alumni links did not make a municipality P2 (so the reader sees they were
// considered).
std::string unqualified_alumni_note(const Registry& registry, const Facts& facts, size_t r) {
  std::vector<std::string> notes;
  work_meter::add(facts.alumni_to[r].size());
  for (size_t l : facts.alumni_to[r]) {
    const auto& link = registry.links[l];
    size_t from = link.from_index;
    std::string why;
    if (!is_wide_level(registry.regions[from].level)) {
      why = "リンク元が都道府県単位・広域の地域ではない";
    } else if (facts.leader_sessions[from].empty()) {
      why = facts.sessions[from].empty() ? "リンク元に開催記録がない"
                                         : "リンク元にリーダー研修（leader）の回がない";
    } else {
      continue;
    }
    notes.push_back(region_label(registry, from) + " からの leader_alumni リンクがあるが、" + why +
                    "ため P2 の根拠にならない。");
  }
  std::string out;
  for (const auto& note : notes) out += note;
  return out;
}

AreaClass none_area(const Registry& registry, const std::vector<SessionClass>& classes,
                    const Facts& facts, size_t r) {
  AreaClass area;
  area.pattern = Pattern::none;
  area.regions = {r};
  std::string label = region_label(registry, r);
  std::vector<size_t> own_alumni_links, dead_links;
  work_meter::add(facts.alumni_from[r].size());
  for (size_t l : facts.alumni_from[r]) {
    const auto& link = registry.links[l];
    own_alumni_links.push_back(l);
    if (facts.sessions[link.to_index].empty()) dead_links.push_back(l);
  }
  std::vector<std::string> missing;
  if (facts.leader_sessions[r].empty()) {
    missing.push_back("リーダー研修（leader）の回がない（開催: " +
                      sessions_with_functions(facts.names, classes, facts.sessions[r]) + "）");
  }
  if (own_alumni_links.empty()) {
    missing.push_back("leader_alumni リンクが登録されていない");
  } else if (dead_links.size() == own_alumni_links.size()) {
    std::vector<std::string> targets;
    for (size_t l : dead_links)
      targets.push_back(region_label(registry, registry.links[l].to_index));
    missing.push_back("leader_alumni リンク先（" + join_list(targets) + "）に開催記録がない");
    area.links = dead_links;
  }
  area.reason = label + "は" + level_text(registry.regions[r].level) + "だが、" +
                join_list(missing) +
                "ため P2（広域でリーダー研修＋市町村単位の開催）に当たらず、P1・P3 は市区町村の型"
                "なので none。" +
                thin_length_note(classes, facts.sessions[r]);
  return area;
}

AreaClass municipal_area(const Registry& registry, const std::vector<SessionClass>& classes,
                         const Facts& facts, size_t r) {
  AreaClass area;
  area.regions = {r};
  std::string label = region_label(registry, r);
  const auto& list = facts.sessions[r];
  std::vector<std::string> per_function;
  size_t distinct = 0;
  work_meter::add(3 * list.size());
  for (Function f : {Function::leader, Function::intro, Function::connect}) {
    std::vector<size_t> with;
    for (size_t s : list) {
      if (classes.at(s).function == f) with.push_back(s);
    }
    if (with.empty()) continue;
    ++distinct;
    per_function.push_back(std::string(registry::to_string(f)) + ": " +
                           compact_session_list(facts.names, with));
  }
  std::string head = label + "は" + level_text(registry.regions[r].level) +
                     "で P2 の根拠（広域リーダー研修からの leader_alumni リンク）がなく、開催" +
                     std::to_string(list.size()) + "回（集計外を含む）の機能が ";
  std::string functions;
  for (size_t i = 0; i < per_function.size(); ++i) {
    functions += (i ? "／" : "") + per_function[i];
  }
  if (distinct >= 2) {
    area.pattern = Pattern::P3;
    area.reason = head + functions + " と " + std::to_string(distinct) +
                  "種類あるため P3（市町村単位の開催＋時系列で研修会の機能が変化）。" +
                  change_over_time(registry, facts.names, classes, list);
  } else {
    area.pattern = Pattern::P1;
    area.reason = head + functions +
                  " の1種類のみのため P1（市町村単位の開催。元スライドにない tenkai の解釈）。";
  }
  area.reason += unqualified_alumni_note(registry, facts, r) + thin_length_note(classes, list);
  return area;
}

}  // namespace

std::vector<AreaClass> classify_areas(const Registry& registry,
                                      const std::vector<SessionClass>& classes) {
  Facts facts = gather(registry, classes);
  std::vector<AreaClass> areas;
  work_meter::add(registry.regions.size());
  for (size_t r = 0; r < registry.regions.size(); ++r) {
    if (facts.sessions[r].empty()) continue;
    work_meter::add(3 * facts.sessions[r].size());
    AreaClass area;
    if (!facts.hub_links[r].empty() || !facts.alumni_links[r].empty()) {
      area = p2_area(registry, classes, facts, r);
    } else if (is_wide_level(registry.regions[r].level)) {
      area = none_area(registry, classes, facts, r);
    } else {
      area = municipal_area(registry, classes, facts, r);
    }
    area.region_index = r;
    area.sessions = facts.sessions[r];
    for (Function f : {Function::leader, Function::intro, Function::connect}) {
      for (size_t s : facts.sessions[r]) {
        if (classes.at(s).function == f) {
          area.functions.push_back(f);
          break;
        }
      }
    }
    areas.push_back(std::move(area));
  }
  return areas;
}

}  // namespace tenkai::analysis
