// Small, robust font programs in PDFs: CFF fonts (Noto Sans CJK) are drawn through a
// desubroutinized subset made with HarfBuzz's hb-subset, glyph ids kept. Cairo 1.16's CFF
// subsetter otherwise embeds every subroutine of a CJK font whenever it cannot trace one glyph's
// subroutine calls (which depends on the order glyphs are first used): about a megabyte per face.
// Glyph ids, advances and the text behind each glyph stay the same, so the page looks the same
// and its text stays searchable.
#pragma once

#include <cairo.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/scene/scene.h"

namespace tenkai::renderers {

class FontSubstitutes {
 public:
  // `pages`: everything that will be painted with these substitutes; their text decides which
  // characters (and, through the fonts' substitutions, which glyphs) each subset keeps.
  explicit FontSubstitutes(const std::vector<scene::Page>& pages);
  ~FontSubstitutes();
  FontSubstitutes(const FontSubstitutes&) = delete;
  FontSubstitutes& operator=(const FontSubstitutes&) = delete;

  // Draws one shaped line with its baseline at the current point, substituting the fonts it
  // can; runs it cannot (glyphs outside the subset, right-to-left text, non-CFF fonts) are drawn
  // by Pango as usual.
  void show_line(cairo_t* cr, PangoLayoutLine* line);
  // The same for a line's runs (PangoGlyphItems, left to right) shaped from `text`.
  void show_runs(cairo_t* cr, const char* text, GSList* runs);

  // Records the glyphs of a line that will be shown, before any line is: a face all of whose
  // recorded glyphs are the fonts' own glyphs for the document's characters is subset without
  // following its glyph substitutions (most of the subsetting's work). Faces with no recorded
  // lines keep the substitution closure.
  void note_line(PangoLayoutLine* line);
  void note_runs(GSList* runs);

 private:
  struct Face;
  struct Substitute {
    Face* face = nullptr;                   // null: the font is not substituted
    cairo_scaled_font_t* scaled = nullptr;  // the subset at the font's size and options
  };
  // What a Pango font is drawn with, worked out once per font: a table deck shows thousands of
  // runs in a handful of fonts.
  const Substitute& substitute_for(PangoFont* font);
  // The subset of the font's face, or null when the font is not substituted.
  Face* face_for(PangoFont* font);
  cairo_scaled_font_t* scaled_for(PangoFont* font, Face& face);
  bool show_run(cairo_t* cr, const char* text, PangoGlyphItem* run, double x, double y);

  std::vector<uint32_t> codepoints_;                             // sorted, distinct
  std::map<const void*, std::unique_ptr<Face>> faces_;           // by HarfBuzz face
  std::map<cairo_scaled_font_t*, cairo_scaled_font_t*> scaled_;  // original -> substitute
  std::map<const void*, hb_set_t*> used_;                        // by HarfBuzz face: glyph ids
  std::map<PangoFont*, Substitute> by_font_;                     // each font referenced
};

}  // namespace tenkai::renderers
