// R1 (a municipality first, then the whole prefecture), R2 (a prefecture-wide layer with
// municipal sessions) and R3 (small municipalities of different prefectures exchanging know-how).
#include "core/analysis/rollout.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/analysis/reason_text.h"
#include "core/analysis/work_meter.h"

namespace tenkai::analysis {

using registry::Level;
using registry::LinkKind;
using registry::Registry;

namespace {

// Appends to an evidence list unless already there; membership is kept in a set so that long
// lists stay cheap to extend.
class UniqueAppender {
 public:
  explicit UniqueAppender(std::vector<size_t>& list) : list_(list) {}
  void add(size_t value) {
    work_meter::add(1);
    if (seen_.insert(value).second) list_.push_back(value);
  }

 private:
  std::vector<size_t>& list_;
  std::set<size_t> seen_;
};

bool is_local(Level level) {
  return level == Level::municipality || level == Level::ward;
}

struct Context {
  const Registry& registry;
  SessionNames names;
  std::vector<std::vector<size_t>> sessions;  // per region
  std::vector<int> first_year;                // per region, 0 without sessions
  std::vector<std::vector<size_t>> passing;   // know_how and spread links, by `from`

  int first(size_t r) const { return first_year[r]; }
  bool active(size_t r) const { return !sessions[r].empty(); }
  std::string label(size_t r) const { return region_label(registry, r); }
  // "千葉県柏市（初回 2011年度 第1回）"
  std::string with_first(size_t r) const {
    work_meter::add(sessions[r].size());
    for (size_t s : sessions[r]) {
      if (registry.sessions[s].fiscal_year == first_year[r]) {
        return label(r) + "（初回 " + names.in_region(s) + "）";
      }
    }
    return label(r) + "（開催記録なし）";
  }
};

// R1: a municipality or ward M with sessions before every prefecture-level region's first, that
// passed know-how (know_how / spread link) to a region of the prefecture starting later than M.
void check_r1(const Context& c, const std::vector<size_t>& in_pref, PrefectureClass& out) {
  const Registry& reg = c.registry;
  std::vector<size_t> wide;  // prefecture-level regions with sessions
  int wide_first = 0;
  work_meter::add(2 * in_pref.size());
  for (size_t r : in_pref) {
    if (reg.regions[r].level != Level::prefecture || !c.active(r)) continue;
    wide.push_back(r);
    if (wide_first == 0 || c.first(r) < wide_first) wide_first = c.first(r);
  }
  std::vector<std::string> wide_texts;
  for (size_t r : wide) wide_texts.push_back(c.with_first(r));
  std::string wide_clause = wide.empty()
                                ? "県内に都道府県単位（prefecture）の地域の開催記録はなく"
                                : "都道府県単位の " + join_list(wide_texts) + " より前に開催を始め";

  std::vector<size_t> local, early;
  for (size_t r : in_pref) {
    if (!is_local(reg.regions[r].level) || !c.active(r)) continue;
    local.push_back(r);
    if (wide.empty() || c.first(r) < wide_first) early.push_back(r);
  }
  if (local.empty()) {
    out.notes.push_back("R1 に当たらない: 県内の市区町村（municipality・ward）に開催記録がない。");
    return;
  }
  if (early.empty()) {
    std::vector<std::string> texts;
    for (size_t r : local) texts.push_back(c.with_first(r));
    out.notes.push_back("R1 に当たらない: 県内の市区町村 " + join_list(texts) +
                        " のいずれも、都道府県単位の " + join_list(wide_texts) +
                        " より前に開催していない。");
    return;
  }

  RolloutEvidence evidence;
  evidence.rollout = Rollout::R1;
  UniqueAppender evidence_links(evidence.links), evidence_regions(evidence.regions);
  std::vector<std::string> clauses, rejected;
  work_meter::add(early.size());
  for (size_t m : early) {
    std::vector<std::string> targets;
    std::vector<size_t> passed;  // this region's links that carried the programme
    work_meter::add(c.passing[m].size());
    for (size_t l : c.passing[m]) {
      const auto& link = reg.links[l];
      size_t t = link.to_index;
      std::string why_not;
      if (reg.regions[t].prefecture != reg.regions[m].prefecture) {
        why_not = "リンク先が他県";
      } else if (!c.active(t)) {
        why_not = "リンク先に開催記録がない";
      } else if (c.first(t) <= c.first(m)) {
        why_not = "リンク先の初回 " + std::to_string(c.first(t)) + "年度が " +
                  std::to_string(c.first(m)) + "年度より後ではない";
      }
      if (!why_not.empty()) {
        rejected.push_back(link_label(reg, l) + " は" + why_not);
        continue;
      }
      evidence_links.add(l);
      passed.push_back(l);
      targets.push_back(link_label(reg, l) + " により " + c.label(t) + "（初回 " +
                        std::to_string(c.first(t)) + "年度 > " + std::to_string(c.first(m)) +
                        "年度）");
    }
    if (targets.empty()) continue;
    evidence_regions.add(m);
    for (size_t l : passed) evidence_regions.add(reg.links[l].to_index);
    clauses.push_back(c.with_first(m) + "は" + wide_clause + "、" + join_list(targets) +
                      "へ開催が広がった");
  }
  if (clauses.empty()) {
    std::vector<std::string> texts;
    for (size_t m : early) texts.push_back(c.label(m));
    std::string why = rejected.empty()
                          ? join_list(texts) +
                                " から県内への know_how・spread リンクが登録されていない（リンクの"
                                "情報がなく伝播を確認できない）"
                          : join_list(rejected);
    std::string lead = wide.empty() ? "は開催しているが（県単位の開催記録はない）、"
                                    : "は都道府県単位の開催より前に開催していたが、";
    out.notes.push_back("R1 に当たらない: " + join_list(texts) + lead + why + "。");
    return;
  }
  evidence.reason = join_list(clauses) + "ため R1（市町村での開催→全県での開催）。";
  out.rollouts.push_back(std::move(evidence));
}

// R2: a prefecture-level region with sessions and another region of the prefecture holding a
// session in the same or a later fiscal year than that region's first.
void check_r2(const Context& c, const std::vector<size_t>& in_pref, PrefectureClass& out) {
  const Registry& reg = c.registry;
  RolloutEvidence evidence;
  evidence.rollout = Rollout::R2;
  UniqueAppender evidence_regions(evidence.regions);
  std::vector<std::string> clauses, lonely;
  work_meter::add(in_pref.size());
  for (size_t h : in_pref) {
    if (reg.regions[h].level != Level::prefecture || !c.active(h)) continue;
    std::vector<std::string> others;
    work_meter::add(in_pref.size());
    for (size_t o : in_pref) {
      if (o == h || !c.active(o)) continue;
      const size_t* match = nullptr;
      work_meter::add(c.sessions[o].size());
      for (const size_t& s : c.sessions[o]) {
        if (reg.sessions[s].fiscal_year >= c.first(h)) {
          match = &s;
          break;
        }
      }
      if (!match) continue;
      evidence_regions.add(h);
      evidence_regions.add(o);
      std::string text = c.label(o) + "（" + c.names.in_region(*match);
      if (reg.regions[o].population) {
        text += "、人口 " + format_population(*reg.regions[o].population);
      }
      others.push_back(text + "）");
    }
    if (others.empty()) {
      lonely.push_back(c.with_first(h));
      continue;
    }
    clauses.push_back(c.with_first(h) + "が都道府県単位で開催し、同じ" + reg.regions[h].prefecture +
                      "の " + join_list(others) + " が " + std::to_string(c.first(h)) +
                      "年度以降に開催している");
  }
  if (!clauses.empty()) {
    evidence.reason = join_list(clauses) + "ため R2（都道府県単位の開催＋市町村単位の開催）。";
    out.rollouts.push_back(std::move(evidence));
  } else if (!lonely.empty()) {
    out.notes.push_back("R2 に当たらない: " + join_list(lonely) +
                        " と同年度以降に開催した県内の他の地域がない。");
  } else {
    out.notes.push_back(
        "R2 に当たらない: 県内に都道府県単位（prefecture）の地域の開催記録がない。");
  }
}

bool is_r3_kind(LinkKind kind) {
  return kind == LinkKind::exchange || kind == LinkKind::visit || kind == LinkKind::lecturer;
}

// Why a region cannot be one side of an R3 pair; empty when it can.
std::string r3_unfit(const Registry& reg, size_t r) {
  const auto& region = reg.regions[r];
  std::string label = region_label(region);
  if (region.level != Level::municipality) {
    return label + " は市町村（municipality）ではない";
  }
  if (!region.population) return label + " の人口が不明（人口の情報がなく判定できない）";
  if (*region.population > kSmallMunicipalityPopulation) {
    return label + " の人口 " + format_population(*region.population) + " > 100,000";
  }
  return "";
}

// R3 for every prefecture at once: each qualifying link counts for both ends' prefectures.
std::map<std::string, PrefectureClass> check_r3(const Registry& reg) {
  std::map<std::string, PrefectureClass> result;
  std::map<std::string, std::vector<std::string>> rejected;
  // Pairs (this side, other side) in first-seen order per prefecture, with their links.
  std::map<std::string, std::vector<std::pair<std::pair<size_t, size_t>, std::vector<size_t>>>>
      pairs;
  std::map<std::pair<size_t, size_t>, size_t> pair_slot;  // pair -> its place in its list
  work_meter::add(reg.links.size());
  for (size_t l = 0; l < reg.links.size(); ++l) {
    const auto& link = reg.links[l];
    if (!is_r3_kind(link.kind)) continue;
    size_t a = link.from_index, b = link.to_index;
    const auto& pa = reg.regions[a].prefecture;
    const auto& pb = reg.regions[b].prefecture;
    if (pa == pb) continue;
    std::string unfit = r3_unfit(reg, a);
    std::string unfit_b = r3_unfit(reg, b);
    if (!unfit.empty() || !unfit_b.empty()) {
      std::string why = join_list(unfit.empty()     ? std::vector<std::string>{unfit_b}
                                  : unfit_b.empty() ? std::vector<std::string>{unfit}
                                                    : std::vector<std::string>{unfit, unfit_b});
      rejected[pa].push_back(link_label(reg, l) + " は " + why);
      rejected[pb].push_back(link_label(reg, l) + " は " + why);
      continue;
    }
    for (auto direction : {std::pair{a, b}, std::pair{b, a}}) {
      auto& list = pairs[reg.regions[direction.first].prefecture];
      auto [slot, added] = pair_slot.try_emplace(direction, list.size());
      if (added) {
        list.push_back({direction, {l}});
      } else {
        list[slot->second].second.push_back(l);
      }
    }
  }
  for (const auto& [prefecture, list] : pairs) {
    RolloutEvidence evidence;
    evidence.rollout = Rollout::R3;
    UniqueAppender evidence_regions(evidence.regions), evidence_links(evidence.links);
    std::vector<std::string> clauses;
    for (const auto& [pair, links] : list) {
      auto [self, other] = pair;
      evidence_regions.add(self);
      evidence_regions.add(other);
      std::vector<std::string> link_texts;
      for (size_t l : links) {
        evidence_links.add(l);
        link_texts.push_back(link_label(reg, l));
      }
      clauses.push_back(region_label(reg, self) + "（人口 " +
                        format_population(*reg.regions[self].population) + " ≤ 100,000）と他県の " +
                        region_label(reg, other) + "（人口 " +
                        format_population(*reg.regions[other].population) + " ≤ 100,000）の間に " +
                        join_list(link_texts) + " がある");
    }
    evidence.reason = join_list(clauses) + "ため R3（都道府県を越えた小規模市町村どうしの伝播）。";
    result[prefecture].rollouts.push_back(std::move(evidence));
  }
  for (const auto& [prefecture, reasons] : rejected) {
    if (pairs.count(prefecture)) continue;
    result[prefecture].notes.push_back("R3 に当たらない: " + join_list(reasons) + "。");
  }
  return result;
}

}  // namespace

std::string format_population(long long population) {
  std::string digits = std::to_string(population < 0 ? -population : population);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return population < 0 ? "-" + out : out;
}

std::vector<PrefectureClass> classify_prefectures(const Registry& registry) {
  Context context{registry, SessionNames(registry), sessions_by_region(registry), {}, {}};
  for (const auto& list : context.sessions) {
    context.first_year.push_back(first_fiscal_year(registry, list));
  }
  context.passing.resize(registry.regions.size());
  std::map<std::string, std::vector<size_t>> regions_of;
  work_meter::add(registry.links.size() + 2 * registry.regions.size());
  for (size_t l = 0; l < registry.links.size(); ++l) {
    const auto& link = registry.links[l];
    if (link.kind != LinkKind::know_how && link.kind != LinkKind::spread) continue;
    if (link.from_index < registry.regions.size()) context.passing[link.from_index].push_back(l);
  }
  for (size_t r = 0; r < registry.regions.size(); ++r) {
    regions_of[registry.regions[r].prefecture].push_back(r);
  }
  // Prefectures with a region that has sessions or links, keyed by official code.
  std::map<std::pair<int, std::string>, bool> involved;
  auto involve = [&](size_t r) {
    const auto& region = registry.regions[r];
    involved[{region.prefecture_code, region.prefecture}] = true;
  };
  for (size_t r = 0; r < registry.regions.size(); ++r) {
    if (context.active(r)) involve(r);
  }
  for (const auto& link : registry.links) {
    for (size_t r : {link.from_index, link.to_index}) {
      if (r < registry.regions.size()) involve(r);
    }
  }
  auto r3 = check_r3(registry);
  std::vector<PrefectureClass> result;
  for (const auto& [key, unused] : involved) {
    const auto& [code, name] = key;
    PrefectureClass pref;
    pref.prefecture = name;
    pref.prefecture_code = code;
    const auto& in_pref = regions_of[name];
    check_r1(context, in_pref, pref);
    check_r2(context, in_pref, pref);
    auto found = r3.find(name);
    if (found != r3.end()) {
      for (auto& evidence : found->second.rollouts) pref.rollouts.push_back(evidence);
      for (auto& note : found->second.notes) pref.notes.push_back(note);
    } else {
      pref.notes.push_back(
          "R3 に当たらない: 他県の市町村との exchange・visit・lecturer リンクが登録されていない。");
    }
    result.push_back(std::move(pref));
  }
  return result;
}

}  // namespace tenkai::analysis
