// libFuzzer target for the workbook spec loader: any bytes must give diagnostics, never a crash,
// and a spec that loads must build a sheet model against a small registry.
//
//   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DTENKAI_FUZZ=ON
//   cmake --build build/fuzz --target workbook_spec_fuzz
//   build/fuzz/workbook_spec_fuzz -max_len=4096 fuzz/corpus/workbook
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/text_invariants.h"

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/workbook/sheet_model.h"
#include "core/workbook/spec_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tenkai;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = workbook::parse_workbook_spec(text, "fuzz.yaml");
  if (result.spec.has_value() == result.diagnostics.has_errors()) __builtin_trap();
  tenkai::fuzz::require_sane_diagnostics(result.diagnostics, text);
  for (const auto& d : result.diagnostics.items()) {
    if (d.pos.file != "fuzz.yaml" || d.pos.line < 0 || d.pos.col < 0) __builtin_trap();
  }
  if (result.spec) {
    static const registry::Registry reg = [] {
      registry::Registry r;
      r.title = "fuzz";
      registry::Region region;
      region.id = "a";
      region.label = "A";
      r.region_index["a"] = 0;
      r.regions.push_back(region);
      registry::Session session;
      session.region = "a";
      session.fiscal_year = 2015;
      r.sessions.push_back(session);
      return r;
    }();
    Diagnostics ignored;
    auto matrix = analysis::compute_spread(reg, ignored);
    analysis::Classification classes;  // empty: the loader and model builder are under test
    auto model = workbook::build_workbook_model(*result.spec, {reg, matrix, classes, "0", ""});
    if (model.sheets.size() != result.spec->sheets.size()) __builtin_trap();
  }
  return 0;
}
