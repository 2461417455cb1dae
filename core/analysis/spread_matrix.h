// The yearly spread matrix: region × fiscal year, with active / new / cumulative totals.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"

namespace tenkai::analysis {

struct MatrixCell {
  int sessions = 0;
  std::vector<std::string> notes;  // the sessions' notes, in registry order
};

struct MatrixRow {
  size_t region_index = 0;
  std::string region;  // id
  std::string label;
  std::vector<std::string> organizers;
  std::string note;  // the region's row note
  int first_year = 0;
  std::map<int, MatrixCell> cells;  // only years with counted sessions
};

struct SpreadMatrix {
  std::vector<int> years;
  std::vector<MatrixRow> rows;  // by first_year, then registry order
  std::map<int, int> active;
  std::map<int, int> new_regions;
  std::map<int, int> cumulative;
  std::string caveat;
};

// Warnings (sessions outside the declared years) go to `diagnostics`.
SpreadMatrix compute_spread(const registry::Registry& registry, Diagnostics& diagnostics);

}  // namespace tenkai::analysis
