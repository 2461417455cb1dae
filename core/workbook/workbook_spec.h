// The workbook spec (layouts/*.yaml with a top-level `workbook:`): sheets of tables bound by name
// to the registry's data, named cell formats, print options and charts. See docs/workbook.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/registry/diagnostics.h"

namespace tenkai::workbook {

// The data a table binds to; each has its own set of fields (data_fields.h).
enum class DataSource {
  spread_matrix,
  sessions,
  areas,
  prefectures,
  yearly_totals,
  about,
  prefecture_summary
};

enum class Align { none, left, center, right };
enum class VAlign { none, top, center, bottom };
enum class Border { none, thin, medium, thick, dashed, dotted, double_line, hair };
// active / new / cumulative: spread_matrix; sum: prefecture_summary (SUM of its counts).
enum class TotalKind { active, new_regions, cumulative, sum };
enum class ChartType { column, bar, line, area };
enum class Paper { a4, a3, b4, b5, letter };

// A named cell format; colours are 0xRRGGBB.
struct FormatSpec {
  std::string name;
  bool bold = false;
  bool italic = false;
  bool wrap = false;
  std::optional<double> font_size;
  std::string font_name;
  std::optional<uint32_t> font_color;
  std::optional<uint32_t> fill;
  Border border = Border::none;
  Align align = Align::none;
  VAlign valign = VAlign::none;
  std::string number_format;
  SourcePos pos;
};

struct ColumnSpec {
  std::string field;
  std::string
      header;  // may use placeholders; per-year columns also {year} {western} {era} {era_short}
  bool auto_width = true;
  double width = 0;  // characters, when !auto_width
  double min_width = 4;
  double max_width = 60;
  std::string format;  // named format of the data cells, empty for none
  bool hidden = false;
  std::optional<std::string>
      yes;  // text for true values (booleans are written as TRUE/FALSE otherwise)
  std::optional<std::string> no;
  SourcePos pos;
};

struct TotalSpec {
  TotalKind kind = TotalKind::active;
  std::string label;
  SourcePos pos;
};

// A row of an `about` table: a label and either a known value (`field`) or literal text.
struct AboutRow {
  std::string label;
  std::string field;  // one of about_value_names(), or empty
  std::string text;   // literal text with placeholders, used when field is empty
  SourcePos pos;
};

struct TableSpec {
  DataSource data = DataSource::spread_matrix;
  std::string title;  // optional line above the header
  std::string title_format;
  std::string header_format;
  std::vector<ColumnSpec> columns;
  std::vector<TotalSpec>
      totals;  // live formulas below the rows (spread_matrix, prefecture_summary)
  std::string totals_format;
  std::string footnote;  // optional line below the table; skipped when its placeholders are empty
  std::string footnote_format;
  std::vector<AboutRow> rows;         // about only
  std::string mark = "●";             // spread_matrix year cells
  bool count_sessions = false;        // "●×2" when a region held two sessions that year
  std::string note_separator = "\n";  // between the mark and each cell note
  std::string list_separator = "・";  // between organizers, rollouts
  int gap_after = 1;                  // empty rows before the next table
  bool all_prefectures = false;       // prefecture_summary: all 47 rows, not only those with data
  SourcePos pos;
};

struct ChartSeriesSpec {
  std::string field;  // a column of the chart's table
  std::string name;   // legend name; default: that column's header
  std::optional<uint32_t> color;
  SourcePos pos;
};

struct ChartSpec {
  ChartType type = ChartType::column;
  std::string title;
  std::string x_title;
  std::string y_title;
  size_t table = 0;        // 0-based index of the table on the same sheet (1-based in YAML)
  std::string categories;  // a column of that table
  std::vector<ChartSeriesSpec> series;
  std::optional<std::pair<int, int>> anchor;  // 0-based row, column of a cell such as "F2";
                                              // default: one column right of the table
  int width = 576;                            // pixels
  int height = 320;
  SourcePos pos;
};

struct PrintSpec {
  bool landscape = false;
  Paper paper = Paper::a4;
  bool fit_width = false;      // fit to one page wide, as many pages tall as needed
  bool fit_page = false;       // fit to one page wide and one tall
  bool repeat_header = false;  // repeat the first table's rows through its header on every page
  std::string header;          // Excel header/footer codes allowed (&P, &N)
  std::string footer;
};

struct SheetSpec {
  std::string name;
  std::vector<TableSpec> tables;
  bool freeze_header = false;  // freeze the rows through the first table's header
  int freeze_columns = 0;
  bool autofilter = false;  // on the first table
  PrintSpec print;
  std::vector<ChartSpec> charts;
  SourcePos pos;
};

struct Properties {
  std::string title, subject, author, manager, company, category, keywords, comments;
  std::string created;  // YYYY-MM-DD used when the registry has no as_of
};

struct WorkbookSpec {
  std::string path;
  std::string output;  // file name inside the output folder
  std::string font;    // every cell's font unless its format names one; empty: the writer's
  Properties properties;
  std::vector<FormatSpec> formats;
  std::vector<SheetSpec> sheets;

  const FormatSpec* find_format(const std::string& name) const;
};

// "F2" -> {1, 5}; nullopt when not an A1-style cell reference.
std::optional<std::pair<int, int>> parse_cell_ref(const std::string& ref);

const char* to_string(DataSource source);
const char* to_string(TotalKind kind);

}  // namespace tenkai::workbook
