// The seed registry's spread matrix against the deck's table, row by row, and a hand count.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "tests/support.h"

using tenkai::testing::run_tenkai;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;

namespace {

std::string seed_registry() {
  return shell_quote(source_path("fixtures/ipw-2015/registry.yaml"));
}

struct ExpectedRow {
  const char* label;
  std::vector<std::string> organizers;
  const char* note;
  int first_year;
  // year -> {sessions, notes}
  std::map<int, std::pair<int, std::vector<std::string>>> cells;
};

// The table 開催地域の波及状況（年度別推移） of the seed deck, in its order, with the fiscal years
// chosen in fixtures/ipw-2015/registry.yaml for the marks whose column the text does not keep.
const std::vector<ExpectedRow>& expected_rows() {
  static const std::vector<ExpectedRow> rows = {
      {"千葉県柏市",
       {"市", "地区医師会"},
       "※第1～2回は東大",
       2011,
       {{2011, {2, {}}}, {2012, {1, {}}}, {2013, {2, {}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"千葉県松戸市", {"地区医師会"}, "", 2012, {{2012, {1, {}}}}},
      {"東京都大田区",
       {"区在宅医療連携推進協議会"},
       "※2012年度は地区医師会",
       2012,
       {{2012, {1, {"※大森地区"}}}, {2013, {1, {"※区全域"}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"沖縄県浦添市",
       {"地区医師会"},
       "",
       2012,
       {{2012, {1, {}}}, {2013, {1, {}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"大阪市東淀川区",
       {"府", "地区医師会"},
       "（府内より傍聴受入）",
       2013,
       {{2013, {1, {"※この後、府内に伝播"}}}}},
      {"東京都北区",
       {"区在宅ケアネット"},
       "",
       2013,
       {{2013, {1, {}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"滋賀県（広域）",
       {"県", "県医師会"},
       "",
       2013,
       {{2013, {1, {}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"福井県坂井地区", {"地区在宅ケアネット"}, "", 2013, {{2013, {1, {}}}, {2014, {1, {}}}}},
      {"奈良県大和高田市", {"地区医師会", "市立病院"}, "", 2013, {{2013, {1, {}}}}},
      {"東京都町田市", {"地区医師会"}, "", 2013, {{2013, {1, {}}}, {2014, {1, {"※独自資料使用"}}}}},
      {"神奈川県横須賀市",
       {"市", "地区医師会"},
       "",
       2013,
       {{2013, {1, {}}}, {2014, {1, {}}}, {2015, {1, {}}}}},
      {"東京都（広域）", {"都医師会"}, "", 2014, {{2014, {1, {}}}, {2015, {1, {}}}}},
      {"東京都北多摩地区（広域）",
       {"北多摩地域医師会"},
       "",
       2014,
       {{2014, {1, {}}}, {2015, {1, {}}}}},
      {"東京都武蔵村山市", {"市", "地区医師会"}, "", 2014, {{2014, {1, {}}}, {2015, {1, {}}}}},
      {"徳島県徳島市", {"市", "地区医師会"}, "", 2014, {{2014, {1, {}}}}},
      {"東京都渋谷区", {"地区医師会"}, "", 2014, {{2014, {1, {}}}}},
      {"東京都日野市", {"市", "地区医師会"}, "", 2014, {{2014, {1, {}}}, {2015, {1, {}}}}},
  };
  return rows;
}

nlohmann::json seed_matrix() {
  auto result = run_tenkai("matrix --format json --data " + seed_registry());
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("seed registry: tenkai check passes without warnings") {
  auto result = run_tenkai("check --data " + seed_registry());
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("error") == std::string::npos);
  CHECK(result.err.find("warning") == std::string::npos);
}

TEST_CASE("seed registry: the matrix has the table's 17 rows in its order") {
  auto doc = seed_matrix();
  CHECK(doc["years"] == nlohmann::json({2011, 2012, 2013, 2014, 2015}));
  const auto& rows = doc["rows"];
  const auto& expected = expected_rows();
  REQUIRE(rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& row = rows[i];
    const auto& want = expected[i];
    CAPTURE(i);
    CAPTURE(want.label);
    CHECK(row["label"].get<std::string>() == want.label);
    CHECK(row["organizers"].get<std::vector<std::string>>() == want.organizers);
    CHECK(row["note"].get<std::string>() == want.note);
    CHECK(row["first_year"].get<int>() == want.first_year);
    REQUIRE(row["cells"].is_object());
    CHECK(row["cells"].size() == want.cells.size());
    for (const auto& [year, cell] : want.cells) {
      CAPTURE(year);
      const std::string key = std::to_string(year);
      REQUIRE(row["cells"].contains(key));
      CHECK(row["cells"][key]["sessions"].get<int>() == cell.first);
      CHECK(row["cells"][key]["notes"].get<std::vector<std::string>>() == cell.second);
    }
  }
}

TEST_CASE("seed registry: totals match the hand count") {
  // Hand count from the rows above:
  //   active: 2011 柏 | 2012 柏 松戸 大田 浦添 | 2013 柏 大田 浦添 東淀川 北 滋賀 坂井 大和高田
  //   町田 横須賀 | 2014 柏 大田 浦添 北 滋賀 坂井 町田 横須賀 東京都 北多摩 武蔵村山 徳島 渋谷
  //   日野 | 2015 柏 大田 浦添 北 滋賀 横須賀 東京都 北多摩 武蔵村山 日野. new: 1, 3, 7, 6, 0
  //   (first years of the 17 rows); cumulative: 1, 4, 11, 17, 17.
  auto doc = seed_matrix();
  const auto& totals = doc["totals"];
  const std::map<std::string, std::vector<int>> want = {
      {"active", {1, 4, 10, 14, 10}}, {"new", {1, 3, 7, 6, 0}}, {"cumulative", {1, 4, 11, 17, 17}}};
  for (const auto& [name, values] : want) {
    CAPTURE(name);
    REQUIRE(totals.contains(name));
    CHECK(totals[name].size() == values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      const std::string year = std::to_string(2011 + static_cast<int>(i));
      CAPTURE(year);
      CHECK(totals[name][year].get<int>() == values[i]);
    }
  }
}

TEST_CASE("seed registry: uncounted activities stay out of the matrix") {
  // 沖縄県, 大阪府, 大津市, 高島市 and 釜石市 hold only uncounted sessions; 柏市's twelve
  // face-to-face meetings are uncounted too, so its cells count only its seven courses.
  auto doc = seed_matrix();
  int kashiwa_sessions = 0;
  for (const auto& row : doc["rows"]) {
    const std::string region = row["region"].get<std::string>();
    for (const char* absent : {"okinawa", "osaka", "otsu", "takashima", "kamaishi"})
      CHECK(region != absent);
    if (region == "kashiwa")
      for (const auto& [year, cell] : row["cells"].items())
        kashiwa_sessions += cell["sessions"].get<int>();
  }
  CHECK(kashiwa_sessions == 7);
}

TEST_CASE("seed registry: it is the default registry") {
  auto explicit_data = run_tenkai("matrix --format json --data " + seed_registry());
  auto by_default = run_tenkai("matrix --format json");
  REQUIRE(by_default.exit_code == 0);
  CHECK(by_default.out == explicit_data.out);
}
