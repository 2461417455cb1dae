// The forum deck's PDF stays small: CFF faces go in as desubroutinized subsets (font_subset.h),
// still embedded, subset and mapped to Unicode, so the text is found and copied as before.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;

TEST_CASE("the seed deck's PDF is at most 300 KB with searchable, embedded subset fonts") {
  ScratchDir out;
  auto result = run_tenkai("build --out " + shell_quote(out.path().string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string pdf = out.file("forum-2015.pdf");
  auto size = std::filesystem::file_size(pdf);
  INFO("PDF bytes: " << size);
  CHECK(size <= 300 * 1024);

  auto fonts = run("pdffonts " + shell_quote(pdf));
  REQUIRE(fonts.exit_code == 0);
  std::istringstream lines(fonts.out);
  std::string line;
  int faces = 0;
  while (std::getline(lines, line)) {
    if (line.find("NotoSansCJK") == std::string::npos) continue;
    ++faces;
    INFO(line);
    CHECK(line.find("yes yes yes") != std::string::npos);  // embedded, subset, ToUnicode
  }
  CHECK(faces == 2);  // Regular and Bold, each once

  // Bold titles and regular body text both extract.
  auto text = run("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("開催地域の波及状況（年度別推移）") != std::string::npos);
  CHECK(text.out.find("在宅医療推進のための地域における") != std::string::npos);
}
