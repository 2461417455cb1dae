// The shared Pango font map, context settings and font-description cache.
#include "renderers/cairo/pango_setup.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/registry/diagnostics.h"

namespace tenkai::renderers {

namespace {

// Beyond this Pango's fixed-point units overflow; no slide needs type this large.
constexpr double kMaxFontSize = 4000;

}  // namespace

PangoFontMap* shared_font_map() {
  static PangoFontMap* map = [] {
    PangoFontMap* created = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(created), 72.0);
    return created;
  }();
  return map;
}

void configure_context(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  // Unhinted metrics keep advances linear in the size, so layout does not depend on the device.
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context, 72.0);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_context_set_language(context, pango_language_from_string("ja"));
  pango_context_set_base_dir(context, PANGO_DIRECTION_LTR);
}

PangoContext* create_device_independent_context() {
  PangoContext* context = pango_font_map_create_context(shared_font_map());
  configure_context(context);
  return context;
}

PangoLayout* create_single_line_layout(PangoContext* context) {
  PangoLayout* layout = pango_layout_new(context);
  pango_layout_set_width(layout, -1);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  pango_layout_set_auto_dir(layout, FALSE);
  return layout;
}

FontDescriptionCache::~FontDescriptionCache() {
  for (auto& [key, description] : descriptions_) pango_font_description_free(description);
}

const PangoFontDescription* FontDescriptionCache::get(const scene::Font& font) {
  if (!std::isfinite(font.size) || font.size <= 0 || font.size > kMaxFontSize) return nullptr;
  Key key{font.family, font.size, static_cast<int>(font.weight), font.italic};
  auto found = descriptions_.find(key);
  if (found != descriptions_.end()) return found->second;
  PangoFontDescription* description = pango_font_description_new();
  pango_font_description_set_family(description, font.family.c_str());
  pango_font_description_set_absolute_size(description, font.size * PANGO_SCALE);
  pango_font_description_set_weight(
      description, font.weight == scene::Weight::bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(description,
                                   font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  descriptions_.emplace(std::move(key), description);
  return description;
}

std::string font_text_key(const scene::Font& font, std::string_view text) {
  char size[32];
  auto result = std::to_chars(size, size + sizeof size, font.size);
  std::string key;
  key.reserve(font.family.size() + text.size() + 40);
  key.append(font.family).push_back('\x1f');
  key.append(size, result.ptr).push_back('\x1f');
  key.push_back(font.weight == scene::Weight::bold ? 'b' : 'r');
  key.push_back(font.italic ? 'i' : 'n');
  key.push_back('\x1f');
  key.append(text);
  return key;
}

std::string_view valid_utf8(std::string_view text, std::string& storage) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return text;
  gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  storage = fixed;
  g_free(fixed);
  return storage;
}

std::vector<std::string> installed_font_families() {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(shared_font_map(), &families, &count);
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.emplace_back(pango_font_family_get_name(families[i]));
  g_free(families);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string missing_font_problem(const std::string& family) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string wanted = lower(family);
  for (const char* generic : {"sans", "sans-serif", "serif", "monospace", "system-ui"}) {
    if (wanted == generic) return {};
  }
  std::vector<std::string> names = installed_font_families();
  for (const auto& name : names) {
    if (lower(name) == wanted) return {};
  }
  // Candidates: the closest name, then families sharing the request's first word.
  std::vector<std::string> candidates;
  if (std::string close = closest_match(family, names); !close.empty()) candidates.push_back(close);
  std::string first_word = wanted.substr(0, wanted.find(' '));
  for (const auto& name : names) {
    if (candidates.size() >= 6) break;
    if (lower(name).rfind(first_word, 0) == 0 &&
        std::find(candidates.begin(), candidates.end(), name) == candidates.end()) {
      candidates.push_back(name);
    }
  }
  for (size_t i = 0; candidates.size() < 6 && i < names.size(); ++i) {
    if (std::find(candidates.begin(), candidates.end(), names[i]) == candidates.end())
      candidates.push_back(names[i]);
  }
  std::string message = "font '" + family + "' is not installed (fontconfig has no such family)";
  if (!candidates.empty()) {
    message += "; installed: ";
    for (size_t i = 0; i < candidates.size(); ++i) message += (i ? ", " : "") + candidates[i];
  }
  return message;
}

}  // namespace tenkai::renderers
