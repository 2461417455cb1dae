// `tenkai build` / `tenkai check` for deck specs: load, lay out with the Pango measurer and the
// QR encoder, then render the PDF and the named figures to pending outputs.
#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include "app/build.h"
#include "core/layout/classification_use.h"
#include "core/layout/deck.h"
#include "renderers/cairo/page_renderers.h"
#include "renderers/pptx/pptx_writer.h"
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
  static const analysis::Classification kUnused;  // for decks that show no classified data
  const analysis::Classification& classification =
      layout::deck_needs_classification(*out.spec) ? inputs.classification.get() : kUnused;
  layout::LayoutInputs layout_inputs{inputs.registry, inputs.matrix, classification, *measurer,
                                     qr.get()};
  size_t errors = diagnostics.error_count();
  out.document = layout::layout_deck(*out.spec, layout_inputs, diagnostics);
  if (diagnostics.error_count() > errors) out.spec.reset();
  return out;
}

bool wants(const layout::DeckSpec& spec, const char* format) {
  return std::find(spec.formats.begin(), spec.formats.end(), format) != spec.formats.end();
}

// A private folder (mode 0700, unique name) for the files libxlsxwriter can only write to disk;
// removed with everything in it when the build of this deck ends.
class PrivateFolder {
 public:
  PrivateFolder() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "tenkai-XXXXXX").string();
    if (ec) pattern = "/tmp/tenkai-XXXXXX";
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~PrivateFolder() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

renderers::PptxTheme pptx_theme(const layout::Theme& theme) {
  renderers::PptxTheme out;
  out.font_family = theme.font_family;
  out.text = theme.text;
  out.title = theme.title;
  out.accent = theme.accent;
  out.muted = theme.muted;
  out.link = theme.link;
  out.header_fill = theme.table_header_fill;
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
  const layout::DeckSpec& spec = *laid_out.spec;
  if (wants(spec, "pdf")) {
    auto& pdf = outputs.add(inputs.out_dir, spec.output,
                            static_cast<long>(laid_out.document.pages.size()));
    if (!renderers::write_pdf(laid_out.document, pdf.temporary_path(), error)) {
      diagnostics.error({spec_path, 0, 0}, "cannot write " + pdf.target_path() + ": " + error);
      return;
    }
  }
  if (wants(spec, "pptx")) {
    // The PPTX takes the PDF's name with its own extension (forum-2015.pdf -> .pptx).
    std::string stem = spec.output.substr(0, spec.output.size() - 4);
    auto& pptx = outputs.add(inputs.out_dir, stem + ".pptx",
                             static_cast<long>(laid_out.document.pages.size()));
    PrivateFolder folder;
    renderers::PptxOptions options{pptx_theme(spec.theme), folder.path()};
    if (folder.path().empty()) {
      diagnostics.error({spec_path, 0, 0}, "cannot create a private temporary folder");
      return;
    }
    if (!renderers::write_pptx(laid_out.document, options, pptx.temporary_path(), error)) {
      diagnostics.error({spec_path, 0, 0}, "cannot write " + pptx.target_path() + ": " + error);
      return;
    }
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
