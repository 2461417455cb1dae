// libxlsxwriter backend: formats, cells (formulas with cached values), columns, panes, print
// setup, charts and fixed document properties.
#include "renderers/xlsx/xlsx_writer.h"

#include <xlsxwriter.h>

#include <map>

namespace tenkai::renderers {
namespace {

using workbook::Cell;
using workbook::ChartType;
using workbook::FormatSpec;

uint8_t border_style(workbook::Border border) {
  switch (border) {
    case workbook::Border::none:
      return LXW_BORDER_NONE;
    case workbook::Border::thin:
      return LXW_BORDER_THIN;
    case workbook::Border::medium:
      return LXW_BORDER_MEDIUM;
    case workbook::Border::thick:
      return LXW_BORDER_THICK;
    case workbook::Border::dashed:
      return LXW_BORDER_DASHED;
    case workbook::Border::dotted:
      return LXW_BORDER_DOTTED;
    case workbook::Border::double_line:
      return LXW_BORDER_DOUBLE;
    case workbook::Border::hair:
      return LXW_BORDER_HAIR;
  }
  return LXW_BORDER_NONE;
}

lxw_format* make_format(lxw_workbook* book, const FormatSpec& spec) {
  lxw_format* format = workbook_add_format(book);
  if (spec.bold) format_set_bold(format);
  if (spec.italic) format_set_italic(format);
  if (spec.wrap) format_set_text_wrap(format);
  if (spec.font_size) format_set_font_size(format, *spec.font_size);
  if (!spec.font_name.empty()) format_set_font_name(format, spec.font_name.c_str());
  if (spec.font_color) format_set_font_color(format, *spec.font_color);
  if (spec.fill) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_bg_color(format, *spec.fill);
  }
  if (spec.border != workbook::Border::none) format_set_border(format, border_style(spec.border));
  switch (spec.align) {
    case workbook::Align::left:
      format_set_align(format, LXW_ALIGN_LEFT);
      break;
    case workbook::Align::center:
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case workbook::Align::right:
      format_set_align(format, LXW_ALIGN_RIGHT);
      break;
    case workbook::Align::none:
      break;
  }
  switch (spec.valign) {
    case workbook::VAlign::top:
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
      break;
    case workbook::VAlign::center:
      format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
      break;
    case workbook::VAlign::bottom:
      format_set_align(format, LXW_ALIGN_VERTICAL_BOTTOM);
      break;
    case workbook::VAlign::none:
      break;
  }
  if (!spec.number_format.empty()) format_set_num_format(format, spec.number_format.c_str());
  return format;
}

uint8_t paper_code(workbook::Paper paper) {
  switch (paper) {
    case workbook::Paper::a4:
      return 9;
    case workbook::Paper::a3:
      return 8;
    case workbook::Paper::b4:
      return 12;
    case workbook::Paper::b5:
      return 13;
    case workbook::Paper::letter:
      return 1;
  }
  return 9;
}

uint8_t chart_type(ChartType type) {
  switch (type) {
    case ChartType::column:
      return LXW_CHART_COLUMN;
    case ChartType::bar:
      return LXW_CHART_BAR;
    case ChartType::line:
      return LXW_CHART_LINE;
    case ChartType::area:
      return LXW_CHART_AREA;
  }
  return LXW_CHART_COLUMN;
}

// libxlsxwriter copies the strings; empty ones are left out of the document properties.
char* c_text(const std::string& text) {
  return text.empty() ? nullptr : const_cast<char*>(text.c_str());
}

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const Cell& cell,
                     lxw_format* format) {
  switch (cell.kind) {
    case Cell::Kind::blank:
      return format ? worksheet_write_blank(sheet, row, col, format) : LXW_NO_ERROR;
    case Cell::Kind::text:
      return worksheet_write_string(sheet, row, col, cell.text.c_str(), format);
    case Cell::Kind::number:
      return worksheet_write_number(sheet, row, col, cell.number, format);
    case Cell::Kind::boolean:
      return worksheet_write_boolean(sheet, row, col, cell.number != 0, format);
    case Cell::Kind::formula:
      return worksheet_write_formula_num(sheet, row, col, cell.text.c_str(), format, cell.number);
  }
  return LXW_NO_ERROR;
}

void add_chart(lxw_workbook* book, lxw_worksheet* sheet, const std::string& sheet_name,
               const workbook::ChartModel& model) {
  lxw_chart* chart = workbook_add_chart(book, chart_type(model.type));
  for (const auto& s : model.series) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet_name.c_str(), model.categories.first_row,
                                model.categories.first_col, model.categories.last_row,
                                model.categories.last_col);
    chart_series_set_values(series, sheet_name.c_str(), s.values.first_row, s.values.first_col,
                            s.values.last_row, s.values.last_col);
    chart_series_set_name(series, s.name.c_str());
    if (s.color) {
      if (model.type == ChartType::line) {
        lxw_chart_line line{};
        line.color = *s.color;
        line.width = 2.25;
        chart_series_set_line(series, &line);
      } else {
        lxw_chart_fill fill{};
        fill.color = *s.color;
        chart_series_set_fill(series, &fill);
      }
    }
  }
  if (!model.title.empty()) chart_title_set_name(chart, model.title.c_str());
  if (!model.x_title.empty()) chart_axis_set_name(chart->x_axis, model.x_title.c_str());
  if (!model.y_title.empty()) chart_axis_set_name(chart->y_axis, model.y_title.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options options{};
  options.x_scale = model.width / 480.0;  // libxlsxwriter's default chart is 480 × 288 px
  options.y_scale = model.height / 288.0;
  worksheet_insert_chart_opt(sheet, model.row, model.col, chart, &options);
}

bool write_sheet(lxw_workbook* book, const workbook::SheetModel& model,
                 const std::map<std::string, lxw_format*>& formats, std::string& error) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, model.name.c_str());
  if (!sheet) {
    error = "cannot add sheet '" + model.name + "'";
    return false;
  }
  auto format_of = [&](const std::string& name) -> lxw_format* {
    auto it = formats.find(name);
    return it == formats.end() ? nullptr : it->second;
  };
  for (size_t c = 0; c < model.columns.size(); ++c) {
    lxw_row_col_options options{};
    options.hidden = model.columns[c].hidden ? 1 : 0;
    worksheet_set_column_opt(sheet, c, c, model.columns[c].width, nullptr, &options);
  }
  for (const auto& [row, height] : model.row_heights)
    worksheet_set_row(sheet, row, height, nullptr);
  for (size_t r = 0; r < model.rows.size(); ++r) {
    const auto& cells = model.rows[r];
    for (size_t c = 0; c < cells.size(); ++c) {
      lxw_error status = write_cell(sheet, r, c, cells[c], format_of(cells[c].format));
      if (status != LXW_NO_ERROR) {
        error = "sheet '" + model.name + "' cell " + workbook::cell_name(r, c) + ": " +
                lxw_strerror(status);
        return false;
      }
    }
  }
  if (model.freeze_rows > 0 || model.freeze_columns > 0)
    worksheet_freeze_panes(sheet, model.freeze_rows, model.freeze_columns);
  if (model.autofilter) {
    const auto& f = *model.autofilter;
    worksheet_autofilter(sheet, f.first_row, f.first_col, f.last_row, f.last_col);
  }
  const auto& print = model.print;
  if (print.landscape) worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, paper_code(print.paper));
  if (print.fit_page)
    worksheet_fit_to_pages(sheet, 1, 1);
  else if (print.fit_width)
    worksheet_fit_to_pages(sheet, 1, 0);
  if (print.repeat_rows)
    worksheet_repeat_rows(sheet, print.repeat_rows->first, print.repeat_rows->second);
  if (!print.header.empty()) worksheet_set_header(sheet, print.header.c_str());
  if (!print.footer.empty()) worksheet_set_footer(sheet, print.footer.c_str());
  for (const auto& chart : model.charts) add_chart(book, sheet, model.name, chart);
  return true;
}

}  // namespace

bool write_xlsx(const workbook::WorkbookModel& model, const std::string& path, std::string& error) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    error = "cannot create workbook " + path;
    return false;
  }
  const auto& p = model.properties;
  lxw_doc_properties properties{};
  properties.title = c_text(p.title);
  properties.subject = c_text(p.subject);
  properties.author = c_text(p.author);
  properties.manager = c_text(p.manager);
  properties.company = c_text(p.company);
  properties.category = c_text(p.category);
  properties.keywords = c_text(p.keywords);
  properties.comments = c_text(p.comments);
  // A fixed date: 0 would make libxlsxwriter stamp the current time.
  properties.created = static_cast<time_t>(p.created > 0 ? p.created : 946684800);
  workbook_set_properties(book, &properties);

  std::map<std::string, lxw_format*> formats;
  if (!model.font.empty()) {
    // The Normal style's font (styles.xml font 0), which unformatted cells and column widths
    // use: libxlsxwriter's first format, added by workbook_new().
    if (lxw_format* normal = STAILQ_FIRST(book->formats))
      format_set_font_name(normal, model.font.c_str());
  }
  for (const auto& format : model.formats) {
    workbook::FormatSpec spec = format;
    if (spec.font_name.empty()) spec.font_name = model.font;
    formats[format.name] = make_format(book, spec);
  }

  bool ok = true;
  for (const auto& sheet : model.sheets) {
    if (!write_sheet(book, sheet, formats, error)) {
      ok = false;
      break;
    }
  }
  lxw_error status = workbook_close(book);  // frees the workbook in every case
  if (ok && status != LXW_NO_ERROR) {
    error = std::string("cannot write ") + path + ": " + lxw_strerror(status);
    ok = false;
  }
  return ok;
}

}  // namespace tenkai::renderers
