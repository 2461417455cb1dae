// `tenkai build` and `tenkai check` over layout specs. A spec is a deck (top-level `deck:`) or a
// workbook (top-level `workbook:`). Outputs are rendered to temporary files first and only
// renamed into place when every spec succeeded, so a failed run changes nothing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"
#include "renderers/output_file.h"

namespace tenkai::app {

// Everything a spec may bind to, computed once per run.
struct BuildInputs {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const analysis::Classification& classification;
  std::string registry_sha256;  // hex digest of the registry file's bytes
  std::string version;          // tenkai version
  std::string out_dir;          // folder outputs go to (exists when build_* is called)
};

// Outputs written to temporary files, renamed by the driver once everything succeeded.
struct PendingOutputs {
  std::vector<std::unique_ptr<renderers::AtomicOutput>> files;
  // Creates the pending output for DIR/name and returns it; write to its temporary_path().
  // `pages` (sheets for a workbook) is shown in the terminal's progress; < 0 when unknown.
  renderers::AtomicOutput& add(const std::string& out_dir, const std::string& name, long pages = -1,
                               bool sheets = false);
};

// Validate a spec against the registry: every problem goes to `diagnostics` with its position.
void check_deck_spec(const std::string& spec_path, const BuildInputs& inputs,
                     Diagnostics& diagnostics);
void check_workbook_spec(const std::string& spec_path, const BuildInputs& inputs,
                         Diagnostics& diagnostics);

// Validate, lay out and render to pending outputs. Problems go to `diagnostics`; the driver
// discards every pending output when any spec reported an error.
void build_deck(const std::string& spec_path, const BuildInputs& inputs, Diagnostics& diagnostics,
                PendingOutputs& outputs);
void build_workbook(const std::string& spec_path, const BuildInputs& inputs,
                    Diagnostics& diagnostics, PendingOutputs& outputs);

}  // namespace tenkai::app
