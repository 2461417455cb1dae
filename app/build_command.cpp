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

// Reads just enough of the spec to know which builder owns it; problems are positioned.
SpecKind spec_kind(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diagnostics.error({path, 0, 0}, tr("cannot read layout spec: no such file"));
    return SpecKind::unknown;
  }
  try {
    YAML::Node root = YAML::LoadFile(path);
    if (root.IsMap() && root["deck"]) return SpecKind::deck;
    if (root.IsMap() && root["workbook"]) return SpecKind::workbook;
    diagnostics.error({path, 1, 1}, tr("layout spec needs a top-level 'deck:' or 'workbook:' key"));
  } catch (const YAML::Exception& e) {
    diagnostics.error({path, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
  }
  return SpecKind::unknown;
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
  BuildInputs inputs{in_period,      matrix,
                     classification, sha256_hex(read_bytes(options.data)),
                     TENKAI_VERSION, options.out_dir};
  for (const auto& spec : options.specs) {
    progress().status(trf("laying out {1} …", {std::filesystem::path(spec).filename().string()}));
    SpecKind kind = spec_kind(spec, diagnostics);
    if (kind != SpecKind::unknown) per_spec(kind, spec, inputs, diagnostics);
  }
  report(diagnostics);
  return diagnostics.has_errors() ? kExitInvalidInput : kExitOk;
}

}  // namespace

const analysis::Classification& LazyClassification::get() const {
  if (!value_) value_ = analysis::classify(registry_);
  return *value_;
}

renderers::AtomicOutput& PendingOutputs::add(const std::string& out_dir, const std::string& name,
                                             long pages, bool sheets) {
  progress().output((std::filesystem::path(out_dir) / name).string(), pages, sheets);
  files.push_back(
      std::make_unique<renderers::AtomicOutput>((std::filesystem::path(out_dir) / name).string()));
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
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    std::cerr << options.out_dir << ":0:0: error: " << tr("cannot create output folder") << ": "
              << ec.message() << "\n";
    return kExitInvalidInput;
  }
  PendingOutputs outputs;
  int code = for_each_spec(options, [&](SpecKind kind, const std::string& spec,
                                        const BuildInputs& inputs, Diagnostics& diagnostics) {
    if (kind == SpecKind::deck)
      build_deck(spec, inputs, diagnostics, outputs);
    else
      build_workbook(spec, inputs, diagnostics, outputs);
  });
  if (code != kExitOk) {
    progress().finish(false);
    return code;  // pending outputs are discarded with their temp files
  }
  for (auto& file : outputs.files) {
    std::string error;
    if (!file->commit(error)) {
      progress().finish(false);
      std::cerr << file->target_path() << ":0:0: error: " << error << "\n";
      return kExitInvalidInput;
    }
  }
  progress().finish(true);
  return kExitOk;
}

}  // namespace tenkai::app
