// The device-independent workbook: sheets of cells (values, live formulas with cached results,
// format names), column widths, panes, print setup and charts. Built from a spec and the
// registry's analyses in core; a renderer (renderers/xlsx) only writes it out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/registry/registry.h"
#include "core/workbook/workbook_spec.h"

namespace tenkai::workbook {

struct Cell {
  enum class Kind { blank, text, number, boolean, formula };
  Kind kind = Kind::blank;
  std::string text;    // the text, or the formula (starting with '=')
  double number = 0;   // the number, the boolean (0 or 1), or the formula's cached result
  std::string format;  // named format of the spec; empty for none
};

struct CellRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct ColumnModel {
  double width = 8.43;  // characters
  bool hidden = false;
};

struct SeriesModel {
  std::string name;
  CellRange values;
  std::optional<uint32_t> color;
};

struct ChartModel {
  ChartType type = ChartType::column;
  std::string title, x_title, y_title;
  CellRange categories;
  std::vector<SeriesModel> series;
  int row = 0, col = 0;  // top-left anchor cell
  int width = 576, height = 320;
};

struct PrintModel {
  bool landscape = false;
  Paper paper = Paper::a4;
  bool fit_width = false;
  bool fit_page = false;
  std::optional<std::pair<int, int>> repeat_rows;  // first, last row printed on every page
  std::string header, footer;
};

struct SheetModel {
  std::string name;
  std::vector<std::vector<Cell>> rows;  // rows[r][c]; shorter rows are blank to the right
  std::vector<ColumnModel> columns;
  std::map<int, double> row_heights;  // points, only rows whose wrapped text needs more lines
  int freeze_rows = 0;
  int freeze_columns = 0;
  std::optional<CellRange> autofilter;
  PrintModel print;
  std::vector<ChartModel> charts;

  Cell& at(int row, int col);                // grows the grid as needed
  const Cell* find(int row, int col) const;  // nullptr outside the written grid
};

struct DocumentProperties {
  std::string title, subject, author, manager, company, category, keywords, comments;
  long long created = 0;  // seconds since 1970-01-01 UTC; never the clock
};

struct WorkbookModel {
  std::string output;
  std::string font;  // default font of every cell and format (empty: the writer's)
  DocumentProperties properties;
  std::vector<FormatSpec> formats;  // every named format of the spec, in spec order
  std::vector<SheetModel> sheets;
};

// What a workbook binds to, computed once by the driver.
struct WorkbookData {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const analysis::Classification& classification;
  std::string version;          // tenkai version
  std::string registry_sha256;  // hex digest of the registry file
};

// Pure and deterministic: the same spec and data give the same model.
WorkbookModel build_workbook_model(const WorkbookSpec& spec, const WorkbookData& data);

// Excel's limit on the text of a cell is 32,767 characters; clipping at as many bytes is stricter
// and so safe whichever way a writer counts.
inline constexpr size_t kMaxCellTextBytes = 32767;
// `text` cut at a character boundary, with "…", when it is over the limit; otherwise unchanged.
std::string clip_cell_text(std::string text);

// "C7" from 0-based row and column; with `absolute`, "$C$7".
std::string cell_name(int row, int col, bool absolute = false);

// Seconds since the Unix epoch of a YYYY-MM-DD date at 00:00 UTC; nullopt when malformed.
std::optional<long long> date_to_epoch(const std::string& date);

}  // namespace tenkai::workbook
