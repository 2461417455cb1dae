// Which workbooks need the registry's classification: those with a table of areas or
// prefectures, or a sessions table showing functions. Classifying costs far more than the spread
// matrix, so the app computes it only when a workbook reads it.
#pragma once

#include "core/workbook/workbook_spec.h"

namespace tenkai::workbook {

bool workbook_needs_classification(const WorkbookSpec& spec);

}  // namespace tenkai::workbook
