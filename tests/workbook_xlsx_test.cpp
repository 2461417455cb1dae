// The .xlsx file itself, read back by independent readers: openpyxl (tests/xlsx_readback.py)
// for cells, panes and print setup; LibreOffice headless for recalculated formulas; and bytes
// compared across two writes.
#include "renderers/xlsx/xlsx_writer.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "core/workbook/spec_loader.h"
#include "tests/support.h"
#include "tests/workbook_fixture.h"

using namespace tenkai;
using testing::run;
using testing::shell_quote;

namespace {

workbook::WorkbookModel default_model(const testing::Analysed& a) {
  auto loaded = workbook::load_workbook_spec(testing::source_path("layouts/ministry-report.yaml"));
  REQUIRE(loaded.spec);
  return workbook::build_workbook_model(*loaded.spec, a.data());
}

void write_or_fail(const workbook::WorkbookModel& model, const std::string& path) {
  std::string error;
  INFO(error);
  REQUIRE(renderers::write_xlsx(model, path, error));
}

bool have(const std::string& program) {
  return run("command -v " + program + " >/dev/null 2>&1").exit_code == 0;
}

// Debian's interpreter, where python3-openpyxl lives (a PATH python3 may be another one).
std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool have_openpyxl() {
  return run(python() + " -c 'import openpyxl' 2>/dev/null").exit_code == 0;
}

}  // namespace

TEST_CASE("two writes of the same model are byte-identical") {
  testing::Analysed a(testing::small_registry());
  testing::ScratchDir dir;
  write_or_fail(default_model(a), dir.file("one.xlsx"));
  write_or_fail(default_model(a), dir.file("two.xlsx"));
  std::string one = testing::read_file(dir.file("one.xlsx"));
  CHECK(one.size() > 5000);
  CHECK(one.substr(0, 2) == "PK");
  CHECK(one == testing::read_file(dir.file("two.xlsx")));
}

TEST_CASE("openpyxl reads back cells, formulas, panes, filters and print setup") {
  if (!have_openpyxl()) {
    MESSAGE("skipped: python3-openpyxl is not installed");
    return;
  }
  testing::Analysed a(testing::small_registry());
  testing::ScratchDir dir;
  write_or_fail(default_model(a), dir.file("book.xlsx"));
  auto result = run(python() + " " + shell_quote(testing::source_path("tests/xlsx_readback.py")) +
                    " " + shell_quote(dir.file("book.xlsx")));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto dump = nlohmann::json::parse(result.out);
  auto names = nlohmann::json::array();
  for (auto& [name, sheet] : dump["sheets"].items()) names.push_back(name);
  CHECK(dump["sheets"].size() == 7);
  const auto& spread = dump["sheets"]["波及状況"];
  CHECK(spread["cells"]["A3"] == "千葉県柏市");
  CHECK(spread["cells"]["F4"] == "●\n※大森地区");
  CHECK(spread["cells"]["G4"] == "●\n※区全域");
  CHECK(spread["formulas"]["F6"] == "=COUNTIF(F3:F5,\"●*\")");
  CHECK(spread["cells"]["F6"] == 3);  // the cached value a non-recalculating reader sees
  CHECK(spread["cells"]["G8"] == 3);
  CHECK(spread["cells"]["H4"] == 2012);
  CHECK(spread["freeze"] == "C3");
  CHECK(spread["autofilter"] == "A2:H5");
  CHECK(spread["landscape"] == true);
  CHECK(spread["fit_to_page"] == true);
  CHECK(spread["fit_width"] == 1);
  CHECK(spread["fit_height"] == 0);  // one page wide, as many tall as needed
  CHECK(spread["print_title_rows"] == "$1:$2");
  CHECK(dump["sheets"]["集計"]["fit_to_page"] == true);  // fit: page
  CHECK(dump["sheets"]["集計"]["fit_height"] == 1);
  CHECK(spread["widths"]["E"].get<double>() > 12);  // 12 characters plus Excel's padding
  const auto& summary = dump["sheets"]["集計"];
  CHECK(summary["charts"] == 1);
  const auto& sessions = dump["sheets"]["研修会一覧"];
  CHECK(sessions["cells"]["D2"] == "平成23年度");
  CHECK(sessions["cells"]["M6"] == "×");
  CHECK(dump["properties"]["title"] == "テスト登録簿");
  CHECK(dump["properties"]["created"] == "2015-10-16T00:00:00");
}

TEST_CASE("the matrix sheet matches `matrix --format json` cell by cell") {
  if (!have_openpyxl()) {
    MESSAGE("skipped: python3-openpyxl is not installed");
    return;
  }
  testing::Analysed a(testing::small_registry());
  testing::ScratchDir dir;
  write_or_fail(default_model(a), dir.file("book.xlsx"));
  testing::write_file(dir.file("matrix.json"), app::matrix_as_json(a.matrix));
  auto result =
      run(python() + " " + shell_quote(testing::source_path("tests/xlsx_readback.py")) + " " +
          shell_quote(dir.file("book.xlsx")) + " " + shell_quote(dir.file("matrix.json")) + " " +
          std::to_string(a.registry.sessions.size()));
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "ok\n");

  // The checker is not a rubber stamp: a changed registry no longer matches this workbook.
  auto changed = testing::small_registry();
  testing::add_session(changed, "tokyo", 2013, "※追加");
  testing::Analysed b(std::move(changed));
  testing::write_file(dir.file("other.json"), app::matrix_as_json(b.matrix));
  auto mismatch =
      run(python() + " " + shell_quote(testing::source_path("tests/xlsx_readback.py")) + " " +
          shell_quote(dir.file("book.xlsx")) + " " + shell_quote(dir.file("other.json")));
  CHECK(mismatch.exit_code == 1);
  CHECK(mismatch.out.find("2013") != std::string::npos);
}

TEST_CASE("LibreOffice recalculates the live totals to the matrix totals") {
  if (!have("soffice") || !have_openpyxl()) {
    MESSAGE("skipped: soffice (libreoffice-calc-nogui) or python3-openpyxl is not installed");
    return;
  }
  testing::Analysed a(testing::small_registry());
  auto model = default_model(a);
  // Poison every cached formula result: only a real recalculation can give the right totals.
  int formulas = 0;
  for (auto& sheet : model.sheets) {
    for (auto& row : sheet.rows) {
      for (auto& cell : row) {
        if (cell.kind == workbook::Cell::Kind::formula) {
          cell.number = -7;
          ++formulas;
        }
      }
    }
  }
  // Three first years, three totals rows of three years, 集計's three columns of three years,
  // and 都道府県別's 47 shares and its totals row (three sums, a share, the earliest year).
  CHECK(formulas == 3 + 3 * 3 + 3 * 3 + 47 + 5);
  testing::ScratchDir dir;
  write_or_fail(model, dir.file("book.xlsx"));
  testing::write_file(dir.file("matrix.json"), app::matrix_as_json(a.matrix));
  auto result =
      run(python() + " " + shell_quote(testing::source_path("scripts/libreoffice_recalc.py")) +
          " " + shell_quote(dir.file("book.xlsx")) + " " + shell_quote(dir.file("matrix.json")));
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "ok\n");
}

TEST_CASE("a ● added in LibreOffice: after recalculation 集計 follows the matrix") {
  if (!have("soffice") || !have_openpyxl()) {
    MESSAGE("skipped: soffice (libreoffice-calc-nogui) or python3-openpyxl is not installed");
    return;
  }
  testing::Analysed a(testing::small_registry());
  testing::ScratchDir dir;
  write_or_fail(default_model(a), dir.file("book.xlsx"));
  // Edit the matrix sheet as a person would: a ● for 大田区 in FY2011 (openpyxl keeps formulas).
  const char* edit = R"(import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["波及状況"]
header = next(r for r in sheet.iter_rows() if r[0].value == "開催地域")
col = next(c.column for c in header if str(c.value).startswith("2011年度"))
row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "東京都大田区")
sheet.cell(row=row, column=col).value = "●"
book.save(sys.argv[2])
)";
  testing::write_file(dir.file("edit.py"), edit);
  auto edited =
      run(python() + " " + shell_quote(dir.file("edit.py")) + " " +
          shell_quote(dir.file("book.xlsx")) + " " + shell_quote(dir.file("edited.xlsx")));
  REQUIRE(edited.exit_code == 0);
  // What the totals must become: the same registry with that session added.
  auto changed = testing::small_registry();
  testing::add_session(changed, "ota", 2011, "");
  testing::Analysed b(std::move(changed));
  REQUIRE(b.matrix.new_regions.at(2011) == 2);
  testing::write_file(dir.file("changed.json"), app::matrix_as_json(b.matrix));
  testing::write_file(dir.file("original.json"), app::matrix_as_json(a.matrix));
  auto recalc = [&](const std::string& json) {
    return run(python() + " " + shell_quote(testing::source_path("scripts/libreoffice_recalc.py")) +
               " " + shell_quote(dir.file("edited.xlsx")) + " " + shell_quote(dir.file(json)) +
               " 集計");
  };
  auto follows = recalc("changed.json");
  INFO(follows.out << follows.err);
  CHECK(follows.exit_code == 0);
  CHECK(follows.out == "ok\n");
  // And the check can fail: the totals no longer match the unedited registry.
  auto stale = recalc("original.json");
  CHECK(stale.exit_code == 1);
  CHECK(stale.out.find("2011年度 new") != std::string::npos);
}
