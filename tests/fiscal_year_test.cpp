// Fiscal years in western and era forms, and the labels written back for them.
#include "core/registry/fiscal_year.h"

#include <doctest/doctest.h>

using tenkai::registry::era_short_label;
using tenkai::registry::era_year_label;
using tenkai::registry::parse_fiscal_year;
using tenkai::registry::western_year_label;

TEST_CASE("western years") {
  CHECK(parse_fiscal_year("2011") == 2011);
  CHECK(parse_fiscal_year("1989") == 1989);
  CHECK(parse_fiscal_year("2099") == 2099);
  CHECK(parse_fiscal_year("2011年度") == 2011);
  CHECK(parse_fiscal_year("２０１５") == 2015);  // full-width digits
  CHECK_FALSE(parse_fiscal_year("1988"));        // before 平成: outside the plausible range
  CHECK_FALSE(parse_fiscal_year("2100"));
  CHECK_FALSE(parse_fiscal_year("201"));
  CHECK_FALSE(parse_fiscal_year("20111"));
  CHECK_FALSE(parse_fiscal_year("2011.0"));
  CHECK_FALSE(parse_fiscal_year("+2011"));
  CHECK_FALSE(parse_fiscal_year(" 2011"));
  CHECK_FALSE(parse_fiscal_year("2011年"));
}

TEST_CASE("平成 in short and kanji forms") {
  CHECK(parse_fiscal_year("H23") == 2011);
  CHECK(parse_fiscal_year("H1") == 1989);
  CHECK(parse_fiscal_year("H31") == 2019);
  CHECK(parse_fiscal_year("平成23年度") == 2011);
  CHECK(parse_fiscal_year("平成23") == 2011);
  CHECK(parse_fiscal_year("平成元年度") == 1989);
  CHECK(parse_fiscal_year("平成元") == 1989);
  CHECK(parse_fiscal_year("平成31年度") == 2019);
  CHECK(parse_fiscal_year("平成２７年度") == 2015);
  CHECK_FALSE(parse_fiscal_year("H32"));  // 平成 ended in FY2019
  CHECK_FALSE(parse_fiscal_year("平成32年度"));
  CHECK_FALSE(parse_fiscal_year("H0"));
  CHECK_FALSE(parse_fiscal_year("平成0年度"));
  CHECK_FALSE(parse_fiscal_year("H元"));  // 元 only in the kanji form
  CHECK_FALSE(parse_fiscal_year("H"));
  CHECK_FALSE(parse_fiscal_year("平成年度"));
  CHECK_FALSE(parse_fiscal_year("H-1"));
  CHECK_FALSE(parse_fiscal_year("H123"));
  CHECK_FALSE(parse_fiscal_year("h23"));
  CHECK_FALSE(parse_fiscal_year("平成23年"));
  CHECK_FALSE(parse_fiscal_year("平成23年度年度"));
}

TEST_CASE("令和 in short and kanji forms") {
  CHECK(parse_fiscal_year("R1") == 2019);
  CHECK(parse_fiscal_year("令和元年度") == 2019);
  CHECK(parse_fiscal_year("令和元") == 2019);
  CHECK(parse_fiscal_year("R6") == 2024);
  CHECK(parse_fiscal_year("令和6年度") == 2024);
  CHECK(parse_fiscal_year("R81") == 2099);
  CHECK_FALSE(parse_fiscal_year("R82"));
  CHECK_FALSE(parse_fiscal_year("R0"));
  CHECK_FALSE(parse_fiscal_year("R元"));
  CHECK_FALSE(parse_fiscal_year("令和"));
  CHECK_FALSE(parse_fiscal_year("S60"));  // 昭和 is not accepted
  CHECK_FALSE(parse_fiscal_year("昭和60年度"));
  CHECK_FALSE(parse_fiscal_year(""));
}

TEST_CASE("labels") {
  CHECK(western_year_label(2015) == "2015年度");
  CHECK(era_year_label(2015) == "平成27年度");
  CHECK(era_year_label(1989) == "平成元年度");
  CHECK(era_year_label(2019) == "令和元年度");
  CHECK(era_year_label(2020) == "令和2年度");
  CHECK(era_short_label(2011) == "H23");
  CHECK(era_short_label(2019) == "R1");
  CHECK(era_short_label(2018) == "H30");
  // Every label parses back to its year.
  for (int year = 1989; year <= 2099; ++year) {
    CAPTURE(year);
    CHECK(parse_fiscal_year(western_year_label(year)) == year);
    CHECK(parse_fiscal_year(era_year_label(year)) == year);
    CHECK(parse_fiscal_year(era_short_label(year)) == year);
  }
}
