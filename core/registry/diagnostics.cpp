// Formatting and collection of positioned diagnostics, plus "did you mean" suggestions.
#include "core/registry/diagnostics.h"

#include <algorithm>

namespace tenkai {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.pos.file.empty() ? std::string("<input>") : d.pos.file;
  out += ':' + std::to_string(d.pos.line) + ':' + std::to_string(d.pos.col) + ": ";
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
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

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
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
  size_t limit = std::max<size_t>(1, std::max(word.size(), best.size()) / 3);
  return best_distance <= limit ? best : std::string();
}

}  // namespace tenkai
