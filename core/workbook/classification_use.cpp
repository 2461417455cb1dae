// Tables that read the classification (table_cells.cpp): areas, prefectures, and the classified
// fields of sessions.
#include "core/workbook/classification_use.h"

namespace tenkai::workbook {
namespace {

bool classified_session_field(const std::string& field) {
  return field == "function" || field == "function_name" || field == "inferred" ||
         field == "function_reason";
}

bool table_needs_classification(const TableSpec& table) {
  switch (table.data) {
    case DataSource::areas:
    case DataSource::prefectures:
      return true;
    case DataSource::sessions:
      for (const auto& column : table.columns) {
        if (classified_session_field(column.field)) return true;
      }
      return false;
    case DataSource::spread_matrix:
    case DataSource::yearly_totals:
    case DataSource::about:
    case DataSource::prefecture_summary:
      return false;
  }
  return true;
}

}  // namespace

bool workbook_needs_classification(const WorkbookSpec& spec) {
  for (const auto& sheet : spec.sheets) {
    for (const auto& table : sheet.tables) {
      if (table_needs_classification(table)) return true;
    }
  }
  return false;
}

}  // namespace tenkai::workbook
