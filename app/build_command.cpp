// The build and check drivers: load once, analyse once, then hand each spec to its kind.
#include <glib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "app/build.h"
#include "app/commands.h"
#include "app/i18n.h"
#include "app/progress.h"
#include "core/analysis/period.h"
#include "core/registry/yaml_document.h"
#include "core/text/utf8.h"

namespace tenkai::app {
namespace {

enum class SpecKind { deck, workbook, unknown };

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string sha256_hex(const std::string& bytes) {
  gchar* digest = g_compute_checksum_for_data(
      G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string hex(digest);
  g_free(digest);
  return hex;
}

// Far above any real layout spec (the default deck is a few kilobytes).
constexpr size_t kMaxSpecBytes = 4u << 20;

// Reads just enough of the spec to know which builder owns it; problems are positioned, in
// characters, and its text (UTF-8, control characters) is checked here once for every kind.
SpecKind spec_kind(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diagnostics.error({path, 0, 0}, tr("cannot read layout spec: no such file"));
    return SpecKind::unknown;
  }
  if (std::filesystem::file_size(path, ec) > kMaxSpecBytes) {
    diagnostics.error({path, 0, 0}, "layout spec is too large (at most " +
                                        std::to_string(kMaxSpecBytes) + " bytes)");
    return SpecKind::unknown;
  }
  std::string text = read_bytes(path);
  registry::yaml::SourceMap source(text);
  try {
    size_t errors = diagnostics.error_count();
    auto root = registry::yaml::load_single_node(text, source, path, diagnostics);
    if (!root || diagnostics.error_count() > errors) return SpecKind::unknown;
    if (root->IsMap() && (*root)["deck"]) return SpecKind::deck;
    if (root->IsMap() && (*root)["workbook"]) return SpecKind::workbook;
    diagnostics.error({path, 1, 1}, tr("layout spec needs a top-level 'deck:' or 'workbook:' key"));
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.pos(path, e.mark), "invalid YAML: " + e.msg);
  }
  return SpecKind::unknown;
}

// The same spec file named twice would write its outputs twice: reported before any work.
bool report_repeated_specs(const std::vector<std::string>& specs, Diagnostics& diagnostics) {
  bool repeated = false;
  for (size_t i = 0; i < specs.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      std::error_code ec;
      if (specs[i] == specs[j] || std::filesystem::equivalent(specs[i], specs[j], ec)) {
        diagnostics.error({specs[i], 0, 0}, "this layout spec is given twice (also as '" +
                                                specs[j] + "'); each spec writes its outputs once");
        repeated = true;
        break;
      }
    }
  }
  return repeated;
}

// Runs `per_spec` for every spec after loading and analysing the registry once.
template <typename PerSpec>
int for_each_spec(const Options& options, PerSpec per_spec) {
  auto loaded = registry::load_registry(options.data);
  Diagnostics diagnostics = loaded.diagnostics;
  if (!loaded.registry) {
    report(diagnostics);
    return kExitInvalidInput;
  }
  // One reporting period for the whole build: the matrix warns about sessions outside it, and
  // every spec (figures, classifications, sheets) sees only the sessions inside it.
  const analysis::SpreadMatrix matrix = analysis::compute_spread(*loaded.registry, diagnostics);
  const registry::Registry in_period = analysis::within_period(*loaded.registry);
  LazyClassification classification(in_period);
  LazyFileDigest registry_digest(options.data);
  BuildInputs inputs{in_period,       matrix,         classification,
                     registry_digest, TENKAI_VERSION, options.out_dir};
  for (const auto& spec : options.specs) {
    progress().status(trf("laying out {1} …", {std::filesystem::path(spec).filename().string()}));
    SpecKind kind = spec_kind(spec, diagnostics);
    if (kind != SpecKind::unknown) per_spec(kind, spec, inputs, diagnostics);
  }
  report(diagnostics);
  return diagnostics.has_errors() ? kExitInvalidInput : kExitOk;
}

}  // namespace

const std::string& LazyFileDigest::get() const {
  if (!value_) value_ = sha256_hex(read_bytes(path_));
  return *value_;
}

const analysis::Classification& LazyClassification::get() const {
  if (!value_) value_ = analysis::classify(registry_);
  return *value_;
}

std::string PendingOutputs::stage(const std::string& name, const SourcePos& where,
                                  Diagnostics& diagnostics) {
  std::string error;
  std::string path = set.reserve(name, error);
  if (path.empty()) diagnostics.error(where, error);
  return path;
}

StagedOutput& PendingOutputs::add(const std::string& out_dir, const std::string& name, long pages,
                                  bool sheets) {
  progress().output((std::filesystem::path(out_dir) / name).string(), pages, sheets);
  std::string error;
  auto staged = std::make_unique<StagedOutput>();
  staged->target = (std::filesystem::path(out_dir) / name).string();
  staged->temporary = set.reserve(name, error);
  if (staged->temporary.empty()) rejected.error({set.out_dir(), 0, 0}, error);
  files.push_back(std::move(staged));
  return *files.back();
}

int run_check(const Options& options) {
  return for_each_spec(options, [](SpecKind kind, const std::string& spec,
                                   const BuildInputs& inputs, Diagnostics& diagnostics) {
    if (kind == SpecKind::deck)
      check_deck_spec(spec, inputs, diagnostics);
    else
      check_workbook_spec(spec, inputs, diagnostics);
  });
}

int run_scene(const Options& options) {
  if (options.specs.size() != 1) {
    std::cerr << "tenkai: 'scene' lays out one deck spec (got " << options.specs.size()
              << ")\nTry 'tenkai scene --help'.\n";
    return kExitUsage;
  }
  std::string json;
  int code = for_each_spec(options, [&](SpecKind kind, const std::string& spec,
                                        const BuildInputs& inputs, Diagnostics& diagnostics) {
    if (kind != SpecKind::deck) {
      diagnostics.error({spec, 1, 1}, "'tenkai scene' needs a deck spec (top-level 'deck:')");
      return;
    }
    json = deck_scene_json(spec, inputs, diagnostics);
  });
  if (code == kExitOk) std::cout << json;
  return code;
}

int run_build(const Options& options) {
  // First finish or clean up what a killed earlier run left in the out folder.
  std::string error;
  if (!renderers::recover_output_folder(options.out_dir, error)) {
    std::cerr << text::printable(options.out_dir) << ":0:0: error: " << error << "\n";
    return kExitInvalidInput;
  }
  {
    Diagnostics repeated;
    if (report_repeated_specs(options.specs, repeated)) {
      report(repeated);
      return kExitInvalidInput;
    }
  }
  PendingOutputs outputs(options.out_dir);
  int code = for_each_spec(options, [&](SpecKind kind, const std::string& spec,
                                        const BuildInputs& inputs, Diagnostics& diagnostics) {
    if (kind == SpecKind::deck)
      build_deck(spec, inputs, diagnostics, outputs);
    else
      build_workbook(spec, inputs, diagnostics, outputs);
  });
  if (outputs.rejected.has_errors()) {
    progress().finish(false);
    report(outputs.rejected);
    return kExitInvalidInput;
  }
  if (code != kExitOk) {
    progress().finish(false);
    return code;  // the staging folder goes with `outputs`; --out is untouched
  }
  if (!outputs.set.commit(error)) {
    progress().finish(false);
    std::cerr << text::printable(options.out_dir) << ":0:0: error: " << text::printable(error)
              << "\n";
    return kExitInvalidInput;
  }
  progress().finish(true);
  return kExitOk;
}

}  // namespace tenkai::app
