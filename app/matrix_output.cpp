// The spread matrix as an aligned terminal table, CSV and the JSON of CONTRACT.md §3.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app/commands.h"
#include "core/registry/fiscal_year.h"
#include "core/text/display_width.h"

namespace tenkai::app {
namespace {

using analysis::MatrixRow;
using analysis::SpreadMatrix;

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

std::string organizers_with_note(const MatrixRow& row) {
  std::string text = join(row.organizers, "・");
  if (!row.note.empty()) text += (text.empty() ? "" : " ") + row.note;
  return text;
}

std::string cell_text(const MatrixRow& row, int year) {
  auto it = row.cells.find(year);
  if (it == row.cells.end()) return "";
  std::string text = it->second.sessions > 1 ? "●×" + std::to_string(it->second.sessions) : "●";
  for (const auto& note : it->second.notes) text += " " + note;
  return text;
}

std::string pad(const std::string& text, size_t width) {
  size_t w = display_width(text);
  return text + std::string(width > w ? width - w : 0, ' ');
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string render_table(const std::vector<std::vector<std::string>>& table) {
  std::vector<size_t> widths;
  for (const auto& line : table) {
    widths.resize(std::max(widths.size(), line.size()), 0);
    for (size_t c = 0; c < line.size(); ++c)
      widths[c] = std::max(widths[c], display_width(line[c]));
  }
  std::string out;
  for (const auto& line : table) {
    std::string text;
    for (size_t c = 0; c < line.size(); ++c) text += (c ? "  " : "") + pad(line[c], widths[c]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

}  // namespace

size_t display_width(const std::string& text) {
  return static_cast<size_t>(text::text_display_width(text));
}

std::string matrix_as_text(const registry::Registry& reg, const SpreadMatrix& matrix) {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header = {"開催地域", "主催"};
  for (int year : matrix.years) header.push_back(registry::western_year_label(year));
  table.push_back(header);
  for (const auto& row : matrix.rows) {
    std::vector<std::string> line = {row.label, organizers_with_note(row)};
    for (int year : matrix.years) line.push_back(cell_text(row, year));
    table.push_back(line);
  }
  const std::pair<const char*, const std::map<int, int>*> totals[] = {
      {"開催地域数", &matrix.active}, {"新規", &matrix.new_regions}, {"累計", &matrix.cumulative}};
  for (const auto& [name, values] : totals) {
    std::vector<std::string> line = {name, ""};
    for (int year : matrix.years) line.push_back(std::to_string(values->at(year)));
    table.push_back(line);
  }
  std::string out = reg.title.empty() ? "" : reg.title + "\n";
  out += render_table(table);
  if (!matrix.caveat.empty()) out += "※" + matrix.caveat + "\n";
  return out;
}

std::string matrix_as_csv(const registry::Registry& reg, const SpreadMatrix& matrix) {
  return matrix_as_csv(reg, matrix, false);
}

std::string matrix_as_csv(const registry::Registry&, const SpreadMatrix& matrix, bool excel) {
  std::string out =
      excel ? "地域ID,開催地域,主催,備考,初年度" : "region,label,organizers,note,first_year";
  for (int year : matrix.years)
    out += "," + (excel ? registry::western_year_label(year) : std::to_string(year));
  out += excel ? ",年度別の備考\n" : ",cell_notes\n";
  for (const auto& row : matrix.rows) {
    out += csv_field(row.region) + "," + csv_field(row.label) + "," +
           csv_field(join(row.organizers, "・")) + "," + csv_field(row.note) + "," +
           std::to_string(row.first_year);
    std::vector<std::string> notes;
    for (int year : matrix.years) {
      auto it = row.cells.find(year);
      out += ",";
      if (it == row.cells.end()) continue;
      out += std::to_string(it->second.sessions);
      for (const auto& note : it->second.notes) notes.push_back(std::to_string(year) + ":" + note);
    }
    out += "," + csv_field(join(notes, "; ")) + "\n";
  }
  const std::pair<const char*, const std::map<int, int>*> totals[] = {
      {excel ? "開催地域数" : "total:active", &matrix.active},
      {excel ? "新規開催地域数" : "total:new", &matrix.new_regions},
      {excel ? "累計開催地域数" : "total:cumulative", &matrix.cumulative}};
  for (const auto& [name, values] : totals) {
    out += std::string(name) + ",,,,";
    for (int year : matrix.years) out += "," + std::to_string(values->at(year));
    out += ",\n";
  }
  if (!excel) return out;
  // Japanese Excel reads a CSV as CP932 unless it starts with a UTF-8 byte order mark; CRLF
  // line ends are what it writes itself (line breaks inside quoted fields stay LF).
  std::string crlf = "\xEF\xBB\xBF";
  bool quoted = false;
  for (char c : out) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) crlf += '\r';
    crlf += c;
  }
  return crlf;
}

std::string matrix_as_json(const SpreadMatrix& matrix) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["years"] = matrix.years;
  ordered_json rows = ordered_json::array();
  for (const auto& row : matrix.rows) {
    ordered_json cells = ordered_json::object();
    for (const auto& [year, cell] : row.cells) {
      cells[std::to_string(year)] = {{"sessions", cell.sessions}, {"notes", cell.notes}};
    }
    rows.push_back({{"region", row.region},
                    {"label", row.label},
                    {"organizers", row.organizers},
                    {"note", row.note},
                    {"first_year", row.first_year},
                    {"cells", cells}});
  }
  doc["rows"] = rows;
  auto totals = [&](const std::map<int, int>& values) {
    ordered_json object = ordered_json::object();
    for (int year : matrix.years) object[std::to_string(year)] = values.at(year);
    return object;
  };
  doc["totals"] = {{"active", totals(matrix.active)},
                   {"new", totals(matrix.new_regions)},
                   {"cumulative", totals(matrix.cumulative)}};
  doc["caveat"] = matrix.caveat;
  return doc.dump(2) + "\n";
}

}  // namespace tenkai::app
