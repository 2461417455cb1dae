// Places each sheet's tables one under another, adds the live totals, widths, panes, print setup
// and charts, and fixes the document properties (creation date from the data, never the clock).
#include "core/workbook/sheet_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/text/display_width.h"
#include "core/workbook/placeholders.h"
#include "core/workbook/table_cells.h"

namespace tenkai::workbook {
namespace {

// Where a table landed on its sheet.
struct Placement {
  int header_row = 0;
  int first_data_row = 0;
  int data_rows = 0;
  int columns = 0;
  std::vector<std::string> fields;  // per sheet column of the table (years repeat "years")
  std::vector<std::string> headers;
};

constexpr double kAutoPadding = 2;  // characters added to the widest text of a column
constexpr double kLineHeight = 15;  // points per line of an 11-point default font
constexpr double kRowPadding = 3;
constexpr long long kFallbackCreated = 946684800;  // 2000-01-01T00:00:00Z

// Where each live total of a spread-matrix table sits, as an absolute reference with its sheet
// ('波及状況'!$F$25), keyed by (total kind, fiscal year); later tables of yearly totals point at
// these cells, so a summary sheet and its chart follow edits to the matrix.
using TotalRefs = std::map<std::pair<int, int>, std::string>;

std::string sheet_reference(const std::string& sheet, int row, int col) {
  std::string quoted = "'";
  for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'!" + cell_name(row, col, true);
}

Cell text_cell(const std::string& text, const std::string& format) {
  Cell cell;
  cell.kind = text.empty() ? Cell::Kind::blank : Cell::Kind::text;
  cell.text = clip_cell_text(text);
  cell.format = format;
  return cell;
}

// Writes the totals row of a prefecture summary: SUM of the counts, the share of the sums, the
// earliest first year (MIN), each with its cached value.
int write_summary_totals(SheetModel& sheet, const TableSpec& table, const TableCells& cells,
                         const Placement& at, const PlaceholderValues& values, int row) {
  const int last = at.first_data_row + at.data_rows - 1;
  int covered = -1, whole = -1;
  for (size_t c = 0; c < cells.columns.size(); ++c) {
    if (cells.columns[c].spec->field == "covered") covered = static_cast<int>(c);
    if (cells.columns[c].spec->field == "municipalities") whole = static_cast<int>(c);
  }
  for (const auto& total : table.totals) {
    sheet.at(row, 0) = text_cell(fill_placeholders(total.label, values).text, table.totals_format);
    double sums[2] = {0, 0};  // covered, municipalities
    for (size_t c = 0; c < cells.columns.size(); ++c) {
      const std::string& field = cells.columns[c].spec->field;
      const int col = static_cast<int>(c);
      if (c > 0) sheet.at(row, col).format = table.totals_format;
      const bool summed = field == "regions" || field == "covered" || field == "municipalities";
      if (!summed && field != "first_year") continue;
      double value = 0;
      bool any = false;
      for (const auto& cells_row : cells.rows) {
        const Cell& cell = cells_row[c];
        if (cell.kind != Cell::Kind::number) continue;
        value = summed ? value + cell.number : any ? std::min(value, cell.number) : cell.number;
        any = true;
      }
      if (field == "covered") sums[0] = value;
      if (field == "municipalities") sums[1] = value;
      Cell& cell = sheet.at(row, col);
      if (!summed && !any) continue;  // no first year anywhere
      cell.number = value;
      if (at.data_rows == 0) {
        cell.kind = Cell::Kind::number;
        continue;
      }
      cell.kind = Cell::Kind::formula;
      cell.text = std::string(summed ? "=SUM(" : "=MIN(") + cell_name(at.first_data_row, col) +
                  ":" + cell_name(last, col) + ")";
    }
    for (size_t c = 0; c < cells.columns.size(); ++c) {
      if (cells.columns[c].spec->field != "share") continue;
      Cell& cell = sheet.at(row, static_cast<int>(c));
      cell.format = cells.columns[c].spec->format.empty() ? table.totals_format
                                                          : cells.columns[c].spec->format;
      cell.number = sums[1] > 0 ? sums[0] / sums[1] : 0;
      cell.kind = Cell::Kind::number;
      if (covered >= 0 && whole >= 0) {
        cell.kind = Cell::Kind::formula;
        cell.text = "=IF(" + cell_name(row, whole) + ">0," + cell_name(row, covered) + "/" +
                    cell_name(row, whole) + ",0)";
      }
    }
    ++row;
  }
  return row;
}

// Writes the active / new / cumulative rows under a spread-matrix table as live formulas.
int write_totals(SheetModel& sheet, const TableSpec& table, const TableCells& cells,
                 const Placement& at, const analysis::SpreadMatrix& matrix,
                 const PlaceholderValues& values, int row, TotalRefs& refs) {
  int first_year_col = -1;
  for (size_t c = 0; c < cells.columns.size(); ++c) {
    if (cells.columns[c].spec->field == "first_year" && first_year_col < 0)
      first_year_col = static_cast<int>(c);
  }
  int last = at.first_data_row + at.data_rows - 1;
  if (table.data == DataSource::prefecture_summary)
    return write_summary_totals(sheet, table, cells, at, values, row);
  for (const auto& total : table.totals) {
    sheet.at(row, 0) = text_cell(fill_placeholders(total.label, values).text, table.totals_format);
    for (size_t c = 1; c < cells.columns.size(); ++c)
      sheet.at(row, static_cast<int>(c)).format = table.totals_format;
    for (size_t c = 0; c < cells.columns.size(); ++c) {
      int year = cells.columns[c].year;
      if (year == 0) continue;
      const std::map<int, int>& counts = total.kind == TotalKind::active        ? matrix.active
                                         : total.kind == TotalKind::new_regions ? matrix.new_regions
                                                                                : matrix.cumulative;
      auto found = counts.find(year);
      Cell& cell = sheet.at(row, static_cast<int>(c));
      cell.number = found == counts.end() ? 0 : found->second;
      refs.emplace(std::pair{static_cast<int>(total.kind), year},
                   sheet_reference(sheet.name, row, static_cast<int>(c)));
      if (at.data_rows == 0) {  // no range to count over: the value alone
        cell.kind = Cell::Kind::number;
        continue;
      }
      cell.kind = Cell::Kind::formula;
      if (total.kind == TotalKind::active) {
        cell.text = "=COUNTIF(" + cell_name(at.first_data_row, static_cast<int>(c)) + ":" +
                    cell_name(last, static_cast<int>(c)) + ",\"" + criteria_literal(table.mark) +
                    "*\")";
      } else {
        std::string range = cell_name(at.first_data_row, first_year_col, true) + ":" +
                            cell_name(last, first_year_col, true);
        std::string criterion = total.kind == TotalKind::new_regions
                                    ? std::to_string(year)
                                    : "\"<=" + std::to_string(year) + "\"";
        cell.text = "=COUNTIF(" + range + "," + criterion + ")";
      }
    }
    ++row;
  }
  return row;
}

double auto_width(const ColumnSpec& spec, const std::string& header,
                  const std::vector<std::vector<Cell>>& rows, size_t c) {
  if (!spec.auto_width) return spec.width;
  double widest = text::text_display_width(header);
  for (const auto& row : rows) {
    const Cell& cell = row[c];
    if (cell.kind == Cell::Kind::text)
      widest = std::max(widest, text::text_display_width(cell.text));
    else if (cell.kind == Cell::Kind::number || cell.kind == Cell::Kind::formula)
      widest = std::max(widest, 6.0);
    else if (cell.kind == Cell::Kind::boolean)
      widest = std::max(widest, 5.0);
  }
  return std::clamp(widest + kAutoPadding, spec.min_width,
                    std::max(spec.min_width, spec.max_width));
}

bool format_wraps(const WorkbookSpec& spec, const std::string& name) {
  const FormatSpec* format = spec.find_format(name);
  return format && format->wrap;
}

// Rows whose wrapped or multi-line text needs more than one line get an explicit height, since
// Excel does not grow rows on open.
void fit_row_heights(SheetModel& sheet, const WorkbookSpec& spec) {
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    int lines = 1;
    for (size_t c = 0; c < sheet.rows[r].size() && c < sheet.columns.size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      if (cell.kind != Cell::Kind::text || !format_wraps(spec, cell.format)) continue;
      lines = std::max(lines, text::wrapped_line_count(cell.text, sheet.columns[c].width));
    }
    if (lines > 1) sheet.row_heights[static_cast<int>(r)] = lines * kLineHeight + kRowPadding;
  }
}

void add_chart(SheetModel& sheet, const ChartSpec& spec, const Placement& at,
               const PlaceholderValues& values) {
  if (at.data_rows == 0) return;  // nothing to plot; an empty range would not open
  auto column_of = [&](const std::string& field) {
    auto it = std::find(at.fields.begin(), at.fields.end(), field);
    return static_cast<int>(it - at.fields.begin());
  };
  int last = at.first_data_row + at.data_rows - 1;
  ChartModel chart;
  chart.type = spec.type;
  chart.title = fill_placeholders(spec.title, values).text;
  chart.x_title = fill_placeholders(spec.x_title, values).text;
  chart.y_title = fill_placeholders(spec.y_title, values).text;
  int cat = column_of(spec.categories);
  chart.categories = {at.first_data_row, cat, last, cat};
  for (const auto& s : spec.series) {
    int col = column_of(s.field);
    std::string name = s.name.empty() ? at.headers[col] : fill_placeholders(s.name, values).text;
    chart.series.push_back({name, {at.first_data_row, col, last, col}, s.color});
  }
  if (spec.anchor) {
    chart.row = spec.anchor->first;
    chart.col = spec.anchor->second;
  } else {
    chart.row = at.header_row;
    chart.col = at.columns + 1;
  }
  chart.width = spec.width;
  chart.height = spec.height;
  sheet.charts.push_back(std::move(chart));
}

// Yearly totals become references to the matrix's live totals where an earlier sheet has them.
void link_yearly_totals(TableCells& cells, const analysis::SpreadMatrix& matrix,
                        const TotalRefs& refs) {
  for (size_t r = 0; r < cells.rows.size() && r < matrix.years.size(); ++r) {
    for (size_t c = 0; c < cells.columns.size(); ++c) {
      const std::string& field = cells.columns[c].spec->field;
      std::optional<TotalKind> kind;
      if (field == "active") kind = TotalKind::active;
      if (field == "new") kind = TotalKind::new_regions;
      if (field == "cumulative") kind = TotalKind::cumulative;
      if (!kind) continue;
      auto found = refs.find({static_cast<int>(*kind), matrix.years[r]});
      if (found == refs.end()) continue;
      Cell& cell = cells.rows[r][c];
      cell.kind = Cell::Kind::formula;  // the cached number stays the computed total
      cell.text = "=" + found->second;
    }
  }
}

SheetModel build_sheet(const WorkbookSpec& spec, const SheetSpec& sheet_spec,
                       const WorkbookData& data, const PlaceholderValues& values, TotalRefs& refs) {
  SheetModel sheet;
  sheet.name = sheet_spec.name;
  std::vector<Placement> placements;
  std::vector<double> widths;
  std::vector<int> visible_uses, hidden_uses;
  int row = 0;
  for (const auto& table : sheet_spec.tables) {
    if (!table.title.empty()) {
      Filled title = fill_placeholders(table.title, values);
      if (!title.any_placeholder || title.any_value) {
        sheet.at(row, 0) = text_cell(title.text, table.title_format);
        ++row;
      }
    }
    Placement at;
    at.header_row = row;
    at.first_data_row = row + 1;
    TableCells cells = table_cells(table, data, values, at.first_data_row, 0);
    if (table.data == DataSource::yearly_totals) link_yearly_totals(cells, data.matrix, refs);
    at.data_rows = static_cast<int>(cells.rows.size());
    at.columns = static_cast<int>(cells.columns.size());
    for (size_t c = 0; c < cells.columns.size(); ++c) {
      const OutColumn& column = cells.columns[c];
      at.fields.push_back(column.spec->field);
      at.headers.push_back(column.header);
      sheet.at(row, static_cast<int>(c)) = text_cell(column.header, table.header_format);
      if (widths.size() <= c) {
        widths.resize(c + 1, 0);
        visible_uses.resize(c + 1, 0);
        hidden_uses.resize(c + 1, 0);
      }
      widths[c] = std::max(widths[c], auto_width(*column.spec, column.header, cells.rows, c));
      (column.spec->hidden ? hidden_uses : visible_uses)[c] += 1;
    }
    for (size_t r = 0; r < cells.rows.size(); ++r) {
      for (size_t c = 0; c < cells.rows[r].size(); ++c) {
        sheet.at(at.first_data_row + static_cast<int>(r), static_cast<int>(c)) =
            std::move(cells.rows[r][c]);
      }
    }
    row = at.first_data_row + at.data_rows;
    row = write_totals(sheet, table, cells, at, data.matrix, values, row, refs);
    if (!table.footnote.empty()) {
      Filled note = fill_placeholders(table.footnote, values);
      if (!note.any_placeholder || note.any_value) {
        sheet.at(row, 0) = text_cell(note.text, table.footnote_format);
        ++row;
      }
    }
    row += table.gap_after;
    placements.push_back(std::move(at));
  }
  for (size_t c = 0; c < widths.size(); ++c) {
    sheet.columns.push_back(
        {std::round(widths[c] * 100) / 100, hidden_uses[c] > 0 && visible_uses[c] == 0});
  }
  if (!placements.empty()) {
    const Placement& first = placements.front();
    if (sheet_spec.freeze_header) sheet.freeze_rows = first.header_row + 1;
    sheet.freeze_columns = sheet_spec.freeze_columns;
    if (sheet_spec.autofilter && first.columns > 0) {
      sheet.autofilter =
          CellRange{first.header_row, 0, first.header_row + first.data_rows, first.columns - 1};
    }
    // Print titles belong to a sheet, not a table: with a second table below, the first one's
    // header would be printed over the second's rows, so they are set for one table only.
    if (sheet_spec.print.repeat_header && placements.size() == 1)
      sheet.print.repeat_rows = {0, first.header_row};
  }
  sheet.print.landscape = sheet_spec.print.landscape;
  sheet.print.paper = sheet_spec.print.paper;
  sheet.print.fit_width = sheet_spec.print.fit_width;
  sheet.print.fit_page = sheet_spec.print.fit_page;
  sheet.print.header = fill_placeholders(sheet_spec.print.header, values).text;
  sheet.print.footer = fill_placeholders(sheet_spec.print.footer, values).text;
  for (const auto& chart : sheet_spec.charts) {
    if (chart.table < placements.size()) add_chart(sheet, chart, placements[chart.table], values);
  }
  fit_row_heights(sheet, spec);
  return sheet;
}

}  // namespace

std::string clip_cell_text(std::string text) {
  if (text.size() <= kMaxCellTextBytes) return text;
  const std::string ellipsis = "…";
  size_t cut = kMaxCellTextBytes - ellipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + ellipsis;
}

Cell& SheetModel::at(int row, int col) {
  if (rows.size() <= static_cast<size_t>(row)) rows.resize(row + 1);
  auto& cells = rows[row];
  if (cells.size() <= static_cast<size_t>(col)) cells.resize(col + 1);
  return cells[col];
}

const Cell* SheetModel::find(int row, int col) const {
  if (row < 0 || col < 0 || static_cast<size_t>(row) >= rows.size()) return nullptr;
  const auto& cells = rows[row];
  return static_cast<size_t>(col) < cells.size() ? &cells[col] : nullptr;
}

std::string cell_name(int row, int col, bool absolute) {
  std::string letters;
  for (int n = col + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  std::string dollar = absolute ? "$" : "";
  return dollar + letters + dollar + std::to_string(row + 1);
}

std::optional<long long> date_to_epoch(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
  }
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)),
      d = std::stoi(date.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970) return std::nullopt;
  // Days from civil (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  y -= m <= 2;
  long long era = y / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + doe - 719468) * 86400;
}

WorkbookModel build_workbook_model(const WorkbookSpec& spec, const WorkbookData& data) {
  WorkbookModel model;
  PlaceholderValues values = placeholder_values(data);
  model.output = spec.output;
  model.font = spec.font;
  model.formats = spec.formats;
  auto fill = [&](const std::string& text) { return fill_placeholders(text, values).text; };
  const Properties& p = spec.properties;
  model.properties = {fill(p.title),    fill(p.subject),  fill(p.author),
                      fill(p.manager),  fill(p.company),  fill(p.category),
                      fill(p.keywords), fill(p.comments), 0};
  auto created = date_to_epoch(data.registry.as_of);
  if (!created) created = date_to_epoch(p.created);
  model.properties.created = created.value_or(kFallbackCreated);
  TotalRefs refs;
  for (const auto& sheet : spec.sheets)
    model.sheets.push_back(build_sheet(spec, sheet, data, values, refs));
  return model;
}

}  // namespace tenkai::workbook
