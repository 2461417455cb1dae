// Cells of each data source (spread matrix, sessions, classifications, yearly totals, about).
#include "core/workbook/table_cells.h"

#include <charconv>
#include <filesystem>

#include "core/analysis/prefecture_summary.h"
#include "core/registry/fiscal_year.h"
#include "core/workbook/data_fields.h"
#include "core/workbook/placeholders.h"

namespace tenkai::workbook {
namespace {

using analysis::MatrixRow;
using registry::Region;
using registry::Session;

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

Cell text_cell(std::string text) {
  Cell cell;
  if (!text.empty()) {
    cell.kind = Cell::Kind::text;
    cell.text = clip_cell_text(std::move(text));
  }
  return cell;
}

Cell number_cell(double value) {
  Cell cell;
  cell.kind = Cell::Kind::number;
  cell.number = value;
  return cell;
}

Cell optional_number(const std::optional<double>& value) {
  return value ? number_cell(*value) : Cell{};
}

// Booleans are TRUE/FALSE unless the column spells them with `yes` / `no`.
Cell boolean_cell(bool value, const ColumnSpec& column) {
  const auto& spelled = value ? column.yes : column.no;
  if (spelled) return text_cell(*spelled);
  Cell cell;
  cell.kind = Cell::Kind::boolean;
  cell.number = value ? 1 : 0;
  return cell;
}

// JIS X 0401 codes are two digits ("03" for 岩手県), as text so Excel keeps the zero.
std::string jis_prefecture_code(int code) {
  if (code <= 0) return {};
  return (code < 10 ? "0" : "") + std::to_string(code);
}

std::string year_text(int year) {
  return std::to_string(year);
}

Cell region_field(const std::string& field, const Region& region) {
  if (field == "region") return text_cell(region.id);
  if (field == "label") return text_cell(region.label);
  if (field == "name") return text_cell(region.name);
  if (field == "prefecture") return text_cell(region.prefecture);
  if (field == "level") return text_cell(registry::to_string(region.level));
  if (field == "prefecture_code") return text_cell(jis_prefecture_code(region.prefecture_code));
  if (field == "code") return text_cell(region.code);  // six digits as text, leading zero kept
  return {};
}

std::string matrix_cell_text(const analysis::MatrixCell& cell, const TableSpec& table) {
  std::string text = table.mark;
  if (table.count_sessions && cell.sessions > 1) text += "×" + std::to_string(cell.sessions);
  for (const auto& note : cell.notes) text += table.note_separator + note;
  return text;
}

void matrix_rows(const TableSpec& table, const WorkbookData& data, TableCells& out,
                 int first_data_row, int first_col) {
  const auto& matrix = data.matrix;
  // Where the year columns sit, for the live first-year formula.
  int first_year_col = -1;
  for (size_t c = 0; c < out.columns.size(); ++c) {
    if (out.columns[c].year != 0 && first_year_col < 0)
      first_year_col = first_col + static_cast<int>(c);
  }
  for (size_t r = 0; r < matrix.rows.size(); ++r) {
    const MatrixRow& row = matrix.rows[r];
    const Region& region = data.registry.regions[row.region_index];
    int sheet_row = first_data_row + static_cast<int>(r);
    std::vector<Cell> cells;
    for (const auto& column : out.columns) {
      const std::string& field = column.spec->field;
      Cell cell;
      if (column.year != 0) {
        auto it = row.cells.find(column.year);
        if (it != row.cells.end()) cell = text_cell(matrix_cell_text(it->second, table));
      } else if (field == "label") {
        cell = text_cell(row.label);
      } else if (field == "organizers") {
        cell = text_cell(join(row.organizers, table.list_separator));
      } else if (field == "note") {
        cell = text_cell(row.note);
      } else if (field == "sessions") {
        int total = 0;
        for (const auto& [year, c] : row.cells) total += c.sessions;
        cell = number_cell(total);
      } else if (field == "first_year") {
        cell = number_cell(row.first_year);
        if (first_year_col >= 0) {
          // Live: the first year column holding a mark, so edits to the marks update the totals.
          int last_year_col = first_year_col + static_cast<int>(matrix.years.size()) - 1;
          cell.kind = Cell::Kind::formula;
          cell.text = "=" + std::to_string(matrix.years.front() - 1) + "+MATCH(\"" +
                      criteria_literal(table.mark) + "*\"," + cell_name(sheet_row, first_year_col) +
                      ":" + cell_name(sheet_row, last_year_col) + ",0)";
        }
      } else {
        cell = region_field(field, region);
      }
      cell.format = column.spec->format;
      cells.push_back(std::move(cell));
    }
    out.rows.push_back(std::move(cells));
  }
}

const analysis::SessionClass* session_class(const WorkbookData& data, size_t index) {
  const auto& sessions = data.classification.sessions;
  if (index < sessions.size() && sessions[index].session_index == index) return &sessions[index];
  for (const auto& s : sessions) {
    if (s.session_index == index) return &s;
  }
  return nullptr;
}

Cell session_field(const ColumnSpec& column, const TableSpec& table, const WorkbookData& data,
                   size_t index) {
  const Session& session = data.registry.sessions[index];
  const Region& region = data.registry.regions[session.region_index];
  const analysis::SessionClass* cls = session_class(data, index);
  std::optional<registry::Function> function =
      cls ? std::optional<registry::Function>(cls->function) : session.function;
  const std::string& f = column.field;
  if (f == "fiscal_year") return number_cell(session.fiscal_year);
  if (f == "fiscal_year_western")
    return text_cell(registry::western_year_label(session.fiscal_year));
  if (f == "fiscal_year_era") return text_cell(registry::era_year_label(session.fiscal_year));
  if (f == "fiscal_year_era_short")
    return text_cell(registry::era_short_label(session.fiscal_year));
  if (f == "ordinal") return session.ordinal ? number_cell(*session.ordinal) : Cell{};
  if (f == "function") return function ? text_cell(registry::to_string(*function)) : Cell{};
  if (f == "function_name")
    return function ? text_cell(function_display_name(registry::to_string(*function))) : Cell{};
  if (f == "inferred") {
    if (cls) return boolean_cell(cls->inferred, column);
    return session.function ? boolean_cell(false, column) : Cell{};
  }
  if (f == "function_reason") return cls ? text_cell(cls->reason) : Cell{};
  if (f == "scope") return text_cell(registry::to_string(session.scope));
  if (f == "days") return optional_number(session.days);
  if (f == "hours") return optional_number(session.hours);
  if (f == "field_hours") return optional_number(session.field_hours);
  if (f == "organizers")
    return text_cell(
        join(session.organizers ? *session.organizers : region.organizers, table.list_separator));
  if (f == "note") return text_cell(session.note);
  if (f == "counted") return boolean_cell(session.counted, column);
  return region_field(f, region);
}

Cell area_field(const std::string& f, const analysis::AreaClass& area, const WorkbookData& data) {
  const Region& region = data.registry.regions[area.region_index];
  if (f == "pattern") return text_cell(analysis::to_string(area.pattern));
  if (f == "pattern_name")
    return text_cell(pattern_display_name(analysis::to_string(area.pattern)));
  if (f == "reason") return text_cell(area.reason);
  return region_field(f, region);
}

Cell prefecture_field(const std::string& f, const analysis::PrefectureClass& pref,
                      const TableSpec& table) {
  if (f == "prefecture") return text_cell(pref.prefecture);
  if (f == "code") return text_cell(jis_prefecture_code(pref.prefecture_code));
  std::vector<std::string> ids, names, reasons;
  for (const auto& r : pref.rollouts) {
    ids.push_back(analysis::to_string(r.rollout));
    names.push_back(rollout_display_name(ids.back()));
    reasons.push_back(ids.back() + ": " + r.reason);
  }
  if (f == "rollouts") return text_cell(join(ids, table.list_separator));
  if (f == "rollout_names") return text_cell(join(names, "\n"));
  if (f == "reasons") return text_cell(join(reasons, "\n"));
  if (f == "notes") return text_cell(join(pref.notes, "\n"));
  return {};
}

Cell yearly_field(const std::string& f, int year, const analysis::SpreadMatrix& m) {
  auto count = [&](const std::map<int, int>& totals) {
    auto it = totals.find(year);
    return number_cell(it == totals.end() ? 0 : it->second);
  };
  if (f == "year") return number_cell(year);
  if (f == "year_western") return text_cell(registry::western_year_label(year));
  if (f == "year_era") return text_cell(registry::era_year_label(year));
  if (f == "year_era_short") return text_cell(registry::era_short_label(year));
  if (f == "active") return count(m.active);
  if (f == "new") return count(m.new_regions);
  if (f == "cumulative") return count(m.cumulative);
  return {};
}

template <typename FieldOf>
void simple_rows(const TableCells& layout, size_t count, FieldOf field_of, TableCells& out) {
  for (size_t i = 0; i < count; ++i) {
    std::vector<Cell> cells;
    for (const auto& column : layout.columns) {
      Cell cell = field_of(*column.spec, i);
      cell.format = column.spec->format;
      cells.push_back(std::move(cell));
    }
    out.rows.push_back(std::move(cells));
  }
}

// The column index of `field` in the table, or -1.
int column_of(const TableCells& cells, const std::string& field) {
  for (size_t c = 0; c < cells.columns.size(); ++c) {
    if (cells.columns[c].spec->field == field) return static_cast<int>(c);
  }
  return -1;
}

// One row per prefecture (by JIS code); the share is a live formula over the row's counts.
void summary_rows(const TableSpec& table, const WorkbookData& data, TableCells& out,
                  int first_data_row, int first_col) {
  const analysis::PrefectureSummary summary =
      analysis::summarize_prefectures(data.registry, data.matrix);
  const int covered = column_of(out, "covered"), total = column_of(out, "municipalities");
  int row = first_data_row;
  for (const auto& item : summary.rows) {
    if (!table.all_prefectures && item.regions == 0) continue;
    std::vector<Cell> cells;
    for (const auto& column : out.columns) {
      const std::string& f = column.spec->field;
      Cell cell;
      if (f == "prefecture") cell = text_cell(item.prefecture);
      if (f == "code") cell = text_cell(jis_prefecture_code(item.code));
      if (f == "regions") cell = number_cell(item.regions);
      if (f == "covered") cell = number_cell(item.covered);
      if (f == "municipalities") cell = number_cell(item.municipalities);
      if (f == "first_year" && item.first_year) cell = number_cell(item.first_year);
      if (f == "first_year_western" && item.first_year)
        cell = text_cell(registry::western_year_label(item.first_year));
      if (f == "share") {
        cell = number_cell(item.share());
        if (covered >= 0 && total >= 0) {
          const std::string part = cell_name(row, first_col + covered);
          const std::string whole = cell_name(row, first_col + total);
          cell.kind = Cell::Kind::formula;  // the cached number stays the computed share
          cell.text = "=IF(" + whole + ">0," + part + "/" + whole + ",0)";
        }
      }
      cell.format = column.spec->format;
      cells.push_back(std::move(cell));
    }
    out.rows.push_back(std::move(cells));
    ++row;
  }
}

}  // namespace

std::string criteria_literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"')
      out += "\"\"";
    else if (c == '*' || c == '?' || c == '~')
      (out += '~') += c;
    else
      out += c;
  }
  return out;
}

PlaceholderValues placeholder_values(const WorkbookData& data) {
  const auto& reg = data.registry;
  const auto& years = data.matrix.years;
  return {{"title", reg.title},
          {"as_of", reg.as_of},
          {"caveat", data.matrix.caveat},  // with the period written in
          {"version", data.version},
          {"registry_file", std::filesystem::path(reg.path).filename().string()},
          {"registry_sha256", data.registry_sha256},
          {"first_year", years.empty() ? std::string() : year_text(years.front())},
          {"last_year", years.empty() ? std::string() : year_text(years.back())},
          {"regions", std::to_string(data.matrix.rows.size())},
          {"sessions", std::to_string(reg.sessions.size())},
          {"period_ja",
           years.empty() ? std::string()
           : years.front() == years.back()
               ? registry::western_year_label(years.back())
               : year_text(years.front()) + "～" + registry::western_year_label(years.back())}};
}

TableCells table_cells(const TableSpec& table, const WorkbookData& data,
                       const PlaceholderValues& values, int first_data_row, int first_col) {
  TableCells out;
  for (const auto& column : table.columns) {
    if (column.field == kYearsField) {
      for (int year : data.matrix.years) {
        PlaceholderValues with_year = values;
        with_year["year"] = year_text(year);
        with_year["western"] = registry::western_year_label(year);
        with_year["era"] = registry::era_year_label(year);
        with_year["era_short"] = registry::era_short_label(year);
        std::string header = column.header.empty()
                                 ? registry::western_year_label(year)
                                 : fill_placeholders(column.header, with_year).text;
        out.columns.push_back({&column, year, header});
      }
    } else {
      out.columns.push_back({&column, 0, fill_placeholders(column.header, values).text});
    }
  }
  switch (table.data) {
    case DataSource::spread_matrix:
      matrix_rows(table, data, out, first_data_row, first_col);
      break;
    case DataSource::sessions:
      simple_rows(
          out, data.registry.sessions.size(),
          [&](const ColumnSpec& c, size_t i) { return session_field(c, table, data, i); }, out);
      break;
    case DataSource::areas:
      simple_rows(
          out, data.classification.areas.size(),
          [&](const ColumnSpec& c, size_t i) {
            return area_field(c.field, data.classification.areas[i], data);
          },
          out);
      break;
    case DataSource::prefectures:
      simple_rows(
          out, data.classification.prefectures.size(),
          [&](const ColumnSpec& c, size_t i) {
            return prefecture_field(c.field, data.classification.prefectures[i], table);
          },
          out);
      break;
    case DataSource::yearly_totals:
      simple_rows(
          out, data.matrix.years.size(),
          [&](const ColumnSpec& c, size_t i) {
            return yearly_field(c.field, data.matrix.years[i], data.matrix);
          },
          out);
      break;
    case DataSource::prefecture_summary:
      summary_rows(table, data, out, first_data_row, first_col);
      break;
    case DataSource::about:
      simple_rows(
          out, table.rows.size(),
          [&](const ColumnSpec& c, size_t i) {
            const AboutRow& row = table.rows[i];
            if (c.field == "label") return text_cell(row.label);
            if (!row.field.empty()) {
              auto it = values.find(row.field);
              return text_cell(it == values.end() ? std::string() : it->second);
            }
            return text_cell(fill_placeholders(row.text, values).text);
          },
          out);
      break;
  }
  return out;
}

}  // namespace tenkai::workbook
