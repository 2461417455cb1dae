// Fiscal years and their era forms: 2011, H23, 平成23年度, R1, 令和元年度.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tenkai::registry {

// Parses a western year ("2011") or an era form; nullopt when the text is not a fiscal year.
// Accepted: 2011, 2011年度, H1..H31, 平成N年度 / 平成元年度, R1..R81, 令和N年度 / 令和元年度
// (the kanji forms also without 年度); digits may be full-width (平成２３年度).
std::optional<int> parse_fiscal_year(std::string_view text);

// Plausible range for a fiscal year in a registry; outside it the value is rejected.
constexpr int kFirstFiscalYear = 1989;
constexpr int kLastFiscalYear = 2099;

std::string western_year_label(int fiscal_year);  // "2015年度"
std::string era_year_label(int fiscal_year);      // "平成27年度", "令和元年度"
std::string era_short_label(int fiscal_year);     // "H27", "R1"

}  // namespace tenkai::registry
