// The Cairo renderers read back by independent tools: poppler, qpdf, and pixels of the painting.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cairo.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/layout/text_flow.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/painter.h"
#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
namespace scene = tenkai::scene;
namespace renderers = tenkai::renderers;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Whether pdffonts lists `font` as a subset ("ABCDEF+" prefix) that is embedded, subset and has a
// ToUnicode map: the emb, sub and uni columns all "yes". (No std::regex: GCC 12 warns inside it.)
bool embedded_subset(const std::string& pdffonts, const std::string& font) {
  std::istringstream lines(pdffonts);
  for (std::string line; std::getline(lines, line);) {
    size_t plus = line.find("+" + font + " ");
    if (plus != 6) continue;
    bool tag = true;
    for (size_t i = 0; i < 6; ++i) tag = tag && line[i] >= 'A' && line[i] <= 'Z';
    if (tag && contains(line, " yes yes yes ")) return true;
  }
  return false;
}

// Every "/Rect [ a b c d ]" in the bytes.
std::vector<std::vector<double>> annotation_rects(const std::string& bytes) {
  std::vector<std::vector<double>> rects;
  for (size_t at = bytes.find("/Rect ["); at != std::string::npos;
       at = bytes.find("/Rect [", at + 1)) {
    std::vector<double> r(4);
    if (std::sscanf(bytes.c_str() + at, "/Rect [ %lf %lf %lf %lf ]", &r[0], &r[1], &r[2], &r[3]) ==
        4)
      rects.push_back(r);
  }
  return rects;
}

scene::TextLine text(double x, double y, std::string content, double size = 24,
                     scene::Weight weight = scene::Weight::regular) {
  scene::TextLine line;
  line.baseline = {x, y};
  line.text = std::move(content);
  line.font.size = size;
  line.font.weight = weight;
  return line;
}

// Two pages: Japanese text, a filled and stroked rectangle, a dashed line, a curve, links (one
// inside a translated, clipped group) and page titles for the outline.
scene::Document sample_document() {
  scene::Document document;
  document.info.title = "在宅医療推進フォーラム";
  document.info.author = "東京大学高齢社会総合研究機構";
  document.info.subject = "多職種連携研修の展開";
  document.info.creation_date = "2015-10-16T10:00:00Z";

  scene::Page first;
  first.title = "在宅医療の推進";
  first.items.push_back(text(40, 80, "在宅医療推進のための研修 ●", 28, scene::Weight::bold));
  scene::Path box = scene::rectangle({40, 120, 300, 120});
  box.fill = scene::Color{0.85, 0.92, 1.0};
  box.stroke = scene::Stroke{{0.1, 0.2, 0.5}, 2, {}};
  first.items.push_back(box);
  scene::Path rule = scene::line({40, 280}, {680, 280});
  rule.stroke = scene::Stroke{{0.5, 0.5, 0.5}, 1.5, {6, 3}};
  first.items.push_back(rule);
  scene::Path curve;
  curve.segments.push_back({scene::PathVerb::move_to, {{400, 200}}});
  curve.segments.push_back({scene::PathVerb::curve_to, {{450, 120}, {550, 280}, {600, 200}}});
  curve.stroke = scene::Stroke{{0.8, 0.1, 0.1}, 3, {}};
  first.items.push_back(curve);
  first.items.push_back(scene::Link{{40, 300, 200, 30}, "https://www.iog.u-tokyo.ac.jp/"});
  first.items.push_back(text(40, 322, "機構のウェブサイト", 18));
  scene::Group group;
  group.offset = {100, 400};
  group.clip = scene::Rect{0, 0, 300, 60};
  group.items.push_back(text(10, 30, "柏市 ● 2015年度", 20));
  group.items.push_back(scene::Link{{10, 10, 150, 25}, "https://example.org/kashiwa?a=1&b='x'"});
  first.items.push_back(group);
  document.pages.push_back(first);

  scene::Page second;
  second.width = 960;  // 16:9
  second.title = "展開表";
  second.items.push_back(text(40, 60, "2015年度", 20, scene::Weight::bold));
  second.items.push_back(text(40, 100, "●", 16));
  document.pages.push_back(second);
  return document;
}

bool write_all(const std::string& directory) {
  scene::Document document = sample_document();
  std::string error;
  bool ok = renderers::write_pdf(document, directory + "/deck.pdf", error);
  ok = renderers::write_svg(document.pages[0], directory + "/page.svg", error) && ok;
  ok = renderers::write_png(document.pages[0], directory + "/page.png", error) && ok;
  return ok;
}

// An image of one page painted at one pixel per point, for looking at pixels.
struct Raster {
  int width = 0, height = 0;
  std::vector<unsigned char> gray;  // 0 black .. 255 white
  int at(int x, int y) const { return gray[static_cast<size_t>(y) * width + x]; }
};

Raster rasterize(const scene::Page& page, double scale = 1) {
  Raster raster;
  raster.width = static_cast<int>(page.width * scale);
  raster.height = static_cast<int>(page.height * scale);
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, raster.width, raster.height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  renderers::paint_page(cr, page);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < raster.height; ++y)
    for (int x = 0; x < raster.width; ++x)
      raster.gray.push_back(data[y * stride + x * 4 + 1]);  // green channel of xRGB
  cairo_surface_destroy(surface);
  return raster;
}

}  // namespace

TEST_CASE("PDF read back by poppler and qpdf: text, embedded CJK subset, metadata, outline") {
  ScratchDir dir;
  REQUIRE(write_all(dir.path().string()));
  std::string pdf = dir.file("deck.pdf");
  std::string quoted = shell_quote(pdf);

  auto text_out = run("pdftotext -enc UTF-8 " + quoted + " -");
  REQUIRE(text_out.exit_code == 0);
  CHECK(contains(text_out.out, "在宅医療推進のための研修"));
  CHECK(contains(text_out.out, "●"));
  CHECK(contains(text_out.out, "柏市"));
  CHECK(contains(text_out.out, "2015年度"));

  auto fonts = run("pdffonts " + quoted);
  REQUIRE(fonts.exit_code == 0);
  // Subset names are "ABCDEF+NotoSansCJKjp-...", then type, encoding, emb, sub, uni columns.
  CAPTURE(fonts.out);
  CHECK(embedded_subset(fonts.out, "NotoSansCJKjp-Regular"));
  CHECK(embedded_subset(fonts.out, "NotoSansCJKjp-Bold"));

  auto info = run("pdfinfo -isodates " + quoted);
  REQUIRE(info.exit_code == 0);
  CHECK(contains(info.out, "Title:           在宅医療推進フォーラム"));
  CHECK(contains(info.out, "Author:          東京大学高齢社会総合研究機構"));
  CHECK(contains(info.out, "Subject:         多職種連携研修の展開"));
  CHECK(contains(info.out, "CreationDate:    2015-10-16T10:00:00Z"));
  CHECK(contains(info.out, "ModDate:         2015-10-16T10:00:00Z"));
  CHECK(contains(info.out, "Pages:           2"));
  auto sizes = run("pdfinfo -f 1 -l 2 " + quoted);
  CHECK(contains(sizes.out, "Page    1 size:  720 x 540 pts"));
  CHECK(contains(sizes.out, "Page    2 size:  960 x 540 pts"));

  auto check = run("qpdf --check " + quoted);
  CHECK(check.exit_code == 0);
  CHECK(contains(check.out, "No syntax or stream encoding errors found"));

  auto outline = run("qpdf --json --json-key=outlines " + quoted);
  REQUIRE(outline.exit_code == 0);
  size_t first = outline.out.find("在宅医療の推進");
  size_t second = outline.out.find("展開表");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
}

TEST_CASE("PDF links are annotations at the painted place, group offsets applied") {
  ScratchDir dir;
  REQUIRE(write_all(dir.path().string()));
  // Cairo 1.16 writes annotation dictionaries uncompressed, so they can be read in the bytes.
  std::string bytes = read_file(dir.file("deck.pdf"));
  CHECK(contains(bytes, "/URI (https://www.iog.u-tokyo.ac.jp/)"));
  CHECK(contains(bytes, "/URI (https://example.org/kashiwa?a=1&b='x')"));
  // The grouped link: (100+10, 400+10) size 150 x 25 in a 540 pt high page, PDF y upwards:
  // x 110..260, y 540-435=105 .. 540-410=130.
  auto rects = annotation_rects(bytes);
  REQUIRE(rects.size() == 2);
  bool found_group_link = false, found_plain_link = false;
  for (const auto& r : rects) {
    if (std::abs(r[0] - 110) < 0.5 && std::abs(r[1] - 105) < 0.5 && std::abs(r[2] - 260) < 0.5 &&
        std::abs(r[3] - 130) < 0.5)
      found_group_link = true;
    if (std::abs(r[0] - 40) < 0.5 && std::abs(r[1] - 210) < 0.5 && std::abs(r[2] - 240) < 0.5 &&
        std::abs(r[3] - 240) < 0.5)
      found_plain_link = true;
  }
  CHECK(found_group_link);
  CHECK(found_plain_link);
}

TEST_CASE("PDF, SVG and PNG are byte-identical across writes and across processes") {
  ScratchDir one, two, three;
  REQUIRE(write_all(one.path().string()));
  REQUIRE(write_all(two.path().string()));
  // A second process: this test binary re-run on the writer case below.
  char self[4096];
  ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  REQUIRE(length > 0);
  self[length] = '\0';
  auto other = run("TENKAI_RENDER_SAMPLE_DIR=" + shell_quote(three.path().string()) + " " +
                   shell_quote(self) + " --test-case='cairo renderers: sample writer'");
  REQUIRE(other.exit_code == 0);
  for (const char* name : {"deck.pdf", "page.svg", "page.png"}) {
    CAPTURE(name);
    std::string first = read_file(one.file(name));
    CHECK(first.size() > 1000);
    CHECK(first == read_file(two.file(name)));
    CHECK(first == read_file(three.file(name)));
  }
  std::string svg = read_file(one.file("page.svg"));
  CHECK(contains(svg, "width=\"720pt\" height=\"540pt\""));
  CHECK(contains(svg, "id=\"surface1\""));
  std::string png = read_file(one.file("page.png"));
  REQUIRE(png.size() > 24);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto be32 = [&](size_t at) {
    return (unsigned(static_cast<unsigned char>(png[at])) << 24) |
           (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) |
           unsigned(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(be32(16) == 1440);  // 720 pt at 2 px/pt
  CHECK(be32(20) == 1080);
}

// Only does something when run by the test above, in a separate process.
TEST_CASE("cairo renderers: sample writer") {
  const char* directory = std::getenv("TENKAI_RENDER_SAMPLE_DIR");
  if (directory == nullptr) return;
  REQUIRE(write_all(directory));
}

TEST_CASE("page format table") {
  const auto& formats = renderers::page_formats();
  REQUIRE(formats.size() == 2);
  CHECK(std::string(formats[0].name) == "svg");
  CHECK(std::string(formats[1].extension) == ".png");
  REQUIRE(renderers::find_page_format("png") != nullptr);
  CHECK(renderers::find_page_format("png") == &formats[1]);
  CHECK(renderers::find_page_format("pdf") == nullptr);
  CHECK(renderers::find_page_format("") == nullptr);

  ScratchDir dir;
  scene::Page page = sample_document().pages[0];
  for (const auto& format : formats) {
    std::string error, path = dir.file(std::string("page") + format.extension);
    CHECK(format.write(page, path, error));
    CHECK(error.empty());
    CHECK(read_file(path).size() > 100);
  }
}

TEST_CASE("renderer errors are reported, not crashes") {
  ScratchDir dir;
  scene::Document document = sample_document();
  std::string error;
  std::string missing = dir.file("no/such/folder/out");
  CHECK_FALSE(renderers::write_pdf(document, missing + ".pdf", error));
  CHECK(contains(error, "no/such/folder"));
  error.clear();
  CHECK_FALSE(renderers::write_svg(document.pages[0], missing + ".svg", error));
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK_FALSE(renderers::write_png(document.pages[0], missing + ".png", error));
  CHECK_FALSE(error.empty());

  scene::Document empty = document;
  empty.pages.clear();
  CHECK_FALSE(renderers::write_pdf(empty, dir.file("empty.pdf"), error));
  scene::Document bad_date = document;
  bad_date.info.creation_date = "16 Oct 2015";
  CHECK_FALSE(renderers::write_pdf(bad_date, dir.file("date.pdf"), error));
  CHECK(contains(error, "16 Oct 2015"));
  scene::Page bad_size = document.pages[0];
  bad_size.width = std::nan("");
  CHECK_FALSE(renderers::write_svg(bad_size, dir.file("nan.svg"), error));
  CHECK_FALSE(renderers::write_png(document.pages[0], dir.file("huge.png"), error, 1000));
  CHECK_FALSE(renderers::write_png(document.pages[0], dir.file("zero.png"), error, 0));

  // Odd but paintable content is painted without putting Cairo into an error state.
  scene::Page odd = document.pages[0];
  odd.items.push_back(text(10, 10, std::string("bad \xff\xfe utf-8"), 12));
  odd.items.push_back(text(10, 10, "zero size", 0));
  odd.items.push_back(text(std::nan(""), 10, "nan", 12));
  scene::Path dashed = scene::line({0, 0}, {10, 10});
  dashed.stroke = scene::Stroke{{}, 1, {0, 0, -1}};
  odd.items.push_back(dashed);
  odd.items.push_back(scene::Link{{0, 0, -5, 5}, "https://example.org/"});
  scene::Document odd_document = document;
  odd_document.pages = {odd};
  error.clear();
  CHECK(renderers::write_pdf(odd_document, dir.file("odd.pdf"), error));
  CHECK(error.empty());
  CHECK(renderers::write_svg(odd, dir.file("odd.svg"), error));
  CHECK(renderers::write_png(odd, dir.file("odd.png"), error));
  CHECK(run("qpdf --check " + shell_quote(dir.file("odd.pdf"))).exit_code == 0);
}

TEST_CASE("Pango measurer: plausible widths, CJK about one em, memoized answers stable") {
  auto measurer = renderers::make_pango_measurer();
  scene::Font font;
  font.size = 12;
  auto cjk = measurer->measure("在宅医療", font);
  CHECK(cjk.width == doctest::Approx(48).epsilon(0.02));
  auto circle = measurer->measure("●", font);
  CHECK(circle.width > 6);
  CHECK(circle.width <= 12.01);
  auto short_ascii = measurer->measure("abc", font);
  auto long_ascii = measurer->measure("abcabc", font);
  CHECK(short_ascii.width > 0);
  CHECK(short_ascii.width < 3 * 12 * 0.7);
  CHECK(long_ascii.width == doctest::Approx(2 * short_ascii.width).epsilon(0.01));
  CHECK(measurer->measure("", font).width == 0);
  CHECK(cjk.ascent > 0.8 * 12);
  CHECK(cjk.descent > 0.1 * 12);
  CHECK(cjk.ascent + cjk.descent < 2 * 12);

  scene::Font big = font;
  big.size = 24;
  CHECK(measurer->measure("在宅医療", big).width == doctest::Approx(2 * cjk.width).epsilon(0.001));
  scene::Font bold = font;
  bold.weight = scene::Weight::bold;
  CHECK(measurer->measure("abc", bold).width > short_ascii.width);
  // Asked again (memoized) the answer is identical, and a fresh measurer agrees.
  CHECK(measurer->measure("在宅医療", font).width == cjk.width);
  CHECK(renderers::make_pango_measurer()->measure("在宅医療", font).width == cjk.width);
  scene::Font zero = font;
  zero.size = 0;
  CHECK(measurer->measure("abc", zero).width == 0);
}

TEST_CASE("Pango measurer: a label set smaller stays on one line in its scaled width") {
  // The rollout table sizes its columns from full-size widths and tries smaller sizes by
  // scaling them; a label on one line at full size must stay on one line when set smaller, and
  // each trial size must measure what the scaled widths promise.
  auto measurer = renderers::make_pango_measurer();
  scene::Font full;
  full.size = 11;
  for (const char* text : {"神奈川県川崎市第7区", "北海道第152町", "鹿児島県第19市",
                           "市・地区医師会・訪問看護", "Institute of Gerontology"}) {
    double natural = tenkai::layout::max_content_width({{text, full, {}}}, *measurer);
    for (double scale : {0.95, 0.93, 0.91, 10.0 / 11.0, 0.9, 0.8}) {
      scene::Font smaller = full;
      smaller.size = 11 * scale;
      CAPTURE(text);
      CAPTURE(scale);
      auto flowed = tenkai::layout::flow_text({{text, smaller, {}}}, natural * scale, *measurer);
      CHECK(flowed.lines.size() == 1);
      // Exactly proportional to the size Pango sets (whole 1/1024 points), so every trial size
      // agrees with widths scaled from full size.
      double set_size = std::trunc(smaller.size * 1024) / 1024;
      CHECK(measurer->measure(text, smaller).width * 11 ==
            doctest::Approx(measurer->measure(text, full).width * set_size).epsilon(1e-9));
    }
  }
}

TEST_CASE("painted text agrees with measurement and sits on its baseline") {
  auto measurer = renderers::make_pango_measurer();
  scene::Font font;
  font.size = 40;
  const std::string word = "在宅医療 Hx";
  double width = measurer->measure(word, font).width;

  // The same string painted whole, and painted as two halves placed by the measured width: if
  // measuring and painting disagreed, the second half would shift.
  scene::Page whole{600, 100, "", {}};
  whole.items.push_back(text(10, 60, word + word, 40));
  scene::Page halves{600, 100, "", {}};
  halves.items.push_back(text(10, 60, word, 40));
  halves.items.push_back(text(10 + width, 60, word, 40));
  // At device scales 1 and 3 (PNG output scales the page): unhinted metrics keep the
  // measured advance valid whatever the scale.
  for (double scale : {1.0, 3.0}) {
    CAPTURE(scale);
    Raster a = rasterize(whole, scale), b = rasterize(halves, scale);
    int ink = 0, differing = 0;
    for (size_t i = 0; i < a.gray.size(); ++i) {
      if (a.gray[i] < 128) ++ink;
      if (std::abs(a.gray[i] - b.gray[i]) > 64) ++differing;
    }
    CHECK(ink > 1000 * scale * scale);
    CHECK(differing < ink / 50);
  }

  // "H" on baseline 60: ink ends on the row just above y = 60 and starts about a cap height up.
  scene::Page h{100, 100, "", {}};
  h.items.push_back(text(20, 60, "H", 40));
  Raster r = rasterize(h);
  int top = -1, bottom = -1;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x)
      if (r.at(x, y) < 128) {
        if (top < 0) top = y;
        bottom = y;
      }
  CHECK(bottom == 59);
  CHECK(top >= 60 - 32);
  CHECK(top <= 60 - 26);
}

// A national-scale table: 50 pages of a header and 40 rows by 17 columns, every cell holding
// text (a distinct region label, organizers, and a ● or a small note per year column).
TEST_CASE("speed: measuring and painting 50 pages of 40 rows by 17 columns") {
  scene::Document document;
  document.info.creation_date = "2015-10-16";
  size_t lines = 0;
  for (int p = 0; p < 50; ++p) {
    scene::Page page;
    page.title = "展開表 " + std::to_string(p + 1);
    for (int column = 0; column < 15; ++column)
      page.items.push_back(text(170 + column * 36, 30, std::to_string(2011 + column) + "年度", 7,
                                scene::Weight::bold));
    for (int row = 0; row < 40; ++row) {
      double y = 45 + row * 12.2;
      page.items.push_back(text(10, y, "千葉県柏市第" + std::to_string(p * 40 + row) + "地区", 8));
      page.items.push_back(text(90, y, "市・地区医師会", 7));
      for (int column = 0; column < 15; ++column) {
        bool note = (row + column + p) % 7 == 0;
        page.items.push_back(text(170 + column * 36, y, note ? "※第1～2回" : "●", note ? 5 : 8));
      }
      scene::Path rule = scene::line({10, y + 3}, {710, y + 3});
      rule.stroke = scene::Stroke{{0.7, 0.7, 0.7}, 0.5, {}};
      page.items.push_back(rule);
    }
    lines += page.items.size();
    document.pages.push_back(page);
  }
  auto seconds_since = [](std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };

  auto start = std::chrono::steady_clock::now();
  auto measurer = renderers::make_pango_measurer();
  double total_width = 0;
  for (const scene::Page& page : document.pages)
    for (const scene::Item& item : page.items)
      if (const auto* line = std::get_if<scene::TextLine>(&item))
        total_width += measurer->measure(line->text, line->font).width;
  double measuring = seconds_since(start);
  CHECK(total_width > 0);

  ScratchDir dir;
  std::string error;
  start = std::chrono::steady_clock::now();
  REQUIRE(renderers::write_pdf(document, dir.file("bench.pdf"), error));
  double pdf = seconds_since(start);
  start = std::chrono::steady_clock::now();
  REQUIRE(renderers::write_svg(document.pages[0], dir.file("bench.svg"), error));
  double svg = seconds_since(start);
  start = std::chrono::steady_clock::now();
  REQUIRE(renderers::write_png(document.pages[0], dir.file("bench.png"), error));
  double png = seconds_since(start);
  MESSAGE(lines << " items on 50 pages: measuring " << measuring << " s, PDF " << pdf
                << " s; one page: SVG " << svg << " s, PNG " << png << " s");
  CHECK(measuring + pdf <
        10);  // a guard for sanitizer builds on a loaded machine; release: ~0.25 s
  auto check = run("qpdf --check " + shell_quote(dir.file("bench.pdf")));
  CHECK(check.exit_code == 0);
  auto info = run("pdfinfo " + shell_quote(dir.file("bench.pdf")));
  CHECK(contains(info.out, "Pages:           50"));
}

TEST_CASE("painter primitives: fill and stroke, dashes, curves, translated and clipped groups") {
  scene::Page page{200, 100, "", {}};
  scene::Path box = scene::rectangle({10, 10, 40, 40});
  box.fill = scene::Color{0, 0, 0};
  page.items.push_back(box);
  scene::Path dashed = scene::line({0, 80}, {200, 80});
  dashed.stroke = scene::Stroke{{0, 0, 0}, 4, {10, 10}};
  page.items.push_back(dashed);
  scene::Path curve;
  curve.segments.push_back({scene::PathVerb::move_to, {{60, 50}}});
  curve.segments.push_back({scene::PathVerb::curve_to, {{60, 10}, {100, 10}, {100, 50}}});
  curve.stroke = scene::Stroke{{0, 0, 0}, 2, {}};
  page.items.push_back(curve);
  // A group at (120, 10) whose clip keeps only its left 20 points of a 60-point-wide square.
  scene::Group group;
  group.offset = {120, 10};
  group.clip = scene::Rect{0, 0, 20, 60};
  scene::Path wide = scene::rectangle({0, 0, 60, 60});
  wide.fill = scene::Color{0, 0, 0};
  group.items.push_back(wide);
  page.items.push_back(group);

  Raster r = rasterize(page);
  CHECK(r.at(30, 30) < 20);    // inside the filled box
  CHECK(r.at(55, 30) > 235);   // outside it
  CHECK(r.at(5, 80) < 20);     // dash 0..10
  CHECK(r.at(15, 80) > 235);   // gap 10..20
  CHECK(r.at(25, 80) < 20);    // dash 20..30
  CHECK(r.at(80, 20) < 128);   // top of the curve, about y = 20
  CHECK(r.at(80, 40) > 235);   // below it, inside the arch
  CHECK(r.at(125, 30) < 20);   // inside the group's clip, moved by its offset
  CHECK(r.at(150, 30) > 235);  // clipped away
  CHECK(r.at(115, 30) > 235);  // left of the offset group
}
