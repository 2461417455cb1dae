// Plain text shaped with HarfBuzz directly, run by run, exactly as a PangoLayout of one line
// would shape it: the measurer takes widths from it and the painter the glyphs it draws, both
// skipping the layout's itemizing, line breaking and bookkeeping. Internal to the renderers;
// tests hold both uses to the layout's answers.
#pragma once

#include <hb.h>
#include <pango/pangocairo.h>

#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tenkai::renderers {

class PlainShaper {
 public:
  // One item of the text as the layout would shape it, with HarfBuzz's output for it.
  struct Run {
    PangoFont* font;
    const char* start;  // within the text given to shape()
    const char* end;
    PangoScript script;
    PangoLanguage* language;
    hb_font_t* hb_font;
    hb_buffer_t* shaped;
  };

  // `context`: the context whose layouts are being reproduced; it must outlive the shaper and
  // keep its font settings and transformation.
  explicit PlainShaper(PangoContext* context);
  ~PlainShaper();
  PlainShaper(const PlainShaper&) = delete;
  PlainShaper& operator=(const PlainShaper&) = delete;

  // Calls `each` with every run of `text` in `description`, in order, and returns true; false
  // when the text is not plain enough to be sure of the layout's answer (see plain_shaping.cpp),
  // after which the caller drops whatever runs it was given and lays the text out instead.
  bool shape(std::string_view text, const PangoFontDescription* description,
             const std::function<void(const Run&)>& each);

 private:
  // The font Pango's itemizer would give a run of one language, with what shaping it needs.
  struct RunFont {
    PangoFont* font = nullptr;
    hb_font_t* hb_font = nullptr;
    std::vector<hb_feature_t> features;
    // Whether the font sets each character asked about itself (asking Pango is slow).
    std::unordered_map<gunichar, bool> sets;
  };

  RunFont* run_font(const PangoFontDescription* description, PangoLanguage* language);
  static bool sets_itself(RunFont& font, gunichar c);
  static bool sets_all(RunFont& font, const char* start, const char* end);
  void shape_run(const RunFont& font, std::string_view text, const char* start, const char* end,
                 PangoScript script, PangoLanguage* language);

  PangoContext* context_;
  hb_buffer_t* buffer_;
  std::map<std::pair<const PangoFontDescription*, PangoLanguage*>, RunFont> run_fonts_;
};

// The run as a layout's line holds it: its item (offset into `text`, the text given to shape())
// and its glyphs, filled as pango_hb_shape and pango_shape_internal fill them. Free it with
// pango_glyph_item_free. Null if HarfBuzz gave no glyphs (Pango would then shape otherwise).
PangoGlyphItem* make_glyph_item(const PlainShaper::Run& run, const char* text);

}  // namespace tenkai::renderers
