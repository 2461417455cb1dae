// Tables of bindable names; the loader validates against them and the builder fills them.
#include "core/workbook/data_fields.h"

#include <algorithm>
#include <cstring>

namespace tenkai::workbook {
namespace {

const std::vector<std::string> kSources = {"spread_matrix",     "sessions",      "areas",
                                           "prefectures",       "yearly_totals", "about",
                                           "prefecture_summary"};

const std::vector<std::string> kMatrixFields = {
    "region", "label",      "name", "prefecture", "prefecture_code", "code",
    "level",  "organizers", "note", "first_year", "sessions",        kYearsField};
const std::vector<std::string> kSessionFields = {"region",
                                                 "label",
                                                 "name",
                                                 "prefecture",
                                                 "prefecture_code",
                                                 "code",
                                                 "fiscal_year",
                                                 "fiscal_year_western",
                                                 "fiscal_year_era",
                                                 "fiscal_year_era_short",
                                                 "ordinal",
                                                 "function",
                                                 "function_name",
                                                 "inferred",
                                                 "function_reason",
                                                 "scope",
                                                 "days",
                                                 "hours",
                                                 "field_hours",
                                                 "organizers",
                                                 "note",
                                                 "counted"};
const std::vector<std::string> kAreaFields = {"region",          "label", "name",  "prefecture",
                                              "prefecture_code", "code",  "level", "pattern",
                                              "pattern_name",    "reason"};
const std::vector<std::string> kPrefectureFields = {"prefecture",    "code",    "rollouts",
                                                    "rollout_names", "reasons", "notes"};
const std::vector<std::string> kYearlyFields = {
    "year", "year_western", "year_era", "year_era_short", "active", "new", "cumulative"};
const std::vector<std::string> kAboutFields = {"label", "value"};
const std::vector<std::string> kSummaryFields = {
    "prefecture",     "code",  "regions",    "covered",
    "municipalities", "share", "first_year", "first_year_western"};

const std::vector<std::string> kPlaceholders = {
    "title",      "as_of",     "caveat",  "version",  "registry_file", "registry_sha256",
    "first_year", "last_year", "regions", "sessions", "period_ja"};
const std::vector<std::string> kYearPlaceholders = {"year", "western", "era", "era_short"};

struct DisplayName {
  const char* id;
  const char* name;
};
const DisplayName kFunctionNames[] = {{"leader", "地域リーダーの養成"},
                                      {"intro", "動機づけ・入門"},
                                      {"connect", "多職種のつながりを深める"}};
const DisplayName kPatternNames[] = {{"P1", "市町村単位の開催"},
                                     {"P2", "広域でリーダー研修＋市町村単位の開催"},
                                     {"P3", "市町村単位の開催＋時系列で研修会の機能が変化"},
                                     {"none", "該当なし"}};
const DisplayName kRolloutNames[] = {{"R1", "市町村での開催→全県での開催"},
                                     {"R2", "都道府県単位の開催＋市町村単位の開催"},
                                     {"R3", "都道府県を越えた小規模市町村どうしの伝播"}};

template <size_t N>
const char* lookup(const DisplayName (&table)[N], const std::string& id) {
  for (const auto& entry : table) {
    if (id == entry.id) return entry.name;
  }
  return "";
}

}  // namespace

const std::vector<std::string>& data_source_names() {
  return kSources;
}

std::optional<DataSource> parse_data_source(const std::string& name) {
  auto it = std::find(kSources.begin(), kSources.end(), name);
  if (it == kSources.end()) return std::nullopt;
  return static_cast<DataSource>(it - kSources.begin());
}

const char* to_string(DataSource source) {
  return kSources[static_cast<size_t>(source)].c_str();
}

const char* to_string(TotalKind kind) {
  switch (kind) {
    case TotalKind::active:
      return "active";
    case TotalKind::new_regions:
      return "new";
    case TotalKind::cumulative:
      return "cumulative";
    case TotalKind::sum:
      return "sum";
  }
  return "active";
}

const std::vector<std::string>& field_names(DataSource source) {
  switch (source) {
    case DataSource::spread_matrix:
      return kMatrixFields;
    case DataSource::sessions:
      return kSessionFields;
    case DataSource::areas:
      return kAreaFields;
    case DataSource::prefectures:
      return kPrefectureFields;
    case DataSource::yearly_totals:
      return kYearlyFields;
    case DataSource::about:
      return kAboutFields;
    case DataSource::prefecture_summary:
      return kSummaryFields;
  }
  return kAboutFields;
}

bool has_field(DataSource source, const std::string& field) {
  const auto& names = field_names(source);
  return std::find(names.begin(), names.end(), field) != names.end();
}

const std::vector<std::string>& placeholder_names() {
  return kPlaceholders;
}
const std::vector<std::string>& year_placeholder_names() {
  return kYearPlaceholders;
}
const std::vector<std::string>& about_value_names() {
  return kPlaceholders;
}

const char* function_display_name(const std::string& id) {
  return lookup(kFunctionNames, id);
}
const char* pattern_display_name(const std::string& id) {
  return lookup(kPatternNames, id);
}
const char* rollout_display_name(const std::string& id) {
  return lookup(kRolloutNames, id);
}

const FormatSpec* WorkbookSpec::find_format(const std::string& name) const {
  for (const auto& format : formats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

}  // namespace tenkai::workbook
