// Plain text shaped as Pango 1.50's layout shapes it (see plain_shaping.h).
#include "renderers/cairo/plain_shaping.h"

#include <hb-ot.h>

namespace tenkai::renderers {

namespace {

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

// The language Pango's itemizer gives a run of `script` (compute_derived_language in 1.50).
PangoLanguage* derived_language(PangoLanguage* language, PangoScript script) {
  if (pango_language_includes_script(language, script)) return language;
  PangoLanguage* sample = pango_script_get_sample_language(script);
  return sample != nullptr ? sample : pango_language_from_string("xx");
}

// Whether the glyph is drawn in color (glyph_has_color in Pango 1.50's shape.c).
bool has_color(hb_font_t* font, hb_codepoint_t glyph) {
  hb_face_t* face = hb_font_get_face(font);
  if (hb_ot_color_glyph_get_layers(face, glyph, 0, nullptr, nullptr) > 0) return true;
  if (hb_ot_color_has_png(face)) {
    hb_blob_t* blob = hb_ot_color_glyph_reference_png(font, glyph);
    unsigned length = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    if (length > 0) return true;
  }
  if (hb_ot_color_has_svg(face)) {
    hb_blob_t* blob = hb_ot_color_glyph_reference_svg(face, glyph);
    unsigned length = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    if (length > 0) return true;
  }
  return false;
}

// The glyphs of a shaped buffer as pango_hb_shape stores them (horizontal, left to right) and
// pango_shape_internal then adjusts them (positions are not rounded: see configure_context).
void fill_glyph_string(const PlainShaper::Run& run, int item_offset, PangoGlyphString* glyphs) {
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(run.shaped, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(run.shaped, nullptr);
  pango_glyph_string_set_size(glyphs, static_cast<int>(count));
  int last_cluster = -1;
  for (unsigned i = 0; i < count; ++i) {
    PangoGlyphInfo& info = glyphs->glyphs[i];
    info.glyph = infos[i].codepoint;
    glyphs->log_clusters[i] = static_cast<int>(infos[i].cluster) - item_offset;
    info.attr.is_cluster_start = glyphs->log_clusters[i] != last_cluster;
    info.attr.is_color = has_color(run.hb_font, infos[i].codepoint);
    last_cluster = glyphs->log_clusters[i];
    info.geometry.width = positions[i].x_advance;
    info.geometry.x_offset = positions[i].x_offset;
    info.geometry.y_offset = -positions[i].y_offset;
    // A negative advance is turned around, the glyph shifted by it.
    if (info.geometry.width < 0) {
      info.geometry.width = -info.geometry.width;
      info.geometry.x_offset += info.geometry.width;
    }
  }
}

gboolean take_first_font(PangoFontset*, PangoFont* font, gpointer data) {
  if (font == nullptr) return FALSE;
  *static_cast<PangoFont**>(data) = font;
  return TRUE;
}

}  // namespace

PlainShaper::PlainShaper(PangoContext* context) : context_(context), buffer_(hb_buffer_create()) {}

PlainShaper::~PlainShaper() {
  for (auto& [key, run_font] : run_fonts_) {
    if (run_font.font != nullptr) g_object_unref(run_font.font);
  }
  hb_buffer_destroy(buffer_);
}

PlainShaper::RunFont* PlainShaper::run_font(const PangoFontDescription* description,
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

bool PlainShaper::sets_itself(RunFont& font, gunichar c) {
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

bool PlainShaper::sets_all(RunFont& font, const char* start, const char* end) {
  for (const char* p = start; p < end; p = g_utf8_next_char(p)) {
    if (!sets_itself(font, g_utf8_get_char(p))) return false;
  }
  return true;
}

void PlainShaper::shape_run(const RunFont& font, std::string_view text, const char* start,
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
  // The whole text around the run is its context, as Pango gives it. Every character has its
  // own glyph in the font (sets_all), so the font's own functions answer as the wrapper Pango
  // shapes through would.
  hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()),
                     static_cast<unsigned>(start - text.data()), static_cast<int>(end - start));
  hb_shape(font.hb_font, buffer_, font.features.data(),
           static_cast<unsigned>(font.features.size()));
}

bool PlainShaper::shape(std::string_view text, const PangoFontDescription* description,
                        const std::function<void(const Run&)>& each) {
  if (!is_plain(text)) return false;
  // Runs are shaped horizontally; a rotated context's layout would turn them (and its itemizer
  // resolve another gravity).
  if (pango_context_get_gravity(context_) != PANGO_GRAVITY_SOUTH) return false;
  PangoLanguage* language = pango_context_get_language(context_);
  RunFont* base = run_font(description, language);
  if (base->font == nullptr) return false;
  // One item per script run, as Pango itemizes (the bidi level, attributes, emoji and width
  // runs are one run for plain text), each shaped with the buffer settings of pango_hb_shape.
  PangoScriptIter* scripts = pango_script_iter_new(text.data(), static_cast<int>(text.size()));
  bool plain = true;
  do {
    const char* start = nullptr;
    const char* end = nullptr;
    PangoScript script = PANGO_SCRIPT_COMMON;
    pango_script_iter_get_range(scripts, &start, &end, &script);
    PangoLanguage* run_language = derived_language(language, script);
    RunFont* font = run_language == language ? base : run_font(description, run_language);
    // A run in another language's font would bring that font's extents to the line.
    if (font->font != base->font || !sets_all(*font, start, end)) {
      plain = false;
      break;
    }
    shape_run(*font, text, start, end, script, run_language);
    each(Run{font->font, start, end, script, run_language, font->hb_font, buffer_});
  } while (pango_script_iter_next(scripts));
  pango_script_iter_free(scripts);
  return plain;
}

PangoGlyphItem* make_glyph_item(const PlainShaper::Run& run, const char* text) {
  if (hb_buffer_get_length(run.shaped) == 0) return nullptr;
  PangoItem* item = pango_item_new();
  item->offset = static_cast<int>(run.start - text);
  item->length = static_cast<int>(run.end - run.start);
  item->num_chars = static_cast<int>(g_utf8_strlen(run.start, run.end - run.start));
  item->analysis.font = PANGO_FONT(g_object_ref(run.font));
  item->analysis.level = 0;
  item->analysis.gravity = PANGO_GRAVITY_SOUTH;
  item->analysis.script = static_cast<guint8>(run.script);
  item->analysis.language = run.language;
  // What a single-paragraph layout gives each item (its line separators drawn as such).
  item->analysis.extra_attrs =
      g_slist_prepend(nullptr, pango_attr_show_new(PANGO_SHOW_LINE_BREAKS));
  PangoGlyphString* glyphs = pango_glyph_string_new();
  fill_glyph_string(run, item->offset, glyphs);
  PangoGlyphItem* glyph_item = g_slice_new0(PangoGlyphItem);
  glyph_item->item = item;
  glyph_item->glyphs = glyphs;
  return glyph_item;
}

}  // namespace tenkai::renderers
