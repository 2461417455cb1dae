// `tenkai build` / `tenkai check` for deck specs: load, lay out with the Pango measurer and the
// QR encoder, then render the PDF and the named figures to pending outputs.
#include "app/build.h"
#include "core/layout/deck.h"
#include "renderers/cairo/page_renderers.h"
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

std::string deck_scene_json(const std::string& spec_path, const BuildInputs& inputs,
                            Diagnostics& diagnostics) {
  LaidOut laid_out = lay_out(spec_path, inputs, diagnostics);
  if (!laid_out.spec) return {};
  auto measurer = renderers::make_pango_measurer();
  return scene_as_json(laid_out.document, *measurer);
}

void build_deck(const std::string& spec_path, const BuildInputs& inputs, Diagnostics& diagnostics,
                PendingOutputs& outputs) {
  LaidOut laid_out = lay_out(spec_path, inputs, diagnostics);
  if (!laid_out.spec) return;
  std::string error;
  auto& pdf = outputs.add(inputs.out_dir, laid_out.spec->output,
                          static_cast<long>(laid_out.document.pages.size()));
  if (!renderers::write_pdf(laid_out.document, pdf.temporary_path(), error)) {
    diagnostics.error({spec_path, 0, 0}, "cannot write " + pdf.target_path() + ": " + error);
    return;
  }
  for (const auto& figure : laid_out.document.figures) {
    for (const auto& format_name : figure.formats) {
      const renderers::PageFormat* format = renderers::find_page_format(format_name);
      if (!format) {
        diagnostics.error({spec_path, 0, 0}, "unknown figure format '" + format_name + "'");
        continue;
      }
      auto& file = outputs.add(inputs.out_dir, figure.name + format->extension, 1);
      // PNG at the figure's resolution (dpi: in the spec); the other formats are vectors.
      bool written =
          std::string(format->name) == "png"
              ? renderers::write_png(figure.page, file.temporary_path(), error, figure.png_dpi / 72)
              : format->write(figure.page, file.temporary_path(), error);
      if (!written) {
        diagnostics.error({spec_path, 0, 0}, "cannot write " + file.target_path() + ": " + error);
      }
    }
  }
}

}  // namespace tenkai::app
