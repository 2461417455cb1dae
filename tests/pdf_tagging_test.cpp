// Tagged PDF read back by independent tools: pdfinfo (Tagged: yes), qpdf --json (the structure
// tree, /Lang, /Alt) and pdftotext (reading order), on hand-built pages and on the default deck.
#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "renderers/cairo/page_renderers.h"
#include "tests/support.h"

using nlohmann::json;
using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;

namespace tenkai {
namespace {

// A structure element as qpdf shows it: its type, its attributes and its child elements.
struct Element {
  std::string type;
  json value;
  std::vector<Element> kids;
};

struct Tagged {
  json catalog;
  Element root;  // the StructTreeRoot
};

// Reads the structure tree of `pdf` from `qpdf --json`.
Tagged structure(const std::string& pdf) {
  auto out = run("qpdf --json --json-key=qpdf " + shell_quote(pdf));
  REQUIRE(out.exit_code == 0);
  json objects = json::parse(out.out)["qpdf"][1];
  auto object = [&](const json& reference) -> json {
    if (!reference.is_string()) return reference;
    auto found = objects.find("obj:" + reference.get<std::string>());
    return found == objects.end() ? json() : (*found)["value"];
  };
  Tagged tagged;
  for (const auto& [key, entry] : objects.items()) {
    const json& value = entry.contains("value") ? entry["value"] : json();
    if (value.is_object() && value.value("/Type", "") == "/Catalog") tagged.catalog = value;
  }
  std::function<Element(const json&, int)> read = [&](const json& reference, int depth) {
    Element element;
    element.value = object(reference);
    if (!element.value.is_object() || depth > 64) return element;
    element.type = element.value.value("/S", "");
    json kids = element.value.contains("/K") ? element.value["/K"] : json();
    if (!kids.is_array()) kids = json::array({kids});
    for (const auto& kid : kids) {
      json resolved = object(kid);
      if (resolved.is_object() && resolved.value("/Type", "") == "/StructElem")
        element.kids.push_back(read(kid, depth + 1));
    }
    return element;
  };
  if (tagged.catalog.contains("/StructTreeRoot"))
    tagged.root = read(tagged.catalog["/StructTreeRoot"], 0);
  return tagged;
}

void collect(const Element& element, const std::string& type, std::vector<const Element*>& out) {
  if (element.type == type) out.push_back(&element);
  for (const auto& kid : element.kids) collect(kid, type, out);
}

std::vector<const Element*> all(const Element& root, const std::string& type) {
  std::vector<const Element*> out;
  collect(root, type, out);
  return out;
}

scene::Group text_block(const std::string& role, const std::string& text, scene::Point at,
                        double size) {
  scene::TextLine line;
  line.baseline = at;
  line.text = text;
  line.font.size = size;
  line.width = size * 8;
  line.block = scene::new_block();
  return scene::meaningful(scene::TextBlock{role, {at.x, at.y - size, size * 8, size}, {text}},
                           {line});
}

scene::TextLine body_line(const std::string& text, scene::Point at, uint32_t block) {
  scene::TextLine line;
  line.baseline = at;
  line.text = text;
  line.font.size = 12;
  line.width = 12.0 * 6;
  line.block = block;
  return line;
}

// Two slides: a title, a paragraph of two lines, a table of three rows, a chart; a title, a
// drawing with its alt text, a footer. The titles come last in painting order, as the deck
// lays them out.
scene::Document sample() {
  scene::Document document;
  document.info.title = "タグ付きPDF";
  document.info.creation_date = "2015-10-16";
  scene::Page first;
  uint32_t paragraph = scene::new_block();
  first.items.push_back(body_line("本文の一行目", {40, 120}, paragraph));
  first.items.push_back(body_line("本文の二行目", {40, 140}, paragraph));
  scene::Table table;
  table.role = "rollout_table";
  table.box = {40, 160, 300, 60};
  table.column_widths = {150, 150};
  table.row_heights = {20, 20, 20};
  table.cells = {{{"開催地域"}, {"2012年"}}, {{"千葉県柏市"}, {"●"}}, {{"東京都大田区"}, {"●"}}};
  std::vector<scene::Item> cells;
  const char* texts[3][2] = {{"開催地域", "2012年"}, {"千葉県柏市", "●"}, {"東京都大田区", "●"}};
  for (int r = 0; r < 3; ++r) {
    // Painted column by column, as a renderer might: the tags must still read row by row.
    for (int c = 0; c < 2; ++c)
      cells.push_back(body_line(texts[r][c], {45.0 + 150 * c, 175.0 + 20 * r}, scene::new_block()));
  }
  std::vector<scene::Item> by_columns;
  for (int c = 0; c < 2; ++c)
    for (int r = 0; r < 3; ++r) by_columns.push_back(cells[r * 2 + c]);
  scene::Path frame = scene::rectangle(table.box);
  frame.stroke = scene::Stroke{};
  by_columns.push_back(frame);
  first.items.push_back(scene::meaningful(table, by_columns));
  scene::Chart chart;
  chart.role = "adoption_chart";
  chart.box = {400, 100, 200, 150};
  chart.categories = {2011, 2012, 2013, 2014, 2015};
  chart.series = {{"新規", "bar", {}, {1, 3, 4, 5, 4}}, {"累計", "line", {}, {1, 4, 8, 13, 17}}};
  scene::Path bar = scene::rectangle({420, 200, 20, 50});
  bar.fill = scene::Color{0.2, 0.4, 0.8, 1};
  first.items.push_back(scene::meaningful(chart, {bar}));
  first.items.push_back(text_block("footer", "東京大学高齢社会総合研究機構", {200, 530}, 8));
  first.items.push_back(text_block("title", "一枚目の題", {40, 60}, 24));
  first.title = "一枚目の題";
  scene::Page second;
  scene::Drawing drawing{
      "pattern_p2", {40, 100, 300, 200}, "市町村単位で在宅医療を推進する手順の図"};
  scene::Path box = scene::rectangle({60, 120, 100, 50});
  box.fill = scene::Color{0.9, 0.9, 0.9, 1};
  second.items.push_back(scene::meaningful(
      drawing, {box, body_line("地域資源の把握", {70, 150}, scene::new_block())}));
  second.items.push_back(text_block("title", "二枚目の題", {40, 60}, 24));
  second.title = "二枚目の題";
  document.pages = {first, second};
  return document;
}

}  // namespace

TEST_CASE(
    "tagged PDF: Document, a Sect per slide led by its H1, P, Table rows, Figures with /Alt") {
  ScratchDir dir;
  std::string pdf = dir.file("tagged.pdf"), again = dir.file("again.pdf"), error;
  REQUIRE(renderers::write_pdf(sample(), pdf, error));
  REQUIRE(renderers::write_pdf(sample(), again, error));
  CHECK(read_file(pdf) == read_file(again));  // the qpdf pass is deterministic

  auto info = run("pdfinfo " + shell_quote(pdf));
  CHECK(info.out.find("Tagged:          yes") != std::string::npos);
  auto check = run("qpdf --check " + shell_quote(pdf));
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);

  Tagged tagged = structure(pdf);
  CHECK(tagged.catalog["/Lang"] == "u:ja-JP");
  CHECK(tagged.catalog["/MarkInfo"]["/Marked"] == true);
  REQUIRE(tagged.root.kids.size() == 1);
  const Element& document = tagged.root.kids[0];
  CHECK(document.type == "/Document");
  REQUIRE(document.kids.size() == 2);
  for (const auto& sect : document.kids) {
    CHECK(sect.type == "/Sect");
    REQUIRE_FALSE(sect.kids.empty());
    CHECK(sect.kids.front().type == "/H1");  // the title leads, though painted last
    CHECK(all(sect, "/H1").size() == 1);
  }
  const Element& first = document.kids[0];
  CHECK(all(first, "/P").size() == 1);  // two lines of one paragraph; the footer is no P
  auto tables = all(first, "/Table");
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->kids.size() == 3);
  for (const auto& row : tables[0]->kids) CHECK(row.type == "/TR");
  CHECK(tables[0]->kids[0].kids.size() == 2);
  CHECK(tables[0]->kids[0].kids[0].type == "/TH");
  CHECK(tables[0]->kids[1].kids[0].type == "/TD");

  auto figures = all(document, "/Figure");
  REQUIRE(figures.size() == 2);
  CHECK(figures[0]->value["/Alt"] ==
        "u:2011〜2015年度の新規・累計開催地域数。2015年度は新規4地域、累計17地域");
  CHECK(figures[1]->value["/Alt"] == "u:市町村単位で在宅医療を推進する手順の図");

  // Reading order: the table row by row although its cells were painted column by column.
  auto text = run("pdftotext -raw -enc UTF-8 " + shell_quote(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  size_t title = text.out.find("一枚目の題"), body = text.out.find("本文の一行目");
  size_t year = text.out.find("2012年"), kashiwa = text.out.find("千葉県柏市");
  size_t ota = text.out.find("東京都大田区");
  CHECK(title < body);
  CHECK(body < year);
  CHECK(year < kashiwa);
  CHECK(kashiwa < ota);
}

TEST_CASE("the default deck is a tagged PDF with one H1 per slide and Japanese as its language") {
  ScratchDir out;
  REQUIRE(run_tenkai("build --out " + shell_quote(out.path().string())).exit_code == 0);
  std::string pdf = out.file("forum-2015.pdf");
  auto info = run("pdfinfo " + shell_quote(pdf));
  REQUIRE(info.exit_code == 0);
  CHECK(info.out.find("Tagged:          yes") != std::string::npos);
  int pages = std::stoi(info.out.substr(info.out.find("Pages:") + 6));
  CHECK(run("qpdf --check " + shell_quote(pdf)).exit_code == 0);
  Tagged tagged = structure(pdf);
  CHECK(tagged.catalog["/Lang"] == "u:ja-JP");
  REQUIRE(tagged.root.kids.size() == 1);
  const Element& document = tagged.root.kids[0];
  CHECK(static_cast<int>(document.kids.size()) == pages);
  // Every slide, cover and section slides included, has exactly one H1, first.
  int titled = 0;
  for (const auto& sect : document.kids) {
    auto headings = all(sect, "/H1");
    CHECK(headings.size() <= 1);
    if (headings.size() == 1 && sect.kids.front().type == "/H1") ++titled;
  }
  CHECK(titled == pages);
  for (const auto* figure : all(document, "/Figure")) CHECK(figure->value.contains("/Alt"));
}

}  // namespace tenkai
