// The prefecture summary: per prefecture, the regions holding counted sessions in the reporting
// period, the municipalities they cover against the prefecture's number of municipalities, and
// the first fiscal year — the national view of the spread matrix.
#pragma once

#include <string>
#include <vector>

#include "core/analysis/spread_matrix.h"
#include "core/registry/registry.h"

namespace tenkai::analysis {

struct PrefectureSummaryRow {
  int code = 0;            // JIS X 0401, 1..47
  std::string prefecture;  // official name
  int regions = 0;         // matrix rows of the prefecture, every level
  int covered = 0;         // municipalities with sessions, or whose ward has them
  int municipalities = 0;  // the prefecture's municipalities (reference table)
  int first_year = 0;      // first fiscal year of its matrix rows; 0 when none
  double share() const { return municipalities > 0 ? double(covered) / municipalities : 0; }
};

struct PrefectureSummary {
  std::vector<PrefectureSummaryRow> rows;  // all 47, by JIS code
  PrefectureSummaryRow total;              // code 0, prefecture empty; first_year the earliest
};

// Computed from the spread matrix, so it holds exactly the matrix's regions and reporting period.
// A municipality is covered when it is a matrix row, or when a ward that is a matrix row lies in
// it: the ward's `within` chain reaching a municipality, else the designated city its name
// begins with (大阪市東淀川区 -> 大阪市), counted once per prefecture and city name.
PrefectureSummary summarize_prefectures(const registry::Registry& registry,
                                        const SpreadMatrix& matrix);

}  // namespace tenkai::analysis
