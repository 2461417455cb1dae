// The one Pango font setup shared by the measurer and the painter, so measured widths are painted.
#pragma once

#include <pango/pangocairo.h>

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/scene/scene.h"

namespace tenkai::renderers {

// Process-wide PangoCairo font map at 72 dpi (1 pt = 1 user unit). Created on first use and kept
// for the life of the process: building it loads the fontconfig cache, which is slow.
PangoFontMap* shared_font_map();

// A new context on the shared font map with device-independent settings: metrics not hinted,
// glyph positions not rounded, Japanese as the language (so Han characters take JP forms whatever
// the locale), left-to-right base direction. The caller owns the returned reference.
PangoContext* create_device_independent_context();

// Applies the same settings to a context that already exists (after pango_cairo_update_context,
// which may merge surface options in).
void configure_context(PangoContext* context);

// A layout for single lines: no wrapping, newlines shown rather than breaking the line.
PangoLayout* create_single_line_layout(PangoContext* context);

// Font descriptions built once per distinct scene::Font; owned by the cache.
class FontDescriptionCache {
 public:
  FontDescriptionCache() = default;
  ~FontDescriptionCache();
  FontDescriptionCache(const FontDescriptionCache&) = delete;
  FontDescriptionCache& operator=(const FontDescriptionCache&) = delete;

  // nullptr when the font cannot be used (size not a positive finite number of sane magnitude).
  const PangoFontDescription* get(const scene::Font& font);

 private:
  using Key = std::tuple<std::string, double, int, bool>;
  std::map<Key, PangoFontDescription*> descriptions_;
};

// A key identifying (font, text) pairs for memo tables.
std::string font_text_key(const scene::Font& font, std::string_view text);

// `text` itself when it is valid UTF-8, otherwise a copy with invalid bytes replaced by U+FFFD
// (Pango warns and misbehaves on invalid UTF-8). Uses `storage` for the copy.
std::string_view valid_utf8(std::string_view text, std::string& storage);

// Font families fontconfig knows (through Pango's font map), sorted.
std::vector<std::string> installed_font_families();

// Empty when `family` is installed (or is a generic name such as sans-serif); otherwise an
// error message naming the closest installed candidates.
std::string missing_font_problem(const std::string& family);

}  // namespace tenkai::renderers
