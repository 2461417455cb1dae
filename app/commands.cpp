// check and matrix; shared loading and reporting for every subcommand.
#include "app/commands.h"

#include <iostream>

#include "app/progress.h"

namespace tenkai::app {

void report(const Diagnostics& diagnostics) {
  progress().clear();
  bool colour = stderr_colours();
  for (const auto& d : diagnostics.items()) std::cerr << diagnostic_line(d, colour) << "\n";
}

std::optional<registry::Registry> load_or_report(const Options& options) {
  auto loaded = registry::load_registry(options.data);
  report(loaded.diagnostics);
  return std::move(loaded.registry);
}

int run_matrix(const Options& options) {
  auto reg = load_or_report(options);
  if (!reg) return kExitInvalidInput;
  Diagnostics warnings;
  auto matrix = analysis::compute_spread(*reg, warnings);
  report(warnings);
  if (options.format == "json")
    std::cout << matrix_as_json(matrix);
  else if (options.format == "csv")
    std::cout << matrix_as_csv(*reg, matrix, options.excel);
  else
    std::cout << matrix_as_text(*reg, matrix);
  return kExitOk;
}

}  // namespace tenkai::app
