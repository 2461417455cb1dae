// `tenkai classify`: the classification as a report grouped by prefecture, or CONTRACT.md's JSON.
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

#include "app/commands.h"
#include "core/analysis/period.h"
#include "core/analysis/reason_text.h"
#include "core/registry/fiscal_year.h"

namespace tenkai::app {
namespace {

using analysis::Classification;
using nlohmann::ordered_json;
using registry::Function;
using registry::Registry;

const char* pattern_title(analysis::Pattern pattern) {
  switch (pattern) {
    case analysis::Pattern::P1:
      return "市町村単位の開催";
    case analysis::Pattern::P2:
      return "広域でリーダー研修＋市町村単位の開催";
    case analysis::Pattern::P3:
      return "市町村単位の開催＋時系列で研修会の機能が変化";
    case analysis::Pattern::none:
      return "該当なし";
  }
  return "";
}

const char* rollout_title(analysis::Rollout rollout) {
  switch (rollout) {
    case analysis::Rollout::R1:
      return "市町村での開催→全県での開催";
    case analysis::Rollout::R2:
      return "都道府県単位の開催＋市町村単位の開催";
    case analysis::Rollout::R3:
      return "都道府県を越えた小規模市町村どうしの伝播";
  }
  return "";
}

// Whether each region is an end of some link, in one pass over the links.
std::vector<bool> linked_regions(const Registry& reg) {
  std::vector<bool> linked(reg.regions.size());
  for (const auto& link : reg.links) {
    for (size_t r : {link.from_index, link.to_index}) {
      if (r < linked.size()) linked[r] = true;
    }
  }
  return linked;
}

}  // namespace

int run_classify(const Options& options) {
  auto reg = load_or_report(options);
  if (!reg) return kExitInvalidInput;
  // The matrix's warnings name the sessions outside the reporting period and how to include
  // them; classify leaves them out of patterns and rollouts alike.
  Diagnostics warnings;
  analysis::compute_spread(*reg, warnings);
  report(warnings);
  auto classification = analysis::classify(*reg);
  if (options.format == "json") {
    std::cout << classification_as_json(*reg, classification);
  } else {
    std::cout << classification_as_text(*reg, classification);
  }
  return kExitOk;
}

std::string classification_as_json(const Registry& reg, const Classification& classification) {
  ordered_json doc;
  ordered_json sessions = ordered_json::array();
  const auto period = analysis::reporting_period(reg);
  for (const auto& entry : classification.sessions) {
    const auto& session = reg.sessions.at(entry.session_index);
    ordered_json item;
    // Outside the reporting period: listed, but deciding no pattern or rollout.
    const bool inside = analysis::in_period(period, session.fiscal_year);
    item["region"] = session.region;
    item["fiscal_year"] = session.fiscal_year;
    item["ordinal"] = session.ordinal ? ordered_json(*session.ordinal) : ordered_json(nullptr);
    item["function"] = registry::to_string(entry.function);
    item["inferred"] = entry.inferred;
    item["reason"] = entry.reason;
    item["rule"] = analysis::to_string(entry.rule);
    item["counted"] = session.counted;
    item["in_period"] = inside;
    sessions.push_back(std::move(item));
  }
  ordered_json areas = ordered_json::array();
  for (const auto& entry : classification.areas) {
    const auto& region = reg.regions.at(entry.region_index);
    ordered_json item;
    item["region"] = region.id;
    item["pattern"] = analysis::to_string(entry.pattern);
    item["reason"] = entry.reason;
    item["label"] = analysis::region_label(region);
    item["level"] = registry::to_string(region.level);
    ordered_json functions = ordered_json::array();
    for (Function f : entry.functions) functions.push_back(registry::to_string(f));
    item["functions"] = functions;
    areas.push_back(std::move(item));
  }
  ordered_json prefectures = ordered_json::array();
  for (const auto& entry : classification.prefectures) {
    ordered_json rollouts = ordered_json::array();
    ordered_json reasons = ordered_json::array();
    for (const auto& evidence : entry.rollouts) {
      rollouts.push_back(analysis::to_string(evidence.rollout));
      reasons.push_back(evidence.reason);
    }
    ordered_json item;
    item["prefecture"] = entry.prefecture;
    item["rollouts"] = rollouts;
    item["reasons"] = reasons;
    item["code"] = entry.prefecture_code;
    item["notes"] = entry.notes;
    prefectures.push_back(std::move(item));
  }
  doc["sessions"] = sessions;
  doc["areas"] = areas;
  doc["prefectures"] = prefectures;
  return doc.dump(2) + "\n";
}

std::string classification_as_text(const Registry& reg, const Classification& classification) {
  std::string out = (reg.title.empty() ? std::string("研修会") : reg.title) +
                    " — 機能・開催パターン・展開手順の分類\n";
  // Totals first, so the reader sees the shape of the data before the detail.
  int by_function[3] = {0, 0, 0}, inferred = 0, no_length = 0;
  for (const auto& entry : classification.sessions) {
    ++by_function[static_cast<int>(entry.function)];
    inferred += entry.inferred;
    no_length += entry.rule == analysis::FunctionRule::missing_length;
  }
  out += "研修会 " + std::to_string(classification.sessions.size()) + "回: leader " +
         std::to_string(by_function[0]) + "、intro " + std::to_string(by_function[1]) +
         "、connect " + std::to_string(by_function[2]) + "（うち推定 " + std::to_string(inferred) +
         "回、長さ不明 " + std::to_string(no_length) + "回）\n";
  int by_pattern[4] = {0, 0, 0, 0};
  for (const auto& entry : classification.areas) ++by_pattern[static_cast<int>(entry.pattern)];
  out += "開催地域 " + std::to_string(classification.areas.size()) + ": P1 " +
         std::to_string(by_pattern[0]) + "、P2 " + std::to_string(by_pattern[1]) + "、P3 " +
         std::to_string(by_pattern[2]) + "、none " + std::to_string(by_pattern[3]) + "\n";
  if (!reg.caveat.empty()) out += "※" + reg.caveat + "\n";
  std::vector<bool> linked = linked_regions(reg);
  std::map<std::string, std::vector<size_t>> regions_of;  // by prefecture, registry order
  for (size_t r = 0; r < reg.regions.size(); ++r)
    regions_of[reg.regions[r].prefecture].push_back(r);
  analysis::SessionNames names(reg);

  for (const auto& pref : classification.prefectures) {
    std::string rollouts;
    for (const auto& evidence : pref.rollouts) {
      rollouts += std::string(rollouts.empty() ? "" : "・") + analysis::to_string(evidence.rollout);
    }
    out +=
        "\n■ " + pref.prefecture + "  展開手順: " + (rollouts.empty() ? "なし" : rollouts) + "\n";
    for (const auto& evidence : pref.rollouts) {
      out += "  " + std::string(analysis::to_string(evidence.rollout)) + "（" +
             rollout_title(evidence.rollout) + "）: " + evidence.reason + "\n";
    }
    for (const auto& note : pref.notes) out += "  （" + note + "）\n";
    for (size_t r : regions_of[pref.prefecture]) {
      const auto& region = reg.regions[r];
      const auto* area = classification.area(r);
      if (!area) {
        if (linked[r]) {
          out += "  ◇ " + analysis::region_label(region) + " — 開催記録なし（リンクのみ）\n";
        }
        continue;
      }
      out += "  ◇ " + analysis::region_label(region) + " — " + analysis::to_string(area->pattern) +
             "（" + pattern_title(area->pattern) + "）\n";
      out += "      " + area->reason + "\n";
      for (size_t s : area->sessions) {
        const auto* session = classification.session(s);
        if (!session) continue;
        out += "      - " + names.in_region(s) + ": " + registry::to_string(session->function) +
               (session->inferred ? "（推定）" : "（明示）") + "\n";
      }
    }
  }
  return out;
}

}  // namespace tenkai::app
