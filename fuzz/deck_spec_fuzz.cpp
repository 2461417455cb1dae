// libFuzzer target for the deck spec loader and layout: any bytes must give diagnostics, never a
// crash, and a spec that loads must lay out (fixed-width measurer, a fake QR encoder).
//
//   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DTENKAI_FUZZ=ON
//   cmake --build build/fuzz --target deck_spec_fuzz
//   build/fuzz/deck_spec_fuzz -max_len=4096 fuzz/corpus/deck
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/text_invariants.h"

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/layout/deck.h"

namespace {

class SquareQr : public tenkai::layout::QrEncoder {
 public:
  std::optional<tenkai::layout::QrMatrix> encode(std::string_view text,
                                                 tenkai::layout::QrLevel) override {
    if (text.size() > 500) return std::nullopt;
    tenkai::layout::QrMatrix matrix;
    matrix.size = 21;
    matrix.modules.assign(21 * 21, true);
    return matrix;
  }
};

const tenkai::registry::Registry& fuzz_registry() {
  static const tenkai::registry::Registry reg = [] {
    tenkai::registry::Registry r;
    r.title = "fuzz";
    r.as_of = "2015-10-16";
    r.caveat = "事務局把握分のみ";
    for (int i = 0; i < 3; ++i) {
      tenkai::registry::Region region;
      region.id = "r" + std::to_string(i);
      region.label = "千葉県柏市" + std::to_string(i);
      region.organizers = {"市", "地区医師会"};
      r.region_index[region.id] = r.regions.size();
      r.regions.push_back(region);
      tenkai::registry::Session session;
      session.region = region.id;
      session.region_index = static_cast<size_t>(i);
      session.fiscal_year = 2011 + i;
      session.note = "※大森地区";
      r.sessions.push_back(session);
    }
    return r;
  }();
  return reg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tenkai;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  auto spec = layout::parse_deck_spec(text, "fuzz.yaml", &fuzz_registry(), diagnostics);
  if (spec.has_value() == diagnostics.has_errors()) __builtin_trap();
  tenkai::fuzz::require_sane_diagnostics(diagnostics, text);
  for (const auto& d : diagnostics.items()) {
    if (d.pos.file != "fuzz.yaml" || d.pos.line < 0 || d.pos.col < 0) __builtin_trap();
  }
  if (spec) {
    static Diagnostics ignored;
    static const auto matrix = analysis::compute_spread(fuzz_registry(), ignored);
    static const analysis::Classification classes;  // layout of text and table needs none
    scene::FixedWidthMeasurer measurer;
    SquareQr qr;
    Diagnostics layout_diagnostics;
    auto document = layout::layout_deck(*spec, {fuzz_registry(), matrix, classes, measurer, &qr},
                                        layout_diagnostics);
    if (document.pages.size() < spec->slides.size()) __builtin_trap();
  }
  return 0;
}
