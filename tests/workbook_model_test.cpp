// The sheet model from the default layout on a small registry built in code: matrix cells,
// live totals with cached values, one row per session, widths, panes, print setup, charts.
#include "core/workbook/sheet_model.h"

#include <doctest/doctest.h>

#include "core/text/display_width.h"
#include "core/workbook/spec_loader.h"
#include "tests/support.h"
#include "tests/workbook_fixture.h"

using namespace tenkai;
using workbook::Cell;
using workbook::SheetModel;

namespace {

workbook::WorkbookSpec default_spec() {
  auto loaded = workbook::load_workbook_spec(testing::source_path("layouts/ministry-report.yaml"));
  REQUIRE(loaded.spec);
  return *loaded.spec;
}

const SheetModel& sheet_named(const workbook::WorkbookModel& model, const std::string& name) {
  for (const auto& sheet : model.sheets) {
    if (sheet.name == name) return sheet;
  }
  FAIL("no sheet " << name);
  return model.sheets.front();
}

std::string text_at(const SheetModel& sheet, int row, int col) {
  const Cell* cell = sheet.find(row, col);
  return cell ? cell->text : std::string();
}

// Row index of the first row whose first cell is `label`, or -1.
int row_of(const SheetModel& sheet, const std::string& label) {
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    if (!sheet.rows[r].empty() && sheet.rows[r][0].text == label) return static_cast<int>(r);
  }
  return -1;
}

}  // namespace

TEST_CASE("text width counts East Asian wide characters as two") {
  CHECK(text::text_display_width("abc") == 3);
  CHECK(text::text_display_width("柏市") == 4);
  CHECK(text::text_display_width("●\n※大森地区") == 10);
  CHECK(text::text_display_width("（府内より傍聴受入）") == 20);
  CHECK(text::wrapped_line_count("一二三四五六七八九十", 11) == 2);
  CHECK(text::wrapped_line_count("a\nb\nc", 20) == 3);
}

TEST_CASE("cell names and dates") {
  CHECK(workbook::cell_name(0, 0) == "A1");
  CHECK(workbook::cell_name(6, 27, true) == "$AB$7");
  CHECK(workbook::parse_cell_ref("AB7") == std::pair<int, int>{6, 27});
  CHECK(workbook::date_to_epoch("2015-10-16") == 1444953600LL);
  CHECK(workbook::date_to_epoch("1970-01-01") == 0LL);
  CHECK_FALSE(workbook::date_to_epoch("2015/10/16"));
}

TEST_CASE("the spread-matrix sheet holds marks, notes and live totals in matrix order") {
  testing::Analysed a(testing::small_registry());
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  const SheetModel& sheet = sheet_named(model, "波及状況");
  // Title row, then the header row.
  CHECK(text_at(sheet, 0, 0) == "開催地域の波及状況（年度別推移）");
  CHECK(text_at(sheet, 1, 0) == "開催地域");
  CHECK(text_at(sheet, 1, 4) == "2011年度\n平成23年度");
  CHECK(text_at(sheet, 1, 6) == "2013年度\n平成25年度");
  CHECK(text_at(sheet, 1, 7) == "初年度");
  // Matrix order: 柏市 (2011), then 大田区 before 東京都 (both 2012) by registry order.
  CHECK(text_at(sheet, 2, 0) == "千葉県柏市");
  CHECK(text_at(sheet, 2, 2) == "市、地区医師会");
  CHECK(text_at(sheet, 2, 3) == "※第1～2回は東大");
  CHECK(text_at(sheet, 2, 4) == "●");
  CHECK(text_at(sheet, 2, 5) == "●");  // the uncounted meeting does not add a second mark
  CHECK(text_at(sheet, 3, 0) == "東京都大田区");
  CHECK(text_at(sheet, 3, 5) == "●\n※大森地区");
  CHECK(text_at(sheet, 3, 6) == "●\n※区全域");  // two sessions, one mark (as in the deck)
  CHECK(text_at(sheet, 4, 0) == "東京都（広域）");
  CHECK(sheet.find(4, 4)->kind == Cell::Kind::blank);
  // The first year is a live formula with its cached value.
  const Cell* first = sheet.find(3, 7);
  REQUIRE(first);
  CHECK(first->kind == Cell::Kind::formula);
  CHECK(first->text == "=2010+MATCH(\"●*\",E4:G4,0)");
  CHECK(first->number == 2012);

  int active = row_of(sheet, "開催地域数");
  int fresh = row_of(sheet, "新規開催地域数");
  int cumulative = row_of(sheet, "累計開催地域数");
  REQUIRE(active == 5);
  REQUIRE(fresh == 6);
  REQUIRE(cumulative == 7);
  CHECK(sheet.find(active, 5)->text == "=COUNTIF(F3:F5,\"●*\")");
  CHECK(sheet.find(active, 5)->number == 3);
  CHECK(sheet.find(fresh, 5)->text == "=COUNTIF($H$3:$H$5,2012)");
  CHECK(sheet.find(fresh, 5)->number == 2);
  CHECK(sheet.find(cumulative, 6)->text == "=COUNTIF($H$3:$H$5,\"<=2013\")");
  CHECK(sheet.find(cumulative, 6)->number == 3);
  CHECK(sheet.find(active, 6)->number == 1);
  CHECK(text_at(sheet, 8, 0) == "※事務局把握分のみ");

  // Panes, filter and print setup come from the spec.
  CHECK(sheet.freeze_rows == 2);
  CHECK(sheet.freeze_columns == 2);
  REQUIRE(sheet.autofilter);
  CHECK(sheet.autofilter->first_row == 1);
  CHECK(sheet.autofilter->last_row == 4);
  CHECK(sheet.autofilter->last_col == 7);
  CHECK(sheet.print.landscape);
  CHECK(sheet.print.fit_width);
  CHECK(sheet.print.repeat_rows == std::pair<int, int>{0, 1});
  // Auto widths fit Japanese text (two units per wide character, plus padding).
  CHECK(sheet.columns[0].width == doctest::Approx(16));  // 東京都（広域） = 14
  CHECK(sheet.columns[4].width == 12);                   // fixed in the spec
  // The header row wraps onto two lines.
  CHECK(sheet.row_heights.count(1) == 1);
}

TEST_CASE("every session has its row, counted or not, with era years and lengths") {
  testing::Analysed a(testing::small_registry());
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  const SheetModel& sheet = sheet_named(model, "研修会一覧");
  REQUIRE(sheet.rows.size() == 1 + a.registry.sessions.size());
  CHECK(text_at(sheet, 0, 3) == "年度（和暦）");
  CHECK(text_at(sheet, 1, 0) == "千葉県柏市");
  CHECK(sheet.find(1, 2)->number == 2011);
  CHECK(text_at(sheet, 1, 3) == "平成23年度");
  CHECK(sheet.find(1, 4)->number == 1);    // ordinal
  CHECK(sheet.find(1, 7)->number == 4.0);  // days
  CHECK(sheet.find(1, 9)->number == 32);   // field hours
  CHECK(text_at(sheet, 1, 12) == "○");     // counted
  CHECK(text_at(sheet, 5, 12) == "×");     // the uncounted meeting
  CHECK(sheet.find(5, 8)->number == 2);    // its hours
  CHECK(text_at(sheet, 5, 13) == "kashiwa");
  CHECK(text_at(sheet, 3, 11) == "※大森地区");
}

TEST_CASE("yearly totals feed a native chart; about shows provenance") {
  testing::Analysed a(testing::small_registry());
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  const SheetModel& summary = sheet_named(model, "集計");
  CHECK(text_at(summary, 1, 0) == "年度");
  CHECK(text_at(summary, 2, 0) == "2011年度");
  CHECK(summary.find(3, 3)->number == 2);  // new in 2012
  CHECK(summary.find(4, 4)->number == 3);  // cumulative in 2013
  // Live: each total points at the matrix sheet's own live total for that year.
  const SheetModel& matrix = sheet_named(model, "波及状況");
  int new_row = row_of(matrix, "新規開催地域数");
  REQUIRE(new_row > 0);
  CHECK(summary.find(3, 3)->kind == Cell::Kind::formula);
  CHECK(summary.find(3, 3)->text == "='波及状況'!" + workbook::cell_name(new_row, 5, true));
  CHECK(matrix.find(new_row, 5)->kind == Cell::Kind::formula);  // the 2012 column (F)
  REQUIRE(summary.charts.size() == 1);
  const auto& chart = summary.charts[0];
  CHECK(chart.categories.first_row == 2);
  CHECK(chart.categories.last_row == 4);
  REQUIRE(chart.series.size() == 2);
  CHECK(chart.series[0].name == "新規開催地域数");
  CHECK(chart.series[0].values.first_col == 3);
  CHECK(chart.series[1].values.first_col == 4);

  const SheetModel& about = sheet_named(model, "説明");
  CHECK(text_at(about, 1, 1) == "テスト登録簿");
  CHECK(text_at(about, 2, 1) == "2015-10-16");
  CHECK(text_at(about, 4, 1) == "2011年度～2013年度");
  CHECK(text_at(about, 7, 1) == "small.yaml");
  CHECK(text_at(about, 8, 1) == std::string(64, 'a'));
  CHECK(text_at(about, 9, 1) == "tenkai 9.9.9");

  CHECK(model.properties.title == "テスト登録簿");
  CHECK(model.properties.created == 1444953600LL);  // the registry's as_of, not the clock
}

TEST_CASE("an empty registry still gives a well-formed model: plain zero totals, no chart") {
  registry::Registry empty;
  empty.title = "空";
  testing::Analysed a(std::move(empty));
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  const SheetModel& sheet = sheet_named(model, "波及状況");
  CHECK(row_of(sheet, "開催地域数") == 2);  // right under the header; no year columns
  CHECK(sheet_named(model, "集計").charts.empty());
  CHECK(model.properties.created == 946684800LL);  // the fixed fallback date
}

TEST_CASE("classification rows show the classes and reasons they are given") {
  testing::Analysed a(testing::small_registry());
  a.classification = {};  // hand-made classes, independent of the classifier's rules
  a.classification.areas.push_back({0, analysis::Pattern::P3, "柏市: leader then intro"});
  analysis::PrefectureClass tokyo;
  tokyo.prefecture = "東京都";
  tokyo.prefecture_code = 13;
  tokyo.rollouts.push_back({analysis::Rollout::R2, "東京都（広域） then 大田区", {}, {}});
  a.classification.prefectures.push_back(tokyo);
  a.classification.sessions.push_back({0, registry::Function::leader, true, "days > 2"});
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  const SheetModel& kinds = sheet_named(model, "類型");
  CHECK(text_at(kinds, 2, 0) == "千葉県柏市");
  CHECK(text_at(kinds, 2, 2) == "P3");
  CHECK(text_at(kinds, 2, 3) == "市町村単位の開催＋時系列で研修会の機能が変化");
  // The rollouts have a sheet of their own, so each table prints under its own header.
  CHECK(kinds.print.repeat_rows == std::pair<int, int>{0, 1});
  const SheetModel& rollouts = sheet_named(model, "展開手順");
  CHECK(rollouts.print.repeat_rows == std::pair<int, int>{0, 1});
  int pref_header = row_of(rollouts, "都道府県");
  REQUIRE(pref_header == 1);
  CHECK(text_at(rollouts, pref_header + 1, 0) == "東京都");
  CHECK(text_at(rollouts, pref_header + 1, 1) == "13");  // JIS code as two-digit text
  CHECK(text_at(rollouts, pref_header + 1, 2) == "R2");
  CHECK(text_at(rollouts, pref_header + 1, 4) == "R2: 東京都（広域） then 大田区");
  const SheetModel& sessions = sheet_named(model, "研修会一覧");
  CHECK(text_at(sessions, 1, 5) == "地域リーダーの養成");
  CHECK(text_at(sessions, 1, 6) == "推定");
}

TEST_CASE("a spec of its own: counted marks, another mark, era headers, hidden first year") {
  const char* text = R"(tenkai: 1
workbook:
  output: own.xlsx
  sheets:
    - name: matrix
      freeze: {header: true}
      tables:
        - data: spread_matrix
          mark: "◎"
          count_sessions: true
          note_separator: " "
          columns:
            - {field: region, header: ID, width: 9}
            - {field: years, header: "{era_short}"}
            - {field: first_year, hidden: true}
          totals:
            - {kind: new, label: "new in {title}"}
)";
  auto loaded = workbook::parse_workbook_spec(text, "own.yaml");
  REQUIRE(loaded.spec);
  testing::Analysed a(testing::small_registry());
  auto model = workbook::build_workbook_model(*loaded.spec, a.data());
  REQUIRE(model.sheets.size() == 1);
  const SheetModel& sheet = model.sheets[0];
  CHECK(text_at(sheet, 0, 0) == "ID");
  CHECK(text_at(sheet, 0, 1) == "H23");
  CHECK(text_at(sheet, 2, 3) == "◎×2 ※区全域");
  CHECK(sheet.find(2, 4)->text == "=2010+MATCH(\"◎*\",B3:D3,0)");
  CHECK(sheet.columns[0].width == 9);
  CHECK(sheet.columns[4].hidden);
  CHECK(text_at(sheet, 4, 0) == "new in テスト登録簿");
  CHECK(sheet.find(4, 2)->text == "=COUNTIF($E$2:$E$4,2012)");
  CHECK(sheet.freeze_rows == 1);
  CHECK(sheet.print.repeat_rows == std::nullopt);
  CHECK_FALSE(sheet.autofilter);
}

TEST_CASE("text over Excel's cell limit is clipped at a character boundary, not an error") {
  std::string long_text;
  for (int i = 0; i < 12000; ++i) long_text += "柏";  // 36,000 bytes
  std::string clipped = workbook::clip_cell_text(long_text);
  CHECK(clipped.size() <= workbook::kMaxCellTextBytes);
  CHECK(clipped.size() > workbook::kMaxCellTextBytes - 6);
  CHECK(clipped.substr(clipped.size() - 3) == "…");
  CHECK(clipped.substr(0, 3) == "柏");
  CHECK((clipped.size() - 3) % 3 == 0);  // whole characters only
  CHECK(workbook::clip_cell_text("short") == "short");

  auto reg = testing::small_registry();
  reg.regions[0].note = long_text;
  testing::Analysed a(std::move(reg));
  auto model = workbook::build_workbook_model(default_spec(), a.data());
  CHECK(text_at(sheet_named(model, "波及状況"), 2, 3) == clipped);
}
