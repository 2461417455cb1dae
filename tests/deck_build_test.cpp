// `tenkai build` of the forum deck end to end, read back with independent tools: poppler
// (pdftotext, pdffonts, pdfinfo) and qpdf; determinism and the untouched-on-failure rule.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using tenkai::testing::pdf_page_count;
using tenkai::testing::pdf_page_texts;
using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {

std::string without_spaces(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(),
                            [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\f'; }),
             text.end());
  return text;
}

// Every label and note of the spread matrix, from the CLI's JSON.
std::vector<std::string> matrix_texts(const std::string& data) {
  auto matrix = run_tenkai("matrix --format json --data " + shell_quote(data));
  REQUIRE(matrix.exit_code == 0);
  auto json = nlohmann::json::parse(matrix.out);
  std::vector<std::string> texts;
  for (const auto& row : json["rows"]) {
    texts.push_back(row["label"].get<std::string>());
    for (const auto& [year, cell] : row["cells"].items()) {
      for (const auto& note : cell["notes"]) texts.push_back(note.get<std::string>());
    }
  }
  return texts;
}

}  // namespace

TEST_CASE("tenkai build writes the forum deck: text, fonts, pages, structure") {
  ScratchDir out;
  auto result = run_tenkai("build --out " + shell_quote(out.path().string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string pdf = out.file("forum-2015.pdf");
  REQUIRE(std::filesystem::exists(pdf));
  CHECK(std::filesystem::exists(out.file("rollout-table.svg")));
  CHECK(std::filesystem::exists(out.file("rollout-table.png")));

  // Every region label and every note of the seed registry is in the text.
  auto pages = pdf_page_texts(pdf);
  std::string all;
  for (const auto& page : pages) all += page;
  std::string flat = without_spaces(all);
  for (const auto& text : matrix_texts(source_path("fixtures/ipw-2015/registry.yaml"))) {
    INFO(text);
    std::string wanted = without_spaces(text);
    // A note too long for its cell is listed under the table as "※n body", without its own ※.
    const std::string mark = "※";
    if (wanted.rfind(mark, 0) == 0 && flat.find(wanted) == std::string::npos)
      wanted = wanted.substr(mark.size());
    CHECK(flat.find(wanted) != std::string::npos);
  }
  const char* row_notes[] = {"※第1～2回は東大", "※2012年度は地区医師会", "（府内より傍聴受入）"};
  for (const char* note : row_notes) CHECK(flat.find(note) != std::string::npos);
  // The seed's slides, in order, with the footer and page numbers.
  const char* expected[] = {
      "開催パターンの類型化", "市町村単位で在宅医療を推進する手順の一例",
      "研修会ホームページQRコード", "誰が在宅医療の推進を先導・支援するのか", "研修の狙い",
      // 17 rows on one page, as in the seed: the cell notes as ※n references under the table.
      "開催地域の波及状況（年度別推移）", "研修会の種類（機能）別",
      "地域における多職種研修の種類（機能）と", "パターン１：市町村単位の開催",
      "パターン２：広域でリーダー研修を開催＋市町村単位の開催",
      "パターン３：市町村単位の開催＋時系列で研修会の機能が変化", "都道府県内の展開手順別",
      "１．市町村での開催→全県での開催", "２．都道府県単位の開催＋市町村単位の開催",
      "３．都道府県を越えた小規模市町村どうしの伝播", "開催地域数の推移（新規・累計）",
      "都道府県別の初回開催年度"};
  const size_t slides = sizeof expected / sizeof expected[0];
  REQUIRE(pages.size() == slides);
  CHECK(pdf_page_count(pdf) == static_cast<int>(slides));
  for (size_t i = 0; i < pages.size(); ++i) {
    INFO("page " << i + 1);
    CHECK(without_spaces(pages[i]).find(expected[i]) != std::string::npos);
    if (i == 0) continue;  // the title slide has no footer
    CHECK(
        pages[i].find("© Institute of Gerontology, the University of Tokyo All Rights Reserved.") !=
        std::string::npos);
    CHECK(pages[i].find(std::to_string(i + 1)) != std::string::npos);
  }
  CHECK(flat.find("飯島勝矢") != std::string::npos);
  CHECK(flat.find("2015年10月16日") != std::string::npos);
  CHECK(flat.find("事務局把握分のみ") != std::string::npos);
  CHECK(all.find("http://chcm.umin.jp/education/ipw/") != std::string::npos);

  auto fonts = run("pdffonts " + shell_quote(pdf));
  REQUIRE(fonts.exit_code == 0);
  CHECK(fonts.out.find("NotoSansCJKjp-Regular") != std::string::npos);
  CHECK(fonts.out.find("NotoSansCJKjp-Bold") != std::string::npos);
  for (size_t at = fonts.out.find("NotoSansCJK"); at != std::string::npos;
       at = fonts.out.find("NotoSansCJK", at + 1)) {
    std::string line = fonts.out.substr(at, fonts.out.find('\n', at) - at);
    CHECK(line.find(" yes yes ") != std::string::npos);  // embedded, as a subset
  }

  auto info = run("pdfinfo " + shell_quote(pdf));
  CHECK(info.out.find("在宅医療推進のための地域における多職種連携研修会") != std::string::npos);
  CHECK(info.out.find("Oct 16 00:00:00 2015") != std::string::npos);  // fixed, never the clock

  auto check = run("qpdf --check " + shell_quote(pdf));
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);

  // The link annotation and the outline reach the reader.
  auto links = run("qpdf --qdf --object-streams=disable " + shell_quote(pdf) + " -");
  CHECK(links.out.find("http://chcm.umin.jp/education/ipw/") != std::string::npos);
  CHECK(links.out.find("/Outlines") != std::string::npos);
}

TEST_CASE("two builds are byte-identical: PDF, SVG and PNG") {
  ScratchDir first, second;
  REQUIRE(run_tenkai("build --out " + shell_quote(first.path().string())).exit_code == 0);
  REQUIRE(run_tenkai("build --out " + shell_quote(second.path().string())).exit_code == 0);
  for (const char* name : {"forum-2015.pdf", "rollout-table.svg", "rollout-table.png"}) {
    INFO(name);
    std::string a = read_file(first.file(name)), b = read_file(second.file(name));
    CHECK(!a.empty());
    CHECK(a == b);
  }
}

TEST_CASE("a failed build leaves the old deck untouched and no temporary files") {
  ScratchDir out;
  REQUIRE(run_tenkai("build --out " + shell_quote(out.path().string())).exit_code == 0);
  const std::string pdf = out.file("forum-2015.pdf");
  std::string before = read_file(pdf);
  auto written = std::filesystem::last_write_time(pdf);

  ScratchDir specs;
  std::string spec = read_file(source_path("layouts/forum-2015.yaml"));
  auto at = spec.find("type: rollout_table");
  REQUIRE(at != std::string::npos);
  spec.replace(at, 19, "type: rollout_tabel");
  write_file(specs.file("forum-2015.yaml"), spec);
  auto result = run_tenkai("build " + shell_quote(specs.file("forum-2015.yaml")) + " --out " +
                           shell_quote(out.path().string()));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(specs.file("forum-2015.yaml") + ":") == 0);
  CHECK(result.err.find("unknown element type 'rollout_tabel' (did you mean 'rollout_table'?)") !=
        std::string::npos);
  CHECK(read_file(pdf) == before);
  CHECK(std::filesystem::last_write_time(pdf) == written);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    (void)entry;
    ++files;
  }
  // The deck as PDF and PPTX, the rollout table and the eleven diagram figures (SVG and PNG
  // each), the workbook; no leftovers.
  CHECK(files == 2 + 2 + 22 + 1);

  auto check = run_tenkai("check " + shell_quote(specs.file("forum-2015.yaml")));
  CHECK(check.exit_code == 1);
  CHECK(run_tenkai("check " + shell_quote(source_path("layouts/forum-2015.yaml"))).exit_code == 0);
}

TEST_CASE("the national registry's table continues over pages, every region once") {
  ScratchDir dir;
  const std::string data = dir.file("national.yaml");
  REQUIRE(run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(data)).exit_code == 0);
  auto result =
      run_tenkai("build " + shell_quote(source_path("layouts/forum-2015.yaml")) + " --data " +
                 shell_quote(data) + " --out " + shell_quote(dir.path().string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string pdf = dir.file("forum-2015.pdf");
  auto pages = pdf_page_texts(pdf, true);
  CHECK(static_cast<int>(pages.size()) == pdf_page_count(pdf));
  // Sixteen other slides (text and diagrams) plus the table's pages: the first has the title,
  // the rest 続き.
  size_t table_pages = 0, continued = 0;
  std::string table_text;
  for (const auto& page : pages) {
    std::string flat = without_spaces(page);
    if (flat.find("開催地域の波及状況（年度別推移）") == std::string::npos) continue;
    ++table_pages;
    if (flat.find("開催地域の波及状況（年度別推移）（続き）") != std::string::npos) ++continued;
    // The header row, repeated on every page: fifteen years are bare years under one 年度
    // (the tagged PDF's text order puts the spanning 年度 cell before or after the others).
    CHECK(tenkai::testing::count_occurrences(flat, "201120122013") == 1);
    CHECK(flat.find("開催地域") != std::string::npos);
    table_text += flat;
  }
  CHECK(table_pages > 10);
  CHECK(continued == table_pages - 1);
  CHECK(pages.size() == 16 + table_pages);
  auto matrix = run_tenkai("matrix --format json --data " + shell_quote(data));
  auto json = nlohmann::json::parse(matrix.out);
  size_t previous = 0;
  for (const auto& row : json["rows"]) {
    std::string label = without_spaces(row["label"].get<std::string>());
    size_t at = table_text.find(label, previous);
    INFO(label);
    REQUIRE(at != std::string::npos);  // present, in the matrix's order
    previous = at;
  }
  CHECK(run("qpdf --check " + shell_quote(pdf)).exit_code == 0);
}
