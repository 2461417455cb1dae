// `tenkai import` through the real binary: a CP932 CSV of FY2016 sessions with two regions new to
// the registry, read back by `matrix` and `diff`; bad rows reported at FILE.csv:ROW:COL with the
// registry untouched; the registry edited as text (comments kept, a small diff).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/cycle/csv_import.h"
#include "core/cycle/registry_text.h"
#include "tests/support.h"

using namespace tenkai::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Writes `utf8` to `path` in CP932 (through iconv(1), an independent converter), CRLF line ends.
void write_cp932(const std::string& path, const std::string& utf8) {
  std::string crlf;
  for (char c : utf8) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  write_file(path + ".utf8", crlf);
  auto r =
      run("iconv -f UTF-8 -t CP932 " + shell_quote(path + ".utf8") + " > " + shell_quote(path));
  REQUIRE(r.exit_code == 0);
}

std::string seed_copy(const ScratchDir& dir) {
  std::string path = dir.file("registry.yaml");
  write_file(path, read_file(source_path("fixtures/ipw-2015/registry.yaml")));
  return path;
}

// FY2016 as Japanese Excel would save it: Japanese headers, era years, a row for each of two
// new municipalities (流山市 by 団体コード, 我孫子市 with the zero Excel drops kept), and
// "～" which CP932 stores as 0x8160.
const char* const kFy2016 =
    "団体コード,都道府県,市区町村名,区分,年度,回,日数,主催,備考\n"
    "122173,千葉県,柏市,,平成28年度,8,1.5,,\n"
    "122203,千葉県,流山市,市町村,平成28年度,1,2.0,市・地区医師会,※第1～2回は東大\n"
    "122220,千葉県,我孫子市,市町村,2016,1,1.5,「在宅医療・介護連携支援センター」・市,\n"
    ",東京都,日野市,,H28,,,,\n";

}  // namespace

TEST_CASE("import: a CP932 CSV of FY2016 with two new municipalities, then matrix and diff") {
  ScratchDir dir;
  std::string registry = seed_copy(dir);
  std::string before = read_file(registry);
  std::string csv = dir.file("fy2016.csv");
  write_cp932(csv, kFy2016);
  // The CP932 bytes of ～ are 0x81 0x60 (Windows-31J), which must read back as U+FF5E.
  REQUIRE(read_file(csv).find("\x81\x60") != std::string::npos);

  auto refused = run_tenkai("import " + shell_quote(csv) + " --data " + shell_quote(registry));
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find(csv + ":2:5: error: fiscal year 2016 is outside the registry's years "
                               "2011–2015") != std::string::npos);
  CHECK(lines_of(refused.err).size() == 4);  // every row, all at once
  CHECK(read_file(registry) == before);

  auto dry = run_tenkai("import " + shell_quote(csv) + " --extend-years --dry-run --data " +
                        shell_quote(registry));
  INFO(dry.err);
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("would add 4 sessions and 2 regions") != std::string::npos);
  CHECK(read_file(registry) == before);

  auto done =
      run_tenkai("import " + shell_quote(csv) + " --extend-years --data " + shell_quote(registry));
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  std::string after = read_file(registry);
  CHECK(after.find("  years: [2011, 2016]\n") != std::string::npos);
  // Edited as text: every old line but the years line is still there, in order.
  auto old_lines = lines_of(before);
  auto new_lines = lines_of(after);
  size_t j = 0, kept = 0;
  for (const auto& line : old_lines) {
    while (j < new_lines.size() && new_lines[j] != line) ++j;
    if (j < new_lines.size()) ++kept, ++j;
  }
  CHECK(kept == old_lines.size() - 1);
  CHECK(new_lines.size() == old_lines.size() + 2 /*comments*/ + 4 + 2 * 6 - 1 + 1);
  CHECK(after.find("note: ※第1～2回は東大") != std::string::npos);  // U+FF5E
  CHECK(after.find("organizers: [在宅医療・介護連携支援センター, 市]") != std::string::npos);

  auto matrix = run_tenkai("matrix --format json --data " + shell_quote(registry));
  REQUIRE(matrix.exit_code == 0);
  auto m = nlohmann::json::parse(matrix.out);
  CHECK(m["years"].back() == 2016);
  bool nagareyama = false;
  for (const auto& row : m["rows"]) {
    if (row["region"] == "122203") {
      nagareyama = true;
      CHECK(row["label"] == "千葉県流山市");
      CHECK(row["organizers"] == nlohmann::json::array({"市", "地区医師会"}));
      CHECK(row["first_year"] == 2016);
    }
  }
  CHECK(nagareyama);
  CHECK(m["totals"]["new"]["2016"] == 2);
  CHECK(m["totals"]["active"]["2016"] == 4);

  std::string old_registry = dir.file("old.yaml");
  write_file(old_registry, before);
  auto diff = run_tenkai("diff " + shell_quote(old_registry) + " " + shell_quote(registry) +
                         " --format json");
  REQUIRE(diff.exit_code == 0);
  auto d = nlohmann::json::parse(diff.out);
  CHECK(d["years"] == nlohmann::json::parse(R"({"old": [2011, 2015], "new": [2011, 2016]})"));
  CHECK(d["regions"] == nlohmann::json::parse(R"({"added": ["122203", "122220"], "removed": []})"));
  CHECK(d["sessions"] == nlohmann::json::parse(R"({"added": 4, "removed": 0})"));
  CHECK(d["patterns"].contains("changed"));
  CHECK(d["rollouts"].contains("changed"));
  auto text = run_tenkai("diff " + shell_quote(old_registry) + " " + shell_quote(registry));
  CHECK(text.out.find("years: 2011–2015 -> 2011–2016") != std::string::npos);
  CHECK(text.out.find("+ 122203 (千葉県流山市)") != std::string::npos);
}

TEST_CASE("import: every bad row at FILE.csv:ROW:COL, exit 1, registry untouched") {
  ScratchDir dir;
  std::string registry = seed_copy(dir);
  std::string before = read_file(registry);
  std::string csv = dir.file("bad.csv");
  write_file(csv,
             "\xEF\xBB\xBFregion,fiscal_year,ordinal,function,days,counted\n"
             "kashiwaa,2015,,,,\n"
             "kashiwa,H32,,,,\n"
             "kashiwa,2015,1,,,\n"  // duplicate ordinal: the loader's rule, mapped back
             "kashiwa,2015,,teach,x,maybe\n"
             "\n"
             "matsudo,2014,\"9\n");
  auto r = run_tenkai("import " + shell_quote(csv) + " --data " + shell_quote(registry));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(read_file(registry) == before);
  auto lines = lines_of(r.err);
  CHECK(lines.size() == 1);  // the unterminated quote stops the reading of the file
  CHECK(lines.at(0) == csv + ":7:3: error: unterminated quoted field");

  write_file(csv,
             "region,fiscal_year,ordinal,function,days,counted,extra\n"
             "kashiwaa,2015,,,,\n"
             "kashiwa,H32,,,,\n"
             "kashiwa,2015,1,,,\n"
             "kashiwa,2015,,teach,x,maybe\n");
  r = run_tenkai("import " + shell_quote(csv) + " --data " + shell_quote(registry));
  CHECK(lines_of(r.err) == std::vector<std::string>{
                               csv + ":1:7: error: unknown column 'extra'",
                           });
  write_file(csv,
             "region,fiscal_year,ordinal,function,days,counted\n"
             "kashiwaa,2015,,,,\n"
             "kashiwa,H32,,,,\n"
             "kashiwa,2015,1,,,\n"
             "kashiwa,2015,,teach,x,maybe\n");
  r = run_tenkai("import " + shell_quote(csv) + " --data " + shell_quote(registry));
  CHECK(r.exit_code == 1);
  CHECK(read_file(registry) == before);
  CHECK(lines_of(r.err) ==
        std::vector<std::string>{
            csv + ":2:1: error: unknown region 'kashiwaa'; to add it the row needs prefecture, "
                  "name, level (did you mean 'kashiwa'?)",
            csv + ":3:2: error: bad fiscal year 'H32' (write it as 2011, H23, 平成23年度, R1 or "
                  "令和元年度)",
            csv + ":5:4: error: unknown function 'teach'",
            csv + ":5:5: error: days 'x' is not a number >= 0",
            csv + ":5:6: error: counted 'maybe' is not true or false (write true or false)",
        });
  // Once the other rows are right, the loader's own rules (here a duplicate ordinal) are
  // reported at the row and field they come from.
  write_file(csv, "region,fiscal_year,ordinal\nkashiwa,2015,3\nkashiwa,2015,7\n");
  r = run_tenkai("import " + shell_quote(csv) + " --data " + shell_quote(registry));
  CHECK(r.exit_code == 1);
  CHECK(read_file(registry) == before);
  REQUIRE(lines_of(r.err).size() == 2);
  CHECK(lines_of(r.err)[0].rfind(csv + ":2:3: error: duplicate ordinal 3", 0) == 0);
  CHECK(lines_of(r.err)[1].rfind(csv + ":3:3: error: duplicate ordinal 7", 0) == 0);
}

TEST_CASE("import: organizers split on ・, a name in 「」 keeps its own ・") {
  using tenkai::cycle::split_organizers;
  CHECK(split_organizers("市・地区医師会") == std::vector<std::string>{"市", "地区医師会"});
  CHECK(split_organizers("「在宅医療・介護連携支援センター」・市") ==
        std::vector<std::string>{"在宅医療・介護連携支援センター", "市"});
  CHECK(split_organizers(" 市 ") == std::vector<std::string>{"市"});
  CHECK(split_organizers("").empty());
}

TEST_CASE("import: YAML scalars read back as written") {
  using tenkai::cycle::yaml_scalar;
  CHECK(yaml_scalar("柏市", false) == "柏市");
  CHECK(yaml_scalar("122173", false) == "\"122173\"");
  CHECK(yaml_scalar("yes", false) == "\"yes\"");
  CHECK(yaml_scalar("a, b", true) == "\"a, b\"");
  CHECK(yaml_scalar("# x", false) == "\"# x\"");
  CHECK(yaml_scalar("say \"hi\"", false) == "say \"hi\"");
  CHECK(yaml_scalar("\"hi\"", false) == "\"\\\"hi\\\"\"");
}
