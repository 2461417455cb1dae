// The Pango measurer's two ways of measuring agree bit for bit: HarfBuzz shaping of plain text
// gives exactly the metrics the PangoLayout gives, over every text the shipped decks set.
#include "renderers/cairo/pango_measurer.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/scene/line_breaker.h"
#include "renderers/text/icu_line_breaker.h"
#include "tests/support.h"

using namespace tenkai;
using tenkai::testing::run;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;

namespace {

// Every string scalar of a YAML document: labels, organizers, notes, titles and the rest.
void collect_scalars(const YAML::Node& node, std::set<std::string>& out) {
  if (node.IsScalar()) {
    out.insert(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& child : node) collect_scalars(child, out);
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      collect_scalars(entry.first, out);
      collect_scalars(entry.second, out);
    }
  }
}

// Each text, and the pieces layout measures when it breaks it: each phrase and each run of
// consecutive phrases from the start (the line it fills so far).
std::set<std::string> with_pieces(const std::set<std::string>& texts) {
  auto breaker = renderers::make_icu_line_breaker();
  std::set<std::string> out = texts;
  for (const auto& text : texts) {
    size_t start = 0;
    for (size_t point : breaker->break_points(text)) {
      if (point <= start || point > text.size()) continue;
      out.insert(text.substr(start, point - start));
      out.insert(text.substr(0, point));
      start = point;
    }
    if (start < text.size()) out.insert(text.substr(start));
  }
  return out;
}

bool same_bits(const scene::TextMetrics& a, const scene::TextMetrics& b) {
  return std::memcmp(&a.width, &b.width, sizeof a.width) == 0 &&
         std::memcmp(&a.ascent, &b.ascent, sizeof a.ascent) == 0 &&
         std::memcmp(&a.descent, &b.descent, sizeof a.descent) == 0;
}

std::set<std::string> corpus() {
  std::set<std::string> texts;
  ScratchDir dir;
  std::string national = dir.file("national.yaml");
  REQUIRE(run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(national)).exit_code == 0);
  for (const std::string& path :
       {source_path("fixtures/ipw-2015/registry.yaml"), national,
        source_path("layouts/forum-2015.yaml"), source_path("bench/table-only.yaml")}) {
    collect_scalars(YAML::LoadFile(path), texts);
  }
  // Mixes the registries may not hold: kana, kanji, Latin and digits side by side, fullwidth
  // and halfwidth punctuation, marks, brackets, spaces, and texts the shaping must hand over.
  for (const char* text : {"在宅医療",
                           "ｶﾀｶﾅ",
                           "カタカナ",
                           "ひらがな",
                           "第1回",
                           "第１回",
                           "2015年度",
                           "FY2015",
                           "※第1～2回は東大",
                           "3×4",
                           "（続き）",
                           "(続き)",
                           "「在宅」",
                           "【在宅】",
                           "A・B",
                           "A／B",
                           "在宅 医療",
                           "在宅　医療",
                           " ",
                           "  a  ",
                           "　",
                           "abc",
                           "Institute of Gerontology",
                           "IPW研修",
                           "iPhoneとAndroid",
                           "①②③",
                           "●○◎■□",
                           "★☆",
                           "→←↑↓",
                           "〜～",
                           "ー－‐—",
                           "…‥",
                           "“quoted”",
                           "‘single’",
                           "Ω",
                           "é",
                           "ﬁ",
                           "fi",
                           "office",
                           "AV",
                           "To",
                           "1,234",
                           "12.5%",
                           "％",
                           "＄",
                           "￥1,000",
                           "¥",
                           "°C",
                           "℃",
                           "㈱",
                           "㍉",
                           "Ⅳ",
                           "⑳",
                           "〒100-0001",
                           "𠮷野家",
                           "髙橋",
                           "﨑",
                           "a\tb",
                           "a\nb",
                           "",
                           "emoji 😀",
                           "☕",
                           "✅",
                           "♨",
                           "مرحبا",
                           "שלום",
                           "e\xcc\x81",
                           "\xe2\x80\x8b",
                           "x\xe2\x80\x8dy",
                           "\xff\xfe",
                           "한국어",
                           "Привет",
                           "漢字とかなとABC123の混在。",
                           "（株）テスト・ケース［注］〔注〕｛注｝《注》〈注〉"}) {
    texts.insert(text);
  }
  return with_pieces(texts);
}

}  // namespace

TEST_CASE("Pango measurer: shaping plain text gives the layout's metrics bit for bit") {
  const std::set<std::string> texts = corpus();
  REQUIRE(texts.size() > 1000);
  std::vector<scene::Font> fonts;
  for (const char* family : {"Noto Sans CJK JP", "BIZ UDPゴシック", "DejaVu Sans", "sans-serif"}) {
    for (auto weight : {scene::Weight::regular, scene::Weight::bold}) {
      for (bool italic : {false, true}) {
        scene::Font font;
        font.family = family;
        font.size = 100;
        font.weight = weight;
        font.italic = italic;
        fonts.push_back(font);
      }
    }
  }
  renderers::ReferenceMeasurer measurer;
  size_t shaped = 0, mismatched = 0;
  for (const auto& font : fonts) {
    for (const auto& text : texts) {
      auto fast = measurer.shaped(text, font);
      if (!fast) continue;
      ++shaped;
      scene::TextMetrics laid_out = measurer.laid_out(text, font);
      if (!same_bits(*fast, laid_out)) {
        ++mismatched;
        CAPTURE(font.family);
        CAPTURE(static_cast<int>(font.weight));
        CAPTURE(font.italic);
        CAPTURE(text);
        CAPTURE(fast->width);
        CAPTURE(laid_out.width);
        CAPTURE(fast->ascent);
        CAPTURE(laid_out.ascent);
        CAPTURE(fast->descent);
        CAPTURE(laid_out.descent);
        CHECK(same_bits(*fast, laid_out));
      }
    }
  }
  MESSAGE(shaped << " of " << texts.size() * fonts.size() << " (font, text) pairs shaped");
  CHECK(mismatched == 0);
  // The Layout fonts take nearly every text the fast way; the check above is not vacuous.
  CHECK(shaped > texts.size() * 4);

  // What must go the layout's way does.
  scene::Font noto = fonts[0];
  for (const char* text : {"", "a\tb", "a\nb", "emoji 😀", "☕", "مرحبا", "e\xcc\x81", "\xff\xfe"}) {
    CAPTURE(text);
    CHECK_FALSE(measurer.shaped(text, noto).has_value());
  }
  CHECK(measurer.shaped("在宅医療 Hx", noto).has_value());
}
