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

// Pango 1.50's shaper takes at most this many features per item.
constexpr unsigned kMaxFeatures = 32;

// Whether a code point is one the direct shaping reproduces the layout for: left-to-right (so
// every bidi level is 0), not a control, format character, line separator, combining mark or
// variation selector (which change items, clusters or fonts), and never part of an emoji
// presentation run (which Pango sets in an "emoji" font). Latin, Japanese, digits and the
// punctuation and symbols of Japanese documents; anything else takes the layout.
bool is_plain(gunichar c) {
  if (c < 0x20) return false;
  if (c <= 0x7e) return true;
  if (c < 0xa0) return false;
  if (c <= 0x24f) return c != 0xad;             // Latin-1 and Latin Extended, but soft hyphen
  if (c >= 0x2000 && c <= 0x200a) return true;  // spaces
  if (c >= 0x2010 && c <= 0x2027) return true;  // dashes, quotes, bullets, ellipsis
  if (c >= 0x2030 && c <= 0x205e) return true;  // per mille, primes, ※
  if (c >= 0x2100 && c <= 0x22ff) return true;  // letterlike, number forms, arrows, maths
  if (c >= 0x2460 && c <= 0x24ff) return true;  // circled numbers
  if (c >= 0x2500 && c <= 0x25fc) return true;  // box drawing, blocks, ●■▲◆ (◽◾ are emoji)
  if (c == 0x2605 || c == 0x2606) return true;  // ★☆
  if (c >= 0x3000 && c <= 0x3029) return true;  // ideographic space and punctuation
  if (c >= 0x3030 && c <= 0x303f) return true;  // (302A to 302F are combining marks)
  if (c >= 0x3041 && c <= 0x3096) return true;  // hiragana
  if (c >= 0x309b && c <= 0x30ff) return true;  // hiragana marks, katakana (3099, 309A combine)
  if (c >= 0x31f0 && c <= 0x33ff) return true;  // small kana, enclosed and squared CJK
  if (c >= 0x3400 && c <= 0x4dbf) return true;  // CJK extension A
  if (c >= 0x4e00 && c <= 0x9fff) return true;  // CJK unified ideographs
  if (c >= 0xf900 && c <= 0xfaff) return true;  // CJK compatibility ideographs
  if (c >= 0xff01 && c <= 0xffee) return true;  // fullwidth and halfwidth forms
  return c >= 0x20000 && c <= 0x2fa1f;          // CJK extensions B and on
}

// The language Pango's itemizer gives a run of `script` (compute_derived_language in 1.50).
PangoLanguage* derived_language(PangoLanguage* language, PangoScript script) {
  if (pango_language_includes_script(language, script)) return language;
  PangoLanguage* sample = pango_script_get_sample_language(script);
  return sample != nullptr ? sample : pango_language_from_string("xx");
}

// Non-empty valid UTF-8 of plain code points only.
bool is_plain(std::string_view text) {
  if (text.empty() || text.size() > G_MAXINT / 2) return false;
  const char* end = text.data() + text.size();
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return false;
  for (const char* p = text.data(); p < end; p = g_utf8_next_char(p)) {
    if (!is_plain(g_utf8_get_char(p))) return false;
  }
  return true;
}

gboolean take_first_font(PangoFontset*, PangoFont* font, gpointer data) {
  if (font == nullptr) return FALSE;
  *static_cast<PangoFont**>(data) = font;
  return TRUE;
}

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
      buffer_(hb_buffer_create()) {}

ReferenceMeasurer::~ReferenceMeasurer() {
  for (auto& [key, run_font] : run_fonts_) {
    if (run_font.font != nullptr) g_object_unref(run_font.font);
  }
  hb_buffer_destroy(buffer_);
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

ReferenceMeasurer::RunFont* ReferenceMeasurer::run_font(const PangoFontDescription* description,
                                                        PangoLanguage* language) {
  auto found = run_fonts_.find({description, language});
  if (found != run_fonts_.end()) return &found->second;
  // As the itemizer asks: the context's description with the font's merged over it and the
  // resolved (south) gravity set, in the run's language. The fontset's first font is the one a
  // character gets when that font has it.
  PangoFontDescription* merged =
      pango_font_description_copy(pango_context_get_font_description(context_));
  pango_font_description_merge(merged, description, TRUE);
  pango_font_description_set_gravity(merged, PANGO_GRAVITY_SOUTH);
  PangoFontset* fontset =
      pango_font_map_load_fontset(pango_context_get_font_map(context_), context_, merged, language);
  pango_font_description_free(merged);
  RunFont run_font;
  if (fontset != nullptr) {
    pango_fontset_foreach(fontset, take_first_font, &run_font.font);
    if (run_font.font != nullptr) g_object_ref(run_font.font);
    g_object_unref(fontset);
  }
  if (run_font.font != nullptr) {
    run_font.hb_font = pango_font_get_hb_font(run_font.font);
    hb_feature_t features[kMaxFeatures];
    guint count = 0;
    pango_font_get_features(run_font.font, features, kMaxFeatures, &count);
    run_font.features.assign(features, features + count);
  }
  return &run_fonts_.emplace(std::make_pair(description, language), std::move(run_font))
              .first->second;
}

bool ReferenceMeasurer::sets_itself(RunFont& font, gunichar c) {
  auto known = font.sets.find(c);
  if (known != font.sets.end()) return known->second;
  // Pango falls back to another font for a character its font lacks, and draws a box for one
  // its coverage claims but its cmap lacks.
  hb_codepoint_t glyph;
  bool sets =
      pango_font_has_char(font.font, c) && hb_font_get_nominal_glyph(font.hb_font, c, &glyph);
  font.sets.emplace(c, sets);
  return sets;
}

bool ReferenceMeasurer::sets_all(RunFont& font, const char* start, const char* end) {
  for (const char* p = start; p < end; p = g_utf8_next_char(p)) {
    if (!sets_itself(font, g_utf8_get_char(p))) return false;
  }
  return true;
}

int ReferenceMeasurer::run_width(const RunFont& font, std::string_view text, const char* start,
                                 const char* end, PangoScript script, PangoLanguage* language) {
  hb_buffer_clear_contents(buffer_);
  hb_buffer_set_direction(buffer_, HB_DIRECTION_LTR);
  hb_buffer_set_script(
      buffer_,
      static_cast<hb_script_t>(g_unicode_script_to_iso15924(static_cast<GUnicodeScript>(script))));
  hb_buffer_set_language(buffer_, hb_language_from_string(pango_language_to_string(language), -1));
  hb_buffer_set_cluster_level(buffer_, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_flags(buffer_,
                      static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
  hb_buffer_set_invisible_glyph(buffer_, PANGO_GLYPH_EMPTY);
  // The whole text around the run is its context, as Pango gives it.
  hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()),
                     static_cast<unsigned>(start - text.data()), static_cast<int>(end - start));
  hb_shape(font.hb_font, buffer_, font.features.data(),
           static_cast<unsigned>(font.features.size()));
  unsigned count = 0;
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_, &count);
  // Pango takes each advance as the glyph's width, turning a negative one around.
  int width = 0;
  for (unsigned i = 0; i < count; ++i) width += std::abs(positions[i].x_advance);
  return width;
}

std::optional<int> ReferenceMeasurer::shaped_width(std::string_view text,
                                                   const PangoFontDescription* description) {
  if (!is_plain(text)) return std::nullopt;
  PangoLanguage* language = pango_context_get_language(context_);
  RunFont* base = run_font(description, language);
  if (base->font == nullptr) return std::nullopt;
  // One item per script run, as Pango itemizes (the bidi level, attributes, emoji and width
  // runs are one run for plain text), each shaped with the buffer settings of pango_hb_shape.
  PangoScriptIter* scripts = pango_script_iter_new(text.data(), static_cast<int>(text.size()));
  std::optional<int> width = 0;
  do {
    const char* start = nullptr;
    const char* end = nullptr;
    PangoScript script = PANGO_SCRIPT_COMMON;
    pango_script_iter_get_range(scripts, &start, &end, &script);
    PangoLanguage* run_language = derived_language(language, script);
    RunFont* font = run_language == language ? base : run_font(description, run_language);
    // A run in another language's font would bring that font's extents to the line.
    if (font->font != base->font || !sets_all(*font, start, end)) {
      width.reset();
      break;
    }
    *width += run_width(*font, text, start, end, script, run_language);
  } while (pango_script_iter_next(scripts));
  pango_script_iter_free(scripts);
  return width;
}

std::unique_ptr<scene::TextMeasurer> make_pango_measurer() {
  return std::make_unique<PangoMeasurer>();
}

}  // namespace tenkai::renderers
