// One function per subcommand; each returns an exit code and writes diagnostics to stderr.
#pragma once

#include <string>

#include "app/cli.h"
#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/registry/loader.h"

namespace tenkai::app {

int run_check(const Options& options);
int run_matrix(const Options& options);
int run_classify(const Options& options);
int run_build(const Options& options);
int run_scene(const Options& options);
int run_import(const Options& options);
int run_diff(const Options& options);
int run_watch(const Options& options);

// Prints every diagnostic to stderr, one per line.
void report(const Diagnostics& diagnostics);

// Loads the registry named by options.data, reporting problems; nullopt on errors.
std::optional<registry::Registry> load_or_report(const Options& options);

// Output formats, pure so tests can call them directly.
std::string matrix_as_text(const registry::Registry& reg, const analysis::SpreadMatrix& matrix);
std::string matrix_as_csv(const registry::Registry& reg, const analysis::SpreadMatrix& matrix);
// With `excel`: a UTF-8 BOM, CRLF line ends and Japanese headers, for Japanese Excel.
std::string matrix_as_csv(const registry::Registry& reg, const analysis::SpreadMatrix& matrix,
                          bool excel);
std::string matrix_as_json(const analysis::SpreadMatrix& matrix);
std::string classification_as_text(const registry::Registry& reg,
                                   const analysis::Classification& classification);
std::string classification_as_json(const registry::Registry& reg,
                                   const analysis::Classification& classification);

// Terminal columns taken by UTF-8 text: East Asian wide and full-width characters count two.
size_t display_width(const std::string& text);

}  // namespace tenkai::app
