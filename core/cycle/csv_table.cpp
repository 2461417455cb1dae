// A small CSV reader: quotes, doubled quotes, embedded line breaks, CRLF, BOM.
#include "core/cycle/csv_table.h"

namespace tenkai::cycle {

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path,
                                 Diagnostics& diagnostics) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord current;
  current.row = 1;
  std::string field;
  bool in_quotes = false;
  bool field_started = false;  // something (even "") was read for this field
  int quote_row = 0;
  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    bool empty = current.fields.size() == 1 && current.fields[0].empty();
    int next_row = current.row + 1;
    if (!empty) records.push_back(std::move(current));
    current = CsvRecord{};
    current.row = next_row;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started && field.empty()) {
      in_quotes = true;
      field_started = true;
      quote_row = current.row;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the '\n' ends the record
    } else if (c == '\n' || c == '\r') {
      end_record();
    } else {
      field += c;
    }
  }
  if (in_quotes) {
    diagnostics.error({path, quote_row, static_cast<int>(current.fields.size()) + 1},
                      "unterminated quoted field");
  }
  if (!field.empty() || field_started || !current.fields.empty()) end_record();
  return records;
}

}  // namespace tenkai::cycle
