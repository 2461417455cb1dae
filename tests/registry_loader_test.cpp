// The registry loader: every key of CONTRACT.md §1 and every validation rule, with exact positions.
#include "core/registry/loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/registry/validation.h"
#include "core/registry/yaml_document.h"
#include "tests/support.h"

using namespace tenkai;
using registry::parse_registry;

namespace {

std::vector<std::string> diagnostics_of(const std::string& text) {
  auto result = parse_registry(text, "f.yaml");
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics.items()) lines.push_back(format_diagnostic(d));
  // The registry comes back exactly when there is nothing to complain about.
  CHECK(result.registry.has_value() == !result.diagnostics.has_errors());
  return lines;
}

// The single diagnostic of `text` (fails the test when there are more or none).
std::string only_error(const std::string& text) {
  auto lines = diagnostics_of(text);
  REQUIRE_MESSAGE(lines.size() == 1, doctest::toString(lines.size()) << " diagnostics");
  return lines.front();
}

// A valid registry; tests append regions, sessions and links below its fixed first lines.
const std::string kHead = R"(tenkai: 1
registry:
  title: T
regions:
  - id: kashiwa
    name: 柏市
    prefecture: 千葉県
    level: municipality
  - id: matsudo
    name: 松戸市
    prefecture: 千葉県
    level: municipality
)";  // 12 lines: the next line is line 13

}  // namespace

TEST_CASE("a complete registry loads with every key") {
  const std::string text = R"(tenkai: 1
registry:
  title: 在宅医療推進のための地域における多職種連携研修会
  as_of: 2015-10-16
  caveat: 事務局把握分のみ
  years: [H23, 2015]
regions:
  - id: chiba
    name: 千葉県
    prefecture: 千葉県
    level: prefecture
  - id: kashiwa
    name: 柏市
    prefecture: 千葉県
    level: municipality
    label: 柏
    population: 404000
    code: "122173"
    within: chiba
    organizers: [市, 地区医師会]
    note: ※第1～2回は東大
  - id: higashiyodogawa
    name: 大阪市東淀川区
    prefecture: 大阪府
    level: ward
    code: 271144
sessions:
  - region: kashiwa
    fiscal_year: 2011
    ordinal: 1
    function: leader
    scope: community
    days: 4.0
    hours: 2
    field_hours: 32
    organizers: [東京大学]
    note: ※大森地区
    counted: false
  - region: chiba
    fiscal_year: 令和元年度
  - region: higashiyodogawa
    fiscal_year: 平成27年度
links:
  - from: kashiwa
    to: higashiyodogawa
    kind: leader_alumni
    fiscal_year: R2
    note: リーダー研修受講者が開催
)";
  auto result = parse_registry(text, "f.yaml");
  REQUIRE(result.diagnostics.items().empty());
  REQUIRE(result.registry);
  const auto& reg = *result.registry;
  CHECK(reg.path == "f.yaml");
  CHECK(reg.title == "在宅医療推進のための地域における多職種連携研修会");
  CHECK(reg.as_of == "2015-10-16");
  CHECK(reg.caveat == "事務局把握分のみ");
  REQUIRE(reg.years);
  CHECK(reg.years->first == 2011);
  CHECK(reg.years->second == 2015);

  REQUIRE(reg.regions.size() == 3);
  const auto& chiba = reg.regions[0];
  CHECK(chiba.label == "千葉県（広域）");
  CHECK_FALSE(chiba.label_explicit);
  CHECK(chiba.level == registry::Level::prefecture);
  const auto& kashiwa = reg.regions[1];
  CHECK(kashiwa.id == "kashiwa");
  CHECK(kashiwa.name == "柏市");
  CHECK(kashiwa.prefecture == "千葉県");
  CHECK(kashiwa.prefecture_code == 12);
  CHECK(kashiwa.label == "柏");
  CHECK(kashiwa.label_explicit);
  CHECK(kashiwa.population == 404000);
  CHECK(kashiwa.code == "122173");
  CHECK(kashiwa.within == "chiba");
  CHECK(kashiwa.within_index == size_t{0});
  CHECK(kashiwa.organizers == std::vector<std::string>{"市", "地区医師会"});
  CHECK(kashiwa.note == "※第1～2回は東大");
  CHECK(kashiwa.pos.line == 12);
  CHECK(kashiwa.pos.col == 5);
  const auto& ward = reg.regions[2];
  CHECK(ward.label == "大阪府大阪市東淀川区");
  CHECK(ward.prefecture_code == 27);
  CHECK(ward.code == "271144");
  CHECK_FALSE(ward.within_index);
  CHECK(reg.region_index.at("higashiyodogawa") == 2);
  CHECK(reg.find_region("kashiwa") == &reg.regions[1]);
  CHECK(reg.find_region("nowhere") == nullptr);

  REQUIRE(reg.sessions.size() == 3);
  const auto& first = reg.sessions[0];
  CHECK(first.region_index == 1);
  CHECK(first.fiscal_year == 2011);
  CHECK(first.ordinal == 1);
  CHECK(first.function == registry::Function::leader);
  CHECK(first.scope == registry::Scope::community);
  CHECK(first.scope_explicit);
  CHECK(first.days == 4.0);
  CHECK(first.hours == 2.0);
  CHECK(first.field_hours == 32.0);
  REQUIRE(first.organizers);
  CHECK(*first.organizers == std::vector<std::string>{"東京大学"});
  CHECK(first.note == "※大森地区");
  CHECK_FALSE(first.counted);
  CHECK(first.pos.line == 28);
  // Defaults: counted, no function, scope from the region's level (a ward holds municipal ones).
  const auto& second = reg.sessions[1];
  CHECK(second.fiscal_year == 2019);
  CHECK(second.counted);
  CHECK_FALSE(second.function);
  CHECK_FALSE(second.ordinal);
  CHECK_FALSE(second.days);
  CHECK_FALSE(second.organizers);
  CHECK(second.scope == registry::Scope::prefecture);
  CHECK_FALSE(second.scope_explicit);
  CHECK(reg.sessions[2].fiscal_year == 2015);
  CHECK(reg.sessions[2].scope == registry::Scope::municipality);

  REQUIRE(reg.links.size() == 1);
  const auto& link = reg.links[0];
  CHECK(link.from_index == 1);
  CHECK(link.to_index == 2);
  CHECK(link.kind == registry::LinkKind::leader_alumni);
  CHECK(link.fiscal_year == 2020);
  CHECK(link.note == "リーダー研修受講者が開催");
}

TEST_CASE("regions, sessions and links may be absent or empty") {
  auto result = parse_registry("tenkai: 1\nregistry: {title: T}\nregions: []\nsessions:\n", "f");
  CHECK(result.diagnostics.items().empty());
  REQUIRE(result.registry);
  CHECK(result.registry->regions.empty());
  CHECK(result.registry->sessions.empty());
  CHECK(result.registry->links.empty());
  CHECK_FALSE(result.registry->years);
}

TEST_CASE("missing required keys are reported where the key belongs") {
  CHECK(only_error("registry:\n  title: T\n") ==
        "f.yaml:1:1: error: missing required key 'tenkai' in file");
  CHECK(only_error("tenkai: 1\n") == "f.yaml:1:1: error: missing required key 'registry' in file");
  CHECK(only_error("tenkai: 1\nregistry:\n  caveat: c\n") ==
        "f.yaml:3:3: error: missing required key 'title' in registry");
  CHECK(only_error("tenkai: 1\nregistry:\n  title:\n") ==
        "f.yaml:3:3: error: 'title' has no value");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: \"\"\n") ==
        "f.yaml:3:10: error: 'title' must not be empty");
  CHECK(only_error("tenkai: 1\nregistry:\n") == "f.yaml:2:1: error: 'registry' has no value");
  CHECK(diagnostics_of("tenkai: 1\nregistry: {title: T}\nregions:\n  - name: 柏市\n") ==
        std::vector<std::string>{
            "f.yaml:4:5: error: missing required key 'id' in region",
            "f.yaml:4:5: error: missing required key 'prefecture' in region",
            "f.yaml:4:5: error: missing required key 'level' in region",
        });
  CHECK(only_error(kHead + "sessions:\n  - fiscal_year: 2011\n") ==
        "f.yaml:14:5: error: missing required key 'region' in session");
  CHECK(only_error(kHead + "sessions:\n  - region: kashiwa\n") ==
        "f.yaml:14:5: error: missing required key 'fiscal_year' in session");
  CHECK(diagnostics_of(kHead + "links:\n  - note: x\n") ==
        std::vector<std::string>{
            "f.yaml:14:5: error: missing required key 'from' in link",
            "f.yaml:14:5: error: missing required key 'to' in link",
            "f.yaml:14:5: error: missing required key 'kind' in link",
        });
}

TEST_CASE("the format version must be 1") {
  CHECK(
      only_error("tenkai: 2\nregistry: {title: T}\n") ==
      "f.yaml:1:9: error: unsupported registry format version '2' (this tenkai reads 'tenkai: 1')");
  CHECK(only_error("tenkai: [1]\nregistry: {title: T}\n") ==
        "f.yaml:1:9: error: 'tenkai' must be a single value, not a list");
}

TEST_CASE("unknown keys anywhere, with did-you-mean") {
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\nregoins: []\n") ==
        "f.yaml:3:1: error: unknown key 'regoins' in file (did you mean 'regions'?)");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  caveats: c\n") ==
        "f.yaml:4:3: error: unknown key 'caveats' in registry (did you mean 'caveat'?)");
  CHECK(only_error(kHead + "    orgnizers: [市]\n") ==
        "f.yaml:13:5: error: unknown key 'orgnizers' in region (did you mean 'organizers'?)");
  CHECK(only_error(kHead + "sessions:\n  - region: kashiwa\n    fiscal_year: 2011\n    "
                           "feild_hours: 3\n") ==
        "f.yaml:16:5: error: unknown key 'feild_hours' in session (did you mean 'field_hours'?)");
  CHECK(only_error(kHead + "links:\n  - {from: kashiwa, to: matsudo, kind: visit, year: 2012}\n") ==
        "f.yaml:14:47: error: unknown key 'year' in link (expected from, to, kind, fiscal_year or "
        "note)");
  // Nothing close: the hint lists the keys instead.
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  zzzzzzzz: 1\n") ==
        "f.yaml:4:3: error: unknown key 'zzzzzzzz' in registry (expected title, as_of, caveat or "
        "years)");
}

TEST_CASE("duplicate and non-scalar keys") {
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  title: U\n") ==
        "f.yaml:4:3: error: duplicate key 'title' in registry (first given at line 3)");
  CHECK(only_error("tenkai: 1\nregistry: {title: T, [a]: b}\n") ==
        "f.yaml:2:22: error: keys in a registry must be plain names, not a list");
}

TEST_CASE("region ids: pattern and uniqueness") {
  CHECK(only_error(kHead + "  - {id: Kashiwa-2, name: x, prefecture: 千葉県, level: ward}\n") ==
        "f.yaml:13:10: error: bad region id 'Kashiwa-2' (use [a-z0-9][a-z0-9-]*)");
  CHECK(only_error(kHead + "  - {id: -x, name: x, prefecture: 千葉県, level: ward}\n") ==
        "f.yaml:13:10: error: bad region id '-x' (use [a-z0-9][a-z0-9-]*)");
  // References to a malformed id resolve, so the id is the only complaint.
  CHECK(only_error(kHead + "  - {id: Ka, name: x, prefecture: 千葉県, level: ward}\nsessions:\n" +
                   "  - {region: Ka, fiscal_year: 2011}\n") ==
        "f.yaml:13:10: error: bad region id 'Ka' (use [a-z0-9][a-z0-9-]*)");
  CHECK(only_error(kHead + "  - {id: kashiwa, name: x, prefecture: 千葉県, level: ward}\n") ==
        "f.yaml:13:10: error: duplicate region id 'kashiwa' (first defined at line 5)");
  CHECK(registry::is_valid_id("a"));
  CHECK(registry::is_valid_id("9-tokyo-2"));
  CHECK_FALSE(registry::is_valid_id(""));
  CHECK_FALSE(registry::is_valid_id("a_b"));
  CHECK_FALSE(registry::is_valid_id("東京"));
}

TEST_CASE("prefecture names and levels, with did-you-mean") {
  CHECK(only_error(kHead + "  - {id: x, name: x, prefecture: 千葉, level: ward}\n") ==
        "f.yaml:13:34: error: unknown prefecture '千葉' (did you mean '千葉県'?)");
  CHECK(only_error(kHead + "  - {id: x, name: x, prefecture: 東京府, level: ward}\n") ==
        "f.yaml:13:34: error: unknown prefecture '東京府' (did you mean '東京都'?)");
  CHECK(only_error(kHead + "  - {id: x, name: x, prefecture: Chiba, level: ward}\n") ==
        "f.yaml:13:34: error: unknown prefecture 'Chiba'");
  CHECK(only_error(kHead + "  - {id: x, name: x, prefecture: 千葉県, level: municipal}\n") ==
        "f.yaml:13:46: error: unknown level 'municipal' (did you mean 'municipality'?)");
  CHECK(only_error(kHead + "  - {id: x, name: x, prefecture: 千葉県, level: city}\n") ==
        "f.yaml:13:46: error: unknown level 'city' (expected prefecture, wide_area, municipality "
        "or ward)");
}

TEST_CASE("value types of region fields") {
  CHECK(only_error(kHead + "    population: -5\n") ==
        "f.yaml:13:17: error: 'population' must be an integer >= 0, not '-5'");
  CHECK(only_error(kHead + "    population: 4.5\n") ==
        "f.yaml:13:17: error: 'population' must be an integer >= 0, not '4.5'");
  CHECK(only_error(kHead + "    population: \"404000\"\n") ==
        "f.yaml:13:17: error: 'population' must be an integer >= 0, not '404000'");
  CHECK(only_error(kHead + "    population: 99999999999999999999999\n") ==
        "f.yaml:13:17: error: 'population' must be an integer >= 0, not '99999999999999999999999'");
  CHECK(only_error(kHead + "    name: [a, b]\n") ==
        "f.yaml:13:5: error: duplicate key 'name' in region (first given at line 10)");
  CHECK(only_error(kHead + "    organizers: 市\n") ==
        "f.yaml:13:17: error: 'organizers' must be a list of strings (write [市])");
  CHECK(only_error(kHead + "    organizers: [市, [a]]\n") ==
        "f.yaml:13:21: error: 'organizers' item 2 must be a string, not a list");
  CHECK(only_error(kHead + "    note: {a: b}\n") ==
        "f.yaml:13:11: error: 'note' must be a string, not a map");
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\nregions:\n  - {id: [x], name: x, "
                   "prefecture: 千葉県, level: ward}\n") ==
        "f.yaml:4:10: error: 'id' must be a string, not a list");
}

TEST_CASE("local government codes and their check digit") {
  // Known codes (総務省 全国地方公共団体コード): 柏市, 千代田区, 札幌市, 那覇市, 埼玉県 (r = 0).
  for (const char* code : {"122173", "131016", "011002", "472018", "110001", "271144"}) {
    CAPTURE(code);
    CHECK(registry::local_government_code_problem(code).empty());
  }
  CHECK(registry::local_government_check_digit("12217") == 3);
  CHECK(registry::local_government_check_digit("11000") == 1);  // 11 - 0 -> last digit 1
  CHECK(registry::local_government_check_digit("47201") == 8);
  CHECK(only_error(kHead + "    code: \"122174\"\n") ==
        "f.yaml:13:11: error: bad check digit in code '122174' (the last digit should be 3)");
  CHECK(only_error(kHead + "    code: 12217\n") ==
        "f.yaml:13:11: error: 'code' must be a 6-digit local government code, not '12217'");
  CHECK(only_error(kHead + "    code: 12217a\n") ==
        "f.yaml:13:11: error: 'code' must be a 6-digit local government code, not '12217a'");
  // Unquoted codes keep their leading zero: the parser hands over the text as written.
  CHECK(diagnostics_of(kHead + "    code: 011002\n").empty());
}

TEST_CASE("within: references and cycles") {
  CHECK(only_error(kHead + "    within: kashiwaa\n") ==
        "f.yaml:13:13: error: unknown region 'kashiwaa' (did you mean 'kashiwa'?)");
  CHECK(only_error(kHead + "    within: zzz\n") == "f.yaml:13:13: error: unknown region 'zzz'");
  CHECK(only_error(kHead + "    within: matsudo\n") ==
        "f.yaml:13:13: error: region 'matsudo' cannot be within itself");
  const std::string cycle = R"(tenkai: 1
registry: {title: T}
regions:
  - {id: a, name: A, prefecture: 東京都, level: municipality, within: c}
  - {id: b, name: B, prefecture: 東京都, level: municipality, within: a}
  - {id: c, name: C, prefecture: 東京都, level: municipality, within: b}
  - {id: d, name: D, prefecture: 東京都, level: municipality, within: a}
)";
  // One report per cycle, at the first region of it in the file; d only leads into the cycle.
  CHECK(only_error(cycle) == "f.yaml:4:68: error: 'within' cycle: a -> c -> b -> a");
  auto ok = parse_registry(kHead + "    within: kashiwa\n", "f.yaml");
  REQUIRE(ok.registry);
  CHECK(ok.registry->regions[1].within_index == size_t{0});
}

TEST_CASE("session references, fiscal years and ordinals") {
  CHECK(only_error(kHead + "sessions:\n  - {region: kashiw, fiscal_year: 2011}\n") ==
        "f.yaml:14:14: error: unknown region 'kashiw' (did you mean 'kashiwa'?)");
  CHECK(only_error(kHead + "sessions:\n  - {region: kashiwa, fiscal_year: H32}\n") ==
        "f.yaml:14:36: error: bad fiscal year 'H32' (write it as 2011, H23, 平成23年度, R1 or "
        "令和元年度)");
  CHECK(only_error(kHead + "sessions:\n  - {region: kashiwa, fiscal_year: 1985}\n") ==
        "f.yaml:14:36: error: fiscal year 1985 is outside 1989..2099 (write it as 2011, H23, "
        "平成23年度, R1 or 令和元年度)");
  CHECK(only_error(kHead + "sessions:\n  - {region: kashiwa, fiscal_year: 2011, ordinal: 0}\n") ==
        "f.yaml:14:51: error: 'ordinal' must be an integer >= 1, not '0'");
  CHECK(only_error(kHead + R"(sessions:
  - {region: kashiwa, fiscal_year: 2011, ordinal: 1}
  - {region: matsudo, fiscal_year: 2011, ordinal: 1}
  - {region: kashiwa, fiscal_year: 2012, ordinal: 1}
)") == "f.yaml:16:51: error: duplicate ordinal 1 for region 'kashiwa' (first used at line 14)");
}

TEST_CASE("session value types and enums") {
  const std::string head = kHead + "sessions:\n  - region: kashiwa\n    fiscal_year: 2011\n";
  CHECK(only_error(head + "    function: lead\n") ==
        "f.yaml:16:15: error: unknown function 'lead' (did you mean 'leader'?)");
  CHECK(only_error(head + "    scope: comunity\n") ==
        "f.yaml:16:12: error: unknown scope 'comunity' (did you mean 'community'?)");
  CHECK(only_error(head + "    days: two\n") ==
        "f.yaml:16:11: error: 'days' must be a number >= 0, not 'two'");
  CHECK(only_error(head + "    hours: -1\n") ==
        "f.yaml:16:12: error: 'hours' must be a number >= 0, not '-1'");
  CHECK(only_error(head + "    field_hours: .inf\n") ==
        "f.yaml:16:18: error: 'field_hours' must be a number >= 0, not '.inf'");
  CHECK(only_error(head + "    counted: yes\n") ==
        "f.yaml:16:14: error: 'counted' must be true or false, not 'yes'");
  CHECK(only_error(head + "    organizers: [a, ~]\n") ==
        "f.yaml:16:21: error: 'organizers' item 2 must be a string, not empty");
  auto ok = parse_registry(head + "    days: 1.5\n    counted: False\n    organizers: []\n", "f");
  REQUIRE(ok.registry);
  CHECK(ok.registry->sessions[0].days == 1.5);
  CHECK_FALSE(ok.registry->sessions[0].counted);
  REQUIRE(ok.registry->sessions[0].organizers);
  CHECK(ok.registry->sessions[0].organizers->empty());
}

TEST_CASE("links: references, kinds and self-links") {
  CHECK(only_error(kHead + "links:\n  - {from: kashiwa, to: matsud, kind: visit}\n") ==
        "f.yaml:14:25: error: unknown region 'matsud' (did you mean 'matsudo'?)");
  CHECK(only_error(kHead + "links:\n  - {from: kashiwa, to: matsudo, kind: spred}\n") ==
        "f.yaml:14:40: error: unknown kind 'spred' (did you mean 'spread'?)");
  CHECK(only_error(kHead + "links:\n  - {from: kashiwa, to: kashiwa, kind: visit}\n") ==
        "f.yaml:14:25: error: link from 'kashiwa' to itself");
  CHECK(only_error(kHead + "links:\n  - {from: kashiwa, to: matsudo, kind: visit, "
                           "fiscal_year: 平成２年}\n") ==
        "f.yaml:14:60: error: bad fiscal year '平成２年' (write it as 2011, H23, 平成23年度, R1 "
        "or 令和元年度)");
}

TEST_CASE("registry header: as_of and years") {
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  as_of: 2015-02-29\n") ==
        "f.yaml:4:10: error: 'as_of' must be a date YYYY-MM-DD, not '2015-02-29'");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  as_of: 16 Oct 2015\n") ==
        "f.yaml:4:10: error: 'as_of' must be a date YYYY-MM-DD, not '16 Oct 2015'");
  CHECK(diagnostics_of("tenkai: 1\nregistry:\n  title: T\n  as_of: 2016-02-29\n").empty());
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  years: [2015, 2011]\n") ==
        "f.yaml:4:10: error: 'years' starts at 2015, after its last year 2011");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  years: [2011]\n") ==
        "f.yaml:4:10: error: 'years' must be a pair [first, last] of fiscal years");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  years: 2011\n") ==
        "f.yaml:4:10: error: 'years' must be a pair [first, last] of fiscal years");
  CHECK(only_error("tenkai: 1\nregistry:\n  title: T\n  years: [2011, R99]\n") ==
        "f.yaml:4:17: error: bad fiscal year 'R99' (write it as 2011, H23, 平成23年度, R1 or "
        "令和元年度)");
  CHECK(registry::is_valid_date("2000-02-29"));
  CHECK_FALSE(registry::is_valid_date("1900-02-29"));
  CHECK_FALSE(registry::is_valid_date("2015-04-31"));
  CHECK_FALSE(registry::is_valid_date("2015-4-30"));
}

TEST_CASE("document shape: empty, not a map, lists where maps belong") {
  CHECK(only_error("") ==
        "f.yaml:1:1: error: registry is empty (it needs at least 'tenkai: 1' and 'registry: "
        "{title: ...}')");
  CHECK(only_error("# only a comment\n") ==
        "f.yaml:1:1: error: registry is empty (it needs at least 'tenkai: 1' and 'registry: "
        "{title: ...}')");
  CHECK(only_error("- a\n- b\n") ==
        "f.yaml:1:1: error: a registry must be a map with the keys tenkai, registry, regions, "
        "sessions and links");
  CHECK(only_error("just text\n") ==
        "f.yaml:1:1: error: a registry must be a map with the keys tenkai, registry, regions, "
        "sessions and links");
  CHECK(only_error("tenkai: 1\nregistry: [title]\n") ==
        "f.yaml:2:11: error: 'registry' must be a map with title, as_of, caveat, years");
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\nregions: {id: a}\n") ==
        "f.yaml:3:10: error: 'regions' must be a list");
  CHECK(diagnostics_of("tenkai: 1\nregistry: {title: T}\nregions:\n  - a\n  -\n  - [b]\n") ==
        std::vector<std::string>{
            "f.yaml:4:5: error: item 1 of 'regions' must be a map of keys",
            "f.yaml:5:3: error: item 2 of 'regions' must be a map of keys",
            "f.yaml:6:5: error: item 3 of 'regions' must be a map of keys",
        });
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\n---\ntenkai: 1\n") ==
        "f.yaml:3:1: error: a registry must be a single YAML document (remove the '---' that "
        "starts a second one)");
  // Explicit document markers around one document are fine.
  CHECK(diagnostics_of("%YAML 1.2\n---\ntenkai: 1\nregistry: {title: T}\n...\n").empty());
  CHECK(diagnostics_of("---\ntenkai: 1\nregistry: {title: T}\n---\n").empty());
}

TEST_CASE("byte order marks, CRLF line ends and escapes keep positions right") {
  CHECK(only_error("\xEF\xBB\xBFtenkai: 2\r\nregistry: {title: T}\r\n") ==
        "f.yaml:1:9: error: unsupported registry format version '2' (this tenkai reads 'tenkai: "
        "1')");
  CHECK(only_error("tenkai: 1\r\nregistry:\r\n  title: T\r\n  x: 1\r\n") ==
        "f.yaml:4:3: error: unknown key 'x' in registry (expected title, as_of, caveat or years)");
  CHECK(only_error("tenkai: 1\nregistry: {title: \"\\u3042\\x41\", caveat: あ, x: 1}\n") ==
        "f.yaml:2:44: error: unknown key 'x' in registry (expected title, as_of, caveat or years)");
}

TEST_CASE("malformed YAML is a positioned error, not an exception") {
  CHECK(only_error("tenkai: 1\nregistry: {title: T\nregions: []\n") ==
        "f.yaml:3:8: error: invalid YAML: the map at 2:11 is not closed: expected ',' or '}'");
  CHECK(only_error("tenkai: 1\n  registry: x\n") ==
        "f.yaml:2:11: error: invalid YAML: a ':' cannot start a value here (quote a text that "
        "holds ': ', or check the indentation)");
  // yaml-cpp's LoadAll loops forever on a stray ',' and Load skips it; libyaml refuses it.
  CHECK(only_error(",") == "f.yaml:1:1: error: invalid YAML: unexpected ','");
  CHECK(only_error("# c\n,\ntenkai: 1\n") == "f.yaml:2:1: error: invalid YAML: unexpected ','");
  CHECK(only_error("{tenkai: 1, registry: {title: T}}\n,\n") ==
        "f.yaml:2:1: error: invalid YAML: unexpected ','");
  CHECK(only_error("tenkai: *x\n") ==
        "f.yaml:1:9: error: invalid YAML: the referenced anchor is not defined");
  // Nesting far deeper than any registry stops at the first list past the limit, even when
  // every list is closed.
  std::string deep(100000, '[');
  auto lines = diagnostics_of(deep);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] ==
        "f.yaml:1:1001: error: invalid YAML: lists and maps nested more than 1000 deep");
  CHECK(only_error(std::string(1000, '[') + std::string(1000, ']')) ==
        "f.yaml:1:1: error: a registry must be a map with the keys tenkai, registry, regions, "
        "sessions and links");
  CHECK(only_error(std::string(1001, '[') + std::string(1001, ']')) ==
        "f.yaml:1:1001: error: invalid YAML: lists and maps nested more than 1000 deep");
}

TEST_CASE("syntax errors are said plainly, at character columns after multibyte text") {
  // The ':' after 東京都 is character 22 of its line (byte 28).
  CHECK(only_error("tenkai: 1\nregistry: {title: 東京都: x}\n") ==
        "f.yaml:2:22: error: invalid YAML: the map at 2:11 is not closed: expected ',' or '}'");
  CHECK(only_error("tenkai: 1\nregistry: {title: \"東京\n") ==
        "f.yaml:3:1: error: invalid YAML: the quoted text at 2:19 is not closed");
  CHECK(only_error("tenkai: 1\nregistry:\n\ttitle: T\n") ==
        "f.yaml:3:1: error: invalid YAML: unexpected tab (indent with spaces)");
  CHECK(only_error("tenkai: 1\nregistry: {title: \"東京\\q\"}\n") ==
        "f.yaml:2:22: error: invalid YAML: unknown escape '\\q'");
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\nregions:\n  - 東京 都\n  id: a\n") ==
        "f.yaml:5:3: error: invalid YAML: unexpected 'i': it does not continue the list at 4:3 "
        "(check the indentation)");
  CHECK(only_error("tenkai: 1\nregistry: {title: T}\n...\nregions: []\n") ==
        "f.yaml:4:1: error: a registry must be a single YAML document (remove what follows the "
        "'...' that ends the first)");
  // YAML 1.1 reads U+2028 as a line break, which would shift every later line.
  CHECK(only_error("tenkai: 1\nregistry: {title: \"東京\xE2\x80\xA8x\"}\n") ==
        "f.yaml:2:22: error: line separator U+2028 is not allowed in text (use an ordinary line "
        "break)");
}

TEST_CASE("specs are checked by libyaml and read by yaml-cpp, never read two ways") {
  auto load = [](const std::string& text, const std::string& name) {
    registry::yaml::SourceMap source(text);
    Diagnostics diagnostics;
    auto node = registry::yaml::load_single_node(text, source, name, diagnostics);
    std::vector<std::string> lines;
    for (const auto& d : diagnostics.items()) lines.push_back(format_diagnostic(d));
    return std::make_pair(node.has_value(), lines);
  };
  // Every YAML file shipped or used by the benchmarks reads the same in both parsers.
  size_t files = 0;
  for (const char* folder : {"layouts", "bench", "fixtures"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(testing::source_path(folder))) {
      if (entry.path().extension() != ".yaml") continue;
      auto [ok, lines] = load(testing::read_file(entry.path().string()), entry.path().string());
      CHECK_MESSAGE(ok, entry.path().string());
      CHECK(lines.empty());
      ++files;
    }
  }
  CHECK(files >= 8);
  // libyaml ends an anchor name at ':'; yaml-cpp takes "x:1" as the name and an empty value.
  CHECK(load("a: &x:1\n", "s.yaml") ==
        std::make_pair(false, std::vector<std::string>{
                                  "s.yaml:1:4: error: invalid YAML: YAML parsers read this in "
                                  "different ways (quote the text, or write it more plainly)"}));
  // libyaml's messages, as for a registry.
  CHECK(load("a: [b\n", "s.yaml").second ==
        std::vector<std::string>{
            "s.yaml:2:1: error: invalid YAML: the list at 1:4 is not closed: expected ',' or ']'"});
  CHECK(load("a: 1\na: 2\n", "s.yaml") == std::make_pair(true, std::vector<std::string>{}));
}

TEST_CASE("aliases cannot multiply the work beyond the file's size") {
  std::string text = "tenkai: 1\nregistry: {title: T}\nregions:\n  - &r {id: a, organizers: &o [";
  for (int i = 0; i < 2000; ++i) text += "x,";
  text += "x]}\nsessions:\n";
  for (int i = 0; i < 2000; ++i) text += "  - {region: a, fiscal_year: 2011, organizers: *o}\n";
  auto result = parse_registry(text, "f.yaml");
  CHECK_FALSE(result.registry);
  bool reported = false;
  for (const auto& d : result.diagnostics.items()) {
    reported = reported || d.message.find("expands to far more entries") != std::string::npos;
  }
  CHECK(reported);
}

TEST_CASE("a registry with several mistakes reports every one, in file order") {
  const std::string text = R"(tenkai: 1
registry:
  titel: 研修
regions:
  - id: kashiwa
    name: 柏市
    prefecture: 千葉
    level: municipality
    code: "122174"
  - id: kashiwa
    name: 柏市
    prefecture: 千葉県
    level: city
sessions:
  - region: kashiwa
    fiscal_year: 平成32年度
  - region: kashiwa
    fiscal_year: 2012
    ordinal: 2
  - region: kashiwa
    fiscal_year: 2013
    ordinal: 2
    counted: maybe
links:
  - from: kashiwa
    to: kashiwa
    kind: know-how
)";
  auto actual = diagnostics_of(text);
  CHECK(actual ==
        std::vector<std::string>{
            // One error for the misspelt required key, with the did-you-mean.
            "f.yaml:3:3: error: unknown key 'titel' in registry (did you mean 'title'?)",
            "f.yaml:7:17: error: unknown prefecture '千葉' (did you mean '千葉県'?)",
            "f.yaml:9:11: error: bad check digit in code '122174' (the last digit should be 3)",
            "f.yaml:10:9: error: duplicate region id 'kashiwa' (first defined at line 5)",
            "f.yaml:13:12: error: unknown level 'city' (expected prefecture, wide_area, "
            "municipality or ward)",
            "f.yaml:16:18: error: bad fiscal year '平成32年度' (write it as 2011, H23, 平成23年度, "
            "R1 or 令和元年度)",
            "f.yaml:22:14: error: duplicate ordinal 2 for region 'kashiwa' (first used at line 19)",
            "f.yaml:23:14: error: 'counted' must be true or false, not 'maybe'",
            "f.yaml:26:9: error: link from 'kashiwa' to itself",
            "f.yaml:27:11: error: unknown kind 'know-how' (did you mean 'know_how'?)",
        });
}

TEST_CASE("load_registry reads files and reports unreadable ones at 0:0") {
  testing::ScratchDir dir;
  auto missing = registry::load_registry(dir.file("nope.yaml"));
  REQUIRE(missing.diagnostics.items().size() == 1);
  CHECK(format_diagnostic(missing.diagnostics.items()[0]) ==
        dir.file("nope.yaml") + ":0:0: error: cannot read registry: no such file or not readable");
  auto directory = registry::load_registry(dir.path().string());
  REQUIRE(directory.diagnostics.items().size() == 1);
  CHECK(directory.diagnostics.items()[0].message == "cannot read registry: it is a directory");
  testing::write_file(dir.file("ok.yaml"), kHead);
  auto ok = registry::load_registry(dir.file("ok.yaml"));
  REQUIRE(ok.registry);
  CHECK(ok.registry->path == dir.file("ok.yaml"));
  CHECK(ok.registry->regions.size() == 2);
}

TEST_CASE("the seed registry loads without problems") {
  auto result = registry::load_registry(testing::source_path("fixtures/ipw-2015/registry.yaml"));
  // The seed lands separately; once it is there it must be clean.
  if (result.diagnostics.items().size() == 1 &&
      result.diagnostics.items()[0].message.rfind("cannot read", 0) == 0) {
    MESSAGE("seed registry not present yet");
    return;
  }
  for (const auto& d : result.diagnostics.items()) FAIL_CHECK(format_diagnostic(d));
  CHECK(result.registry);
}

TEST_CASE("odd and hostile input gives diagnostics, never a crash or an exception") {
  std::vector<std::string> inputs = {
      std::string("\0\0\0", 3),
      "\xff\xfe\x00t",
      "tenkai: 1\nregistry: {title: T}\nregions:\n  - {id: a, note: " + std::string(1 << 20, 'x') +
          ", zz: 1}\n",
      "tenkai: 1\nregistry: {title: T}\nregions: [" + std::string(5000, '{') + "\n",
      "tenkai: 1\nregistry: {title: T}\nregions:\n  - note: " + std::string(500, '[') +
          std::string(500, ']') + "\n",
      "? [a, b]\n: c\n",
      "!!binary aGVsbG8=\n",
      "tenkai: !!map {}\nregistry: !custom {title: T}\n",
      "tenkai: 1\nregistry: {title: T}\nsessions:\n  - {region: , fiscal_year: }\n",
  };
  std::string many_keys = "tenkai: 1\nregistry: {title: T}\n";
  for (int i = 0; i < 20000; ++i) many_keys += "k" + std::to_string(i) + ": 1\n";
  inputs.push_back(many_keys);
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::source_path("fuzz/corpus/registry"))) {
    inputs.push_back(testing::read_file(entry.path().string()));
  }
  for (const auto& input : inputs) {
    CAPTURE(input.substr(0, 80));
    registry::LoadResult result;
    CHECK_NOTHROW(result = parse_registry(input, "f.yaml"));
    CHECK(result.registry.has_value() == !result.diagnostics.has_errors());
  }
  // Reports stop at a readable number; the rest are counted.
  auto result = parse_registry(many_keys, "f.yaml");
  REQUIRE(result.diagnostics.items().size() == 1001);
  CHECK(result.diagnostics.items().back().message == "19000 more errors not shown");
}

TEST_CASE("a registry larger than the limit is refused before parsing") {
  std::string huge(65u << 20, ' ');
  auto result = parse_registry(huge, "f.yaml");
  REQUIRE(result.diagnostics.items().size() == 1);
  CHECK(result.diagnostics.items()[0].message.rfind("registry is too large", 0) == 0);
}
