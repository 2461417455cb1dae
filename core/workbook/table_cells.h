// One table of a workbook spec turned into cells: its expanded columns (one per fiscal year for
// the spread matrix's `years`) and a row of cells per item of the bound data.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/workbook/sheet_model.h"

namespace tenkai::workbook {

struct OutColumn {
  const ColumnSpec* spec = nullptr;
  int year = 0;  // the fiscal year of an expanded `years` column, else 0
  std::string header;
};

struct TableCells {
  std::vector<OutColumn> columns;
  std::vector<std::vector<Cell>> rows;  // one cell per column
};

using PlaceholderValues = std::map<std::string, std::string>;
PlaceholderValues placeholder_values(const WorkbookData& data);

// `first_data_row` and `first_col` place the table, for the formulas inside its rows.
TableCells table_cells(const TableSpec& table, const WorkbookData& data,
                       const PlaceholderValues& values, int first_data_row, int first_col);

// A Excel string literal for formulas: quotes doubled, wildcards (* ? ~) escaped with ~.
std::string criteria_literal(const std::string& text);

}  // namespace tenkai::workbook
