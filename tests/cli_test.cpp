// The command line as users script it: exit codes, help, and the three matrix formats.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::shell_quote;
using tenkai::testing::small_registry_argument;

TEST_CASE("--version and --help exit 0 on stdout") {
  auto version = run_tenkai("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("tenkai ", 0) == 0);
  auto help = run_tenkai("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("tenkai matrix") != std::string::npos);
  for (const char* command : {"build", "check", "matrix", "classify"}) {
    auto sub = run_tenkai(std::string(command) + " --help");
    CHECK(sub.exit_code == 0);
    CHECK(sub.out.find(std::string("usage: tenkai ") + command) != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 and name the problem") {
  CHECK(run_tenkai("").exit_code == 2);
  auto unknown = run_tenkai("matrx");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean 'matrix'") != std::string::npos);
  CHECK(run_tenkai("matrix --format xml").exit_code == 2);
  CHECK(run_tenkai("classify --format csv").exit_code == 2);
  CHECK(run_tenkai("matrix --bogus").exit_code == 2);
  CHECK(run_tenkai("matrix --data").exit_code == 2);
  CHECK(run_tenkai("matrix extra.yaml").exit_code == 2);
  CHECK(run_tenkai("check --out x").exit_code == 2);
}

TEST_CASE("a missing registry is an input error with a position") {
  auto result = run_tenkai("matrix --data /nonexistent/registry.yaml");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("/nonexistent/registry.yaml:") == 0);
  CHECK(result.err.find("error:") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("matrix json: the documented shape, checked by an independent parser") {
  auto result = run_tenkai("matrix --format json --data " + small_registry_argument());
  REQUIRE(result.exit_code == 0);
  // The session in 2014 is outside years [2011, 2013]: a warning, not an error.
  CHECK(result.err.find("warning:") != std::string::npos);
  auto python =
      run("printf '%s' " + shell_quote(result.out) +
          " | python3 -c 'import json,sys; d=json.load(sys.stdin); "
          "print(len(d[\"rows\"]), d[\"years\"], d[\"totals\"][\"cumulative\"][\"2013\"])'");
  CHECK(python.exit_code == 0);
  CHECK(python.out == "2 [2011, 2012, 2013] 2\n");

  auto doc = nlohmann::json::parse(result.out);
  REQUIRE(doc["rows"].size() == 2);
  const auto& kashiwa = doc["rows"][0];
  CHECK(kashiwa["region"] == "kashiwa");
  CHECK(kashiwa["label"] == "千葉県柏市");
  CHECK(kashiwa["organizers"] == nlohmann::json({"市", "地区医師会"}));
  CHECK(kashiwa["first_year"] == 2011);
  CHECK(kashiwa["cells"]["2011"]["sessions"] == 2);
  CHECK(kashiwa["cells"]["2012"]["sessions"] == 1);  // the uncounted meeting is left out
  CHECK_FALSE(kashiwa["cells"].contains("2013"));
  const auto& ota = doc["rows"][1];
  CHECK(ota["label"] == "東京都大田区");
  CHECK(ota["cells"]["2012"]["notes"] == nlohmann::json({"※大森地区"}));
  CHECK(doc["totals"]["active"] == nlohmann::json({{"2011", 1}, {"2012", 2}, {"2013", 1}}));
  CHECK(doc["totals"]["new"] == nlohmann::json({{"2011", 1}, {"2012", 1}, {"2013", 0}}));
  CHECK(doc["totals"]["cumulative"] == nlohmann::json({{"2011", 1}, {"2012", 2}, {"2013", 2}}));
}

TEST_CASE("matrix text: aligned by display width") {
  auto result = run_tenkai("matrix --data " + small_registry_argument());
  REQUIRE(result.exit_code == 0);
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = result.out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(result.out.substr(start, end - start));
  }
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0] == "テスト登録簿");
  // Header and both region rows start their year columns at the same display column.
  auto column_of = [](const std::string& line, const std::string& needle) {
    return tenkai::app::display_width(line.substr(0, line.find(needle)));
  };
  size_t header_2011 = column_of(lines[1], "2011年度");
  CHECK(column_of(lines[2], "●") == header_2011);
  CHECK(result.out.find("※第1～2回は東大") != std::string::npos);
  CHECK(result.out.find("●×2") != std::string::npos);
  CHECK(result.out.find("※事務局把握分のみ") != std::string::npos);
}

TEST_CASE("matrix csv: one line per region plus totals, quoted where needed") {
  auto result = run_tenkai("matrix --format csv --data " + small_registry_argument());
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.rfind("region,label,organizers,note,first_year,2011,2012,2013,cell_notes\n",
                         0) == 0);
  CHECK(result.out.find("kashiwa,千葉県柏市,市・地区医師会,※第1～2回は東大,2011,2,1,,\n") !=
        std::string::npos);
  CHECK(result.out.find("ota,東京都大田区,区在宅医療連携推進協議会,,2012,,1,1,2012:※大森地区; "
                        "2013:※区全域\n") != std::string::npos);
  CHECK(result.out.find("total:cumulative,,,,,1,2,2,\n") != std::string::npos);
}

TEST_CASE("display width counts Japanese as two columns") {
  CHECK(tenkai::app::display_width("abc") == 3);
  CHECK(tenkai::app::display_width("柏市") == 4);
  CHECK(tenkai::app::display_width("●") == 2);
  CHECK(tenkai::app::display_width("（広域）") == 8);
}
