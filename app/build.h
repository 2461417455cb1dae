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
#include "core/scene/scene.h"
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

// The SHA-256 of a file's bytes, read and hashed on first use: only workbooks show it, and
// hashing a national registry is about 2 % of building its table deck.
class LazyFileDigest {
 public:
  explicit LazyFileDigest(std::string path) : path_(std::move(path)) {}
  const std::string& get() const;  // lowercase hex

 private:
  std::string path_;
  mutable std::optional<std::string> value_;
};

// Everything a spec may bind to, computed once per run (the classification when first needed).
struct BuildInputs {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const LazyClassification& classification;
  const LazyFileDigest& registry_sha256;  // of the registry file's bytes
  std::string version;                    // tenkai version
  std::string out_dir;                    // folder outputs go to (exists when build_* is called)
};

// One output of the run, staged in the output set's private folder.
struct StagedOutput {
  std::string temporary;  // where to write (a private staging folder); empty when rejected
  std::string target;     // out_dir/name, for messages
  const std::string& temporary_path() const { return temporary; }
  const std::string& target_path() const { return target; }
};

// The run's outputs as one transaction (renderers::OutputSet): staged privately, moved into
// --out only once every spec succeeded, so a failed or killed run leaves the old set.
struct PendingOutputs {
  explicit PendingOutputs(std::string out_dir) : set(std::move(out_dir)) {}
  renderers::OutputSet set;
  std::vector<std::unique_ptr<StagedOutput>> files;
  Diagnostics rejected;  // bad or duplicate names found by add(); the driver reports them

  // Stages output `name` and returns where to write it; a bad or duplicate name is reported at
  // `where` and "" is returned. Libraries that open by name may write to the path.
  std::string stage(const std::string& name, const SourcePos& where, Diagnostics& diagnostics);
  // The same for writers that only know the folder: a rejected name is reported by the driver
  // (the run then fails) and the returned temporary path is empty.
  // `pages` (sheets for a workbook) is shown in the terminal's progress; < 0 when unknown.
  StagedOutput& add(const std::string& out_dir, const std::string& name, long pages = -1,
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
// The pages of `document` as CONTRACT.md §4's JSON.
std::string scene_as_json(const scene::Document& document);

void build_workbook(const std::string& spec_path, const BuildInputs& inputs,
                    Diagnostics& diagnostics, PendingOutputs& outputs);

}  // namespace tenkai::app
