// CFF faces drawn through desubroutinized, glyph-id-preserving subsets (see font_subset.h).
#include "renderers/cairo/font_subset.h"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>

#include <set>

namespace tenkai::renderers {

namespace {

FT_Library freetype() {
  static FT_Library library = [] {
    FT_Library created = nullptr;
    return FT_Init_FreeType(&created) == 0 ? created : nullptr;
  }();
  return library;
}

void collect_codepoints(const std::vector<scene::Item>& items, std::set<uint32_t>& out) {
  for (const scene::Item& item : items) {
    if (const auto* text = std::get_if<scene::TextLine>(&item)) {
      const char* p = text->text.data();
      const char* end = p + text->text.size();
      while (p < end) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
          out.insert(0xFFFD);  // what valid_utf8() turns a broken sequence into
          ++p;
          continue;
        }
        out.insert(c);
        p = g_utf8_next_char(p);
      }
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      collect_codepoints(group->items, out);
    }
  }
}

// What the Cairo face needs for as long as Cairo keeps it: the PDF surface reads the font
// program when it finishes, after the painter and these substitutes are gone.
struct FaceData {
  hb_blob_t* blob = nullptr;
  FT_Face ft = nullptr;
};

void release_face_data(void* pointer) {
  auto* data = static_cast<FaceData*>(pointer);
  FT_Done_Face(data->ft);
  hb_blob_destroy(data->blob);
  delete data;
}

const cairo_user_data_key_t kFaceDataKey{};

bool has_cff_outlines(hb_face_t* face) {
  hb_blob_t* table = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  bool found = hb_blob_get_length(table) > 0;
  hb_blob_destroy(table);
  return found;
}

}  // namespace

struct FontSubstitutes::Face {
  hb_face_t* source = nullptr;         // referenced, so its address stays this face's
  hb_subset_plan_t* plan = nullptr;    // owns the glyph mapping
  const hb_map_t* glyphs = nullptr;    // glyph ids the subset keeps, old -> new
  cairo_font_face_t* cairo = nullptr;  // null: drawn by Pango as usual

  ~Face() {
    if (cairo) cairo_font_face_destroy(cairo);
    if (plan) hb_subset_plan_destroy(plan);
    if (source) hb_face_destroy(source);
  }
};

FontSubstitutes::FontSubstitutes(const std::vector<scene::Page>& pages) {
  std::set<uint32_t> codepoints;
  for (const scene::Page& page : pages) collect_codepoints(page.items, codepoints);
  codepoints_.assign(codepoints.begin(), codepoints.end());
}

FontSubstitutes::~FontSubstitutes() {
  for (auto& [font, substitute] : by_font_) g_object_unref(font);
  for (auto& [face, glyphs] : used_) hb_set_destroy(glyphs);
  for (auto& [original, substitute] : scaled_) {
    cairo_scaled_font_destroy(substitute);
    cairo_scaled_font_destroy(original);
  }
}

FontSubstitutes::Face* FontSubstitutes::face_for(PangoFont* font) {
  if (font == nullptr || !PANGO_IS_CAIRO_FONT(font)) return nullptr;
  hb_font_t* hb_font = pango_font_get_hb_font(font);
  if (hb_font == nullptr) return nullptr;
  unsigned coords = 0;
  hb_font_get_var_coords_normalized(hb_font, &coords);
  if (coords > 0) return nullptr;  // a variable font's instance: keep Cairo's own path
  hb_face_t* source = hb_font_get_face(hb_font);
  auto found = faces_.find(source);
  if (found != faces_.end()) return found->second->cairo ? found->second.get() : nullptr;

  auto face = std::make_unique<Face>();
  face->source = hb_face_reference(source);
  Face* result = face.get();
  faces_.emplace(source, std::move(face));
  cairo_scaled_font_t* original = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  if (original == nullptr || !has_cff_outlines(source) || freetype() == nullptr) return nullptr;
  // Synthetic bold or slant lives in the Cairo face Pango made; such faces keep it.
  cairo_font_face_t* original_face = cairo_scaled_font_get_font_face(original);
  if (cairo_font_face_get_type(original_face) != CAIRO_FONT_TYPE_FT ||
      cairo_ft_font_face_get_synthesize(original_face) != 0)
    return nullptr;

  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) return nullptr;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (uint32_t c : codepoints_) hb_set_add(unicodes, c);
  // When every glyph the lines use is a character's own glyph, the characters alone give the
  // subset all it needs; the substitution closure (and the GSUB table it keeps) is skipped.
  bool closure_needed = true;
  if (auto noted = used_.find(source); noted != used_.end()) {
    hb_set_t* nominal = hb_set_create();
    hb_set_add(nominal, 0);
    for (uint32_t c : codepoints_) {
      hb_codepoint_t glyph = 0;
      if (hb_font_get_nominal_glyph(hb_font, c, &glyph)) hb_set_add(nominal, glyph);
    }
    closure_needed = !hb_set_is_subset(noted->second, nominal);
    hb_set_destroy(nominal);
  }
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  // Cairo reads outlines, metrics and names; positioning and vertical tables would only cost
  // time. GSUB stays: the subset's glyph closure follows it (locl forms for Japanese).
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "JSTF", "MATH", "DSIG"})
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  if (!closure_needed) hb_set_add(dropped, HB_TAG('G', 'S', 'U', 'B'));
  result->plan = hb_subset_plan_create_or_fail(source, input);
  hb_subset_input_destroy(input);
  if (result->plan == nullptr) return nullptr;
  hb_face_t* subset = hb_subset_plan_execute_or_fail(result->plan);
  if (subset == nullptr) return nullptr;
  result->glyphs = hb_subset_plan_old_to_new_glyph_mapping(result->plan);

  auto data = std::make_unique<FaceData>();
  data->blob = hb_face_reference_blob(subset);
  hb_face_destroy(subset);
  unsigned length = 0;
  const char* bytes = hb_blob_get_data(data->blob, &length);
  if (length == 0 || FT_New_Memory_Face(freetype(), reinterpret_cast<const FT_Byte*>(bytes),
                                        static_cast<FT_Long>(length), 0, &data->ft) != 0) {
    hb_blob_destroy(data->blob);
    return nullptr;
  }
  cairo_font_face_t* cairo_face = cairo_ft_font_face_create_for_ft_face(data->ft, 0);
  if (cairo_font_face_status(cairo_face) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data(cairo_face, &kFaceDataKey, data.get(), release_face_data) !=
          CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(cairo_face);
    release_face_data(data.release());
    return nullptr;
  }
  data.release();  // the Cairo face owns it now
  result->cairo = cairo_face;
  return result;
}

const FontSubstitutes::Substitute& FontSubstitutes::substitute_for(PangoFont* font) {
  auto found = by_font_.find(font);
  if (found != by_font_.end()) return found->second;
  Substitute substitute;
  substitute.face = face_for(font);
  if (substitute.face != nullptr) substitute.scaled = scaled_for(font, *substitute.face);
  if (substitute.scaled == nullptr) substitute.face = nullptr;
  // The reference keeps the address from being reused by another font while it is a key here.
  g_object_ref(font);
  return by_font_.emplace(font, substitute).first->second;
}

cairo_scaled_font_t* FontSubstitutes::scaled_for(PangoFont* font, Face& face) {
  cairo_scaled_font_t* original = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
  cairo_matrix_t matrix, ctm;
  cairo_scaled_font_get_font_matrix(original, &matrix);
  cairo_scaled_font_get_ctm(original, &ctm);
  // Keyed by the original scaled font, which Cairo keeps alive (and unique) while we hold a
  // reference to it.
  auto found = scaled_.find(original);
  if (found != scaled_.end()) return found->second;
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_scaled_font_get_font_options(original, options);
  cairo_scaled_font_t* substitute = cairo_scaled_font_create(face.cairo, &matrix, &ctm, options);
  cairo_font_options_destroy(options);
  if (cairo_scaled_font_status(substitute) != CAIRO_STATUS_SUCCESS) {
    cairo_scaled_font_destroy(substitute);
    return nullptr;
  }
  cairo_scaled_font_reference(original);
  scaled_.emplace(original, substitute);
  return substitute;
}

bool FontSubstitutes::show_run(cairo_t* cr, const char* text, PangoGlyphItem* run, double x,
                               double y) {
  PangoItem* item = run->item;
  if (item->analysis.level % 2 != 0) return false;  // right to left: Pango's clusters run back
  if (item->analysis.font == nullptr) return false;
  const Substitute& substitute = substitute_for(item->analysis.font);
  if (substitute.face == nullptr) return false;
  const Face* face = substitute.face;
  PangoGlyphString* string = run->glyphs;
  std::vector<cairo_glyph_t> glyphs(static_cast<size_t>(string->num_glyphs));
  int advance = 0;
  for (int i = 0; i < string->num_glyphs; ++i) {
    const PangoGlyphInfo& info = string->glyphs[i];
    if ((info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 || info.glyph == PANGO_GLYPH_EMPTY ||
        !hb_map_has(face->glyphs, info.glyph))
      return false;
    glyphs[i].index = hb_map_get(face->glyphs, info.glyph);
    glyphs[i].x = x + static_cast<double>(advance + info.geometry.x_offset) / PANGO_SCALE;
    glyphs[i].y = y + static_cast<double>(info.geometry.y_offset) / PANGO_SCALE;
    advance += info.geometry.width;
  }
  std::vector<cairo_text_cluster_t> clusters;
  PangoGlyphItemIter iter;
  for (gboolean more = pango_glyph_item_iter_init_start(&iter, run, text); more;
       more = pango_glyph_item_iter_next_cluster(&iter)) {
    clusters.push_back({iter.end_index - iter.start_index, iter.end_glyph - iter.start_glyph});
  }
  cairo_set_scaled_font(cr, substitute.scaled);
  cairo_show_text_glyphs(cr, text + item->offset, item->length, glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
  return true;
}

void FontSubstitutes::note_line(PangoLayoutLine* line) {
  note_runs(line->runs);
}

void FontSubstitutes::note_runs(GSList* runs) {
  for (GSList* link = runs; link != nullptr; link = link->next) {
    auto* run = static_cast<PangoGlyphItem*>(link->data);
    PangoFont* font = run->item->analysis.font;
    if (font == nullptr || !PANGO_IS_CAIRO_FONT(font)) continue;
    hb_font_t* hb_font = pango_font_get_hb_font(font);
    if (hb_font == nullptr) continue;
    const void* face = hb_font_get_face(hb_font);
    if (faces_.count(face) != 0) continue;  // already subset: too late to matter
    hb_set_t*& glyphs = used_[face];
    if (glyphs == nullptr) glyphs = hb_set_create();
    PangoGlyphString* string = run->glyphs;
    for (int i = 0; i < string->num_glyphs; ++i) {
      PangoGlyph glyph = string->glyphs[i].glyph;
      if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 && glyph != PANGO_GLYPH_EMPTY)
        hb_set_add(glyphs, glyph);
    }
  }
}

void FontSubstitutes::show_line(cairo_t* cr, PangoLayoutLine* line) {
  show_runs(cr, pango_layout_get_text(line->layout), line->runs);
}

void FontSubstitutes::show_runs(cairo_t* cr, const char* text, GSList* runs) {
  double x = 0, y = 0;
  cairo_get_current_point(cr, &x, &y);
  int advance = 0;
  for (GSList* link = runs; link != nullptr; link = link->next) {
    auto* run = static_cast<PangoGlyphItem*>(link->data);
    double run_x = x + static_cast<double>(advance) / PANGO_SCALE;
    if (!show_run(cr, text, run, run_x, y)) {
      cairo_move_to(cr, run_x, y);
      pango_cairo_show_glyph_item(cr, text, run);
    }
    advance += pango_glyph_string_get_width(run->glyphs);
  }
}

}  // namespace tenkai::renderers
