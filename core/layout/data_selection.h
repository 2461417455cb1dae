// Data selection in deck layouts: which regions or prefectures an element lists (`where:`), in
// what order (`sort:`) and how many (`limit:`). Read and applied here, in one place, so every
// element that lists regions or prefectures (the rollout table, the prefecture summary, slides
// repeated `for_each:`) understands the same keys the same way.
//
// A selection only ever narrows what the reporting period holds: its fiscal years are cut to the
// period, and a region without counted sessions in the chosen years is not listed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/analysis/spread_matrix.h"
#include "core/layout/elements.h"
#include "core/registry/registry.h"

namespace tenkai::layout {

// What a listing is ordered by. Regions: first_year, prefecture_code, label, sessions.
// Prefectures: the same, and regions (how many regions of the prefecture are listed).
enum class SortKey { first_year, prefecture_code, label, sessions, regions };

struct SortSpec {
  SortKey key = SortKey::first_year;
  bool reversed = false;  // `-key`: the other way round
};

// Whether a listing holds regions (rows of the spread matrix) or prefectures.
enum class Listing { regions, prefectures };

struct DataSelection {
  // where:
  std::vector<std::string> prefectures;  // official names; empty: every prefecture
  std::vector<registry::Level> levels;   // empty: every level
  std::vector<std::string> regions;      // region ids; empty: every region
  std::optional<int> first_year;         // fiscal_years: the years shown, inside the period
  std::optional<int> last_year;
  bool nothing = false;  // two where: with no value in common: no region matches
  // sort: (empty: the listing's own order) and limit: (first N after sorting)
  std::vector<SortSpec> sort;
  std::optional<size_t> limit;
  SourcePos pos;  // the element or for_each map, for warnings

  bool narrows() const;  // where: holds something
  bool any() const { return narrows() || !sort.empty() || limit.has_value(); }
  // where: prefecture, level and regions (fiscal years are checked against the matrix cells).
  bool matches(const registry::Region& region) const;
  // Both selections' where: at once (a for_each slide's scope and an element's own).
  DataSelection narrowed_by(const DataSelection& other) const;
};

// The keys an element lists in ElementType::keys to take a selection.
const std::vector<std::string>& selection_keys();

// Reads `where:`, `sort:` and `limit:` from `map` (an element, or a for_each map). Every problem
// is reported at its position with a did-you-mean hint.
DataSelection read_selection(const YAML::Node& map, SpecReader& reader, Listing listing);

struct SelectedMatrix {
  analysis::SpreadMatrix matrix;  // the chosen rows in order, years cut, totals recounted
  size_t matched = 0;             // rows that matched before `limit` cut them
  size_t left_out() const { return matched - matrix.rows.size(); }
};

// The matrix as the selection shows it: rows that match `where` and hold a counted session in
// the chosen years (cells outside them dropped), sorted, cut to `limit`. The totals are
// recounted over the chosen rows; a row keeps its own first year, so `new` and `cumulative`
// still mean "first held in" and "held by" that year.
SelectedMatrix select_matrix(const analysis::SpreadMatrix& matrix,
                             const registry::Registry& registry, const DataSelection& selection);

// One prefecture of a prefecture listing, from the (selected) matrix.
struct PrefectureEntry {
  std::string name;
  int code = 0;
  int regions = 0;   // rows of the matrix in the prefecture
  int sessions = 0;  // their counted sessions
  int first_year = 0;
};

// Prefectures with at least one row in `matrix`, in code order.
std::vector<PrefectureEntry> prefecture_entries(const analysis::SpreadMatrix& matrix,
                                                const registry::Registry& registry);
// The listing a selection asks for: `where: prefecture` keeps those, then sort and limit.
std::vector<PrefectureEntry> select_prefectures(std::vector<PrefectureEntry> entries,
                                                const DataSelection& selection);

// "12" for 千葉県: the two-digit JIS X 0401 code.
std::string jis_code(int code);

}  // namespace tenkai::layout
