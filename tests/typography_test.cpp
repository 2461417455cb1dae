// Japanese line breaking as a typesetter would accept it: the seed deck's own sentences laid
// out in boxes of many widths with the ICU phrase breaker, checked line by line against the
// rules (kinsoku, kanji and katakana runs, numbers with counters, no lone kana) and against the
// splits the deck used to show.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/layout/text_flow.h"
#include "renderers/text/icu_line_breaker.h"
#include "tests/support.h"

namespace tenkai {
namespace {

std::vector<char32_t> decode(const std::string& text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 7);
    for (size_t k = 1; k < length && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(cp);
    i += length;
  }
  return out;
}

bool in(char32_t cp, std::u32string_view set) {
  return set.find(cp) != std::u32string_view::npos;
}
bool kanji(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || cp == U'々';
}
bool katakana(char32_t cp) {
  return (cp >= 0x30A1 && cp <= 0x30FA) || cp == U'ー';
}
bool kana(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x3096) || katakana(cp);
}
bool digit(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９');
}
bool letter(char32_t cp) {
  return kanji(cp) || kana(cp) || digit(cp) || (cp >= U'A' && cp <= U'z');
}

std::vector<std::string> corpus() {
  std::istringstream in(
      testing::read_file(testing::source_path("fixtures/test/seed-sentences.txt")));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// The problems of one sentence broken into `lines` in a box `em` characters wide.
// `spaced[i]`: the break after line i fell on a space (which the line lost).
std::vector<std::string> problems(const std::vector<std::string>& lines,
                                  const std::vector<bool>& spaced, double em) {
  static const std::u32string_view kNoStart =
      U"、。，．・：；？！）」』】〕〉》ーァィゥェォッャュョぁぃぅぇぉっゃゅょ々";
  static const std::u32string_view kNoEnd = U"（「『【〔〈《";
  std::vector<std::string> out;
  std::vector<std::vector<char32_t>> cps;
  for (const auto& line : lines) cps.push_back(decode(line));
  for (size_t i = 0; i < cps.size(); ++i) {
    const auto& line = cps[i];
    if (line.empty()) continue;
    if (i > 0 && !spaced[i - 1] && in(line.front(), kNoStart))
      out.push_back("starts with a closing mark: " + lines[i]);
    if (i + 1 < cps.size() && in(line.back(), kNoEnd))
      out.push_back("ends with an opening mark: " + lines[i]);
    int letters = 0;
    char32_t only = 0;
    for (char32_t cp : line)
      if (letter(cp)) ++letters, only = cp;
    bool marker = line.size() >= 3 && line[0] == U'（' && line[2] == U'）';
    if (cps.size() > 1 && letters == 1 && kana(only) && !marker)
      out.push_back("a kana alone: " + lines[i]);
    if (i + 1 == cps.size() || cps[i + 1].empty() || spaced[i]) continue;
    // The break between this line and the next: inside a run of kanji, katakana or a number
    // only when that run, with the marks kinsoku glues to it and a kana after it, is wider.
    char32_t a = line.back(), b = cps[i + 1].front();
    auto core = [](char32_t cp) {
      return kanji(cp) || katakana(cp) || digit(cp) || in(cp, kNoStart) || in(cp, kNoEnd) ||
             in(cp, U"～〜");
    };
    auto unit_em = [&] {
      double width = 0;
      auto em_of = [](char32_t cp) { return cp < 0x80 ? 0.5 : 1.0; };
      for (size_t k = line.size(); k > 0 && core(line[k - 1]); --k) width += em_of(line[k - 1]);
      const auto& next = cps[i + 1];
      size_t k = 0;
      for (; k < next.size() && core(next[k]); ++k) width += em_of(next[k]);
      if (k < next.size() && kana(next[k])) width += 1;
      return width;
    };
    bool same_run =
        (kanji(a) && kanji(b)) || (katakana(a) && katakana(b)) || (digit(a) && !in(b, U" "));
    // Two em of slack: the phrase around the run (a particle, a bracket) may make it wider.
    if (same_run && unit_em() + 2 <= em)
      out.push_back("run split: " + lines[i] + "／" + lines[i + 1]);
  }
  return out;
}

// The splits the default deck showed before phrase breaking.
const char* const kBadSplits[][2] = {
    {"課題抽出と対", "応策"}, {"研修（テー", "マ別）"}, {"「医療」を含", "む"}, {"介護連", "携"},
    {"主目的とす", "る"},     {"2012年", "度"},         {"受", "講者"},         {"市区町", "村"},
    {"計12", "回"},           {"他市", "町"},           {"開", "催"},
};

bool shows_split(const std::vector<std::string>& lines, const char* left, const char* right) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& a = lines[i];
    const std::string& b = lines[i + 1];
    std::string l = left, r = right;
    if (a.size() >= l.size() && a.compare(a.size() - l.size(), l.size(), l) == 0 &&
        b.compare(0, r.size(), r) == 0)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the seed deck's sentences break at phrases in boxes of every width") {
  auto breaker = renderers::make_icu_line_breaker();
  scene::FixedWidthMeasurer measurer(1.0, breaker.get());
  scene::Font font;
  font.size = 10;
  size_t checked = 0;
  for (const auto& sentence : corpus()) {
    for (int em = 4; em <= 30; ++em) {
      auto lines = layout::break_lines(sentence, font, em * 10.0, measurer);
      std::string joined;
      for (const auto& line : lines) joined += line;
      // Nothing is lost or doubled (spaces at breaks aside).
      std::string a, b;
      for (char c : joined)
        if (c != ' ') a += c;
      for (char c : sentence)
        if (c != ' ') b += c;
      CHECK_MESSAGE(a == b, sentence);
      std::vector<bool> spaced;
      size_t at = 0;
      for (const auto& line : lines) {
        at = sentence.find(line, at);
        if (at == std::string::npos) break;
        at += line.size();
        spaced.push_back(at < sentence.size() && sentence[at] == ' ');
      }
      REQUIRE(spaced.size() == lines.size());
      for (const auto& problem : problems(lines, spaced, em)) FAIL_CHECK(em << " em: " << problem);
      if (em >= 8) {
        for (const auto& split : kBadSplits)
          CHECK_MESSAGE(!shows_split(lines, split[0], split[1]),
                        em << " em: " << split[0] << "／" << split[1] << " in " << sentence);
      }
      ++checked;
    }
  }
  CHECK(checked > 4000);
}

TEST_CASE("the default deck's scene lines: none of the old splits within a block, no rule broken") {
  auto result = testing::run_tenkai("scene");
  REQUIRE(result.exit_code == 0);
  auto scene = nlohmann::json::parse(result.out);
  size_t blocks = 0;
  for (const auto& page : scene["pages"]) {
    // The lines of each block in order, and the block's narrowest width in em of its size.
    std::map<std::string, std::vector<std::string>> lines;
    std::vector<std::string> order;
    // Pieces of one line (runs of another weight) share its top; they are one line here.
    std::map<std::string, double> top;
    for (const auto& line : page["lines"]) {
      std::string block = line["block"];
      double y = line["box"][1];
      if (!lines.count(block)) order.push_back(block);
      if (lines.count(block) && std::abs(top[block] - y) < 0.5)
        lines[block].back() += line["text"].get<std::string>();
      else
        lines[block].push_back(line["text"]);
      top[block] = y;
    }
    for (const auto& block : order) {
      const auto& text = lines[block];
      if (text.size() < 2) continue;
      ++blocks;
      for (const auto& split : kBadSplits)
        CHECK_MESSAGE(!shows_split(text, split[0], split[1]),
                      "page " << page["page"] << ": " << split[0] << "／" << split[1]);
      std::string joined;
      for (const auto& l : text) joined += l + "／";
      for (size_t i = 1; i < text.size(); ++i) {
        auto cps = decode(text[i]);
        static const std::u32string_view kNoStart =
            U"、。，．：；？！）」』】〕〉》ーァィゥェォッャュョぁぃぅぇぉっゃゅょ";
        CHECK_MESSAGE(!(cps.size() > 0 && in(cps.front(), kNoStart)),
                      "page " << page["page"] << ": " << joined);
      }
    }
  }
  // Enough broken blocks for the checks to mean something (the rollout table's rows are one
  // line each since its notes follow their marks or become references).
  CHECK(blocks > 40);
}

TEST_CASE("the issue's sentences break where a reader expects") {
  auto breaker = renderers::make_icu_line_breaker();
  scene::FixedWidthMeasurer measurer(1.0, breaker.get());
  scene::Font font;
  font.size = 10;
  auto lines = [&](const char* text, double em) {
    return layout::break_lines(text, font, em * 10, measurer);
  };
  CHECK(lines("（イ）課題抽出と対応策の検討", 10) ==
        std::vector<std::string>{"（イ）課題抽出と", "対応策の検討"});
  CHECK(lines("両者がタッグを組むことにより「医療」を含む", 8) ==
        std::vector<std::string>{"両者がタッグを", "組むことにより", "「医療」を含む"});
  CHECK(lines("多職種の交流を主目的とする", 10) ==
        std::vector<std::string>{"多職種の交流を", "主目的とする"});
  CHECK(lines("2012年度に計12回開催", 6) == std::vector<std::string>{"2012年度に", "計12回開催"});
  // A kanji run wider than the box is split at its dictionary words, not between any two.
  CHECK(lines("区在宅医療連携推進協議会", 6) ==
        std::vector<std::string>{"区在宅医療", "連携推進", "協議会"});
}

TEST_CASE("without a breaker, layout keeps kanji runs and numbers whole by its own rules") {
  scene::FixedWidthMeasurer measurer;
  scene::Font font;
  font.size = 10;
  auto lines = layout::break_lines("介護連携を推進する", font, 60, measurer);
  CHECK(lines.front() == "介護連携を");
  CHECK(layout::break_lines("計12回", font, 30, measurer) == std::vector<std::string>{"計12回"});
}

}  // namespace tenkai
