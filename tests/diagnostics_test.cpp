// Diagnostic formatting and "did you mean" suggestions.
#include "core/registry/diagnostics.h"

#include <doctest/doctest.h>

#include "core/registry/prefectures.h"
#include "core/registry/registry.h"

using namespace tenkai;

TEST_CASE("format_diagnostic") {
  Diagnostics diagnostics;
  diagnostics.error({"a.yaml", 3, 7}, "bad");
  diagnostics.warning({"a.yaml", 0, 0}, "odd", "did you mean 'x'?");
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(diagnostics.error_count() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) == "a.yaml:3:7: error: bad");
  CHECK(format_diagnostic(diagnostics.items()[1]) ==
        "a.yaml:0:0: warning: odd (did you mean 'x'?)");
}

TEST_CASE("closest_match") {
  std::vector<std::string> keys = {"title", "as_of", "caveat", "years"};
  CHECK(closest_match("titel", keys) == "title");  // a swap of neighbours is one edit
  CHECK(closest_match("year", keys) == "years");
  CHECK(closest_match("zzzzz", keys).empty());
  CHECK(closest_match("x", {}).empty());
  const auto& prefectures = registry::prefecture_names();
  CHECK(closest_match("千葉", prefectures) == "千葉県");  // kanji count as one character each
  CHECK(closest_match("神奈川", prefectures) == "神奈川県");
  CHECK(closest_match("東京府", prefectures) == "東京都");
  CHECK(closest_match("大坂府", prefectures) == "大阪府");
  CHECK(closest_match("Tokyo", prefectures).empty());
  CHECK(closest_match(std::string(100000, 'a'), keys).empty());
}

TEST_CASE("default labels") {
  using registry::Level;
  CHECK(registry::default_label("千葉県", "柏市", Level::municipality) == "千葉県柏市");
  CHECK(registry::default_label("東京都", "東京都", Level::prefecture) == "東京都（広域）");
  CHECK(registry::default_label("東京都", "北多摩地区", Level::wide_area) == "東京都北多摩地区");
  CHECK(registry::default_label("大阪府", "大阪市東淀川区", Level::ward) == "大阪府大阪市東淀川区");
  CHECK(registry::default_label("千葉県", "千葉県柏市", Level::municipality) == "千葉県柏市");
}
