// tenkai-gen-national: its registry loads cleanly, has the national shape, and is deterministic.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;

namespace {

std::string generator() {
  return shell_quote(TENKAI_GEN_NATIONAL);
}

struct Generated {
  std::string path;
  std::string text;
};

Generated generate(const ScratchDir& dir, const std::string& name, const std::string& options) {
  Generated g{dir.file(name), ""};
  auto result = run(generator() + " " + options + " -o " + shell_quote(g.path));
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  g.text = tenkai::testing::read_file(g.path);
  return g;
}

}  // namespace

TEST_CASE("national generator: the default registry loads without errors or warnings") {
  ScratchDir dir;
  auto national = generate(dir, "national.yaml", "");
  auto check = run_tenkai("check --data " + shell_quote(national.path));
  CHECK(check.exit_code == 0);
  CHECK(check.err.find("error") == std::string::npos);
  CHECK(check.err.find("warning") == std::string::npos);

  auto matrix = run_tenkai("matrix --format json --data " + shell_quote(national.path));
  REQUIRE(matrix.exit_code == 0);
  auto doc = nlohmann::json::parse(matrix.out);
  REQUIRE(doc["years"].size() == 15);
  CHECK(doc["years"].front() == 2011);
  CHECK(doc["years"].back() == 2025);
  // Hundreds of rows, so the rollout table paginates.
  CHECK(doc["rows"].size() > 500);
  CHECK(doc["rows"].size() < 1200);
  CHECK(doc["totals"]["cumulative"]["2025"].get<size_t>() == doc["rows"].size());
}

TEST_CASE("national generator: national shape, read with an independent YAML parse") {
  ScratchDir dir;
  auto national = generate(dir, "national.yaml", "");
  YAML::Node root = YAML::LoadFile(national.path);
  std::map<std::string, int> levels;
  std::set<std::string> prefectures;
  for (const auto& region : root["regions"]) {
    ++levels[region["level"].as<std::string>()];
    prefectures.insert(region["prefecture"].as<std::string>());
  }
  CHECK(levels["municipality"] == 1741);
  CHECK(levels["ward"] > 100);
  CHECK(levels["prefecture"] > 10);
  CHECK(levels["wide_area"] > 10);
  CHECK(prefectures.size() == 47);

  int counted = 0, uncounted = 0, with_notes = 0, with_days = 0, with_hours = 0;
  std::set<std::string> fiscal_forms;
  for (const auto& session : root["sessions"]) {
    bool is_counted = !session["counted"] || session["counted"].as<bool>();
    ++(is_counted ? counted : uncounted);
    if (session["note"] && is_counted) ++with_notes;
    if (session["days"]) ++with_days;
    if (session["hours"]) ++with_hours;
    std::string fy = session["fiscal_year"].as<std::string>();
    fiscal_forms.insert(fy.substr(0, 1));
  }
  CHECK(counted > 3500);
  CHECK(counted < 5500);
  CHECK(uncounted > 100);
  CHECK(with_notes > 50);
  CHECK(with_days > 1000);
  CHECK(with_hours > 100);
  // Western years and era forms (H.., R.., 平成.., 令和..) both occur.
  CHECK(fiscal_forms.count("2") == 1);
  CHECK(fiscal_forms.size() >= 3);

  std::map<std::string, int> kinds;
  for (const auto& link : root["links"]) ++kinds[link["kind"].as<std::string>()];
  for (const char* kind :
       {"leader_alumni", "know_how", "exchange", "visit", "lecturer", "spread"}) {
    CAPTURE(kind);
    CHECK(kinds[kind] > 0);
  }
}

TEST_CASE("national generator: deterministic, and the seed changes the data") {
  ScratchDir dir;
  auto first = generate(dir, "a.yaml", "");
  auto second = generate(dir, "b.yaml", "");
  CHECK(first.text == second.text);
  auto to_stdout = run(generator());
  REQUIRE(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == first.text);
  auto other = generate(dir, "c.yaml", "--seed 7");
  CHECK(other.text != first.text);
}

TEST_CASE("national generator: scales down to three regions and still loads") {
  ScratchDir dir;
  auto tiny = generate(dir, "tiny.yaml", "--municipalities 2 --prefectures 1");
  YAML::Node root = YAML::LoadFile(tiny.path);
  CHECK(root["regions"].size() == 3);
  CHECK(run_tenkai("check --data " + shell_quote(tiny.path)).exit_code == 0);

  auto small = generate(dir, "small.yaml", "--municipalities 60 --prefectures 5 --last-year 2018");
  auto matrix = run_tenkai("matrix --format json --data " + shell_quote(small.path));
  REQUIRE(matrix.exit_code == 0);
  auto doc = nlohmann::json::parse(matrix.out);
  CHECK(doc["years"].back() == 2018);
}

TEST_CASE("national generator: bad options are usage errors") {
  CHECK(run(generator() + " --municipalities 0").exit_code == 2);
  CHECK(run(generator() + " --prefectures 48").exit_code == 2);
  CHECK(run(generator() + " --first-year 2020 --last-year 2019").exit_code == 2);
  CHECK(run(generator() + " --bogus").exit_code == 2);
}
