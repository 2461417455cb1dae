// Charts as native c:chart parts with their data in an embedded workbook (written by
// libxlsxwriter into the private work folder), so PowerPoint's データの編集 opens the numbers.
// One object, ChartData, names every cell range, so the formulas and the cells cannot drift.
#include <xlsxwriter.h>

#include <cstdio>

#include "renderers/pptx/slide_writer.h"
#include "renderers/pptx/static_parts.h"

namespace tenkai::renderers::pptx {
namespace {

// Column letter of the series `index` (B, C, …; A holds the categories).
std::string column_of(size_t index) {
  std::string out;
  size_t n = index + 1;
  while (n > 0) {
    out.insert(out.begin(), char('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

struct ChartData {
  const scene::Chart& chart;
  size_t rows() const { return chart.categories.size(); }
  std::string category_range() const { return "Sheet1!$A$2:$A$" + std::to_string(rows() + 1); }
  std::string name_cell(size_t s) const { return "Sheet1!$" + column_of(s + 1) + "$1"; }
  std::string value_range(size_t s) const {
    std::string col = column_of(s + 1);
    return "Sheet1!$" + col + "$2:$" + col + "$" + std::to_string(rows() + 1);
  }
};

void text_properties(XmlWriter& x, const std::string& font, double size) {
  x.open("c:txPr").leaf("a:bodyPr").leaf("a:lstStyle");
  x.open("a:p").open("a:pPr").open("a:defRPr").attr("sz", font_size_value(size));
  x.leaf("a:latin", {{"typeface", font}}).leaf("a:ea", {{"typeface", font}});
  x.close().close();
  x.leaf("a:endParaRPr", {{"lang", "ja-JP"}});
  x.close();
  x.close();
}

void series(XmlWriter& x, const ChartData& data, size_t s, const std::string& font) {
  const auto& series = data.chart.series[s];
  bool line = series.kind == "line";
  x.open("c:ser");
  x.leaf("c:idx", {{"val", std::to_string(s)}}).leaf("c:order", {{"val", std::to_string(s)}});
  x.open("c:tx").open("c:strRef");
  x.open("c:f").text(data.name_cell(s)).close();
  x.open("c:strCache").leaf("c:ptCount", {{"val", "1"}});
  x.open("c:pt").attr("idx", "0").open("c:v").text(series.name).close().close();
  x.close().close().close();
  std::string rgb = hex_color(series.color.r, series.color.g, series.color.b);
  x.open("c:spPr");
  if (line) {
    x.leaf("a:noFill");
    x.open("a:ln").attr("w", emu(2.25));
    x.open("a:solidFill").leaf("a:srgbClr", {{"val", rgb}}).close();
    x.close();
  } else {
    x.open("a:solidFill").leaf("a:srgbClr", {{"val", rgb}}).close();
  }
  x.close();
  if (line) {
    x.open("c:marker").leaf("c:symbol", {{"val", "circle"}}).leaf("c:size", {{"val", "6"}});
    x.open("c:spPr").open("a:solidFill").leaf("a:srgbClr", {{"val", rgb}}).close().close();
    x.close();
  } else {
    x.leaf("c:invertIfNegative", {{"val", "0"}});
  }
  x.open("c:dLbls");
  text_properties(x, font, 10);
  x.leaf("c:dLblPos", {{"val", line ? "t" : "outEnd"}});
  x.leaf("c:showLegendKey", {{"val", "0"}}).leaf("c:showVal", {{"val", "1"}});
  x.leaf("c:showCatName", {{"val", "0"}}).leaf("c:showSerName", {{"val", "0"}});
  x.leaf("c:showPercent", {{"val", "0"}}).leaf("c:showBubbleSize", {{"val", "0"}});
  x.close();
  x.open("c:cat").open("c:numRef");
  x.open("c:f").text(data.category_range()).close();
  x.open("c:numCache").open("c:formatCode").text("General").close();
  x.leaf("c:ptCount", {{"val", std::to_string(data.rows())}});
  for (size_t i = 0; i < data.rows(); ++i) {
    x.open("c:pt").attr("idx", static_cast<long long>(i));
    x.open("c:v").text(std::to_string(data.chart.categories[i])).close().close();
  }
  x.close().close().close();
  x.open("c:val").open("c:numRef");
  x.open("c:f").text(data.value_range(s)).close();
  x.open("c:numCache").open("c:formatCode").text("General").close();
  x.leaf("c:ptCount", {{"val", std::to_string(data.rows())}});
  for (size_t i = 0; i < data.rows() && i < series.values.size(); ++i) {
    x.open("c:pt").attr("idx", static_cast<long long>(i));
    x.open("c:v").text(format_number(series.values[i], 6)).close().close();
  }
  x.close().close().close();
  if (line) x.leaf("c:smooth", {{"val", "0"}});
  x.close();
}

std::string chart_xml(const ChartData& data, const std::string& font) {
  XmlWriter x;
  x.open("c:chartSpace").attr("xmlns:c", kNsC).attr("xmlns:a", kNsA).attr("xmlns:r", kNsR);
  x.leaf("c:date1904", {{"val", "0"}}).leaf("c:lang", {{"val", "ja-JP"}});
  x.leaf("c:roundedCorners", {{"val", "0"}});
  x.open("c:chart");
  x.leaf("c:autoTitleDeleted", {{"val", "1"}});
  x.open("c:plotArea").leaf("c:layout");
  const char* axes[] = {"50010001", "50010002"};
  bool any_bar = false, any_line = false;
  for (const auto& s : data.chart.series) (s.kind == "line" ? any_line : any_bar) = true;
  if (any_bar) {
    x.open("c:barChart")
        .leaf("c:barDir", {{"val", "col"}})
        .leaf("c:grouping", {{"val", "clustered"}});
    x.leaf("c:varyColors", {{"val", "0"}});
    for (size_t s = 0; s < data.chart.series.size(); ++s) {
      if (data.chart.series[s].kind != "line") series(x, data, s, font);
    }
    x.leaf("c:gapWidth", {{"val", "80"}});
    x.leaf("c:axId", {{"val", axes[0]}}).leaf("c:axId", {{"val", axes[1]}});
    x.close();
  }
  if (any_line) {
    x.open("c:lineChart").leaf("c:grouping", {{"val", "standard"}});
    x.leaf("c:varyColors", {{"val", "0"}});
    for (size_t s = 0; s < data.chart.series.size(); ++s) {
      if (data.chart.series[s].kind == "line") series(x, data, s, font);
    }
    x.leaf("c:marker", {{"val", "1"}});
    x.leaf("c:axId", {{"val", axes[0]}}).leaf("c:axId", {{"val", axes[1]}});
    x.close();
  }
  x.open("c:catAx").leaf("c:axId", {{"val", axes[0]}});
  x.open("c:scaling").leaf("c:orientation", {{"val", "minMax"}}).close();
  x.leaf("c:delete", {{"val", "0"}}).leaf("c:axPos", {{"val", "b"}});
  x.leaf("c:numFmt", {{"formatCode", "0\"年度\""}, {"sourceLinked", "0"}});
  x.leaf("c:majorTickMark", {{"val", "none"}}).leaf("c:minorTickMark", {{"val", "none"}});
  x.leaf("c:tickLblPos", {{"val", "nextTo"}});
  text_properties(x, font, 12);
  x.leaf("c:crossAx", {{"val", axes[1]}}).leaf("c:crosses", {{"val", "autoZero"}});
  x.leaf("c:auto", {{"val", "1"}}).leaf("c:lblAlgn", {{"val", "ctr"}});
  x.leaf("c:lblOffset", {{"val", "100"}}).leaf("c:noMultiLvlLbl", {{"val", "0"}});
  x.close();
  x.open("c:valAx").leaf("c:axId", {{"val", axes[1]}});
  x.open("c:scaling")
      .leaf("c:orientation", {{"val", "minMax"}})
      .leaf("c:min", {{"val", "0"}})
      .close();
  x.leaf("c:delete", {{"val", "0"}}).leaf("c:axPos", {{"val", "l"}});
  x.open("c:majorGridlines").open("c:spPr").open("a:ln").attr("w", emu(0.5));
  x.open("a:solidFill").leaf("a:srgbClr", {{"val", "D9D9D9"}}).close();
  x.close().close().close();
  x.leaf("c:numFmt", {{"formatCode", "General"}, {"sourceLinked", "1"}});
  x.leaf("c:majorTickMark", {{"val", "none"}}).leaf("c:minorTickMark", {{"val", "none"}});
  x.leaf("c:tickLblPos", {{"val", "nextTo"}});
  text_properties(x, font, 11);
  x.leaf("c:crossAx", {{"val", axes[0]}}).leaf("c:crosses", {{"val", "autoZero"}});
  x.leaf("c:crossBetween", {{"val", "between"}});
  x.close();
  x.close();  // plotArea
  x.open("c:legend").leaf("c:legendPos", {{"val", "t"}}).leaf("c:overlay", {{"val", "0"}});
  text_properties(x, font, 12);
  x.close();
  x.leaf("c:plotVisOnly", {{"val", "1"}}).leaf("c:dispBlanksAs", {{"val", "gap"}});
  x.close();  // chart
  text_properties(x, font, 12);
  x.open("c:externalData").attr("r:id", "rId1").leaf("c:autoUpdate", {{"val", "0"}}).close();
  x.close();
  return x.finish();
}

// The embedded workbook: categories in column A, one column per series, names in row 1.
bool chart_workbook(const ChartData& data, const std::string& path, std::string& error) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::string tmpdir = path.substr(0, path.rfind('/'));
  options.tmpdir = tmpdir.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (!book) {
    error = "cannot create the chart workbook " + path;
    return false;
  }
  lxw_doc_properties properties{};
  properties.created = 946684800;  // 2000-01-01, never the clock
  workbook_set_properties(book, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Sheet1");
  worksheet_write_string(sheet, 0, 0, "年度", nullptr);
  for (size_t i = 0; i < data.rows(); ++i)
    worksheet_write_number(sheet, lxw_row_t(i + 1), 0, data.chart.categories[i], nullptr);
  for (size_t s = 0; s < data.chart.series.size(); ++s) {
    const auto& series = data.chart.series[s];
    worksheet_write_string(sheet, 0, lxw_col_t(s + 1), series.name.c_str(), nullptr);
    for (size_t i = 0; i < data.rows() && i < series.values.size(); ++i)
      worksheet_write_number(sheet, lxw_row_t(i + 1), lxw_col_t(s + 1), series.values[i], nullptr);
  }
  lxw_error status = workbook_close(book);
  if (status != LXW_NO_ERROR) {
    error = std::string("cannot write the chart workbook: ") + lxw_strerror(status);
    return false;
  }
  return true;
}

}  // namespace

void SlideWriter::chart(const scene::Chart& chart, scene::Point offset) {
  ChartData data{chart};
  size_t number = shared_.charts.size() + 1;
  std::string font = shared_.options.theme.font_family;
  ChartFile file;
  file.xml = chart_xml(data, font);
  std::string path = shared_.options.work_dir + "/chart" + std::to_string(number) + ".xlsx";
  std::string error;
  if (!chart_workbook(data, path, error)) {
    if (shared_.error.empty()) shared_.error = error;
    return;
  }
  file.workbook = take_file(path);
  shared_.charts.push_back(std::move(file));
  std::string rid = rels_->add("chart", "../charts/chart" + std::to_string(number) + ".xml");
  scene::Rect frame = chart.box;
  frame.x += offset.x;
  frame.y += offset.y;
  open_graphic_frame(chart.role.empty() ? "Chart" : chart.role, chart.alt, frame,
                     "http://schemas.openxmlformats.org/drawingml/2006/chart");
  x_.open("c:chart").attr("xmlns:c", kNsC).attr("r:id", rid).close();
  x_.close().close();
  x_.close();
}

}  // namespace tenkai::renderers::pptx
