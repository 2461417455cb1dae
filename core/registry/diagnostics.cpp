// Formatting and collection of positioned diagnostics, plus "did you mean" suggestions.
#include "core/registry/diagnostics.h"
#include "core/registry/diagnostic_order.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "core/text/utf8.h"

namespace tenkai {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.pos.file.empty() ? std::string("<input>") : d.pos.file;
  out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col) + ": ";
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  // Paths and quoted input may hold anything; the terminal gets valid UTF-8, no control chars.
  return text::printable(out);
}

Diagnostics in_file_order(const Diagnostics& found) {
  std::map<std::string, size_t> file_rank;  // files in the order they first appear
  for (const auto& d : found.items()) file_rank.emplace(d.pos.file, file_rank.size());
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(file_rank[a.pos.file], a.pos.line, a.pos.col) <
           std::tuple(file_rank[b.pos.file], b.pos.line, b.pos.col);
  });
  Diagnostics sorted;
  for (auto& item : items) sorted.add(std::move(item));
  return sorted;
}

void Diagnostics::error(const SourcePos& pos, std::string message, std::string hint) {
  items_.push_back({Severity::error, pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(const SourcePos& pos, std::string message, std::string hint) {
  items_.push_back({Severity::warning, pos, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

namespace {

// Code points, so that a kanji counts as one character (千葉 is one edit from 千葉県).
std::vector<std::string_view> characters(const std::string& text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    while (i + length < text.size() &&
           (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    out.emplace_back(text.data() + i, length);
    i += length;
  }
  return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbours each cost one, so the common typo "titel" is one edit from "title".
size_t edit_distance(const std::string& a_text, const std::string& b_text) {
  auto a = characters(a_text), b = characters(b_text);
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // No name is this long; skipping keeps a hostile multi-megabyte word from costing quadratic time.
  constexpr size_t kMaxWordBytes = 256;
  if (word.size() > kMaxWordBytes) return {};
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const auto& candidate : candidates) {
    size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  // Allow roughly one typo per three characters; beyond that a suggestion is noise.
  size_t longest = std::max(characters(word).size(), characters(best).size());
  size_t limit = std::max<size_t>(1, longest / 3);
  return best_distance <= limit ? best : std::string();
}

}  // namespace tenkai
