// The Pango text measurer: one reused context and layout, memoized per (font, text). Plain text
// is shaped with HarfBuzz directly, exactly as the layout would shape it, skipping the layout's
// itemizing, line breaking and bookkeeping. It brings the ICU phrase breaker, so whatever layout
// measures with it breaks lines the same way.
#include "renderers/cairo/pango_measurer.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "renderers/cairo/page_renderers.h"
#include "renderers/text/icu_line_breaker.h"

namespace tenkai::renderers {

namespace {

// Large enough that Pango's 1/1024-point units are far below any visible difference once
// scaled down to a slide's sizes.
constexpr double kReferenceSize = 100;

class PangoMeasurer : public scene::TextMeasurer {
 public:
  PangoMeasurer() : breaker_(make_icu_line_breaker()) {}

  scene::TextMetrics measure(std::string_view text, const scene::Font& font) override {
    if (!reference_.can_set(font)) return {};
    // Advances are linear in the size (unhinted metrics, unrounded positions: see
    // configure_context), so each text is shaped once, at a reference size, and scaled: a table
    // tried at five sizes costs one measuring of its cells, not five.
    scene::Font reference = font;
    reference.size = kReferenceSize;
    // Layout asks about the same strings again and again (every cell of a paginated table is
    // measured while fitting columns), so answers are kept; the table is only looked up, never
    // iterated, so its order cannot leak into output.
    std::string key = font_text_key(reference, text);
    auto found = memo_.find(key);
    if (found == memo_.end()) {
      found = memo_.emplace(std::move(key), measure_at_reference(text, reference)).first;
    }
    // Pango keeps a size in whole 1/1024 points (the description's integer size), so the scale
    // is taken from that size, as it will be set when the text is painted.
    const double scale = std::trunc(font.size * PANGO_SCALE) / PANGO_SCALE / kReferenceSize;
    const scene::TextMetrics& at_reference = found->second;
    return {at_reference.width * scale, at_reference.ascent * scale, at_reference.descent * scale};
  }

  scene::LineBreaker* line_breaker() override { return breaker_.get(); }

 private:
  scene::TextMetrics measure_at_reference(std::string_view text, const scene::Font& font) {
    if (auto shaped = reference_.shaped(text, font)) return *shaped;
    return reference_.laid_out(text, font);
  }

  ReferenceMeasurer reference_;
  std::unordered_map<std::string, scene::TextMetrics> memo_;
  std::unique_ptr<scene::LineBreaker> breaker_;
};

}  // namespace

ReferenceMeasurer::ReferenceMeasurer()
    : context_(create_device_independent_context()),
      layout_(create_single_line_layout(context_)),
      shaper_(context_) {}

ReferenceMeasurer::~ReferenceMeasurer() {
  g_object_unref(layout_);
  g_object_unref(context_);
}

scene::TextMetrics ReferenceMeasurer::laid_out(std::string_view text, const scene::Font& font) {
  const PangoFontDescription* description = fonts_.get(font);
  if (description == nullptr) return {};
  if (description != current_) {
    pango_layout_set_font_description(layout_, description);
    current_ = description;
  }
  std::string storage;
  std::string_view valid = valid_utf8(text, storage);
  pango_layout_set_text(layout_, valid.data(), static_cast<int>(valid.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  double baseline = static_cast<double>(pango_layout_get_baseline(layout_)) / PANGO_SCALE;
  scene::TextMetrics metrics;
  metrics.width = static_cast<double>(logical.width) / PANGO_SCALE;
  // Font (logical) extents, not ink: the same for every string in a font, so lines of one
  // size sit on a regular pitch whatever characters they hold.
  metrics.ascent = baseline - static_cast<double>(logical.y) / PANGO_SCALE;
  metrics.descent = static_cast<double>(logical.y + logical.height) / PANGO_SCALE - baseline;
  return metrics;
}

bool ReferenceMeasurer::can_set(const scene::Font& font) {
  return fonts_.get(font) != nullptr;
}

std::optional<scene::TextMetrics> ReferenceMeasurer::shaped(std::string_view text,
                                                            const scene::Font& font) {
  const PangoFontDescription* description = fonts_.get(font);
  if (description == nullptr) return std::nullopt;
  std::optional<int> width = shaped_width(text, description);
  if (!width) return std::nullopt;
  auto line = lines_.find(description);
  if (line == lines_.end()) {
    // The line's extents are the font's, whatever the text; the first plain text asks the layout.
    scene::TextMetrics metrics = laid_out(text, font);
    line = lines_.emplace(description, Line{metrics.ascent, metrics.descent}).first;
  }
  return scene::TextMetrics{static_cast<double>(*width) / PANGO_SCALE, line->second.ascent,
                            line->second.descent};
}

std::optional<int> ReferenceMeasurer::shaped_width(std::string_view text,
                                                   const PangoFontDescription* description) {
  // Pango takes each advance as the glyph's width, turning a negative one around.
  int width = 0;
  bool plain = shaper_.shape(text, description, [&width](const PlainShaper::Run& run) {
    unsigned count = 0;
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(run.shaped, &count);
    for (unsigned i = 0; i < count; ++i) width += std::abs(positions[i].x_advance);
  });
  if (!plain) return std::nullopt;
  return width;
}

std::unique_ptr<scene::TextMeasurer> make_pango_measurer() {
  return std::make_unique<PangoMeasurer>();
}

}  // namespace tenkai::renderers
