// The seed registry's classifications as the forum deck tells them.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/analysis/classification.h"
#include "core/registry/loader.h"
#include "tests/support.h"

using namespace tenkai;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;

namespace {

const char* const kSeed = "fixtures/ipw-2015/registry.yaml";

std::string pattern_of(const registry::Registry& reg, const analysis::Classification& c,
                       const std::string& id) {
  const auto* area = c.area(reg.region_index.at(id));
  return area ? analysis::to_string(area->pattern) : "(no entry)";
}

std::vector<std::string> rollouts_of(const analysis::Classification& c, const std::string& pref) {
  std::vector<std::string> out;
  if (const auto* entry = c.prefecture(pref)) {
    for (const auto& evidence : entry->rollouts)
      out.push_back(analysis::to_string(evidence.rollout));
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("seed: the deck's patterns and rollouts, each reason naming its evidence") {
  auto loaded = registry::load_registry(source_path(kSeed));
  REQUIRE(loaded.registry);
  const auto& reg = *loaded.registry;
  auto c = analysis::classify(reg);

  CHECK(pattern_of(reg, c, "kashiwa") == "P3");
  for (const char* id : {"tokyo", "hino", "shibuya", "musashimurayama"}) {
    CAPTURE(id);
    CHECK(pattern_of(reg, c, id) == "P2");
  }
  CHECK(has(rollouts_of(c, "沖縄県"), "R1"));
  CHECK(has(rollouts_of(c, "滋賀県"), "R2"));
  CHECK(has(rollouts_of(c, "滋賀県"), "R3"));
  CHECK(has(rollouts_of(c, "岩手県"), "R3"));

  // Reasons name the sessions, links and thresholds that decided them.
  const auto* kashiwa = c.area(reg.region_index.at("kashiwa"));
  CHECK(kashiwa->reason.find("2011年度 第1回") != std::string::npos);
  CHECK(kashiwa->reason.find("地域リーダーの養成") != std::string::npos);
  const auto* tokyo = c.area(reg.region_index.at("tokyo"));
  for (const char* name : {"日野市", "渋谷区", "武蔵村山市"}) {
    CHECK(tokyo->reason.find(name) != std::string::npos);
  }
  for (const auto& evidence : c.prefecture("滋賀県")->rollouts) {
    if (evidence.rollout != analysis::Rollout::R3) continue;
    CHECK(evidence.reason.find("高島市") != std::string::npos);
    CHECK(evidence.reason.find("釜石市") != std::string::npos);
    CHECK(evidence.reason.find("≤ 100,000") != std::string::npos);
  }
  const auto& okinawa = c.prefecture("沖縄県")->rollouts.front();
  CHECK(okinawa.rollout == analysis::Rollout::R1);
  CHECK(okinawa.reason.find("浦添市") != std::string::npos);
  CHECK_FALSE(okinawa.links.empty());
  for (const auto& s : c.sessions) CHECK_FALSE(s.reason.empty());
  for (const auto& a : c.areas) CHECK_FALSE(a.reason.empty());
}

TEST_CASE("seed: classify --format json read back by Python") {
  auto result = run_tenkai("classify --format json");  // the default registry is the seed
  REQUIRE(result.exit_code == 0);
  auto python = run("printf '%s' " + shell_quote(result.out) + " | python3 -c " + shell_quote(R"(
import json, sys
d = json.load(sys.stdin)
areas = {a['region']: a['pattern'] for a in d['areas']}
prefs = {p['prefecture']: p['rollouts'] for p in d['prefectures']}
print(areas['kashiwa'], areas['tokyo'], areas['hino'], areas['shibuya'], areas['musashimurayama'])
print('R1' in prefs['沖縄県'], prefs['滋賀県'], prefs['岩手県'])
print(all(len(p['reasons']) == len(p['rollouts']) for p in d['prefectures']))
print(all(p['rollouts'] == sorted(p['rollouts']) for p in d['prefectures']))
print([p['prefecture'] for p in d['prefectures']][0], [p['prefecture'] for p in d['prefectures']][-1])
print(all(set(s) >= {'region', 'fiscal_year', 'ordinal', 'function', 'inferred', 'reason'} for s in d['sessions']))
)"));
  REQUIRE(python.exit_code == 0);
  CHECK(python.out ==
        "P3 P2 P2 P2 P2\n"
        "True ['R2', 'R3'] ['R3']\n"
        "True\nTrue\n"
        "岩手県 沖縄県\n"
        "True\n");
}
