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

// Japanese documents often write digits full-width (平成２３年度); fold them to ASCII so the
// era parser only deals with one kind. Anything else is copied unchanged.
std::string fold_full_width_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
        static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// An era year: "23" (one or two ASCII digits, at least 1) or "元" (the first year).
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

std::optional<int> parse_fiscal_year(std::string_view raw) {
  std::string folded = fold_full_width_digits(raw);
  std::string_view text = folded;
  if (auto western = parse_western(text)) return western;
  {
    // "2011年度", the form western_year_label writes.
    std::string_view western_form = text;
    consume_suffix(western_form, "年度");
    if (western_form.size() != text.size()) {
      if (auto western = parse_western(western_form)) return western;
    }
  }
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

std::string western_year_label(int fiscal_year) {
  return std::to_string(fiscal_year) + "年度";
}

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
