// The workbook spec loader: one pass over the YAML that builds the model and reports every
// problem at its node, then cross-checks of names (formats, fields, chart columns).
#include "core/workbook/spec_loader.h"
#include "core/registry/diagnostic_order.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/registry/yaml_document.h"
#include "core/text/utf8.h"
#include "core/workbook/data_fields.h"
#include "core/workbook/placeholders.h"
#include "core/workbook/yaml_reader.h"

namespace tenkai::workbook {

std::optional<std::pair<int, int>> parse_cell_ref(const std::string& ref) {
  size_t i = 0;
  int col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + (ref[i++] - 'A' + 1);
  if (col == 0 || i == ref.size() || ref[i] == '0') return std::nullopt;
  long row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || row > 1048576) return std::nullopt;
    row = row * 10 + (ref[i] - '0');
  }
  if (row < 1 || row > 1048576 || col > 16384) return std::nullopt;
  return std::pair<int, int>{static_cast<int>(row - 1), col - 1};
}

namespace {

constexpr size_t kMaxPrintHeaderCharacters = 255;

const std::vector<std::string> kRootKeys = {"tenkai", "workbook"};
const std::vector<std::string> kWorkbookKeys = {"output", "font", "properties", "formats",
                                                "sheets"};
const std::vector<std::string> kPropertyKeys = {"title",    "subject",  "author",
                                                "manager",  "company",  "category",
                                                "keywords", "comments", "created"};
const std::vector<std::string> kFormatKeys = {
    "bold", "italic", "wrap",  "font_size", "font_name",    "font_color",
    "fill", "border", "align", "valign",    "number_format"};
const std::vector<std::string> kSheetKeys = {"name",       "tables", "freeze",
                                             "autofilter", "print",  "charts"};
const std::vector<std::string> kFreezeKeys = {"header", "columns"};
const std::vector<std::string> kPrintKeys = {"orientation",   "paper",  "fit",
                                             "repeat_header", "header", "footer"};
const std::vector<std::string> kTableKeys = {
    "data",       "title",          "title_format",   "header_format",   "columns",
    "totals",     "totals_format",  "footnote",       "footnote_format", "rows",
    "mark",       "count_sessions", "note_separator", "list_separator",  "gap_after",
    "prefectures"};
const std::vector<std::string> kColumnKeys = {"field",  "header", "width", "min_width", "max_width",
                                              "format", "hidden", "yes",   "no"};
const std::vector<std::string> kTotalKeys = {"kind", "label"};
const std::vector<std::string> kTotalKinds = {"active", "new", "cumulative", "sum"};
const std::vector<std::string> kAboutRowKeys = {"label", "field", "text"};
const std::vector<std::string> kChartKeys = {"type",  "title",      "x_title", "y_title",
                                             "table", "categories", "series",  "anchor",
                                             "width", "height"};
const std::vector<std::string> kSeriesKeys = {"field", "name", "color"};
const std::vector<std::string> kChartTypes = {"column", "bar", "line", "area"};
const std::vector<std::string> kBorders = {"none",   "thin",   "medium", "thick",
                                           "dashed", "dotted", "double", "hair"};
const std::vector<std::string> kAligns = {"none", "left", "center", "right"};
const std::vector<std::string> kVAligns = {"none", "top", "center", "bottom"};
const std::vector<std::string> kPapers = {"a4", "a3", "b4", "b5", "letter"};
const std::vector<std::string> kOrientations = {"portrait", "landscape"};
const std::vector<std::string> kFits = {"none", "width", "page"};

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

size_t utf8_length(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class SpecParser {
 public:
  SpecParser(const std::string& path, const registry::yaml::SourceMap& source,
             Diagnostics& diagnostics)
      : in_(path, source, diagnostics), spec_{} {
    spec_.path = path;
  }

  void parse_root(const YAML::Node& root) {
    if (!in_.expect_map(root, "a workbook spec")) return;
    in_.check_keys(root, kRootKeys, "the spec's top level");
    if (auto v = root["tenkai"]) {
      if (auto version = in_.integer(v, "'tenkai' (format version)", 1, 1000);
          version && *version != 1)
        in_.error(v, "unsupported format version " + std::to_string(*version),
                  "this tenkai reads 1");
    } else {
      in_.missing(root, "tenkai", "a workbook spec");
    }
    auto book = root["workbook"];
    if (!book) {
      in_.missing(root, "workbook", "a workbook spec");
      return;
    }
    if (!in_.expect_map(book, "'workbook'")) return;
    in_.check_keys(book, kWorkbookKeys, "'workbook'");
    parse_output(book);
    if (book["font"]) spec_.font = opt_text(book, "font", "'font'", false);
    if (auto p = book["properties"]) parse_properties(p);
    if (auto f = book["formats"]) parse_formats(f);
    if (auto s = book["sheets"]) {
      parse_sheets(s);
    } else {
      in_.missing(book, "sheets", "'workbook'");
    }
  }

  WorkbookSpec take() { return std::move(spec_); }

 private:
  std::string opt_text(const YAML::Node& map, const char* key, const std::string& what,
                       bool placeholders = true) {
    auto node = map[key];
    if (!node) return {};
    auto value = in_.text(node, what);
    if (!value) return {};
    if (placeholders) check_placeholders(node, *value, false);
    return *value;
  }

  void check_placeholders(const YAML::Node& node, const std::string& text, bool year_allowed) {
    for (const auto& ref : find_placeholders(text)) {
      if (ref.name.empty()) {
        in_.error(node, "unclosed '{' in text", "write '{{' for a literal brace");
        continue;
      }
      std::vector<std::string> known = placeholder_names();
      bool is_year = false;
      for (const auto& name : year_placeholder_names()) is_year = is_year || name == ref.name;
      if (year_allowed) {
        known.insert(known.end(), year_placeholder_names().begin(), year_placeholder_names().end());
      }
      if (std::find(known.begin(), known.end(), ref.name) != known.end()) continue;
      if (is_year) {
        in_.error(node, "placeholder '{" + ref.name + "}' is only known in the header of a '" +
                            kYearsField + "' column");
        continue;
      }
      std::string suggestion = closest_match(ref.name, known);
      in_.error(node, "unknown placeholder '{" + ref.name + "}'",
                suggestion.empty() ? "known: " + list_names(known)
                                   : "did you mean '{" + suggestion + "}'?");
    }
  }

  void parse_output(const YAML::Node& book) {
    auto node = book["output"];
    if (!node) {
      in_.missing(book, "output", "'workbook'");
      return;
    }
    auto name = in_.text(node, "'output'");
    if (!name) return;
    bool plain = !name->empty() && name->find('/') == std::string::npos &&
                 name->find('\\') == std::string::npos && *name != "." && *name != "..";
    if (!plain || name->size() < 6 || name->substr(name->size() - 5) != ".xlsx") {
      in_.error(node, "'output' must be a file name ending in .xlsx, without folders");
      return;
    }
    spec_.output = *name;
  }

  void parse_properties(const YAML::Node& node) {
    if (!in_.expect_map(node, "'properties'")) return;
    in_.check_keys(node, kPropertyKeys, "'properties'");
    auto& p = spec_.properties;
    p.title = opt_text(node, "title", "'title'");
    p.subject = opt_text(node, "subject", "'subject'");
    p.author = opt_text(node, "author", "'author'");
    p.manager = opt_text(node, "manager", "'manager'");
    p.company = opt_text(node, "company", "'company'");
    p.category = opt_text(node, "category", "'category'");
    p.keywords = opt_text(node, "keywords", "'keywords'");
    p.comments = opt_text(node, "comments", "'comments'");
    if (auto created = node["created"]) {
      auto text = in_.text(created, "'created'");
      if (text && !is_date(*text))
        in_.error(created, "'created' must be a date YYYY-MM-DD");
      else if (text)
        p.created = *text;
    }
  }

  void parse_formats(const YAML::Node& node) {
    if (!in_.expect_map(node, "'formats'")) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
      auto name = in_.text(it->first, "a format name");
      if (!name) continue;
      FormatSpec format;
      format.name = *name;
      format.pos = in_.pos(it->first);
      YAML::Node body = it->second;  // a copy: `it->` returns a temporary proxy
      std::string what = "format '" + *name + "'";
      if (!in_.expect_map(body, what)) continue;
      in_.check_keys(body, kFormatKeys, what);
      if (auto v = body["bold"]) format.bold = in_.boolean(v, "'bold'").value_or(false);
      if (auto v = body["italic"]) format.italic = in_.boolean(v, "'italic'").value_or(false);
      if (auto v = body["wrap"]) format.wrap = in_.boolean(v, "'wrap'").value_or(false);
      if (auto v = body["font_size"]) format.font_size = in_.number(v, "'font_size'", 1, 409);
      format.font_name = opt_text(body, "font_name", "'font_name'", false);
      if (auto v = body["font_color"]) format.font_color = in_.color(v, "'font_color'");
      if (auto v = body["fill"]) format.fill = in_.color(v, "'fill'");
      if (auto v = body["border"]) {
        if (auto b = in_.choice(v, "border", kBorders)) format.border = static_cast<Border>(*b);
      }
      if (auto v = body["align"]) {
        if (auto a = in_.choice(v, "alignment", kAligns)) format.align = static_cast<Align>(*a);
      }
      if (auto v = body["valign"]) {
        if (auto a = in_.choice(v, "vertical alignment", kVAligns))
          format.valign = static_cast<VAlign>(*a);
      }
      format.number_format = opt_text(body, "number_format", "'number_format'", false);
      spec_.formats.push_back(std::move(format));
    }
  }

  void parse_sheets(const YAML::Node& node) {
    if (!in_.expect_sequence(node, "'sheets'")) return;
    if (node.size() == 0) in_.error(node, "'sheets' must list at least one sheet");
    std::set<std::string> names;
    for (const auto& item : node) {
      SheetSpec sheet;
      sheet.pos = in_.pos(item);
      if (!in_.expect_map(item, "a sheet")) continue;
      in_.check_keys(item, kSheetKeys, "a sheet");
      if (auto v = item["name"]) {
        if (auto name = in_.text(v, "a sheet's 'name'")) {
          sheet.name = *name;
          if (name->empty() || utf8_length(*name) > 31 ||
              name->find_first_of("[]:*?/\\") != std::string::npos || name->front() == '\'') {
            in_.error(v, "sheet name '" + *name +
                             "' is not allowed in Excel (1 to 31 characters, none of []:*?/\\)");
          } else if (!names.insert(ascii_lower(*name)).second) {  // Excel ignores ASCII case
            in_.error(v, "duplicate sheet name '" + *name + "'");
          }
        }
      } else {
        in_.missing(item, "name", "a sheet");
      }
      if (auto v = item["tables"]) {
        parse_tables(v, sheet);
      } else {
        in_.missing(item, "tables", sheet.name.empty() ? "a sheet" : "sheet '" + sheet.name + "'");
      }
      if (auto v = item["freeze"]) parse_freeze(v, sheet);
      if (auto v = item["autofilter"])
        sheet.autofilter = in_.boolean(v, "'autofilter'").value_or(false);
      if (auto v = item["print"]) parse_print(v, sheet.print);
      if (auto v = item["charts"]) parse_charts(v, sheet);
      spec_.sheets.push_back(std::move(sheet));
    }
  }

  void parse_freeze(const YAML::Node& node, SheetSpec& sheet) {
    if (!in_.expect_map(node, "'freeze'")) return;
    in_.check_keys(node, kFreezeKeys, "'freeze'");
    if (auto v = node["header"]) sheet.freeze_header = in_.boolean(v, "'header'").value_or(false);
    if (auto v = node["columns"])
      sheet.freeze_columns = in_.integer(v, "'columns'", 0, 100).value_or(0);
  }

  void parse_print(const YAML::Node& node, PrintSpec& print) {
    if (!in_.expect_map(node, "'print'")) return;
    in_.check_keys(node, kPrintKeys, "'print'");
    if (auto v = node["orientation"]) {
      if (auto o = in_.choice(v, "orientation", kOrientations)) print.landscape = *o == 1;
    }
    if (auto v = node["paper"]) {
      if (auto p = in_.choice(v, "paper size", kPapers)) print.paper = static_cast<Paper>(*p);
    }
    if (auto v = node["fit"]) {
      if (auto f = in_.choice(v, "fit", kFits)) {
        print.fit_width = *f >= 1;
        print.fit_page = *f == 2;
      }
    }
    if (auto v = node["repeat_header"])
      print.repeat_header = in_.boolean(v, "'repeat_header'").value_or(false);
    print.header = opt_text(node, "header", "'header'");
    print.footer = opt_text(node, "footer", "'footer'");
    // Excel keeps at most 255 characters of a print header or footer and drops longer ones.
    for (const char* key : {"header", "footer"}) {
      const std::string& value = std::string(key) == "header" ? print.header : print.footer;
      if (size_t n = text::character_count(value); n > kMaxPrintHeaderCharacters) {
        in_.error(node[key], "the print " + std::string(key) + " is " + std::to_string(n) +
                                 " characters long; Excel allows at most " +
                                 std::to_string(kMaxPrintHeaderCharacters));
      }
    }
  }

  void parse_tables(const YAML::Node& node, SheetSpec& sheet) {
    if (!in_.expect_sequence(node, "'tables'")) return;
    if (node.size() == 0) in_.error(node, "'tables' must list at least one table");
    for (const auto& item : node) {
      TableSpec table;
      table.pos = in_.pos(item);
      if (!in_.expect_map(item, "a table")) continue;
      in_.check_keys(item, kTableKeys, "a table");
      bool data_ok = false;
      if (auto v = item["data"]) {
        if (auto d = in_.choice(v, "data", data_source_names())) {
          table.data = static_cast<DataSource>(*d);
          data_ok = true;
        }
      } else {
        in_.missing(item, "data", "a table");
      }
      table.title = opt_text(item, "title", "'title'");
      table.footnote = opt_text(item, "footnote", "'footnote'");
      table.title_format = format_ref(item, "title_format");
      table.header_format = format_ref(item, "header_format");
      table.totals_format = format_ref(item, "totals_format");
      table.footnote_format = format_ref(item, "footnote_format");
      if (auto v = item["mark"]) {
        table.mark = opt_text(item, "mark", "'mark'", false);
        if (table.mark.empty()) in_.error(v, "'mark' must not be empty: the totals count it");
      }
      if (auto v = item["count_sessions"])
        table.count_sessions = in_.boolean(v, "'count_sessions'").value_or(false);
      if (item["note_separator"])
        table.note_separator = opt_text(item, "note_separator", "'note_separator'", false);
      if (item["list_separator"])
        table.list_separator = opt_text(item, "list_separator", "'list_separator'", false);
      if (auto v = item["gap_after"])
        table.gap_after = in_.integer(v, "'gap_after'", 0, 100).value_or(1);
      if (auto v = item["prefectures"]) {
        if (auto k = in_.choice(v, "'prefectures'", {"with_data", "all"}))
          table.all_prefectures = *k == 1;
        if (data_ok && table.data != DataSource::prefecture_summary)
          in_.error(v, "'prefectures' belongs to tables with data: prefecture_summary");
      }
      if (auto v = item["columns"]) {
        parse_columns(v, table, data_ok);
      } else {
        in_.missing(item, "columns", "a table");
      }
      if (auto v = item["totals"]) parse_totals(v, table, data_ok);
      if (auto v = item["rows"]) {
        parse_about_rows(v, table);
        if (data_ok && table.data != DataSource::about)
          in_.error(v, "'rows' belongs to tables with data: about");
      } else if (data_ok && table.data == DataSource::about) {
        in_.missing(item, "rows", "a table with data: about");
      }
      sheet.tables.push_back(std::move(table));
    }
  }

  std::string format_ref(const YAML::Node& map, const char* key) {
    auto node = map[key];
    if (!node) return {};
    auto name = in_.text(node, std::string("'") + key + "'");
    if (!name) return {};
    if (!spec_.find_format(*name)) {
      std::vector<std::string> names;
      for (const auto& f : spec_.formats) names.push_back(f.name);
      std::string suggestion = closest_match(*name, names);
      in_.error(node, "unknown format '" + *name + "'",
                suggestion.empty() ? (names.empty() ? "define it under workbook.formats"
                                                    : "defined: " + list_names(names))
                                   : "did you mean '" + suggestion + "'?");
      return {};
    }
    return *name;
  }

  void parse_columns(const YAML::Node& node, TableSpec& table, bool data_ok) {
    if (!in_.expect_sequence(node, "'columns'")) return;
    if (node.size() == 0) in_.error(node, "'columns' must list at least one column");
    for (const auto& item : node) {
      ColumnSpec column;
      column.pos = in_.pos(item);
      if (!in_.expect_map(item, "a column")) continue;
      in_.check_keys(item, kColumnKeys, "a column");
      if (auto v = item["field"]) {
        if (data_ok) {
          if (auto f = in_.choice(v, std::string("field of ") + to_string(table.data),
                                  field_names(table.data)))
            column.field = field_names(table.data)[*f];
        }
      } else {
        in_.missing(item, "field", "a column");
      }
      if (auto v = item["header"]) {
        if (auto h = in_.text(v, "'header'")) {
          column.header = *h;
          check_placeholders(v, *h, column.field == kYearsField);
        }
      }
      if (auto v = item["width"]) {
        if (v.IsScalar() && v.Scalar() == "auto") {
          column.auto_width = true;
        } else if (auto w = in_.number(v, "'width' (a number of characters or auto)", 0, 255)) {
          column.auto_width = false;
          column.width = *w;
        }
      }
      if (auto v = item["min_width"])
        column.min_width = in_.number(v, "'min_width'", 0, 255).value_or(4);
      if (auto v = item["max_width"])
        column.max_width = in_.number(v, "'max_width'", 0, 255).value_or(60);
      column.format = format_ref(item, "format");
      if (auto v = item["hidden"]) column.hidden = in_.boolean(v, "'hidden'").value_or(false);
      if (item["yes"]) column.yes = opt_text(item, "yes", "'yes'", false);
      if (item["no"]) column.no = opt_text(item, "no", "'no'", false);
      table.columns.push_back(std::move(column));
    }
  }

  bool has_column(const TableSpec& table, const std::string& field) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [&](const ColumnSpec& c) { return c.field == field; });
  }

  void parse_totals(const YAML::Node& node, TableSpec& table, bool data_ok) {
    if (!in_.expect_sequence(node, "'totals'")) return;
    if (data_ok && table.data != DataSource::spread_matrix &&
        table.data != DataSource::prefecture_summary) {
      in_.error(node, "'totals' belongs to tables with data: spread_matrix or prefecture_summary");
      return;
    }
    const bool summary = data_ok && table.data == DataSource::prefecture_summary;
    for (const auto& item : node) {
      TotalSpec total;
      total.pos = in_.pos(item);
      if (!in_.expect_map(item, "a total")) continue;
      in_.check_keys(item, kTotalKeys, "a total");
      if (auto v = item["kind"]) {
        if (auto k = in_.choice(v, "total kind", kTotalKinds))
          total.kind = static_cast<TotalKind>(*k);
      } else {
        in_.missing(item, "kind", "a total");
      }
      total.label = opt_text(item, "label", "'label'");
      if (summary) {
        if (item["kind"] && total.kind != TotalKind::sum)
          in_.error(item["kind"], "a prefecture_summary table's total is kind: sum");
        table.totals.push_back(std::move(total));
        continue;
      }
      if (data_ok && total.kind == TotalKind::sum) {
        in_.error(item["kind"], "kind: sum totals a prefecture_summary table");
        continue;
      }
      if (data_ok && !has_column(table, kYearsField))
        in_.error(item, "totals need a column with field: years");
      if (data_ok && total.kind != TotalKind::active && !has_column(table, "first_year"))
        in_.error(item, std::string("the '") + to_string(total.kind) +
                            "' total counts first years: add a column with field: first_year "
                            "(it may be hidden)");
      table.totals.push_back(std::move(total));
    }
  }

  void parse_about_rows(const YAML::Node& node, TableSpec& table) {
    if (!in_.expect_sequence(node, "'rows'")) return;
    for (const auto& item : node) {
      AboutRow row;
      row.pos = in_.pos(item);
      if (!in_.expect_map(item, "a row")) continue;
      in_.check_keys(item, kAboutRowKeys, "a row");
      row.label = opt_text(item, "label", "'label'");
      if (auto v = item["field"]) {
        if (auto f = in_.choice(v, "about value", about_value_names()))
          row.field = about_value_names()[*f];
      }
      if (item["text"]) row.text = opt_text(item, "text", "'text'");
      if (item["field"] && item["text"]) in_.error(item, "a row takes 'field' or 'text', not both");
      if (!item["field"] && !item["text"]) in_.error(item, "a row needs 'field' or 'text'");
      table.rows.push_back(std::move(row));
    }
  }

  void parse_charts(const YAML::Node& node, SheetSpec& sheet) {
    if (!in_.expect_sequence(node, "'charts'")) return;
    for (const auto& item : node) {
      ChartSpec chart;
      chart.pos = in_.pos(item);
      if (!in_.expect_map(item, "a chart")) continue;
      in_.check_keys(item, kChartKeys, "a chart");
      if (auto v = item["type"]) {
        if (auto t = in_.choice(v, "chart type", kChartTypes))
          chart.type = static_cast<ChartType>(*t);
      }
      chart.title = opt_text(item, "title", "'title'");
      chart.x_title = opt_text(item, "x_title", "'x_title'");
      chart.y_title = opt_text(item, "y_title", "'y_title'");
      const TableSpec* table = sheet.tables.empty() ? nullptr : &sheet.tables[0];
      if (auto v = item["table"]) {
        int count = static_cast<int>(sheet.tables.size());
        auto index = in_.integer(v, "'table' (1-based index of a table on this sheet)", 1,
                                 std::max(1, count));
        if (index && *index <= count) {
          chart.table = static_cast<size_t>(*index - 1);
          table = &sheet.tables[chart.table];
        } else {
          table = nullptr;
        }
      }
      if (table && table->data == DataSource::spread_matrix)
        in_.error(item, "charts plot tables of one row per category, such as yearly_totals");
      if (auto v = item["categories"]) {
        if (auto c = in_.text(v, "'categories'")) {
          chart.categories = *c;
          if (table) check_chart_column(v, *table, *c);
        }
      } else {
        in_.missing(item, "categories", "a chart");
      }
      if (auto v = item["series"]) {
        if (in_.expect_sequence(v, "'series'")) {
          if (v.size() == 0) in_.error(v, "'series' must list at least one series");
          for (const auto& s : v) {
            ChartSeriesSpec series;
            series.pos = in_.pos(s);
            if (!in_.expect_map(s, "a series")) continue;
            in_.check_keys(s, kSeriesKeys, "a series");
            if (auto f = s["field"]) {
              if (auto text = in_.text(f, "'field'")) {
                series.field = *text;
                if (table) check_chart_column(f, *table, *text);
              }
            } else {
              in_.missing(s, "field", "a series");
            }
            series.name = opt_text(s, "name", "'name'");
            if (auto c = s["color"]) series.color = in_.color(c, "'color'");
            chart.series.push_back(std::move(series));
          }
        }
      } else {
        in_.missing(item, "series", "a chart");
      }
      if (auto v = item["anchor"]) {
        if (auto text = in_.text(v, "'anchor'")) {
          chart.anchor = parse_cell_ref(*text);
          if (!chart.anchor) in_.error(v, "'anchor' must be a cell such as F2");
        }
      }
      if (auto v = item["width"])
        chart.width = in_.integer(v, "'width' (pixels)", 50, 4000).value_or(576);
      if (auto v = item["height"])
        chart.height = in_.integer(v, "'height' (pixels)", 50, 4000).value_or(320);
      sheet.charts.push_back(std::move(chart));
    }
  }

  void check_chart_column(const YAML::Node& node, const TableSpec& table,
                          const std::string& field) {
    std::vector<std::string> fields;
    for (const auto& c : table.columns) fields.push_back(c.field);
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) return;
    std::string suggestion = closest_match(field, fields);
    in_.error(node, "the chart's table has no column '" + field + "'",
              suggestion.empty() ? "columns: " + list_names(fields)
                                 : "did you mean '" + suggestion + "'?");
  }

  YamlReader in_;
  WorkbookSpec spec_;
};

}  // namespace

SpecLoadResult parse_workbook_spec(std::string_view text, const std::string& path) {
  SpecLoadResult result;
  registry::yaml::SourceMap source(text);
  try {
    // The registry loader's single-document checks (libyaml's, so the same messages), then
    // yaml-cpp's nodes; yaml-cpp alone would loop forever on a stray ',' at document level.
    auto root = registry::yaml::load_single_node(text, source, path, result.diagnostics);
    if (!root) return result;
    SpecParser parser(path, source, result.diagnostics);
    parser.parse_root(*root);
    if (!result.diagnostics.has_errors()) result.spec = parser.take();
    // Keys are read in a fixed order, not the file's; report in the file's order.
    result.diagnostics = tenkai::in_file_order(result.diagnostics);
  } catch (const YAML::Exception& e) {
    // yaml-cpp may still throw on odd documents (aliases, tags); keep it a positioned error.
    result.diagnostics.error(source.pos(path, e.mark), "unreadable spec: " + e.msg);
  } catch (const std::exception& e) {
    result.diagnostics.error({path, 0, 0}, std::string("unreadable spec: ") + e.what());
  }
  return result;
}

SpecLoadResult load_workbook_spec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    SpecLoadResult result;
    result.diagnostics.error({path, 0, 0}, "cannot read workbook spec");
    return result;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_workbook_spec(buffer.str(), path);
}

}  // namespace tenkai::workbook
