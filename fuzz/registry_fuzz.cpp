// libFuzzer target for the registry loader: any bytes must give diagnostics, never a crash.
//
//   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DTENKAI_FUZZ=ON
//   cmake --build build/fuzz --target registry_fuzz
//   build/fuzz/registry_fuzz -max_len=4096 -dict=fuzz/registry.dict fuzz/corpus/registry
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/registry/loader.h"
#include "fuzz/text_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = tenkai::registry::parse_registry(text, "fuzz.yaml");
  // The loader's promises: a registry exactly when there is no error, every diagnostic with the
  // file's name and a sane position, and resolved indices that point into the registry.
  if (result.registry.has_value() == result.diagnostics.has_errors()) __builtin_trap();
  int last_line = 0, last_col = 0;
  for (const auto& d : result.diagnostics.items()) {
    if (d.pos.file != "fuzz.yaml" || d.pos.line < 0 || d.pos.col < 0) __builtin_trap();
    if (d.pos.line < last_line || (d.pos.line == last_line && d.pos.col < last_col)) {
      if (d.pos.line != 0) __builtin_trap();  // file order; only the "more errors" note is 0:0
    }
    last_line = d.pos.line, last_col = d.pos.col;
  }
  tenkai::fuzz::require_sane_diagnostics(result.diagnostics, text);
  if (result.registry) {
    const auto& reg = *result.registry;
    tenkai::fuzz::require_clean_text(reg.title);
    tenkai::fuzz::require_clean_text(reg.caveat);
    for (const auto& region : reg.regions) {
      tenkai::fuzz::require_clean_text(region.name);
      tenkai::fuzz::require_clean_text(region.label);
      tenkai::fuzz::require_clean_text(region.note);
      for (const auto& organizer : region.organizers) tenkai::fuzz::require_clean_text(organizer);
    }
    for (const auto& session : reg.sessions) tenkai::fuzz::require_clean_text(session.note);
    for (const auto& session : reg.sessions) {
      if (session.region_index >= reg.regions.size()) __builtin_trap();
    }
    for (const auto& link : reg.links) {
      if (link.from_index >= reg.regions.size() || link.to_index >= reg.regions.size()) {
        __builtin_trap();
      }
    }
    for (const auto& region : reg.regions) {
      if (region.within_index && *region.within_index >= reg.regions.size()) __builtin_trap();
    }
  }
  return 0;
}
