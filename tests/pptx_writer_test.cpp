// The PPTX writer on a hand-made page holding one of every meaning, read back by an independent
// reader (tests/pptx_readback.py: zipfile + ElementTree + openpyxl).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "renderers/cairo/page_renderers.h"
#include "renderers/pptx/pptx_writer.h"
#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
namespace scene = tenkai::scene;

namespace {

scene::TextLine line(double x, double y, std::string text, double size, uint32_t block) {
  scene::TextLine l;
  l.baseline = {x, y};
  l.text = std::move(text);
  l.font.size = size;
  l.width = size * 0.9 * double(l.text.size()) / 3;
  l.block = block;
  return l;
}

scene::Group shape_group(const std::string& id, const std::string& text, scene::Rect box) {
  scene::Shape shape;
  shape.id = id;
  shape.role = "region";
  shape.box = box;
  shape.fill = scene::Color{0.9, 0.9, 1};
  shape.stroke = scene::Stroke{};
  shape.text = text;
  shape.region = id;
  scene::Path outline = scene::rectangle(box);
  outline.fill = shape.fill;
  return scene::meaningful(shape,
                           {outline, line(box.x + 10, box.y + 30, text, 14, scene::new_block())});
}

scene::Document sample(const std::string& scratch) {
  scene::Document doc;
  doc.info = {"試験", "著者", "件名", "2015-10-16T00:00:00Z"};
  scene::Page page;
  page.title = "試験のページ";
  page.notes = "一行目\n二行目";
  scene::TextBlock title{"title", {36, 30, 648, 40}, {"開催地域の波及状況"}};
  page.items.push_back(
      scene::meaningful(title, {line(36, 60, "開催地域の波及状況", 24, scene::new_block())}));
  // Lines of a block with its source text rejoin where the source has no break.
  uint32_t flowed = scene::new_block();
  scene::TextBlock body{"body", {36, 80, 200, 60}, {"これは長い文章の続きです"}};
  page.items.push_back(scene::meaningful(body, {line(36, 100, "これは長い文章の", 16, flowed),
                                                line(36, 124, "続きです", 16, flowed)}));
  uint32_t latin = scene::new_block();
  scene::TextBlock english{"body", {36, 136, 60, 40}, {"hello world"}};
  page.items.push_back(scene::meaningful(
      english, {line(36, 150, "hello", 12, latin), line(36, 166, "world", 12, latin)}));
  // Without a source, the lines of one block stay one paragraph with their breaks kept.
  uint32_t loose = scene::new_block();
  page.items.push_back(line(250, 150, "人口約34万人", 10, loose));
  page.items.push_back(line(250, 162, "2014年度", 10, loose));
  page.items.push_back(line(400, 100, "リンク先", 12, scene::new_block()));
  page.items.push_back(scene::Link{{398, 86, 60, 18}, "http://example.org/"});

  scene::Table table;
  table.role = "rollout_table";
  table.box = {36, 200, 300, 60};
  table.column_widths = {100, 100, 100};
  table.row_heights = {30, 30};
  table.cells = {{{"開催地域"}, {"2011年度"}, {""}}, {{"柏市"}, {"●"}, {"●\n※注"}}};
  table.spans = {{0, 1, 1, 2}};
  page.items.push_back(scene::meaningful(table, {}));

  scene::Chart chart;
  chart.role = "adoption_chart";
  chart.box = {360, 200, 320, 200};
  chart.categories = {2011, 2012};
  chart.series = {{"新規開催地域", "bar", {0.1, 0.2, 0.4}, {1, 3}},
                  {"累計開催地域", "line", {0.8, 0, 0}, {1, 4}}};
  page.items.push_back(scene::meaningful(chart, {}));

  page.items.push_back(shape_group("a", "日野市", {36, 300, 100, 50}));
  page.items.push_back(shape_group("b", "八王子市", {200, 300, 100, 50}));
  scene::Connector connector;
  connector.from = "a";
  connector.to = "b";
  connector.start = {136, 325};
  connector.end = {200, 325};
  connector.links = {{"a", "b", "leader_alumni"}};
  page.items.push_back(scene::meaningful(connector, {scene::line({136, 325}, {200, 325})}));

  scene::Path triangle;
  triangle.segments = {{scene::PathVerb::move_to, {{40, 400}}},
                       {scene::PathVerb::line_to, {{80, 400}}},
                       {scene::PathVerb::line_to, {{60, 430}}},
                       {scene::PathVerb::close, {}}};
  triangle.fill = scene::Color{0, 0.5, 0};
  page.items.push_back(triangle);

  // A picture: a small PNG painted by our own PNG writer.
  scene::Page tiny;
  tiny.width = tiny.height = 10;
  scene::Path dot = scene::rectangle({2, 2, 6, 6});
  dot.fill = scene::Color{1, 0, 0};
  tiny.items.push_back(dot);
  std::string error;
  std::string png = scratch + "/tiny.png";
  REQUIRE(tenkai::renderers::write_png(tiny, png, error));
  auto data = std::make_shared<scene::ImageData>();
  data->format = "png";
  std::string bytes = read_file(png);
  data->bytes.assign(bytes.begin(), bytes.end());
  data->pixel_width = data->pixel_height = 20;
  page.items.push_back(scene::Image{{600, 420, 40, 40}, data, "ロゴ"});

  scene::Path module = scene::rectangle({500, 420, 20, 20});
  module.fill = scene::Color{0, 0, 0};
  page.items.push_back(
      scene::meaningful(scene::Drawing{"qr_code", {500, 420, 40, 40}, "QRコード"}, {module}));
  page.items.push_back(scene::Link{{500, 420, 40, 40}, "http://chcm.umin.jp/"});
  doc.pages.push_back(page);
  scene::Page second;
  second.title = "二枚目";
  second.items.push_back(line(36, 60, "二枚目", 20, scene::new_block()));
  doc.pages.push_back(second);
  return doc;
}

nlohmann::json dump(const std::string& pptx) {
  auto result =
      run(shell_quote(source_path("tests/pptx_readback.py")) + " dump " + shell_quote(pptx));
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

bool has_paragraphs(const nlohmann::json& slide, const std::vector<std::string>& paragraphs) {
  for (const auto& text : slide["texts"]) {
    if (text["paragraphs"].get<std::vector<std::string>>() == paragraphs) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("pptx: every meaning becomes its native object, read back independently") {
  ScratchDir scratch;
  auto doc = sample(scratch.path().string());
  tenkai::renderers::PptxOptions options;
  options.work_dir = scratch.path().string();
  std::string error;
  std::string pptx = scratch.file("deck.pptx");
  REQUIRE_MESSAGE(tenkai::renderers::write_pptx(doc, options, pptx, error), error);

  auto check =
      run(shell_quote(source_path("tests/pptx_readback.py")) + " check " + shell_quote(pptx));
  CHECK_MESSAGE(check.exit_code == 0, check.out);

  auto deck = dump(pptx);
  REQUIRE(deck["slides"].size() == 2);
  const auto& slide = deck["slides"][0];
  // One text box per block; the lines of a block rejoin into one paragraph.
  CHECK(has_paragraphs(slide, {"開催地域の波及状況"}));
  CHECK(has_paragraphs(slide, {"これは長い文章の続きです"}));
  CHECK(has_paragraphs(slide, {"hello world"}));
  CHECK(has_paragraphs(slide, {"人口約34万人\n2014年度"}));
  CHECK(has_paragraphs(slide, {"日野市"}));

  REQUIRE(slide["tables"].size() == 1);
  CHECK(slide["tables"][0]["rows"] ==
        nlohmann::json({{"開催地域", "2011年度", ""}, {"柏市", "●", "●\n※注"}}));
  CHECK(slide["tables"][0]["spans"] == nlohmann::json({{0, 1, 1, 2}}));

  REQUIRE(slide["charts"].size() == 1);
  const auto& chart = slide["charts"][0];
  CHECK(chart["categories"] == nlohmann::json({"2011", "2012"}));
  CHECK(chart["series"][0]["values"] == nlohmann::json({1.0, 3.0}));
  CHECK(chart["series"][1]["values"] == nlohmann::json({1.0, 4.0}));
  CHECK(chart["series"][1]["ranges"][2] == "Sheet1!$C$2:$C$3");
  CHECK(chart["workbook"] ==
        nlohmann::json({{"年度", "新規開催地域", "累計開催地域"}, {2011, 1, 1}, {2012, 3, 4}}));

  // The connector is bound to the two region shapes.
  REQUIRE(slide["connectors"].size() == 1);
  std::vector<std::string> region_ids;
  for (const auto& s : slide["shapes"]) {
    if (s["name"].get<std::string>().rfind("region", 0) == 0) region_ids.push_back(s["id"]);
  }
  REQUIRE(region_ids.size() == 2);
  CHECK(slide["connectors"][0]["from"] == region_ids[0]);
  CHECK(slide["connectors"][0]["to"] == region_ids[1]);

  std::vector<std::string> alts;
  for (const auto& p : slide["pictures"]) alts.push_back(p["alt"]);
  CHECK(alts == std::vector<std::string>{"ロゴ", "QRコード"});
  CHECK(slide["links"] == nlohmann::json({"http://example.org/", "http://chcm.umin.jp/"}));
  CHECK(slide["notes"] == "一行目\n二行目");
  CHECK(deck["slides"][1]["notes"].is_null());

  // Byte-identical when written again.
  std::string again = scratch.file("again.pptx");
  REQUIRE(tenkai::renderers::write_pptx(doc, options, again, error));
  CHECK(read_file(again) == read_file(pptx));
}

TEST_CASE("pptx: text XML cannot hold is refused, not written") {
  ScratchDir scratch;
  scene::Document doc;
  scene::Page page;
  page.items.push_back(line(36, 60, std::string("bad\x01text"), 12, 0));
  doc.pages.push_back(page);
  tenkai::renderers::PptxOptions options;
  options.work_dir = scratch.path().string();
  std::string error;
  CHECK_FALSE(tenkai::renderers::write_pptx(doc, options, scratch.file("bad.pptx"), error));
  CHECK(error.find("U+0001") != std::string::npos);
}

TEST_CASE(
    "pptx: a card with a header band is a group; labels keep their lines; arrows their sites") {
  ScratchDir scratch;
  scene::Document doc;
  scene::Page page;
  // A card: white body with a navy header band and a white title on it, then a plain box.
  scene::Rect card{40, 40, 200, 120};
  scene::Shape shape;
  shape.id = "card";
  shape.role = "card";
  shape.box = card;
  shape.fill = scene::Color{1, 1, 1};
  shape.stroke = scene::Stroke{scene::Color{0.12, 0.22, 0.39}, 1.5, {}};
  shape.text = "見出し本文";
  scene::Path body = scene::rectangle(card);
  body.fill = shape.fill;
  body.stroke = shape.stroke;
  scene::Path band = scene::rectangle({40, 40, 200, 30});
  band.fill = scene::Color{0.12, 0.22, 0.39};
  scene::TextLine title = line(60, 62, "見出し", 16, scene::new_block());
  title.color = {1, 1, 1};
  page.items.push_back(
      scene::meaningful(shape, {body, band, title, line(60, 110, "本文", 14, scene::new_block())}));
  page.items.push_back(shape_group("box", "日野市", {400, 40, 160, 120}));
  // Two arrows between the boxes, drawn a third and two thirds down their sides.
  for (double y : {80.0, 120.0}) {
    scene::Connector c;
    c.from = "card", c.to = "box";
    c.start = {240, y}, c.end = {400, y};
    page.items.push_back(scene::meaningful(c, {scene::line(c.start, c.end)}));
  }
  doc.pages.push_back(page);
  tenkai::renderers::PptxOptions options;
  options.work_dir = scratch.path().string();
  std::string error;
  std::string pptx = scratch.file("deck.pptx");
  REQUIRE_MESSAGE(tenkai::renderers::write_pptx(doc, options, pptx, error), error);
  CHECK(run(shell_quote(source_path("tests/pptx_readback.py")) + " check " + shell_quote(pptx))
            .exit_code == 0);

  // Read with ElementTree: what the group holds, how the label wraps, where the arrows bind.
  tenkai::testing::write_file(scratch.file("probe.py"), R"(import sys, zipfile
import xml.etree.ElementTree as ET
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("ppt/slides/slide1.xml"))
tree = root.find(P + "cSld/" + P + "spTree")
for group in tree.findall(P + "grpSp"):
    fills = [c.get("val") for sp in group.findall(P + "sp")
             for c in sp.findall(P + "spPr/" + A + "solidFill/" + A + "srgbClr")]
    names = [sp.find(P + "nvSpPr/" + P + "cNvPr").get("name").split(" ")[0]
             for sp in group.findall(P + "sp")]
    white = [r.find(A + "t").text for r in group.iter(A + "r")
             if r.find(A + "rPr/" + A + "solidFill/" + A + "srgbClr").get("val") == "FFFFFF"]
    print("group", names[0], ",".join(fills), ",".join(white))
for sp in tree.findall(P + "sp"):
    name = sp.find(P + "nvSpPr/" + P + "cNvPr").get("name").split(" ")[0]
    print("shape", name, sp.find(P + "txBody/" + A + "bodyPr").get("wrap"),
          len(sp.findall(P + "spPr/" + A + "custGeom/" + A + "cxnLst/" + A + "cxn")))
for cxn in tree.findall(P + "cxnSp"):
    props = cxn.find(P + "nvCxnSpPr/" + P + "cNvCxnSpPr")
    print("connector", props.find(A + "stCxn").get("idx"), props.find(A + "endCxn").get("idx"))
)");
  auto probe =
      run("/usr/bin/python3 " + shell_quote(scratch.file("probe.py")) + " " + shell_quote(pptx));
  INFO(probe.out << probe.err);
  REQUIRE(probe.exit_code == 0);
  // The card is a group: its box first (white), then the band in the header's colour, and the
  // title in white above them.
  CHECK(probe.out.find("group card FFFFFF,1F3863 見出し\n") != std::string::npos);
  // The plain box keeps its label's lines (no wrapping) and has a site for each arrow.
  CHECK(probe.out.find("shape region none 6\n") != std::string::npos);
  // Each arrow binds to a site of its own on both boxes (4 and 5: after the four middles).
  CHECK(probe.out.find("connector 4 4\nconnector 5 5\n") != std::string::npos);
}
