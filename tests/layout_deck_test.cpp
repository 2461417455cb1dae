// Deck layout with the fixed-width measurer: the master (header, footer, page numbers), text that
// shrinks to fit and the warning when it cannot, placement, links, QR codes and figures.
#include <doctest/doctest.h>

#include "tests/layout_fixtures.h"

using namespace tenkai;

namespace {

struct Built {
  scene::Document document;
  Diagnostics diagnostics;
  std::string qr_text;
};

Built build(const std::string& spec_text) {
  Built out;
  registry::Registry reg;
  reg.title = "在宅医療推進のための地域における多職種連携研修会";
  reg.as_of = "2015-10-16";
  reg.caveat = "事務局把握分のみ";
  analysis::SpreadMatrix matrix = testing::seed_like_matrix();
  analysis::Classification classification;
  auto spec = layout::parse_deck_spec(spec_text, "deck.yaml", nullptr, out.diagnostics);
  REQUIRE(spec);
  scene::FixedWidthMeasurer measurer;
  testing::FakeQrEncoder qr;
  layout::LayoutInputs inputs{reg, matrix, classification, measurer, &qr};
  out.document = layout::layout_deck(*spec, inputs, out.diagnostics);
  out.qr_text = qr.last_text;
  return out;
}

const testing::PlacedText* find(const std::vector<testing::PlacedText>& lines,
                                const std::string& text) {
  for (const auto& line : lines) {
    if (line.text == text) return &line;
  }
  return nullptr;
}

template <typename T>
std::vector<T> all_of(const std::vector<scene::Item>& items) {
  std::vector<T> out;
  for (const auto& item : items) {
    if (const auto* value = std::get_if<T>(&item)) out.push_back(*value);
    if (const auto* group = std::get_if<scene::Group>(&item)) {
      auto inner = all_of<T>(group->items);
      out.insert(out.end(), inner.begin(), inner.end());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("metadata, page size, footer and page numbers come from the spec, never the clock") {
  auto built = build(R"(tenkai: 1
deck:
  meta: {title: "{registry.title}", author: 飯島 勝矢, subject: 類型化}
  page: "16:9"
  master: {footer: "© Institute of Gerontology", page_number: true, logo: IOG}
  slides:
    - {name: cover, style: title, elements: [{type: title, text: 表紙}]}
    - {title: 一枚目, elements: [{type: text, text: 本文}]}
    - {title: 二枚目, footer: false, elements: [{type: text, text: 本文}]}
)");
  CHECK(built.diagnostics.items().empty());
  const auto& doc = built.document;
  CHECK(doc.info.title == "在宅医療推進のための地域における多職種連携研修会");
  CHECK(doc.info.author == "飯島 勝矢");
  CHECK(doc.info.creation_date == "2015-10-16T00:00:00Z");  // the registry's as_of
  REQUIRE(doc.pages.size() == 3);
  CHECK(doc.pages[0].width == 960);
  CHECK(doc.pages[0].title == "cover");
  CHECK(doc.pages[1].title == "一枚目");
  auto cover = testing::texts(doc.pages[0].items);
  CHECK_FALSE(find(cover, "© Institute of Gerontology"));  // title slides: no footer
  auto first = testing::texts(doc.pages[1].items);
  const auto* footer = find(first, "© Institute of Gerontology");
  const auto* number = find(first, "2");
  const auto* logo = find(first, "IOG");
  REQUIRE(footer);
  REQUIRE(number);
  REQUIRE(logo);
  CHECK(number->x + number->width == doctest::Approx(960 - 36));  // right margin
  CHECK(logo->x == doctest::Approx(36));
  CHECK(footer->y > 500);
  const auto* heading = find(first, "一枚目");
  REQUIRE(heading);
  CHECK(heading->bold);
  CHECK(heading->size == 24);
  CHECK_FALSE(find(testing::texts(doc.pages[2].items), "3"));  // footer: false
}

TEST_CASE("text that does not fit shrinks within the theme's limit, silently") {
  // 40 CJK characters at 18 pt are 720 pt: in a 300 pt wide, 60 pt high box that is three
  // lines at full size (70 pt high), two lines at 85% (about 47 pt).
  auto built = build(R"(tenkai: 1
deck:
  slides:
    - name: fit
      title: 縮小
      elements:
        - {type: text, text: あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらり,
           box: {x: 0, y: 0, width: 300, height: 60}}
)");
  CHECK(built.diagnostics.items().empty());
  auto lines = testing::texts(built.document.pages.at(0).items);
  double size = 0;
  double bottom = 0;
  for (const auto& line : lines) {
    if (line.text.rfind("あ", 0) == 0 || line.text.find("り") != std::string::npos) {
      size = line.size;
      bottom = std::max(bottom, line.y + 0.12 * line.size);
    }
  }
  CHECK(size < 18);
  CHECK(size >= 18 * 0.7);
  CHECK(bottom <= 28 + 56 + 10 + 60 + 0.01);  // inside the box
}

TEST_CASE("text that cannot fit even at the limit is set at the limit and reported") {
  auto built = build(R"(tenkai: 1
deck:
  theme: {min_scale: 0.8}
  slides:
    - name: crowded
      title: 溢れ
      elements:
        - {type: text, text: 短い}
        - id: long
          type: text
          text: あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん
          box: {x: 0, y: 0, width: 100, height: 40}
)");
  REQUIRE(built.diagnostics.items().size() == 1);
  const auto& warning = built.diagnostics.items()[0];
  CHECK(warning.severity == Severity::warning);
  CHECK(warning.pos.line == 9);  // the element's map in the spec
  CHECK(warning.pos.col == 11);
  std::string text = format_diagnostic(warning);
  CHECK(text.find(
            "deck.yaml:9:11: warning: slide 1 'crowded', element 'text' ('long'): text does not "
            "fit its box even at 80% size") == 0);
  // Set at the limit, and nothing is dropped: every character is still on the page.
  std::string all;
  for (const auto& line : testing::texts(built.document.pages.at(0).items)) {
    if (line.size == doctest::Approx(18 * 0.8)) all += line.text;
  }
  CHECK(all ==
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわを"
        "ん");
}

TEST_CASE("rows, columns and grid share the content area; explicit boxes are placed as given") {
  auto built = build(R"(tenkai: 1
deck:
  slides:
    - title: 配置
      layout: columns
      gap: 20
      elements:
        - {type: text, text: 左}
        - {type: text, text: 右, weight: 3}
        - {type: text, text: 箱, box: {x: "50%", y: 100, width: 50, height: 20}}
    - title: 格子
      layout: grid
      columns: 2
      gap: 0
      elements:
        - {type: text, text: 一}
        - {type: text, text: 二}
        - {type: text, text: 三}
)");
  CHECK(built.diagnostics.items().empty());
  auto columns = testing::texts(built.document.pages.at(0).items);
  // Content area: x 36..684 (648 wide); 628 after the gap, split 1:3.
  CHECK(find(columns, "左")->x == doctest::Approx(36));
  CHECK(find(columns, "右")->x == doctest::Approx(36 + 157 + 20));
  CHECK(find(columns, "箱")->x == doctest::Approx(36 + 324));
  CHECK(find(columns, "箱")->y == doctest::Approx(28 + 56 + 10 + 100 + 0.88 * 18));
  auto grid = testing::texts(built.document.pages.at(1).items);
  CHECK(find(grid, "二")->x == doctest::Approx(36 + 324));
  CHECK(find(grid, "三")->x == doctest::Approx(36));
  CHECK(find(grid, "三")->y > find(grid, "一")->y);
}

TEST_CASE("bullets nest with smaller type and emphasis; links and QR codes are clickable") {
  auto built = build(R"(tenkai: 1
deck:
  slides:
    - title: 研修の狙い
      elements:
        - type: bullets
          items:
            - text: かかりつけ医の在宅医療参入の動機付け
              items: [地域医療の基本はかかりつけ医, "**医師を含む**多職種連携"]
            - {text: 市町村を単位とする, emphasis: true}
        - {type: link, url: "http://chcm.umin.jp/education/ipw/", size: 14}
        - {type: qr, data: "http://chcm.umin.jp/education/ipw/", size: 90, align: right}
)");
  CHECK(built.diagnostics.items().empty());
  const auto& page = built.document.pages.at(0);
  auto lines = testing::texts(page.items);
  const auto* top = find(lines, "かかりつけ医の在宅医療参入の動機付け");
  const auto* sub = find(lines, "地域医療の基本はかかりつけ医");
  const auto* strong = find(lines, "医師を含む");
  const auto* emphasised = find(lines, "市町村を単位とする");
  REQUIRE(top);
  REQUIRE(sub);
  REQUIRE(strong);
  REQUIRE(emphasised);
  CHECK(sub->size < top->size);
  CHECK(sub->x > top->x);
  CHECK(strong->bold);
  CHECK(emphasised->bold);
  CHECK(find(lines, "■"));
  CHECK(find(lines, "–"));
  auto links = all_of<scene::Link>(page.items);
  REQUIRE(links.size() == 2);  // the link text and the QR code
  CHECK(links[0].uri == "http://chcm.umin.jp/education/ipw/");
  CHECK(links[1].uri == "http://chcm.umin.jp/education/ipw/");
  CHECK(built.qr_text == "http://chcm.umin.jp/education/ipw/");
  CHECK(links[1].area.width == doctest::Approx(90));
  CHECK(links[1].area.x + 90 == doctest::Approx(684));  // right-aligned
  // The 21×21 fake code has 221 dark modules in checkerboard runs of one: 221 rectangles.
  size_t rectangles = 0;
  for (const auto& path : all_of<scene::Path>(page.items)) {
    if (path.fill && path.fill->r == 0 && path.fill->g == 0) {
      for (const auto& segment : path.segments)
        rectangles += segment.verb == scene::PathVerb::close;
    }
  }
  CHECK(rectangles == 221);
}

TEST_CASE("placeholders expand from the registry and the matrix") {
  auto built = build(R"(tenkai: 1
deck:
  slides:
    - title: "{registry.title}"
      elements:
        - {type: text, text: "{matrix.first_year}～{matrix.last_year}年度、{matrix.regions}地域（{registry.as_of_ja}時点）"}
)");
  auto lines = testing::texts(built.document.pages.at(0).items);
  std::string all;
  for (const auto& line : lines) all += line.text;
  CHECK(all.find("2011～2015年度、17地域（2015年10月16日時点）") != std::string::npos);
  CHECK(built.document.pages[0].title == "在宅医療推進のための地域における多職種連携研修会");
}

TEST_CASE("an element with `figure:` is also written as a page of its own size") {
  auto built = build(R"(tenkai: 1
deck:
  slides:
    - title: 表
      elements:
        - {type: rollout_table, figure: {name: rollout-table, formats: [svg]}}
)");
  REQUIRE(built.document.figures.size() == 1);
  const auto& figure = built.document.figures[0];
  CHECK(figure.name == "rollout-table");
  CHECK(figure.formats == std::vector<std::string>{"svg"});
  CHECK(figure.page.width == doctest::Approx(648 + 12));
  CHECK(figure.page.height < 540);
  std::string text = testing::all_text(figure.page.items);
  CHECK(text.find("千葉県柏市") != std::string::npos);
  CHECK(text.find("© ") == std::string::npos);  // the element alone, no master
  for (const auto& line : testing::texts(figure.page.items)) {
    CHECK(line.x >= 0);
    CHECK(line.y <= figure.page.height);
  }
}
