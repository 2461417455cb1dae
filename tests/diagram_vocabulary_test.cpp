// The diagram vocabulary of the layout language, end to end through `tenkai build` and read back
// with pdftotext and `tenkai scene`: a step's text changed in a copy of the deck spec is what the
// PDF shows; the seed's content is on its slides; no slide speaks of the software.
#include <doctest/doctest.h>

#include <string>

#include "tests/support.h"

using namespace tenkai;
using testing::count_occurrences;
using testing::read_file;
using testing::run;
using testing::run_tenkai;
using testing::shell_quote;
using testing::source_path;

namespace {

// Text of the PDF built from `spec` with `registry`, one string (spaces and line breaks dropped,
// so a label broken over lines reads as one).
std::string built_text(const testing::ScratchDir& dir, const std::string& spec,
                       const std::string& registry) {
  auto built = run_tenkai("build " + shell_quote(spec) + " --data " + shell_quote(registry) +
                          " --out " + shell_quote(dir.file("out")));
  REQUIRE_MESSAGE(built.exit_code == 0, built.err);
  auto text =
      run("pdftotext -enc UTF-8 -raw " + shell_quote(dir.file("out/forum-2015.pdf")) + " -");
  REQUIRE(text.exit_code == 0);
  std::string flat;
  for (char c : text.out) {
    if (c != ' ' && c != '\n' && c != '\f') flat += c;
  }
  return flat;
}

}  // namespace

TEST_CASE("a step's text changed in a copy of the deck spec is what the PDF shows") {
  testing::ScratchDir dir;
  std::string spec = read_file(source_path("layouts/forum-2015.yaml"));
  const std::string before = "text: 地域資源の把握", after = "text: 地域資源の棚卸し";
  REQUIRE(count_occurrences(spec, before) == 1);
  spec.replace(spec.find(before), before.size(), after);
  testing::write_file(dir.file("deck.yaml"), spec);
  std::string text =
      built_text(dir, dir.file("deck.yaml"), source_path("fixtures/ipw-2015/registry.yaml"));
  CHECK(text.find("地域資源の棚卸し") != std::string::npos);
  CHECK(text.find("地域資源の把握") == std::string::npos);
  // No C++ holds the steps any more: the other steps are still the layout's.
  CHECK(text.find("関係市区町村の連携") != std::string::npos);
}

TEST_CASE("the seed's content is on its slides and no slide names the software") {
  testing::ScratchDir dir;
  std::string text = built_text(dir, source_path("layouts/forum-2015.yaml"),
                                source_path("fixtures/ipw-2015/registry.yaml"));
  for (const char* seed :
       {"沖縄県医師会多職種研修会年間計画", "統一の「受講票」を発行", "滋賀県在宅医療セミナー",
        "県リーダー研修", "エリアリーダー研修", "エリア別多職種合同研修", "（県の研修より軽い）",
        "（例：東京都）", "（例：柏市）", "東京都在宅療養地域リーダー研修", "平日夜2時間×年数回",
        "郡市医師会", "本講のFocus"}) {
    CHECK_MESSAGE(text.find(seed) != std::string::npos, seed);
  }
  for (const char* gone : {"tenkai", "長さ記録なし", "登録簿では", "うち推定", "2時間×3回",
                           "計12回", "leader_alumni", "municipality", "回次なし"}) {
    CHECK_MESSAGE(text.find(gone) == std::string::npos, gone);
  }
}

TEST_CASE("after the FY2016 update every alumni region of the P2 hub has its arrow") {
  auto scene = run_tenkai("scene --data " +
                          shell_quote(source_path("fixtures/ipw-2016-update/registry.yaml")));
  REQUIRE_MESSAGE(scene.exit_code == 0, scene.err);
  for (const char* region : {"hino", "shibuya", "musashimurayama"}) {
    std::string link =
        std::string("{\"from\":\"tokyo\",\"to\":\"") + region + "\",\"kind\":\"leader_alumni\"}";
    std::string flat;
    for (char c : scene.out) {
      if (c != ' ' && c != '\n') flat += c;
    }
    CHECK_MESSAGE(flat.find(link) != std::string::npos, region);
  }
}
