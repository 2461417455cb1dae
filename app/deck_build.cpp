// `tenkai build` / `tenkai check` for deck specs: load, lay out with the Pango measurer and the
// QR encoder, then render the PDF and the named figures to pending outputs.
#include "app/build.h"
#include "core/layout/deck.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/cairo/pango_setup.h"
#include "renderers/qr/qrencode_encoder.h"

namespace tenkai::app {
namespace {

struct LaidOut {
  std::optional<layout::DeckSpec> spec;
  scene::Document document;
};

// Loads and lays out; `spec` is empty when the spec has errors.
LaidOut lay_out(const std::string& spec_path, const BuildInputs& inputs, Diagnostics& diagnostics) {
  LaidOut out;
  out.spec = layout::load_deck_spec(spec_path, &inputs.registry, diagnostics);
  if (!out.spec) return out;
  // Pango would silently substitute another font, changing every measurement.
  if (std::string problem = renderers::missing_font_problem(out.spec->theme.font_family);
      !problem.empty()) {
    diagnostics.error({spec_path, 0, 0}, problem);
    out.spec.reset();
    return out;
  }
  auto measurer = renderers::make_pango_measurer();
  auto qr = renderers::make_qr_encoder();
  layout::LayoutInputs layout_inputs{inputs.registry, inputs.matrix, inputs.classification,
                                     *measurer, qr.get()};
  size_t errors = diagnostics.error_count();
  out.document = layout::layout_deck(*out.spec, layout_inputs, diagnostics);
  if (diagnostics.error_count() > errors) out.spec.reset();
  return out;
}

}  // namespace

void check_deck_spec(const std::string& spec_path, const BuildInputs& inputs,
                     Diagnostics& diagnostics) {
  // Laying out as well reports text that does not fit, not only spec mistakes.
  lay_out(spec_path, inputs, diagnostics);
}

void build_deck(const std::string& spec_path, const BuildInputs& inputs, Diagnostics& diagnostics,
                PendingOutputs& outputs) {
  LaidOut laid_out = lay_out(spec_path, inputs, diagnostics);
  if (!laid_out.spec) return;
  std::string error;
  const std::string& pdf_name = laid_out.spec->output;
  std::string pdf = outputs.stage(pdf_name, {spec_path, 0, 0}, diagnostics);
  if (pdf.empty()) return;
  if (!renderers::write_pdf(laid_out.document, pdf, error)) {
    diagnostics.error({spec_path, 0, 0},
                      "cannot write " + outputs.set.target_path(pdf_name) + ": " + error);
    return;
  }
  for (const auto& figure : laid_out.document.figures) {
    for (const auto& format_name : figure.formats) {
      const renderers::PageFormat* format = renderers::find_page_format(format_name);
      if (!format) {
        diagnostics.error({spec_path, 0, 0}, "unknown figure format '" + format_name + "'");
        continue;
      }
      std::string name = figure.name + format->extension;
      std::string file = outputs.stage(name, {spec_path, 0, 0}, diagnostics);
      if (file.empty()) continue;
      if (!format->write(figure.page, file, error)) {
        diagnostics.error({spec_path, 0, 0},
                          "cannot write " + outputs.set.target_path(name) + ": " + error);
      }
    }
  }
}

}  // namespace tenkai::app
