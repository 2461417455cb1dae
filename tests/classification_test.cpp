// The classifier's rules (DOMAIN.md) on small hand-made registries: every rule and threshold edge.
#include "core/analysis/classification.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "core/registry/prefectures.h"

using namespace tenkai;
using analysis::Pattern;
using analysis::Rollout;
using registry::Function;
using registry::Level;
using registry::LinkKind;
using registry::Registry;

namespace {

struct SessionSpec {
  std::string region;
  int year = 2011;
  std::optional<double> days;
  std::optional<double> hours;
  std::optional<Function> function;
  std::optional<int> ordinal;
  bool counted = true;
};

// Builds a registry in code, filling the derived indices the loader would fill.
struct Builder {
  Registry reg;

  Builder& region(const std::string& id, const std::string& prefecture, Level level,
                  std::optional<long long> population = std::nullopt) {
    registry::Region region;
    region.id = id;
    region.name = id;
    region.label = id;
    region.prefecture = prefecture;
    region.prefecture_code = registry::prefecture_code(prefecture);
    region.level = level;
    region.population = population;
    reg.region_index[id] = reg.regions.size();
    reg.regions.push_back(region);
    return *this;
  }
  Builder& session(const SessionSpec& spec) {
    registry::Session session;
    session.region = spec.region;
    session.region_index = reg.region_index.at(spec.region);
    session.fiscal_year = spec.year;
    session.days = spec.days;
    session.hours = spec.hours;
    session.function = spec.function;
    session.ordinal = spec.ordinal;
    session.counted = spec.counted;
    reg.sessions.push_back(session);
    return *this;
  }
  Builder& link(const std::string& from, const std::string& to, LinkKind kind,
                std::optional<int> year = std::nullopt) {
    registry::Link link;
    link.from = from;
    link.to = to;
    link.from_index = reg.region_index.at(from);
    link.to_index = reg.region_index.at(to);
    link.kind = kind;
    link.fiscal_year = year;
    reg.links.push_back(link);
    return *this;
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const analysis::SessionClass& only_session(const analysis::Classification& c) {
  REQUIRE(c.sessions.size() == 1);
  return c.sessions[0];
}

analysis::SessionClass classify_one(SessionSpec spec) {
  Builder b;
  b.region("a", "千葉県", Level::municipality);
  spec.region = "a";
  b.session(spec);
  return only_session(analysis::classify(b.reg));
}

Pattern pattern_of(const analysis::Classification& c, const Registry& reg, const std::string& id) {
  const auto* area = c.area(reg.region_index.at(id));
  REQUIRE(area != nullptr);
  return area->pattern;
}

std::vector<Rollout> rollouts_of(const analysis::Classification& c, const std::string& pref) {
  const auto* entry = c.prefecture(pref);
  if (!entry) return {};
  std::vector<Rollout> list;
  for (const auto& evidence : entry->rollouts) list.push_back(evidence.rollout);
  return list;
}

std::string notes_of(const analysis::Classification& c, const std::string& pref) {
  const auto* entry = c.prefecture(pref);
  REQUIRE(entry != nullptr);
  std::string all;
  for (const auto& note : entry->notes) all += note + "\n";
  return all;
}

}  // namespace

TEST_CASE("function inference: each rule and each threshold edge") {
  SUBCASE("hours without days -> connect") {
    auto s = classify_one({.hours = 2});
    CHECK(s.function == Function::connect);
    CHECK(s.inferred);
    CHECK(s.rule == analysis::FunctionRule::hours_only);
    CHECK(contains(s.reason, "2時間"));
  }
  SUBCASE("days 0.4 -> connect") {
    auto s = classify_one({.days = 0.4});
    CHECK(s.function == Function::connect);
    CHECK(contains(s.reason, "0.4 < 0.5"));
  }
  SUBCASE("days 0.4 with hours -> connect by the days") {
    auto s = classify_one({.days = 0.4, .hours = 3});
    CHECK(s.function == Function::connect);
    CHECK(s.rule == analysis::FunctionRule::short_days);
  }
  SUBCASE("days exactly 0.5 -> intro") {
    auto s = classify_one({.days = 0.5});
    CHECK(s.function == Function::intro);
    CHECK(s.rule == analysis::FunctionRule::standard_days);
    CHECK(contains(s.reason, "0.5 が 0.5 以上 2 以下"));
  }
  SUBCASE("days exactly 2 -> intro") {
    auto s = classify_one({.days = 2.0});
    CHECK(s.function == Function::intro);
    CHECK(contains(s.reason, "2.0 が"));
  }
  SUBCASE("days 2.0001 -> leader") {
    auto s = classify_one({.days = 2.0001});
    CHECK(s.function == Function::leader);
    CHECK(s.rule == analysis::FunctionRule::long_days);
    CHECK(contains(s.reason, "2.0001 > 2"));
  }
  SUBCASE("days 4.0 -> leader, the reason quotes the threshold") {
    auto s = classify_one({.days = 4.0, .ordinal = 1});
    CHECK(s.function == Function::leader);
    CHECK(contains(s.reason, "日数 4.0 > 2"));
    CHECK(contains(s.reason, "第1回"));
    CHECK(contains(s.reason, "2011年度"));
  }
  SUBCASE("days win over hours when both are given") {
    auto s = classify_one({.days = 1.0, .hours = 2});
    CHECK(s.function == Function::intro);
  }
  SUBCASE("no length -> intro, and the reason says the length was missing") {
    auto s = classify_one({});
    CHECK(s.function == Function::intro);
    CHECK(s.inferred);
    CHECK(s.rule == analysis::FunctionRule::missing_length);
    CHECK(contains(s.reason, "記録がない"));
  }
  SUBCASE("explicit function is not inferred, even against the length") {
    auto s = classify_one({.days = 1.0, .function = Function::leader});
    CHECK(s.function == Function::leader);
    CHECK_FALSE(s.inferred);
    CHECK(s.rule == analysis::FunctionRule::explicit_value);
    CHECK(contains(s.reason, "明示"));
  }
}

TEST_CASE("sessions: every one, counted or not, in registry order") {
  Builder b;
  b.region("a", "千葉県", Level::municipality).region("b", "千葉県", Level::municipality);
  b.session({.region = "b", .year = 2012, .days = 1.5});
  b.session({.region = "a", .year = 2011, .hours = 2, .counted = false});
  b.session({.region = "a", .year = 2011, .hours = 2, .counted = false});
  auto c = analysis::classify(b.reg);
  REQUIRE(c.sessions.size() == 3);
  CHECK(c.sessions[0].session_index == 0);
  CHECK(c.sessions[2].session_index == 2);
  // Without ordinals the reason tells the sessions of one year apart.
  CHECK(contains(c.sessions[1].reason, "1件目"));
  CHECK(contains(c.sessions[2].reason, "2件目"));
  CHECK(contains(c.sessions[2].reason, "集計外"));
}

TEST_CASE("P2: a wide leader training and the regions its alumni serve") {
  Builder b;
  b.region("tokyo", "東京都", Level::prefecture)
      .region("hino", "東京都", Level::municipality)
      .region("shibuya", "東京都", Level::municipality)
      .region("kitatama", "東京都", Level::wide_area);
  b.session({.region = "tokyo", .year = 2014, .days = 3.0, .ordinal = 1});
  b.session({.region = "hino", .year = 2014, .days = 1.5});
  b.session({.region = "hino", .year = 2015, .hours = 2});
  b.session({.region = "shibuya", .year = 2015, .days = 1.5});
  b.session({.region = "kitatama", .year = 2014, .function = Function::leader});
  b.link("tokyo", "hino", LinkKind::leader_alumni, 2014);
  b.link("tokyo", "shibuya", LinkKind::leader_alumni);
  auto c = analysis::classify(b.reg);
  CHECK(pattern_of(c, b.reg, "tokyo") == Pattern::P2);
  CHECK(pattern_of(c, b.reg, "hino") == Pattern::P2);  // two functions, but P2 comes first
  CHECK(pattern_of(c, b.reg, "shibuya") == Pattern::P2);
  // A wide-area region with a leader session but no alumni link is none, and says why.
  CHECK(pattern_of(c, b.reg, "kitatama") == Pattern::none);
  CHECK(contains(c.area(3)->reason, "リーダー研修受講者による開催のつながりが登録されていない"));
  const auto* hub = c.area(0);
  CHECK(contains(hub->reason, "hino"));
  CHECK(contains(hub->reason, "shibuya"));
  CHECK(contains(hub->reason, "2014年度 第1回"));
  CHECK(hub->regions == std::vector<size_t>{0, 1, 2});
  CHECK(hub->links == std::vector<size_t>{0, 1});
  const auto* hino = c.area(1);
  CHECK(contains(hino->reason, "tokyo"));
  CHECK(hino->regions.front() == 0);
}

TEST_CASE("P2 needs the hub's leader session, a wide level and an active alumni region") {
  SUBCASE("no leader session: hub none, the alumni region falls back to P1/P3") {
    Builder b;
    b.region("pref", "滋賀県", Level::prefecture).region("town", "滋賀県", Level::municipality);
    b.session({.region = "pref", .year = 2013, .days = 1.0});
    b.session({.region = "town", .year = 2014, .days = 1.0});
    b.link("pref", "town", LinkKind::leader_alumni);
    auto c = analysis::classify(b.reg);
    CHECK(pattern_of(c, b.reg, "pref") == Pattern::none);
    CHECK(contains(c.area(0)->reason, "リーダー研修（地域リーダーの養成）の回がない"));
    CHECK(pattern_of(c, b.reg, "town") == Pattern::P1);
    CHECK(contains(c.area(1)->reason, "pref からのリーダー研修受講者による開催のつながり"));
  }
  SUBCASE("leader_alumni to a region without sessions: hub none, target not listed") {
    Builder b;
    b.region("pref", "滋賀県", Level::prefecture).region("town", "滋賀県", Level::municipality);
    b.session({.region = "pref", .year = 2013, .days = 3.0});
    b.link("pref", "town", LinkKind::leader_alumni);
    auto c = analysis::classify(b.reg);
    CHECK(pattern_of(c, b.reg, "pref") == Pattern::none);
    CHECK(contains(c.area(0)->reason, "開催記録がない"));
    CHECK(c.areas.size() == 1);
    CHECK(c.area(1) == nullptr);
  }
  SUBCASE("a municipality with a leader session is no hub") {
    Builder b;
    b.region("city", "千葉県", Level::municipality).region("town", "千葉県", Level::municipality);
    b.session({.region = "city", .year = 2011, .days = 4.0});
    b.session({.region = "town", .year = 2012, .days = 1.5});
    b.link("city", "town", LinkKind::leader_alumni);
    auto c = analysis::classify(b.reg);
    CHECK(pattern_of(c, b.reg, "city") == Pattern::P1);
    CHECK(pattern_of(c, b.reg, "town") == Pattern::P1);
  }
  SUBCASE("a wide_area hub counts like a prefecture") {
    Builder b;
    b.region("area", "福井県", Level::wide_area).region("town", "福井県", Level::ward);
    b.session({.region = "area", .year = 2013, .function = Function::leader});
    b.session({.region = "town", .year = 2014});
    b.link("area", "town", LinkKind::leader_alumni);
    auto c = analysis::classify(b.reg);
    CHECK(pattern_of(c, b.reg, "area") == Pattern::P2);
    CHECK(pattern_of(c, b.reg, "town") == Pattern::P2);
  }
  SUBCASE("other link kinds do not make P2") {
    Builder b;
    b.region("pref", "東京都", Level::prefecture).region("town", "東京都", Level::municipality);
    b.session({.region = "pref", .year = 2013, .days = 3.0});
    b.session({.region = "town", .year = 2014, .days = 1.0});
    b.link("pref", "town", LinkKind::know_how);
    auto c = analysis::classify(b.reg);
    CHECK(pattern_of(c, b.reg, "pref") == Pattern::none);
    CHECK(pattern_of(c, b.reg, "town") == Pattern::P1);
  }
}

TEST_CASE("P3 and P1 by distinct functions, uncounted meetings included; wards alike") {
  Builder b;
  b.region("kashiwa", "千葉県", Level::municipality)
      .region("matsudo", "千葉県", Level::municipality)
      .region("ward", "大阪府", Level::ward)
      .region("lonely", "千葉県", Level::municipality);
  b.session({.region = "kashiwa", .year = 2011, .days = 4.0, .ordinal = 1});
  b.session({.region = "kashiwa", .year = 2012, .days = 1.5, .ordinal = 2});
  b.session({.region = "matsudo", .year = 2013, .days = 1.5});
  b.session({.region = "ward", .year = 2013, .days = 1.5});
  b.session({.region = "ward", .year = 2014, .hours = 2, .counted = false});
  auto c = analysis::classify(b.reg);
  CHECK(pattern_of(c, b.reg, "kashiwa") == Pattern::P3);
  CHECK(contains(c.area(0)->reason, "leader: 2011年度 第1回"));
  CHECK(contains(c.area(0)->reason, "2種類"));
  CHECK(pattern_of(c, b.reg, "matsudo") == Pattern::P1);
  CHECK(pattern_of(c, b.reg, "ward") == Pattern::P3);  // the uncounted meeting adds connect
  CHECK(c.area(3) == nullptr);                         // no sessions, no entry
  REQUIRE(c.areas.size() == 3);
  CHECK(c.areas[0].region_index == 0);
  CHECK(c.areas[2].region_index == 2);
  CHECK(c.area(2)->functions == std::vector<Function>{Function::intro, Function::connect});
}

TEST_CASE("thin data is named in the reasons") {
  Builder b;
  b.region("city", "千葉県", Level::municipality).region("pref", "千葉県", Level::prefecture);
  b.session({.region = "city", .year = 2012});
  b.session({.region = "city", .year = 2013});
  b.session({.region = "pref", .year = 2013});
  auto c = analysis::classify(b.reg);
  CHECK(pattern_of(c, b.reg, "city") == Pattern::P1);
  CHECK(contains(c.area(0)->reason, "長さ（日数・時間）の記録がなく"));
  CHECK(contains(c.area(1)->reason, "リーダー研修受講者による開催のつながりが登録されていない"));
  CHECK(contains(notes_of(c, "千葉県"), "つながりが登録されていない"));
  CHECK(contains(notes_of(c, "千葉県"), "R3 に当たらない"));
}

TEST_CASE("R1: a municipality first, then know-how spreading in the prefecture") {
  auto build = [](int city_first, int pref_first, int target_first, LinkKind kind,
                  const std::string& target_pref = "沖縄県") {
    Builder b;
    b.region("urasoe", "沖縄県", Level::municipality)
        .region("okinawa", "沖縄県", Level::prefecture)
        .region("naha", target_pref, Level::municipality);
    b.session({.region = "urasoe", .year = city_first, .days = 1.5});
    b.session({.region = "urasoe", .year = city_first + 2, .days = 1.5});
    b.session({.region = "okinawa", .year = pref_first, .days = 1.5});
    b.session({.region = "naha", .year = target_first, .days = 1.5});
    b.link("urasoe", "naha", kind);
    return b.reg;
  };
  SUBCASE("holds: before the prefecture, link to a later region") {
    auto reg = build(2012, 2014, 2013, LinkKind::know_how);
    auto c = analysis::classify(reg);
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R1, Rollout::R2});
    const auto& r1 = c.prefecture("沖縄県")->rollouts[0];
    CHECK(contains(r1.reason, "urasoe"));
    CHECK(contains(r1.reason, "naha"));
    CHECK(contains(r1.reason, "初回 2013年度 > 2012年度"));
    CHECK(r1.regions == std::vector<size_t>{0, 2});
    CHECK(r1.links == std::vector<size_t>{0});
  }
  SUBCASE("spread links count too") {
    auto c = analysis::classify(build(2012, 2014, 2013, LinkKind::spread));
    CHECK(rollouts_of(c, "沖縄県").front() == Rollout::R1);
  }
  SUBCASE("same fiscal year as the prefecture's first is not before it") {
    auto c = analysis::classify(build(2014, 2014, 2015, LinkKind::know_how));
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R2});
    CHECK(contains(notes_of(c, "沖縄県"), "より前に開催していない"));
  }
  SUBCASE("the target must start later than the municipality, not the same year") {
    auto c = analysis::classify(build(2012, 2014, 2012, LinkKind::know_how));
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R2});
    CHECK(contains(notes_of(c, "沖縄県"), "後ではない"));
  }
  SUBCASE("a link to another prefecture does not count") {
    auto c = analysis::classify(build(2012, 2014, 2013, LinkKind::know_how, "鹿児島県"));
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R2});
    CHECK(rollouts_of(c, "鹿児島県").empty());
    CHECK(contains(notes_of(c, "沖縄県"), "他県"));
  }
  SUBCASE("exchange links do not count for R1") {
    auto c = analysis::classify(build(2012, 2014, 2013, LinkKind::exchange));
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R2});
  }
  SUBCASE("the link may point at the prefecture-level region itself") {
    Builder b;
    b.region("urasoe", "沖縄県", Level::municipality)
        .region("okinawa", "沖縄県", Level::prefecture);
    b.session({.region = "urasoe", .year = 2012, .days = 1.5});
    b.session({.region = "okinawa", .year = 2015, .counted = false});
    b.link("urasoe", "okinawa", LinkKind::know_how, 2014);
    // The period is declared: by default it would end with the last counted session (2012),
    // leaving the 2014 link and the 2015 meeting out of every classification.
    b.reg.years = std::make_pair(2012, 2015);
    auto c = analysis::classify(b.reg);
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R1});
    // okinawa has no other region after its first year: R2 does not hold, and the note says so.
    CHECK(contains(notes_of(c, "沖縄県"), "R2 に当たらない"));
  }
  SUBCASE("without a prefecture-level region the condition on it holds vacuously") {
    Builder b;
    b.region("a", "沖縄県", Level::municipality).region("b", "沖縄県", Level::ward);
    b.session({.region = "a", .year = 2011});
    b.session({.region = "b", .year = 2012});
    b.link("a", "b", LinkKind::spread);
    auto c = analysis::classify(b.reg);
    CHECK(rollouts_of(c, "沖縄県") == std::vector<Rollout>{Rollout::R1});
  }
  SUBCASE("no links at all: the note says the link data is missing") {
    Builder b;
    b.region("a", "沖縄県", Level::municipality);
    b.session({.region = "a", .year = 2011});
    auto c = analysis::classify(b.reg);
    CHECK(rollouts_of(c, "沖縄県").empty());
    CHECK(contains(notes_of(c, "沖縄県"), "つながりが登録されていない"));
  }
}

TEST_CASE("R2: a prefecture-level region and another region in the same or a later year") {
  auto build = [](int other_year, Level hub_level = Level::prefecture) {
    Builder b;
    b.region("shiga", "滋賀県", hub_level).region("otsu", "滋賀県", Level::municipality, 340000);
    b.session({.region = "shiga", .year = 2013, .days = 3.0});
    b.session({.region = "otsu", .year = other_year, .days = 0.5});
    return b.reg;
  };
  SUBCASE("same fiscal year holds") {
    auto c = analysis::classify(build(2013));
    REQUIRE(rollouts_of(c, "滋賀県") == std::vector<Rollout>{Rollout::R2});
    const auto& r2 = c.prefecture("滋賀県")->rollouts[0];
    CHECK(contains(r2.reason, "otsu"));
    CHECK(contains(r2.reason, "340,000"));
    CHECK(r2.regions == std::vector<size_t>{0, 1});
  }
  SUBCASE("a later year holds") {
    CHECK(rollouts_of(analysis::classify(build(2015)), "滋賀県").size() == 1);
  }
  SUBCASE("only earlier sessions elsewhere: no R2") {
    auto c = analysis::classify(build(2012));
    CHECK(rollouts_of(c, "滋賀県").empty());
    CHECK(contains(notes_of(c, "滋賀県"), "同年度以降に開催した県内の他の地域がない"));
  }
  SUBCASE("a wide_area region is not prefecture-level") {
    CHECK(rollouts_of(analysis::classify(build(2014, Level::wide_area)), "滋賀県").empty());
  }
}

TEST_CASE("R3: small municipalities of different prefectures, both populations known") {
  auto build = [](std::optional<long long> a_pop, std::optional<long long> b_pop,
                  const std::string& b_pref, LinkKind kind, Level b_level = Level::municipality) {
    Builder b;
    b.region("kamaishi", "岩手県", Level::municipality, a_pop)
        .region("takashima", b_pref, b_level, b_pop);
    b.session({.region = "takashima", .year = 2013, .days = 1.0});
    b.link("kamaishi", "takashima", kind, 2013);
    return b.reg;
  };
  SUBCASE("holds for both prefectures, including one with links only") {
    auto c = analysis::classify(build(30000, 50000, "滋賀県", LinkKind::exchange));
    CHECK(rollouts_of(c, "岩手県") == std::vector<Rollout>{Rollout::R3});
    CHECK(rollouts_of(c, "滋賀県") == std::vector<Rollout>{Rollout::R3});
    const auto& r3 = c.prefecture("岩手県")->rollouts[0];
    CHECK(contains(r3.reason, "30,000 ≤ 100,000"));
    CHECK(contains(r3.reason, "50,000 ≤ 100,000"));
    CHECK(r3.regions == std::vector<size_t>{0, 1});
    CHECK(c.prefecture("滋賀県")->rollouts[0].regions == std::vector<size_t>{1, 0});
  }
  SUBCASE("population exactly 100000 holds") {
    auto c = analysis::classify(build(100000, 100000, "滋賀県", LinkKind::visit));
    CHECK(rollouts_of(c, "岩手県") == std::vector<Rollout>{Rollout::R3});
  }
  SUBCASE("population 100001 does not") {
    auto c = analysis::classify(build(30000, 100001, "滋賀県", LinkKind::lecturer));
    CHECK(rollouts_of(c, "岩手県").empty());
    CHECK(contains(notes_of(c, "岩手県"), "100,001 > 100,000"));
  }
  SUBCASE("unknown population does not, and the note says it is unknown") {
    auto c = analysis::classify(build(std::nullopt, 50000, "滋賀県", LinkKind::exchange));
    CHECK(rollouts_of(c, "滋賀県").empty());
    CHECK(contains(notes_of(c, "滋賀県"), "人口が不明"));
  }
  SUBCASE("same prefecture does not") {
    auto c = analysis::classify(build(30000, 50000, "岩手県", LinkKind::exchange));
    CHECK(rollouts_of(c, "岩手県").empty());
  }
  SUBCASE("know_how links do not") {
    auto c = analysis::classify(build(30000, 50000, "滋賀県", LinkKind::know_how));
    CHECK(rollouts_of(c, "岩手県").empty());
  }
  SUBCASE("a ward is not a municipality") {
    auto c = analysis::classify(build(30000, 50000, "滋賀県", LinkKind::exchange, Level::ward));
    CHECK(rollouts_of(c, "岩手県").empty());
  }
}

TEST_CASE("prefectures: those with sessions or links, by official code; rollouts sorted") {
  Builder b;
  b.region("naha", "沖縄県", Level::municipality, 30000)
      .region("sapporo", "北海道", Level::municipality)
      .region("idle", "青森県", Level::municipality)
      .region("shiga", "滋賀県", Level::prefecture)
      .region("takashima", "滋賀県", Level::municipality, 50000)
      .region("oita", "大分県", Level::municipality);
  b.session({.region = "naha", .year = 2012});
  b.session({.region = "shiga", .year = 2013});
  b.session({.region = "takashima", .year = 2013});
  b.link("takashima", "naha", LinkKind::lecturer);
  b.link("sapporo", "oita", LinkKind::spread);
  auto c = analysis::classify(b.reg);
  std::vector<std::string> names;
  for (const auto& p : c.prefectures) names.push_back(p.prefecture);
  CHECK(names == std::vector<std::string>{"北海道", "滋賀県", "大分県", "沖縄県"});
  CHECK(rollouts_of(c, "滋賀県") == std::vector<Rollout>{Rollout::R2, Rollout::R3});
  for (const auto& p : c.prefectures) {
    for (size_t i = 1; i < p.rollouts.size(); ++i)
      CHECK(p.rollouts[i - 1].rollout < p.rollouts[i].rollout);
    for (const auto& r : p.rollouts) CHECK_FALSE(r.reason.empty());
  }
}

TEST_CASE("classify JSON: documented keys and shapes; text groups by prefecture") {
  Builder b;
  b.region("kashiwa", "千葉県", Level::municipality).region("tokyo", "東京都", Level::prefecture);
  b.session({.region = "kashiwa", .year = 2011, .days = 4.0, .ordinal = 1});
  b.session({.region = "kashiwa", .year = 2012, .hours = 2, .counted = false});
  b.session({.region = "tokyo", .year = 2014, .function = Function::leader});
  auto c = analysis::classify(b.reg);
  auto doc = nlohmann::json::parse(app::classification_as_json(b.reg, c));
  REQUIRE(doc["sessions"].size() == 3);
  const auto& s0 = doc["sessions"][0];
  CHECK(s0["region"] == "kashiwa");
  CHECK(s0["fiscal_year"] == 2011);
  CHECK(s0["ordinal"] == 1);
  CHECK(s0["function"] == "leader");
  CHECK(s0["inferred"] == true);
  CHECK(s0["reason"].is_string());
  CHECK(doc["sessions"][1]["ordinal"].is_null());
  CHECK(doc["sessions"][2]["inferred"] == false);
  REQUIRE(doc["areas"].size() == 2);
  CHECK(doc["areas"][0]["region"] == "kashiwa");
  CHECK(doc["areas"][0]["pattern"] == "P3");
  CHECK(doc["areas"][1]["pattern"] == "none");
  REQUIRE(doc["prefectures"].size() == 2);
  CHECK(doc["prefectures"][0]["prefecture"] == "千葉県");
  CHECK(doc["prefectures"][1]["rollouts"].is_array());
  CHECK(doc["prefectures"][1]["reasons"].size() == doc["prefectures"][1]["rollouts"].size());
  // Key order as documented.
  std::vector<std::string> keys;
  for (auto it = doc.begin(); it != doc.end(); ++it) keys.push_back(it.key());
  auto ordered = nlohmann::ordered_json::parse(app::classification_as_json(b.reg, c));
  std::vector<std::string> top;
  for (auto it = ordered.begin(); it != ordered.end(); ++it) top.push_back(it.key());
  CHECK(top == std::vector<std::string>{"sessions", "areas", "prefectures"});

  auto text = app::classification_as_text(b.reg, c);
  auto chiba = text.find("■ 千葉県");
  auto tokyo = text.find("■ 東京都");
  REQUIRE(chiba != std::string::npos);
  REQUIRE(tokyo != std::string::npos);
  CHECK(chiba < tokyo);
  CHECK(text.find("kashiwa — P3") > chiba);
  CHECK(text.find("kashiwa — P3") < tokyo);
}
