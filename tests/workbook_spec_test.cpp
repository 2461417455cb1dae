// Workbook spec loader: the default layout loads; every mistake is reported at its line:col,
// all at once, with "did you mean" hints.
#include "core/workbook/spec_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/workbook/data_fields.h"

#include "tests/support.h"

using namespace tenkai;
using workbook::parse_workbook_spec;

namespace {

std::vector<std::string> messages(const workbook::SpecLoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) out.push_back(format_diagnostic(d));
  return out;
}

bool has_message(const workbook::SpecLoadResult& result, const std::string& needle) {
  auto all = messages(result);
  return std::any_of(all.begin(), all.end(),
                     [&](const std::string& m) { return m.find(needle) != std::string::npos; });
}

const char* kMinimal = R"(tenkai: 1
workbook:
  output: book.xlsx
  formats:
    header: {bold: true, fill: "#DDEBF7", border: thin}
  sheets:
    - name: 波及状況
      tables:
        - data: spread_matrix
          header_format: header
          columns:
            - {field: label, header: 開催地域}
            - {field: years, header: "{year}年度"}
            - {field: first_year, header: 初年度, hidden: true}
          totals:
            - {kind: active, label: 開催地域数}
            - {kind: cumulative, label: 累計}
)";

}  // namespace

TEST_CASE("the default ministry-report layout loads without diagnostics") {
  auto result = workbook::load_workbook_spec(testing::source_path("layouts/ministry-report.yaml"));
  for (const auto& m : messages(result)) MESSAGE(m);
  REQUIRE(result.spec);
  CHECK(result.diagnostics.items().empty());
  CHECK(result.spec->output == "ministry-report.xlsx");
  REQUIRE(result.spec->sheets.size() == 7);
  CHECK(result.spec->sheets[0].name == "波及状況");
  CHECK(result.spec->sheets[4].name == "集計");
  CHECK(result.spec->sheets[4].charts.size() == 1);
  CHECK(result.spec->sheets[5].name == "都道府県別");
  CHECK(result.spec->sheets[5].tables.at(0).data == workbook::DataSource::prefecture_summary);
}

TEST_CASE("a minimal spec becomes the model it describes") {
  auto result = parse_workbook_spec(kMinimal, "min.yaml");
  REQUIRE(result.spec);
  const auto& spec = *result.spec;
  REQUIRE(spec.formats.size() == 1);
  CHECK(spec.formats[0].bold);
  CHECK(*spec.formats[0].fill == 0xDDEBF7u);
  CHECK(spec.formats[0].border == workbook::Border::thin);
  const auto& table = spec.sheets[0].tables[0];
  CHECK(table.data == workbook::DataSource::spread_matrix);
  REQUIRE(table.columns.size() == 3);
  CHECK(table.columns[1].field == "years");
  CHECK(table.columns[2].hidden);
  CHECK(table.totals[1].kind == workbook::TotalKind::cumulative);
}

TEST_CASE("misspelt keys, fields, formats and placeholders are all reported with positions") {
  const char* text = R"(tenkai: 1
workbook:
  output: book.xlsx
  formats:
    header: {bold: true, colour: red}
  sheets:
    - name: 一覧
      autofiltre: true
      tables:
        - data: sesions
          columns:
            - {field: label}
        - data: sessions
          header_format: haeder
          columns:
            - {field: fiscal_yaer, header: "{titl}"}
)";
  auto result = parse_workbook_spec(text, "bad.yaml");
  CHECK_FALSE(result.spec);
  for (const auto& m : messages(result)) MESSAGE(m);
  CHECK(has_message(result, "bad.yaml:5:26: error: unknown key 'colour' in format 'header'"));
  CHECK(has_message(
      result,
      "bad.yaml:8:7: error: unknown key 'autofiltre' in a sheet (did you mean 'autofilter'?)"));
  CHECK(has_message(result,
                    "bad.yaml:10:17: error: unknown data 'sesions' (did you mean 'sessions'?)"));
  CHECK(has_message(result,
                    "bad.yaml:14:26: error: unknown format 'haeder' (did you mean 'header'?)"));
  CHECK(has_message(result,
                    "bad.yaml:16:23: error: unknown field of sessions 'fiscal_yaer' (did you mean "
                    "'fiscal_year'?)"));
  CHECK(has_message(
      result, "bad.yaml:16:44: error: unknown placeholder '{titl}' (did you mean '{title}'?)"));
  CHECK(result.diagnostics.error_count() == 6);
}

TEST_CASE("a key given twice is an error at the second, naming the first") {
  const char* text = R"(tenkai: 1
workbook:
  output: a.xlsx
  sheets:
    - name: 一覧
      name: 概要
      tables:
        - data: sessions
          columns:
            - {field: label}
  output: b.xlsx
)";
  auto result = parse_workbook_spec(text, "twice.yaml");
  CHECK_FALSE(result.spec);
  for (const auto& m : messages(result)) MESSAGE(m);
  CHECK(has_message(
      result, "twice.yaml:6:7: error: duplicate key 'name' in a sheet (first given at line 5)"));
  CHECK(has_message(
      result,
      "twice.yaml:11:3: error: duplicate key 'output' in 'workbook' (first given at line 3)"));
}

TEST_CASE("structural rules: version, output, sheet names, totals, charts") {
  const char* text = R"(tenkai: 2
workbook:
  output: out/book.pdf
  sheets:
    - name: "a:b"
      tables:
        - data: spread_matrix
          columns:
            - {field: label, width: wide}
          totals:
            - {kind: new}
    - name: 集計
      tables:
        - data: yearly_totals
          columns:
            - {field: year}
            - {field: new}
      charts:
        - {type: pie, categories: year, series: [{field: cumulative}], anchor: 7F}
    - name: 集計
      tables:
        - data: about
          columns:
            - {field: label}
)";
  auto result = parse_workbook_spec(text, "s.yaml");
  CHECK_FALSE(result.spec);
  for (const auto& m : messages(result)) MESSAGE(m);
  CHECK(has_message(result, "s.yaml:1:9: error: unsupported format version 2"));
  CHECK(has_message(result, "s.yaml:3:11: error: 'output' must be a file name ending in .xlsx"));
  CHECK(has_message(result, "s.yaml:5:13: error: sheet name 'a:b' is not allowed"));
  CHECK(has_message(
      result, "s.yaml:9:37: error: 'width' (a number of characters or auto) must be a number"));
  CHECK(has_message(result, "s.yaml:11:15: error: totals need a column with field: years"));
  CHECK(has_message(result, "s.yaml:11:15: error: the 'new' total counts first years"));
  CHECK(has_message(result, "s.yaml:19:18: error: unknown chart type 'pie'"));
  CHECK(has_message(result, "s.yaml:19:58: error: the chart's table has no column 'cumulative'"));
  CHECK(has_message(result, "s.yaml:19:80: error: 'anchor' must be a cell such as F2"));
  CHECK(has_message(result, "s.yaml:20:13: error: duplicate sheet name '集計'"));
  CHECK(has_message(result, "s.yaml:22:11: error: a table with data: about needs 'rows'"));
}

TEST_CASE("malformed YAML and wrong shapes are positioned errors, never exceptions") {
  auto broken = parse_workbook_spec("tenkai: 1\nworkbook: {output: [\n", "broken.yaml");
  CHECK_FALSE(broken.spec);
  REQUIRE(broken.diagnostics.error_count() == 1);
  CHECK(broken.diagnostics.items()[0].pos.line >= 2);
  CHECK(broken.diagnostics.items()[0].message.find("invalid YAML") == 0);

  auto shapes =
      parse_workbook_spec("tenkai: 1\nworkbook:\n  output: b.xlsx\n  sheets: {a: 1}\n", "x.yaml");
  CHECK(has_message(shapes, "x.yaml:4:11: error: 'sheets' must be a list"));

  auto missing = parse_workbook_spec("workbook:\n  sheets: []\n", "m.yaml");
  CHECK(has_message(missing, "m.yaml:1:1: error: a workbook spec needs 'tenkai'"));
  CHECK(has_message(missing, "m.yaml:2:3: error: 'workbook' needs 'output'"));
  CHECK(has_message(missing, "m.yaml:2:11: error: 'sheets' must list at least one sheet"));
}

TEST_CASE("year placeholders only in a years column header") {
  const char* text = R"(tenkai: 1
workbook:
  output: b.xlsx
  sheets:
    - name: a
      tables:
        - data: sessions
          title: "{era} 一覧"
          columns:
            - {field: label, header: "{year}"}
)";
  auto result = parse_workbook_spec(text, "y.yaml");
  CHECK(has_message(
      result,
      "y.yaml:8:18: error: placeholder '{era}' is only known in the header of a 'years' column"));
  CHECK(has_message(result, "y.yaml:10:38: error: placeholder '{year}' is only known"));
}

TEST_CASE("the published JSON Schema names the same data, fields and values as the loader") {
  auto schema = nlohmann::json::parse(
      testing::read_file(testing::source_path("schemas/workbook.schema.json")));
  const auto& defs = schema["$defs"];
  std::vector<std::string> sources = defs["table"]["properties"]["data"]["enum"];
  CHECK(sources == workbook::data_source_names());
  size_t checked = 0;
  for (const auto& variant : defs["table"]["allOf"]) {
    std::string source = variant["if"]["properties"]["data"]["const"];
    std::vector<std::string> fields =
        variant["then"]["properties"]["columns"]["items"]["properties"]["field"]["enum"];
    auto parsed = workbook::parse_data_source(source);
    REQUIRE(parsed);
    CHECK(fields == workbook::field_names(*parsed));
    ++checked;
  }
  CHECK(checked == sources.size());
  std::vector<std::string> about = defs["about_row"]["properties"]["field"]["enum"];
  CHECK(about == workbook::about_value_names());
}

TEST_CASE("columns count characters, not bytes, after Japanese text; a stray comma cannot hang") {
  const char* text = R"(tenkai: 1
workbook:
  output: b.xlsx
  sheets:
    - name: 一覧
      tables:
        - data: sessions
          columns:
            - {field: label, header: 開催地域, formt: text}
)";
  auto result = parse_workbook_spec(text, "u.yaml");
  CHECK(has_message(
      result, "u.yaml:9:44: error: unknown key 'formt' in a column (did you mean 'format'?)"));

  auto comma = parse_workbook_spec("tenkai: 1\n,\n", "c.yaml");
  CHECK_FALSE(comma.spec);
  CHECK(comma.diagnostics.has_errors());
}

TEST_CASE("the fuzz corpus of workbook specs loads without crashing, errors positioned") {
  size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::source_path("fuzz/corpus/workbook"))) {
    CAPTURE(entry.path().string());
    auto result = workbook::load_workbook_spec(entry.path().string());
    CHECK(result.spec.has_value() != result.diagnostics.has_errors());
    for (const auto& d : result.diagnostics.items()) CHECK(d.pos.line > 0);
    ++files;
  }
  CHECK(files >= 3);
}

TEST_CASE("sheet names are unique regardless of ASCII case, as in Excel") {
  const char* text = R"(tenkai: 1
workbook:
  output: b.xlsx
  sheets:
    - {name: Summary, tables: [{data: about, rows: [{label: a, field: title}], columns: [{field: label}]}]}
    - {name: SUMMARY, tables: [{data: about, rows: [{label: a, field: title}], columns: [{field: label}]}]}
)";
  auto result = parse_workbook_spec(text, "c.yaml");
  CHECK(has_message(result, "c.yaml:6:14: error: duplicate sheet name 'SUMMARY'"));
}
