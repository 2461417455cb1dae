// The workbook end to end through the real binary: `tenkai build` on the seed registry, read back
// by openpyxl against `tenkai matrix --format json` and `tenkai classify --format json`,
// recalculated by LibreOffice, built twice byte-identically; bad specs fail with positions and
// leave no file behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using namespace tenkai::testing;

namespace {

std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool have_openpyxl() {
  return run(python() + " -c 'import openpyxl' 2>/dev/null").exit_code == 0;
}

std::string book_spec() {
  return shell_quote(source_path("layouts/ministry-report.yaml"));
}

// Builds the default workbook from `registry` into `dir`; returns the workbook's path.
std::string build_book(const std::string& registry, const ScratchDir& dir, const std::string& sub) {
  auto result = run_tenkai("build " + book_spec() + " --data " + shell_quote(registry) + " --out " +
                           shell_quote(dir.file(sub)));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::string path = dir.file(sub + "/ministry-report.xlsx");
  REQUIRE(std::filesystem::exists(path));
  return path;
}

}  // namespace

TEST_CASE("build writes the workbook byte-identically twice, for the seed and a test registry") {
  for (const char* registry : {"fixtures/ipw-2015/registry.yaml", "fixtures/test/small.yaml"}) {
    CAPTURE(registry);
    ScratchDir dir;
    std::string one = build_book(source_path(registry), dir, "a");
    std::string two = build_book(source_path(registry), dir, "b");
    CHECK(read_file(one).size() > 5000);
    CHECK(read_file(one) == read_file(two));
  }
}

TEST_CASE("the seed workbook matches the matrix cell by cell and lists every session") {
  if (!have_openpyxl()) {
    MESSAGE("skipped: python3-openpyxl is not installed");
    return;
  }
  for (const char* registry : {"fixtures/ipw-2015/registry.yaml", "fixtures/test/small.yaml"}) {
    CAPTURE(registry);
    ScratchDir dir;
    std::string data = shell_quote(source_path(registry));
    std::string book = build_book(source_path(registry), dir, "out");
    auto matrix = run_tenkai("matrix --format json --data " + data);
    REQUIRE(matrix.exit_code == 0);
    write_file(dir.file("matrix.json"), matrix.out);
    auto classify = run_tenkai("classify --format json --data " + data);
    REQUIRE(classify.exit_code == 0);
    // The workbook lists the sessions of the reporting period (one period per build).
    size_t sessions = 0;
    const nlohmann::json classified = nlohmann::json::parse(classify.out);
    for (const auto& session : classified["sessions"])
      sessions += session.value("in_period", true) ? 1 : 0;
    CHECK(sessions > 0);
    auto check = run(python() + " " + shell_quote(source_path("tests/xlsx_readback.py")) + " " +
                     shell_quote(book) + " " + shell_quote(dir.file("matrix.json")) + " " +
                     std::to_string(sessions));
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out == "ok\n");
  }
}

TEST_CASE("the classification sheet carries the classifier's patterns and reasons") {
  if (!have_openpyxl()) {
    MESSAGE("skipped: python3-openpyxl is not installed");
    return;
  }
  ScratchDir dir;
  std::string registry = source_path("fixtures/ipw-2015/registry.yaml");
  std::string book = build_book(registry, dir, "out");
  auto dump = run(python() + " " + shell_quote(source_path("tests/xlsx_readback.py")) + " " +
                  shell_quote(book));
  REQUIRE(dump.exit_code == 0);
  auto cells = nlohmann::json::parse(dump.out)["sheets"]["類型"]["cells"];
  auto classes = nlohmann::json::parse(
      run_tenkai("classify --format json --data " + shell_quote(registry)).out);
  // Row 3 onwards: one row per area, in the classifier's order, pattern in column C.
  REQUIRE(classes["areas"].size() > 0);
  for (size_t i = 0; i < classes["areas"].size(); ++i) {
    std::string row = std::to_string(3 + i);
    CAPTURE(row);
    CHECK(cells["C" + row] == classes["areas"][i]["pattern"]);
    CHECK(cells["E" + row] == classes["areas"][i]["reason"]);
  }
}

TEST_CASE("LibreOffice opens the seed workbook and recalculates the matrix totals") {
  if (run("command -v soffice >/dev/null 2>&1").exit_code != 0 || !have_openpyxl()) {
    MESSAGE("skipped: soffice (libreoffice-calc-nogui) or python3-openpyxl is not installed");
    return;
  }
  ScratchDir dir;
  std::string registry = source_path("fixtures/ipw-2015/registry.yaml");
  std::string book = build_book(registry, dir, "out");
  write_file(dir.file("matrix.json"),
             run_tenkai("matrix --format json --data " + shell_quote(registry)).out);
  auto check = run(python() + " " + shell_quote(source_path("scripts/libreoffice_recalc.py")) +
                   " " + shell_quote(book) + " " + shell_quote(dir.file("matrix.json")));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out == "ok\n");
}

TEST_CASE("a bad workbook spec: exit 1, positioned errors on stderr, no file written or changed") {
  ScratchDir dir;
  write_file(dir.file("bad.yaml"), R"(tenkai: 1
workbook:
  output: report.xlsx
  sheets:
    - name: 一覧
      tables:
        - data: sessions
          columns:
            - {field: fiscal_yaer}
            - {field: label, format: bold}
)");
  std::string out = dir.file("out");
  std::filesystem::create_directories(out);
  write_file(out + "/report.xlsx", "previous");
  auto result =
      run_tenkai("build " + shell_quote(dir.file("bad.yaml")) + " --out " + shell_quote(out));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("bad.yaml:9:23: error: unknown field of sessions 'fiscal_yaer' "
                        "(did you mean 'fiscal_year'?)") != std::string::npos);
  CHECK(result.err.find("bad.yaml:10:38: error: unknown format 'bold'") != std::string::npos);
  CHECK(read_file(out + "/report.xlsx") == "previous");
  auto files = std::distance(std::filesystem::directory_iterator(out), {});
  CHECK(files == 1);  // no temporary left behind

  auto check = run_tenkai("check " + shell_quote(dir.file("bad.yaml")));
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("bad.yaml:9:23:") != std::string::npos);
  auto good = run_tenkai("check " + book_spec());
  INFO(good.err);
  CHECK(good.exit_code == 0);
}

TEST_CASE("two specs of one run may not write the same workbook") {
  ScratchDir dir;
  auto result = run_tenkai("build " + book_spec() + " " + book_spec() + " --out " +
                           shell_quote(dir.file("out")));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("is given twice") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("out/ministry-report.xlsx")));
}

TEST_CASE("build with the default specs, from another folder, writes the same workbook") {
  ScratchDir dir;
  auto result = run("cd " + shell_quote(dir.path().string()) + " && " + shell_quote(TENKAI_BINARY) +
                    " build --out out");
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::string book = dir.file("out/ministry-report.xlsx");
  REQUIRE(std::filesystem::exists(book));
  std::string explicit_book = build_book(source_path("fixtures/ipw-2015/registry.yaml"), dir, "x");
  CHECK(read_file(book) == read_file(explicit_book));
}
