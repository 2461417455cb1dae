// `tenkai classify` end to end: the JSON read back by Python, the text report, input errors.
#include <doctest/doctest.h>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::shell_quote;
using tenkai::testing::small_registry_argument;

namespace {
// Runs a Python snippet over `json` (as variable d) and returns what it printed.
std::string python_over(const std::string& json, const std::string& code) {
  auto result = run("printf '%s' " + shell_quote(json) + " | python3 -c " +
                    shell_quote("import json,sys\nd=json.load(sys.stdin)\n" + code));
  REQUIRE(result.exit_code == 0);
  return result.out;
}
}  // namespace

TEST_CASE("classify json on the small registry, read by Python") {
  auto result = run_tenkai("classify --format json --data " + small_registry_argument());
  REQUIRE(result.exit_code == 0);
  CHECK(python_over(result.out, "print(list(d.keys()))") ==
        "['sessions', 'areas', 'prefectures']\n");
  // Every session, counted or not, in registry order; the documented keys on each.
  CHECK(python_over(result.out,
                    "print(len(d['sessions']), [s['region'] for s in d['sessions']][:3])") ==
        "7 ['kashiwa', 'kashiwa', 'ota']\n");
  CHECK(python_over(result.out,
                    "s=d['sessions'][0]\n"
                    "print(s['fiscal_year'], s['ordinal'], s['function'], s['inferred'], "
                    "'4.0 > 2' in s['reason'])") == "2011 1 leader True True\n");
  CHECK(
      python_over(result.out, "print(d['sessions'][2]['ordinal'], d['sessions'][4]['function'])") ==
      "None connect\n");
  // kashiwa holds leader, intro and (uncounted) connect: P3. tokyo's only session is outside
  // the period, so it is no area and its alumni link does not make ota P2.
  CHECK(python_over(result.out, "print([(a['region'], a['pattern']) for a in d['areas']])") ==
        "[('kashiwa', 'P3'), ('ota', 'P1')]\n");
  CHECK(python_over(result.out,
                    "print([(p['prefecture'], p['rollouts'], len(p['reasons'])) for p in "
                    "d['prefectures']])") == "[('千葉県', [], 0), ('東京都', [], 0)]\n");
  CHECK(python_over(result.out,
                    "print(all(isinstance(a['reason'], str) and a['reason'] for a in "
                    "d['areas']))") == "True\n");
}

TEST_CASE("classify text groups by prefecture and gives reasons") {
  auto result = run_tenkai("classify --data " + small_registry_argument());
  REQUIRE(result.exit_code == 0);
  auto chiba = result.out.find("■ 千葉県");
  auto tokyo = result.out.find("■ 東京都");
  REQUIRE(chiba != std::string::npos);
  REQUIRE(tokyo != std::string::npos);
  CHECK(chiba < tokyo);
  CHECK(result.out.find("千葉県柏市 — P3") < tokyo);
  CHECK(result.out.find("東京都大田区 — P1") > tokyo);
  // tokyo's only session (2014) is outside the years 2011–2013, so its link is no evidence.
  CHECK(result.out.find("つながりの元に開催記録がないため P2 の根拠にならない") !=
        std::string::npos);
}

TEST_CASE("classify on an invalid registry exits 1 with nothing on stdout") {
  tenkai::testing::ScratchDir dir;
  tenkai::testing::write_file(dir.file("bad.yaml"),
                              "tenkai: 1\nregistry: {title: x}\nregions: 3\n");
  auto result = run_tenkai("classify --format json --data " + shell_quote(dir.file("bad.yaml")));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("error:") != std::string::npos);
}
