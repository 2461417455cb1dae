// `tenkai build` and `tenkai check` over layout specs. A spec is a deck (top-level `deck:`) or a
// workbook (top-level `workbook:`). Outputs are rendered to temporary files first and only
// renamed into place when every spec succeeded, so a failed run changes nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"
#include "core/scene/text_measurer.h"
#include "renderers/output_file.h"

namespace tenkai::app {

// The registry's classification, computed on first use and then kept: a run whose specs show
// no classified data (the rollout table, the matrix sheet) never classifies.
class LazyClassification {
 public:
  explicit LazyClassification(const registry::Registry& registry) : registry_(registry) {}
  const analysis::Classification& get() const;
  bool computed() const { return value_.has_value(); }

 private:
  const registry::Registry& registry_;
  mutable std::optional<analysis::Classification> value_;
};

// Everything a spec may bind to, computed once per run (the classification when first needed).
struct BuildInputs {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const LazyClassification& classification;
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
// Lays out a deck spec as build_deck would and returns its pages as `tenkai scene` JSON
// (CONTRACT.md §4); "" when the spec has errors (reported to `diagnostics`).
std::string deck_scene_json(const std::string& spec_path, const BuildInputs& inputs,
                            Diagnostics& diagnostics);
// The pages of `document` as CONTRACT.md §4's JSON; `measurer` gives each line's ascent and
// descent (the Pango measurer, as layout used).
std::string scene_as_json(const scene::Document& document, scene::TextMeasurer& measurer);

void build_workbook(const std::string& spec_path, const BuildInputs& inputs,
                    Diagnostics& diagnostics, PendingOutputs& outputs);

}  // namespace tenkai::app
