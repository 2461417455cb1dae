// The names a workbook spec binds to: data sources, their fields, placeholders and about values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/workbook/workbook_spec.h"

namespace tenkai::workbook {

const std::vector<std::string>& data_source_names();
std::optional<DataSource> parse_data_source(const std::string& name);

// Fields a column of a table bound to `source` may name, in documentation order.
const std::vector<std::string>& field_names(DataSource source);
bool has_field(DataSource source, const std::string& field);

// The spread matrix's per-year field: one column for each fiscal year of the matrix.
inline constexpr const char* kYearsField = "years";

// Placeholders usable in any text ({title}); per-year headers add year_placeholder_names().
const std::vector<std::string>& placeholder_names();
const std::vector<std::string>& year_placeholder_names();
// Values an `about` row may show by `field:` (the same names as the placeholders).
const std::vector<std::string>& about_value_names();

// Display names from DOMAIN.md, used by the *_name fields.
const char* function_display_name(const std::string& function);  // leader -> 地域リーダーの養成
const char* pattern_display_name(const std::string& pattern);  // P2 -> 広域でリーダー研修＋…
const char* rollout_display_name(const std::string& rollout);  // R1 -> 市町村での開催→全県での開催

}  // namespace tenkai::workbook
