// `tenkai import`: sessions from a spreadsheet's CSV appended to a registry, edited as text.
// Each CSV record names its region (by id, 団体コード or prefecture + name), a fiscal year and
// optional session keys; regions not yet in the registry are added. Every problem is reported at
// FILE.csv:ROW:COL (ROW counting the header as 1, COL the field number), all at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cycle/csv_table.h"
#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"

namespace tenkai::cycle {

struct ImportRequest {
  std::string csv_path;  // names the CSV in diagnostics
  bool extend_years = false;
};

struct ImportPlan {
  std::string edited_text;                 // the registry file after the import
  std::vector<std::string> added_regions;  // "id (label)", in the order added
  size_t added_sessions = 0;
  std::pair<int, int> years_before{0, 0};  // the reporting period before and after
  std::pair<int, int> years_after{0, 0};
  bool years_rewritten = false;          // registry.years was edited in place
  std::vector<std::string> added_lines;  // the YAML lines added (regions, then sessions)
};

// The canonical key for a header cell (English session/region keys or a documented Japanese
// name), or empty when unknown.
std::string canonical_header(std::string_view header);
// Every accepted header spelling per key, for help texts and hints.
const std::vector<std::pair<std::string, std::vector<std::string>>>& header_aliases();

// Splits an organizers cell on "・". A name that itself contains "・" is written in 「」 (for
// example 「在宅医療・介護連携支援センター」・市); the brackets are not part of the name.
std::vector<std::string> split_organizers(std::string_view cell);

// Plans the import of `records` (the CSV's header first) into the registry `reg`, read from
// `registry_text`. nullopt, with every problem in `diagnostics`, when anything is wrong.
std::optional<ImportPlan> plan_import(std::string_view registry_text, const registry::Registry& reg,
                                      const std::vector<CsvRecord>& records,
                                      const ImportRequest& request, Diagnostics& diagnostics);

}  // namespace tenkai::cycle
