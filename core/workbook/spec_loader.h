// Reads a workbook spec, validating every key, name and binding; all problems are collected as
// PATH:LINE:COL diagnostics with "did you mean" hints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/registry/diagnostics.h"
#include "core/workbook/workbook_spec.h"

namespace tenkai::workbook {

struct SpecLoadResult {
  std::optional<WorkbookSpec> spec;  // empty when any error was found
  Diagnostics diagnostics;
};

// `path` names the file in diagnostics; `text` is its content.
SpecLoadResult parse_workbook_spec(std::string_view text, const std::string& path);

// Reads the file (unreadable: an error at 0:0) and parses it.
SpecLoadResult load_workbook_spec(const std::string& path);

}  // namespace tenkai::workbook
