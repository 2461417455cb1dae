// Builds the spread matrix from counted sessions inside the registry's years (CONTRACT.md §3).
#include "core/analysis/spread_matrix.h"

#include "core/analysis/period.h"

#include <algorithm>
#include <optional>

namespace tenkai::analysis {
namespace {

using registry::Registry;

void warn_outside(const registry::Session& session, const std::pair<int, int>& span,
                  Diagnostics& diagnostics) {
  // One period per build: the session is left out of every output alike, so say how to widen it.
  int first = std::min(span.first, session.fiscal_year);
  int last = std::max(span.second, session.fiscal_year);
  diagnostics.warning(
      session.pos, "session of '" + session.region + "' in fiscal year " +
                       std::to_string(session.fiscal_year) + " is outside the registry's years " +
                       std::to_string(span.first) + "–" + std::to_string(span.second) +
                       " and is left out of the matrix, the classifications and every figure; "
                       "to include it, set 'years: [" +
                       std::to_string(first) + ", " + std::to_string(last) + "]'");
}

}  // namespace

SpreadMatrix compute_spread(const Registry& reg, Diagnostics& diagnostics) {
  SpreadMatrix matrix;
  auto span = reporting_period(reg);
  matrix.caveat = expand_period(reg.caveat, span);
  if (!span) return matrix;
  for (int year = span->first; year <= span->second; ++year) matrix.years.push_back(year);

  // One slot per region, filled in registry order so cell notes keep the sessions' order.
  std::vector<std::optional<MatrixRow>> by_region(reg.regions.size());
  for (const auto& session : reg.sessions) {
    if (!session.counted) continue;
    if (session.fiscal_year < span->first || session.fiscal_year > span->second) {
      warn_outside(session, *span, diagnostics);
      continue;
    }
    auto& slot = by_region[session.region_index];
    if (!slot) {
      const auto& region = reg.regions[session.region_index];
      slot =
          MatrixRow{session.region_index, region.id, region.label, region.organizers, region.note,
                    session.fiscal_year,  {}};
    }
    slot->first_year = std::min(slot->first_year, session.fiscal_year);
    auto& cell = slot->cells[session.fiscal_year];
    cell.sessions += 1;
    if (!session.note.empty()) cell.notes.push_back(session.note);
  }
  for (auto& slot : by_region) {
    if (slot) matrix.rows.push_back(std::move(*slot));
  }
  // Stable: rows of the same first year keep registry order.
  std::stable_sort(
      matrix.rows.begin(), matrix.rows.end(),
      [](const MatrixRow& a, const MatrixRow& b) { return a.first_year < b.first_year; });

  for (int year : matrix.years) {
    matrix.active[year] = 0;
    matrix.new_regions[year] = 0;
  }
  for (const auto& row : matrix.rows) {
    matrix.new_regions[row.first_year] += 1;
    for (const auto& [year, cell] : row.cells) matrix.active[year] += 1;
  }
  int running = 0;
  for (int year : matrix.years) {
    running += matrix.new_regions[year];
    matrix.cumulative[year] = running;
  }
  return matrix;
}

}  // namespace tenkai::analysis
