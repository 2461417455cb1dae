// RFC 4180 CSV text (already UTF-8) as records of fields, each record remembering its row number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"

namespace tenkai::cycle {

struct CsvRecord {
  int row = 0;  // 1-based record number, the header being 1 (what a spreadsheet shows)
  std::vector<std::string> fields;
};

// Splits `text` into records: quoted fields may hold commas, doubled quotes and line breaks;
// CRLF and LF both end a record; a leading UTF-8 BOM is skipped; wholly empty lines are dropped
// (but still counted, so row numbers match the spreadsheet). An unterminated quote is an error
// at its record.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path,
                                 Diagnostics& diagnostics);

}  // namespace tenkai::cycle
