// Era arithmetic: 平成 n = n + 1988, 令和 n = n + 2018 (令和元年度 = FY2019 = 平成31年度).
#include "core/registry/fiscal_year.h"

#include <charconv>

namespace tenkai::registry {
namespace {

constexpr int kHeiseiOffset = 1988;
constexpr int kReiwaOffset = 2018;
constexpr int kLastHeiseiYear = 31;

bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

void consume_suffix(std::string_view& text, std::string_view suffix) {
  if (text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
    text.remove_suffix(suffix.size());
  }
}

// "23", "元" or full-width digits are not accepted except 元; plain ASCII digits only.
std::optional<int> parse_era_number(std::string_view text) {
  if (text == "元") return 1;
  if (text.empty() || text.size() > 2) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::optional<int> parse_western(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < kFirstFiscalYear || value > kLastFiscalYear) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> parse_fiscal_year(std::string_view text) {
  if (auto western = parse_western(text)) return western;
  std::string_view rest = text;
  int offset = 0;
  int last_era_year = kLastFiscalYear - kReiwaOffset;
  bool kanji_form = false;
  if (consume_prefix(rest, "平成")) {
    offset = kHeiseiOffset, last_era_year = kLastHeiseiYear, kanji_form = true;
  } else if (consume_prefix(rest, "令和")) {
    offset = kReiwaOffset, kanji_form = true;
  } else if (consume_prefix(rest, "H")) {
    offset = kHeiseiOffset, last_era_year = kLastHeiseiYear;
  } else if (consume_prefix(rest, "R")) {
    offset = kReiwaOffset;
  } else {
    return std::nullopt;
  }
  if (kanji_form) {
    consume_suffix(rest, "年度");
  }
  auto era_year = parse_era_number(rest);
  if (!era_year || *era_year > last_era_year) return std::nullopt;
  if (!kanji_form && rest == "元") return std::nullopt;
  return *era_year + offset;
}

std::string western_year_label(int fiscal_year) { return std::to_string(fiscal_year) + "年度"; }

std::string era_year_label(int fiscal_year) {
  if (fiscal_year >= kReiwaOffset + 1) {
    int n = fiscal_year - kReiwaOffset;
    return "令和" + (n == 1 ? std::string("元") : std::to_string(n)) + "年度";
  }
  if (fiscal_year >= kHeiseiOffset + 1) {
    int n = fiscal_year - kHeiseiOffset;
    return "平成" + (n == 1 ? std::string("元") : std::to_string(n)) + "年度";
  }
  return western_year_label(fiscal_year);
}

std::string era_short_label(int fiscal_year) {
  if (fiscal_year > kReiwaOffset) return "R" + std::to_string(fiscal_year - kReiwaOffset);
  if (fiscal_year > kHeiseiOffset) return "H" + std::to_string(fiscal_year - kHeiseiOffset);
  return std::to_string(fiscal_year);
}

}  // namespace tenkai::registry
