// The rollout table element: the seed's 17 rows on one page, 2,000 rows paginated with the header
// repeated and a 続き marker, fitted column widths and wrapping labels, no overlapping text.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/layout_fixtures.h"
#include "tests/support.h"

using namespace tenkai;
using testing::PlacedText;

namespace {

struct Built {
  scene::Document document;
  Diagnostics diagnostics;
};

Built build(const std::string& spec_text, const analysis::SpreadMatrix& matrix) {
  Built out;
  registry::Registry reg;
  reg.title = "在宅医療推進のための地域における多職種連携研修会";
  reg.as_of = "2015-10-16";
  reg.caveat = "事務局把握分のみ";
  analysis::Classification classification;
  auto spec = layout::parse_deck_spec(spec_text, "t.yaml", nullptr, out.diagnostics);
  REQUIRE(spec);
  scene::FixedWidthMeasurer measurer;
  testing::FakeQrEncoder qr;
  layout::LayoutInputs inputs{reg, matrix, classification, measurer, &qr};
  out.document = layout::layout_deck(*spec, inputs, out.diagnostics);
  return out;
}

const char* kTableDeck = R"(tenkai: 1
deck:
  master: {footer: "© Institute of Gerontology, the University of Tokyo All Rights Reserved."}
  slides:
    - title: 開催地域の波及状況（年度別推移）
      elements:
        - {type: rollout_table, data: spread_matrix, years: western,
           footnote: "※{matrix.first_year}～{matrix.last_year}年度まで（{registry.caveat}）"}
)";

// Text boxes: [x, x + width] × [baseline - 0.88 size, baseline + 0.12 size] (fixed-width metrics).
bool overlap(const PlacedText& a, const PlacedText& b) {
  const double eps = 0.01;
  bool x = a.x < b.x + b.width - eps && b.x < a.x + a.width - eps;
  bool y = a.y - 0.88 * a.size < b.y + 0.12 * b.size - eps &&
           b.y - 0.88 * b.size < a.y + 0.12 * a.size - eps;
  return x && y;
}

void check_no_overlap(const scene::Page& page) {
  auto lines = testing::texts(page.items);
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].x >= -0.01);
    CHECK(lines[i].x + lines[i].width <= page.width + 0.01);
    CHECK(lines[i].y <= page.height);
    for (size_t j = i + 1; j < lines.size(); ++j) {
      INFO(lines[i].text << " / " << lines[j].text);
      CHECK_FALSE(overlap(lines[i], lines[j]));
    }
  }
}

}  // namespace

TEST_CASE("the seed's 17 rows fit one slide with header, marks, notes and the caveat") {
  auto matrix = testing::seed_like_matrix();
  auto built = build(kTableDeck, matrix);
  CHECK(built.diagnostics.items().empty());
  REQUIRE(built.document.pages.size() == 1);
  const auto& page = built.document.pages[0];
  std::string text = testing::all_text(page.items);
  for (const char* header : {"開催地域\n", "主催\n", "2011年\n", "2015年\n"})
    CHECK(tenkai::testing::count_occurrences(text, header) == 1);
  for (const auto& row : matrix.rows) {
    INFO(row.label);
    CHECK(text.find(row.label) != std::string::npos);
    // Notes may wrap inside their cell: look for them with the line breaks taken out.
    std::string flat = text;
    flat.erase(std::remove(flat.begin(), flat.end(), '\n'), flat.end());
    if (!row.note.empty()) CHECK(flat.find(row.note) != std::string::npos);
    for (const auto& [year, cell] : row.cells) {
      // A note too long for its cell is listed under the table as "※n body".
      for (const auto& note : cell.notes) {
        const std::string mark = "※";
        std::string body = note.rfind(mark, 0) == 0 ? note.substr(mark.size()) : note;
        CHECK(flat.find(body) != std::string::npos);
      }
    }
  }
  size_t cells = 0, doubles = 0;
  for (const auto& row : matrix.rows) {
    cells += row.cells.size();
    for (const auto& [year, cell] : row.cells) doubles += cell.sessions > 1 ? 1 : 0;
  }
  CHECK(tenkai::testing::count_occurrences(text, "●") == cells);
  CHECK(tenkai::testing::count_occurrences(text, "×2") == doubles);
  CHECK(text.find("※2011～2015年度まで（事務局把握分のみ）") != std::string::npos);
  CHECK(page.title == "開催地域の波及状況（年度別推移）");
  CHECK(text.find("© Institute of Gerontology") != std::string::npos);
  check_no_overlap(page);
}

TEST_CASE("row notes sit below the organizers and cell notes below their mark") {
  auto built = build(kTableDeck, testing::seed_like_matrix());
  auto lines = testing::texts(built.document.pages.at(0).items);
  auto find = [&](const std::string& t) {
    for (const auto& line : lines) {
      if (line.text == t) return line;
    }
    FAIL("missing " << t);
    return PlacedText{};
  };
  PlacedText organizers = find("区在宅医療連携推進協議会");
  PlacedText note = find("※2012年度は地区医師会");
  CHECK(note.y > organizers.y);
  CHECK(note.size >= 10);  // never below the 10 pt floor for table text
  CHECK(note.x == doctest::Approx(organizers.x));
  PlacedText cell_note = find("※大森地区");
  CHECK(cell_note.size >= 10);
  // The mark of 大田区's 2012 cell is centred above its note.
  bool mark_above = false;
  for (const auto& line : lines) {
    if (line.text == "●" && line.y < cell_note.y && line.y > cell_note.y - 20 &&
        std::abs((line.x + line.width / 2) - (cell_note.x + cell_note.width / 2)) < 0.5) {
      mark_above = true;
    }
  }
  CHECK(mark_above);
}

TEST_CASE("year headers in era form when the layout asks") {
  std::string spec = kTableDeck;
  spec.replace(spec.find("years: western"), 14, "years: era");
  auto built = build(spec, testing::seed_like_matrix());
  std::string text = testing::all_text(built.document.pages.at(0).items);
  CHECK(text.find("平成23年度") != std::string::npos);
  CHECK(text.find("平成27年度") != std::string::npos);
  CHECK(text.find("2011年\n") == std::string::npos);
}

TEST_CASE("labels wrap inside a narrow table instead of overflowing") {
  const char* spec = R"(tenkai: 1
deck:
  slides:
    - title: 狭い表
      elements:
        - {type: rollout_table, box: {x: 0, y: 0, width: 330, height: 400}}
)";
  auto built = build(spec, testing::seed_like_matrix());
  REQUIRE_FALSE(built.document.pages.empty());
  bool wrapped = false;
  double left = 36, right = 36 + 330, top = 28 + 56 + 10, bottom = top + 400;
  for (const auto& page : built.document.pages) {
    for (const auto& line : testing::texts(page.items)) {
      // 東京都北多摩地区（広域） is wider than its column: it must be set on more than one line.
      if (line.text.rfind("東京都北", 0) == 0 && line.text != "東京都北多摩地区（広域）")
        wrapped = true;
      if (line.y < top || line.y > bottom) continue;  // title and page number
      INFO(line.text);
      CHECK(line.x >= left - 0.01);
      CHECK(line.x + line.width <= right + 0.01);
    }
  }
  CHECK(wrapped);
  for (const auto& page : built.document.pages) check_no_overlap(page);
}

TEST_CASE("2,000 rows continue over pages with the header repeated and a 続き marker") {
  auto matrix = testing::large_matrix(2000);
  // No time limit here: a shared machine makes one flaky, and bench/ measures the speed.
  auto built = build(kTableDeck, matrix);
  const auto& pages = built.document.pages;
  REQUIRE(pages.size() > 20);
  std::string all;  // every page's text, line breaks taken out (labels may wrap)
  for (size_t p = 0; p < pages.size(); ++p) {
    std::string text = testing::all_text(pages[p].items);
    CHECK(tenkai::testing::count_occurrences(text, "開催地域\n") == 1);
    // Fifteen years are bare years under one spanning 年度 header.
    CHECK(tenkai::testing::count_occurrences(text, "2025\n") == 1);
    CHECK(text.find("事務局把握分のみ") != std::string::npos);
    if (p == 0) {
      CHECK(pages[p].title == "開催地域の波及状況（年度別推移）");
    } else {
      CHECK(pages[p].title == "開催地域の波及状況（年度別推移）（続き）");
      CHECK(text.find("開催地域の波及状況（年度別推移）（続き）") != std::string::npos);
    }
    CHECK(text.find("\n" + std::to_string(p + 1) + "\n") != std::string::npos);  // page number
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    all += text;
  }
  // Every region exactly once, in the matrix's order across the pages.
  size_t previous = 0;
  for (const auto& row : matrix.rows) {
    size_t at = all.find(row.label, previous);
    REQUIRE(at != std::string::npos);
    CHECK(all.find(row.label, at + 1) == std::string::npos);
    previous = at;
  }
  check_no_overlap(pages[1]);
  check_no_overlap(pages.back());
}

TEST_CASE("17 rows in a short box also continue, and nothing is lost") {
  const char* spec = R"(tenkai: 1
deck:
  slides:
    - title: 短い枠
      elements:
        - {type: rollout_table, box: {x: 0, y: 0, width: "100%", height: 200}}
)";
  auto matrix = testing::seed_like_matrix();
  auto built = build(spec, matrix);
  REQUIRE(built.document.pages.size() >= 2);
  std::string all;
  for (const auto& page : built.document.pages) all += testing::all_text(page.items);
  for (const auto& row : matrix.rows)
    CHECK(tenkai::testing::count_occurrences(all, row.label + "\n") == 1);
  CHECK(tenkai::testing::count_occurrences(all, "開催地域\n") == built.document.pages.size());
  CHECK(tenkai::testing::count_occurrences(all, "短い枠（続き）") ==
        built.document.pages.size() - 1);
}
