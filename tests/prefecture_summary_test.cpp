// The prefecture summary: the municipality table, the analysis on the seed and on hand-made
// registries, the deck element read back from `tenkai scene`, and the workbook sheet read back by
// openpyxl (formulas) and recalculated by LibreOffice.
#include "core/analysis/prefecture_summary.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/registry/loader.h"
#include "core/registry/municipality_counts.h"
#include "tests/support.h"

using namespace tenkai;
using testing::run;
using testing::run_tenkai;
using testing::shell_quote;

namespace {

struct Summarized {
  registry::Registry registry;
  analysis::SpreadMatrix matrix;
  analysis::PrefectureSummary summary;
};

Summarized summarize_text(const std::string& text) {
  auto loaded = registry::parse_registry(text, "r.yaml");
  for (const auto& d : loaded.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(loaded.registry);
  Summarized out{std::move(*loaded.registry), {}, {}};
  Diagnostics ignored;
  out.matrix = analysis::compute_spread(out.registry, ignored);
  out.summary = analysis::summarize_prefectures(out.registry, out.matrix);
  return out;
}

const analysis::PrefectureSummaryRow& row_of(const analysis::PrefectureSummary& s,
                                             const std::string& name) {
  for (const auto& row : s.rows) {
    if (row.prefecture == name) return row;
  }
  FAIL("no row for " << name);
  return s.total;
}

std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool have(const std::string& program) {
  return run("command -v " + program + " >/dev/null 2>&1").exit_code == 0;
}

}  // namespace

TEST_CASE("the municipality table: 47 prefectures, 1,741 municipalities with Tokyo's wards") {
  CHECK(registry::municipality_total() == 1741);
  CHECK(registry::municipality_count(1) == 179);  // 北海道
  CHECK(registry::municipality_count(13) == 62);  // 東京都: 39 + 23 special wards
  CHECK(registry::municipality_count(47) == 41);  // 沖縄県
  CHECK(registry::municipality_count(0) == 0);
  CHECK(registry::municipality_count(48) == 0);
}

TEST_CASE("the seed: regions of every level, municipalities covered, first years") {
  auto s =
      summarize_text(testing::read_file(testing::source_path("fixtures/ipw-2015/registry.yaml")));
  REQUIRE(s.summary.rows.size() == 47);
  // 東京都: 大田区 北区 町田市 武蔵村山市 渋谷区 日野市 (municipalities), 東京都（広域）,
  // 北多摩地区.
  const auto& tokyo = row_of(s.summary, "東京都");
  CHECK(tokyo.regions == 8);
  CHECK(tokyo.covered == 6);
  CHECK(tokyo.municipalities == 62);
  CHECK(tokyo.first_year == 2012);
  // 大阪府: only the ward 東淀川区 (within the prefecture region), which covers 大阪市.
  const auto& osaka = row_of(s.summary, "大阪府");
  CHECK(osaka.regions == 1);
  CHECK(osaka.covered == 1);
  CHECK(osaka.first_year == 2013);
  // 滋賀県: the prefecture acting as one area covers no municipality; 大津市 and 高島市 are
  // related activities (not counted), so they are not regions of the matrix.
  const auto& shiga = row_of(s.summary, "滋賀県");
  CHECK(shiga.regions == 1);
  CHECK(shiga.covered == 0);
  const auto& chiba = row_of(s.summary, "千葉県");
  CHECK(chiba.regions == 2);
  CHECK(chiba.covered == 2);
  CHECK(chiba.first_year == 2011);
  CHECK(row_of(s.summary, "北海道").regions == 0);
  CHECK(row_of(s.summary, "北海道").first_year == 0);
  CHECK(s.summary.total.regions == static_cast<int>(s.matrix.rows.size()));
  CHECK(s.summary.total.regions == 17);
  CHECK(s.summary.total.municipalities == 1741);
  CHECK(s.summary.total.first_year == 2011);
}

TEST_CASE("a city and its wards count as one municipality; sessions outside the period do not") {
  auto s = summarize_text(R"(tenkai: 1
registry: {title: t, years: [2012, 2014]}
regions:
  - {id: yokohama, name: 横浜市, prefecture: 神奈川県, level: municipality}
  - {id: naka, name: 横浜市中区, prefecture: 神奈川県, level: ward, within: yokohama}
  - {id: kohoku, name: 横浜市港北区, prefecture: 神奈川県, level: ward, within: yokohama}
  - {id: kawasaki-a, name: 川崎市川崎区, prefecture: 神奈川県, level: ward}
  - {id: kawasaki-b, name: 川崎市中原区, prefecture: 神奈川県, level: ward}
  - {id: shonan, name: 湘南地区, prefecture: 神奈川県, level: wide_area}
  - {id: zushi, name: 逗子市, prefecture: 神奈川県, level: municipality}
  - {id: hayama, name: 葉山町, prefecture: 神奈川県, level: municipality}
sessions:
  - {region: naka, fiscal_year: 2012}
  - {region: kohoku, fiscal_year: 2013}
  - {region: kawasaki-a, fiscal_year: 2013}
  - {region: kawasaki-b, fiscal_year: 2014}
  - {region: shonan, fiscal_year: 2014}
  - {region: zushi, fiscal_year: 2014, counted: false}
  - {region: hayama, fiscal_year: 2011}
)");
  const auto& kanagawa = row_of(s.summary, "神奈川県");
  CHECK(kanagawa.regions == 5);  // two Yokohama wards, two Kawasaki wards, 湘南地区
  CHECK(kanagawa.covered == 2);  // 横浜市 (by `within`) and 川崎市 (by the wards' names)
  CHECK(kanagawa.municipalities == 33);
  CHECK(kanagawa.first_year == 2012);  // 葉山町's FY2011 is outside the period
  CHECK(kanagawa.share() == doctest::Approx(2.0 / 33));
}

TEST_CASE("the deck element: 47 prefectures on three balanced 4:3 pages at 10 pt or more") {
  testing::ScratchDir dir;
  const std::string data = dir.file("national.yaml");
  REQUIRE(run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(data)).exit_code == 0);
  testing::write_file(dir.file("deck.yaml"), R"(tenkai: 1
deck:
  page: "4:3"
  slides:
    - title: 都道府県別の開催状況
      elements:
        - {type: prefecture_summary, prefectures: all, total_label: 全国}
      footnotes: ["※{registry.caveat}"]
)");
  auto scene =
      run_tenkai("scene " + shell_quote(dir.file("deck.yaml")) + " --data " + shell_quote(data));
  INFO(scene.err);
  REQUIRE(scene.exit_code == 0);
  auto doc = nlohmann::json::parse(scene.out);
  std::vector<nlohmann::json> tables;
  for (const auto& page : doc["pages"]) {
    for (const auto& item : page["items"]) {
      if (item["kind"] == "table" && item["role"] == "prefecture_summary") tables.push_back(item);
    }
    for (const auto& line : page["lines"]) CHECK(line["size"].get<double>() >= 8.0 - 1e-6);
  }
  REQUIRE(tables.size() == 3);
  std::vector<std::string> names;
  size_t body_rows[3] = {0, 0, 0};
  for (size_t t = 0; t < tables.size(); ++t) {
    const auto& rows = tables[t]["rows"];
    CHECK(tables[t]["header_rows"] == 1);
    CHECK(rows[0][0] == "都道府県");  // the header on every page
    CHECK(rows[0][4] == "開催市区町村の割合");
    body_rows[t] = rows.size() - 1;
    for (size_t r = 1; r < rows.size(); ++r) names.push_back(rows[r][0]);
  }
  // 47 prefectures and the totals row, shared 16 / 16 / 16.
  CHECK(body_rows[0] == 16);
  CHECK(body_rows[1] == 16);
  CHECK(body_rows[2] == 16);
  CHECK_FALSE(tables[0]["continued"].get<bool>());
  REQUIRE(names.size() == 48);
  CHECK(names.front() == "北海道");
  CHECK(names[46] == "沖縄県");
  CHECK(names.back() == "全国");
  const auto& last = tables[2]["rows"].back();
  CHECK(last[3] == "1,741");
  // Table text is never below the body floor on a 4:3 page.
  for (const auto& page : doc["pages"]) {
    for (const auto& item : page["items"]) {
      if (item["kind"] != "table") continue;
      auto box = item["box"];
      for (const auto& line : page["lines"]) {
        double cx = line["box"][0].get<double>() + line["box"][2].get<double>() / 2;
        double cy = line["box"][1].get<double>() + line["box"][3].get<double>() / 2;
        if (cx >= box[0].get<double>() && cx <= box[0].get<double>() + box[2].get<double>() &&
            cy >= box[1].get<double>() && cy <= box[1].get<double>() + box[3].get<double>())
          CHECK(line["size"].get<double>() >= 10.0 - 1e-6);
      }
    }
  }
}

TEST_CASE("the deck element: only prefectures with data, a bad key is reported with its place") {
  testing::ScratchDir dir;
  testing::write_file(dir.file("deck.yaml"), R"(tenkai: 1
deck:
  slides:
    - elements:
        - {type: prefecture_summary, years: western}
)");
  auto scene = run_tenkai("scene " + shell_quote(dir.file("deck.yaml")));
  INFO(scene.err);
  REQUIRE(scene.exit_code == 0);
  auto doc = nlohmann::json::parse(scene.out);
  const auto& rows = doc["pages"][0]["items"][0]["rows"];
  REQUIRE(rows.size() == 1 + 9 + 1);  // header, the seed's 9 prefectures, 計
  CHECK(rows[1][0] == "千葉県");
  CHECK(rows[1][1] == "2");
  CHECK(rows[1][5] == "2011年");
  CHECK(rows.back()[0] == "計");
  CHECK(rows.back()[1] == "17");
  CHECK(rows.back()[2] == "13");
  CHECK(rows.back()[3] == "332");

  testing::write_file(dir.file("bad.yaml"), R"(tenkai: 1
deck:
  slides:
    - elements:
        - {type: prefecture_summary, prefectures: with-data}
)");
  auto bad = run_tenkai("check " + shell_quote(dir.file("bad.yaml")));
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.yaml:5:51: error:") != std::string::npos);
  CHECK(bad.err.find("did you mean") != std::string::npos);
}

TEST_CASE(
    "the deck element takes where / sort / limit: the prefectures with most municipal regions") {
  testing::ScratchDir dir;
  testing::write_file(dir.file("deck.yaml"), R"(tenkai: 1
deck:
  slides:
    - elements:
        - {type: prefecture_summary, where: {level: [municipality, ward]}, sort: regions,
           limit: 3}
)");
  auto scene = run_tenkai("scene " + shell_quote(dir.file("deck.yaml")));
  INFO(scene.err);
  REQUIRE(scene.exit_code == 0);
  auto doc = nlohmann::json::parse(scene.out);
  const auto& rows = doc["pages"][0]["items"][0]["rows"];
  REQUIRE(rows.size() == 1 + 3 + 1);
  // 東京都's six municipalities (東京都（広域） and 北多摩地区 left out), 千葉県's two, then the
  // first of the prefectures with one (code order): 神奈川県.
  CHECK(rows[1][0] == "東京都");
  CHECK(rows[1][1] == "6");
  CHECK(rows[1][2] == "6");
  CHECK(rows[2][0] == "千葉県");
  CHECK(rows[3][0] == "神奈川県");
  CHECK(rows[4][0] == "計");
  CHECK(rows[4][1] == "9");
  CHECK(rows[4][3] == "149");  // 62 + 54 + 33
}

TEST_CASE("the workbook sheet: live share and totals, recalculated by LibreOffice after an edit") {
  if (run(python() + " -c 'import openpyxl' 2>/dev/null").exit_code != 0) {
    MESSAGE("skipped: python3-openpyxl is not installed");
    return;
  }
  testing::ScratchDir dir;
  auto built =
      run_tenkai("build " + shell_quote(testing::source_path("layouts/ministry-report.yaml")) +
                 " --out " + shell_quote(dir.path().string()) + " -q");
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  const std::string book = dir.file("ministry-report.xlsx");
  // openpyxl sees the formulas themselves: one share per prefecture and the SUM row.
  const char* formulas = R"PY(import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1])["都道府県別"]
rows = [[c.value for c in r] for r in sheet.iter_rows()]
header = next(i for i, r in enumerate(rows) if r[0] == "都道府県")
assert rows[header][:6] == ["都道府県", "開催地域数", "開催市区町村数", "市区町村数", "開催市区町村の割合", "初回開催年度"], rows[header]
body = rows[header + 1:header + 48]
assert [r[0] for r in body][0] == "北海道" and body[46][0] == "沖縄県", [r[0] for r in body]
n = header + 2
assert all(str(r[4]).startswith("=IF(") for r in body), [r[4] for r in body]
assert body[11][4] == f"=IF(D{n + 11}>0,C{n + 11}/D{n + 11},0)", body[11][4]
total = rows[header + 48]
assert total[0] == "全国", total
assert total[1] == f"=SUM(B{n}:B{n + 46})" and total[3] == f"=SUM(D{n}:D{n + 46})", total
assert total[5] == f"=MIN(F{n}:F{n + 46})", total
assert body[12][6] == "13", body[12]
print("ok")
)PY";
  testing::write_file(dir.file("formulas.py"), formulas);
  auto read = run(python() + " " + shell_quote(dir.file("formulas.py")) + " " + shell_quote(book));
  INFO(read.out << read.err);
  CHECK(read.out == "ok\n");

  if (!have("soffice")) {
    MESSAGE("skipped: soffice (libreoffice-calc-nogui) is not installed");
    return;
  }
  // Edit as a person would: 千葉県 counted against 27 municipalities instead of 54, and one more
  // covered municipality in 東京都; then LibreOffice recalculates every formula.
  const char* edit = R"PY(import sys, openpyxl
sys.path.insert(0, sys.argv[3])
from libreoffice_recalc import recalculated_csv
import tempfile
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["都道府県別"]
def row(name):
    return next(r for r in sheet.iter_rows() if r[0].value == name)
row("千葉県")[3].value = 27
row("東京都")[2].value = 7
book.save(sys.argv[2])
with tempfile.TemporaryDirectory() as work:
    rows = recalculated_csv(sys.argv[2], "都道府県別", work)
got = {r[0]: r for r in rows if r}
share = lambda text: f"{float(text.rstrip('%')):.1f}%"
print(share(got["千葉県"][4]), share(got["東京都"][4]), got["全国"][2], got["全国"][3],
      share(got["全国"][4]))
)PY";
  testing::write_file(dir.file("edit.py"), edit);
  auto recalc = run(python() + " " + shell_quote(dir.file("edit.py")) + " " + shell_quote(book) +
                    " " + shell_quote(dir.file("edited.xlsx")) + " " +
                    shell_quote(testing::source_path("scripts")));
  INFO(recalc.out << recalc.err);
  REQUIRE(recalc.exit_code == 0);
  // 2/27 = 7.4%, 7/62 = 11.3%; 全国: 13 + 1 covered of 1,741 − 27 = 1,714 → 0.8%.
  CHECK(recalc.out == "7.4% 11.3% 14 1714 0.8%\n");
}
