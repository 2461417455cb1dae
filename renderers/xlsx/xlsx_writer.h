// Writes a sheet model (core/workbook/sheet_model.h) as an .xlsx file through libxlsxwriter.
#pragma once

#include <string>

#include "core/workbook/sheet_model.h"

namespace tenkai::renderers {

// Writes `model` to `path`; false with a message in `error` when libxlsxwriter fails.
// The output depends only on the model: identical models give byte-identical files.
bool write_xlsx(const workbook::WorkbookModel& model, const std::string& path, std::string& error);

}  // namespace tenkai::renderers
