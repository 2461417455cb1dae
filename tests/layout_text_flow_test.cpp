// Line breaking: CJK breaks, Latin words kept whole, kinsoku, forced breaks, emphasis runs.
#include "core/layout/text_flow.h"

#include <doctest/doctest.h>

#include "core/layout/measure_cache.h"

using namespace tenkai;
using layout::break_lines;

namespace {

// 12 pt: CJK characters are 12 pt wide, ASCII 6 pt.
scene::Font font12() {
  return scene::Font{"Noto Sans CJK JP", 12, scene::Weight::regular, false};
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("Japanese text breaks between characters to fill each line") {
  scene::FixedWidthMeasurer measurer;
  auto lines = break_lines("あいうえおかきくけこ", font12(), 50, measurer);
  CHECK(lines == std::vector<std::string>{"あいうえ", "おかきく", "けこ"});
}

TEST_CASE("Latin words stay whole and spaces at line ends are dropped") {
  scene::FixedWidthMeasurer measurer;
  auto lines = break_lines("hello world foo", font12(), 40, measurer);
  CHECK(lines == std::vector<std::string>{"hello", "world", "foo"});
  CHECK(break_lines("hello world", font12(), 66, measurer) ==
        std::vector<std::string>{"hello world"});
}

TEST_CASE("numbers inside Japanese dates are not split") {
  scene::FixedWidthMeasurer measurer;
  // "2015年10月16日": 24 + 12 + 12 + 12 + 12 + 12 = 84 pt; at 40 pt "2015" must stay whole.
  auto lines = break_lines("2015年10月16日", font12(), 40, measurer);
  for (const auto& line : lines) {
    bool split = line.find("201") != std::string::npos && line.find("2015") == std::string::npos;
    CHECK_FALSE(split);
  }
  CHECK(lines.front() == "2015年");
}

TEST_CASE("kinsoku: no line starts with closing punctuation") {
  scene::FixedWidthMeasurer measurer;
  // Three characters fit a line; a naive break would start line two with 、.
  auto lines = break_lines("あいう、えおかきく。けこ", font12(), 36, measurer);
  for (const auto& line : lines) {
    CHECK_FALSE(starts_with(line, "、"));
    CHECK_FALSE(starts_with(line, "。"));
  }
  CHECK(lines[0] == "あい");
  CHECK(lines[1] == "う、え");
  // Closing brackets and small kana too.
  for (const auto& line : break_lines("東京都（広域）と市区町村っ", font12(), 36, measurer)) {
    CHECK_FALSE(starts_with(line, "）"));
    CHECK_FALSE(starts_with(line, "っ"));
  }
}

TEST_CASE("kinsoku: no line ends with an opening bracket") {
  scene::FixedWidthMeasurer measurer;
  auto lines = break_lines("あい「うえ」おか", font12(), 36, measurer);
  for (const auto& line : lines) CHECK_FALSE(ends_with(line, "「"));
  CHECK(lines[0] == "あい");
  CHECK(lines[1] == "「う");  // the bracket travels with the character after it
}

TEST_CASE("forced breaks start new lines") {
  scene::FixedWidthMeasurer measurer;
  CHECK(break_lines("在宅医療\n研修会", font12(), 500, measurer) ==
        std::vector<std::string>{"在宅医療", "研修会"});
}

TEST_CASE("a word wider than the line is broken between characters and flagged") {
  scene::FixedWidthMeasurer measurer;
  std::vector<layout::Run> runs{{"abcdefghij", font12(), {}}};
  auto flowed = layout::flow_text(runs, 30, measurer);
  CHECK(flowed.too_wide);
  REQUIRE(flowed.lines.size() == 2);
  for (const auto& line : flowed.lines) CHECK(line.width <= 30.001);
}

TEST_CASE("emphasis markup becomes bold runs that flow together") {
  scene::FixedWidthMeasurer measurer;
  auto runs = layout::parse_emphasis("かかりつけ医の**在宅医療**参入", font12(), {0, 0, 0, 1},
                                     {1, 0, 0, 1});
  REQUIRE(runs.size() == 3);
  CHECK(runs[1].text == "在宅医療");
  CHECK(runs[1].font.weight == scene::Weight::bold);
  CHECK(runs[0].font.weight == scene::Weight::regular);
  auto flowed = layout::flow_text(runs, 1000, measurer);
  REQUIRE(flowed.lines.size() == 1);
  REQUIRE(flowed.lines[0].pieces.size() == 3);
  // Pieces sit side by side: the bold run starts where the plain one ends.
  CHECK(flowed.lines[0].pieces[1].baseline.x == doctest::Approx(7 * 12));
  CHECK(flowed.lines[0].width == doctest::Approx(13 * 12));
}

TEST_CASE("content widths: narrowest unbreakable unit and unwrapped width") {
  scene::FixedWidthMeasurer measurer;
  std::vector<layout::Run> runs{{"市 地区医師会", font12(), {}}};
  // "会" is the widest unit at 12 pt; the whole is 6 CJK + space = 78 pt.
  CHECK(layout::min_content_width(runs, measurer) == doctest::Approx(12));
  CHECK(layout::max_content_width(runs, measurer) == doctest::Approx(78));
  std::vector<layout::Run> latin{{"Institute of Gerontology", font12(), {}}};
  CHECK(layout::min_content_width(latin, measurer) == doctest::Approx(66));  // "Gerontology"
}

TEST_CASE("content widths: the unwrapped line is as tall as a flow of it on one line") {
  scene::FixedWidthMeasurer measurer;
  scene::Font large = font12();
  large.size = 24;
  std::vector<layout::Run> runs{{"開催", font12(), {}}, {"地域", large, {}}};
  auto widths = layout::content_widths(runs, measurer);
  CHECK(widths.ascent == doctest::Approx(0.88 * 24));
  CHECK(widths.descent == doctest::Approx(0.12 * 24));
  auto flowed = layout::flow_text(runs, widths.max + 1, measurer);
  REQUIRE(flowed.lines.size() == 1);
  CHECK(widths.ascent + widths.descent == flowed.height);
}

TEST_CASE("line metrics: height counts ascent, advances and descent") {
  scene::FixedWidthMeasurer measurer;
  std::vector<layout::Run> runs{{"あいうえお", font12(), {}}};
  auto flowed = layout::flow_text(runs, 24, measurer, 1.5);
  REQUIRE(flowed.lines.size() == 3);
  // ascent 0.88 × 12, two advances of 18, descent 0.12 × 12.
  CHECK(flowed.height == doctest::Approx(12 + 36));
  std::vector<scene::Item> items;
  layout::place_text(flowed, {10, 100, 24, 100}, layout::Align::left, layout::VAlign::top, items);
  REQUIRE(items.size() == 3);
  CHECK(std::get<scene::TextLine>(items[0]).baseline.y == doctest::Approx(100 + 0.88 * 12));
  CHECK(std::get<scene::TextLine>(items[1]).baseline.y == doctest::Approx(100 + 0.88 * 12 + 18));
}

TEST_CASE("the measure cache answers repeated questions without asking again") {
  struct Counting : scene::TextMeasurer {
    int calls = 0;
    scene::TextMetrics measure(std::string_view text, const scene::Font& font) override {
      ++calls;
      return scene::FixedWidthMeasurer().measure(text, font);
    }
  } counting;
  layout::MeasureCache cache(counting);
  CHECK(cache.measure("●", font12()).width == doctest::Approx(12));
  CHECK(cache.measure("●", font12()).width == doctest::Approx(12));
  auto bigger = font12();
  bigger.size = 24;
  CHECK(cache.measure("●", bigger).width == doctest::Approx(24));
  CHECK(counting.calls == 2);
}
