// Plain text shaped with HarfBuzz directly is the PangoLayout's text bit for bit, over every text
// the shipped decks set: the measurer's metrics, and the runs the PDF painter draws.
#include "renderers/cairo/pango_measurer.h"

#include <cairo-pdf.h>
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/scene/line_breaker.h"
#include "renderers/cairo/plain_shaping.h"
#include "renderers/text/icu_line_breaker.h"
#include "tests/support.h"

using namespace tenkai;
using tenkai::testing::run;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;

namespace {

// Every string scalar of a YAML document: labels, organizers, notes, titles and the rest.
void collect_scalars(const YAML::Node& node, std::set<std::string>& out) {
  if (node.IsScalar()) {
    out.insert(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& child : node) collect_scalars(child, out);
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      collect_scalars(entry.first, out);
      collect_scalars(entry.second, out);
    }
  }
}

// Each text, and the pieces layout measures when it breaks it: each phrase and each run of
// consecutive phrases from the start (the line it fills so far).
std::set<std::string> with_pieces(const std::set<std::string>& texts) {
  auto breaker = renderers::make_icu_line_breaker();
  std::set<std::string> out = texts;
  for (const auto& text : texts) {
    size_t start = 0;
    for (size_t point : breaker->break_points(text)) {
      if (point <= start || point > text.size()) continue;
      out.insert(text.substr(start, point - start));
      out.insert(text.substr(0, point));
      start = point;
    }
    if (start < text.size()) out.insert(text.substr(start));
  }
  return out;
}

bool same_bits(const scene::TextMetrics& a, const scene::TextMetrics& b) {
  return std::memcmp(&a.width, &b.width, sizeof a.width) == 0 &&
         std::memcmp(&a.ascent, &b.ascent, sizeof a.ascent) == 0 &&
         std::memcmp(&a.descent, &b.descent, sizeof a.descent) == 0;
}

std::set<std::string> corpus() {
  std::set<std::string> texts;
  ScratchDir dir;
  std::string national = dir.file("national.yaml");
  REQUIRE(run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(national)).exit_code == 0);
  for (const std::string& path :
       {source_path("fixtures/ipw-2015/registry.yaml"), national,
        source_path("layouts/forum-2015.yaml"), source_path("bench/table-only.yaml")}) {
    collect_scalars(YAML::LoadFile(path), texts);
  }
  // Mixes the registries may not hold: kana, kanji, Latin and digits side by side, fullwidth
  // and halfwidth punctuation, marks, brackets, spaces, and texts the shaping must hand over.
  for (const char* text : {"在宅医療",
                           "ｶﾀｶﾅ",
                           "カタカナ",
                           "ひらがな",
                           "第1回",
                           "第１回",
                           "2015年度",
                           "FY2015",
                           "※第1～2回は東大",
                           "3×4",
                           "（続き）",
                           "(続き)",
                           "「在宅」",
                           "【在宅】",
                           "A・B",
                           "A／B",
                           "在宅 医療",
                           "在宅　医療",
                           " ",
                           "  a  ",
                           "　",
                           "abc",
                           "Institute of Gerontology",
                           "IPW研修",
                           "iPhoneとAndroid",
                           "①②③",
                           "●○◎■□",
                           "★☆",
                           "→←↑↓",
                           "〜～",
                           "ー－‐—",
                           "…‥",
                           "“quoted”",
                           "‘single’",
                           "Ω",
                           "é",
                           "ﬁ",
                           "fi",
                           "office",
                           "AV",
                           "To",
                           "1,234",
                           "12.5%",
                           "％",
                           "＄",
                           "￥1,000",
                           "¥",
                           "°C",
                           "℃",
                           "㈱",
                           "㍉",
                           "Ⅳ",
                           "⑳",
                           "〒100-0001",
                           "𠮷野家",
                           "髙橋",
                           "﨑",
                           "a\tb",
                           "a\nb",
                           "",
                           "emoji 😀",
                           "☕",
                           "✅",
                           "♨",
                           "مرحبا",
                           "שלום",
                           "e\xcc\x81",
                           "\xe2\x80\x8b",
                           "x\xe2\x80\x8dy",
                           "\xff\xfe",
                           "한국어",
                           "Привет",
                           "漢字とかなとABC123の混在。",
                           "（株）テスト・ケース［注］〔注〕｛注｝《注》〈注〉"}) {
    texts.insert(text);
  }
  return with_pieces(texts);
}

std::vector<scene::Font> test_fonts() {
  std::vector<scene::Font> fonts;
  for (const char* family : {"Noto Sans CJK JP", "BIZ UDPゴシック", "DejaVu Sans", "sans-serif"}) {
    for (auto weight : {scene::Weight::regular, scene::Weight::bold}) {
      for (bool italic : {false, true}) {
        scene::Font font;
        font.family = family;
        font.size = 100;
        font.weight = weight;
        font.italic = italic;
        fonts.push_back(font);
      }
    }
  }
  return fonts;
}

cairo_status_t discard(void*, const unsigned char*, unsigned) {
  return CAIRO_STATUS_SUCCESS;
}

// A context set up as the PDF painter sets up its own.
class PdfPainterContext {
 public:
  PdfPainterContext()
      : surface_(cairo_pdf_surface_create_for_stream(discard, nullptr, 595, 842)),
        cr_(cairo_create(surface_)),
        context_(pango_font_map_create_context(renderers::shared_font_map())) {
    pango_cairo_update_context(cr_, context_);
    renderers::configure_context(context_);
  }
  ~PdfPainterContext() {
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  PangoContext* get() const { return context_; }

 private:
  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoContext* context_;
};

// The first field in which two runs (each a PangoGlyphItem, left to right) differ, or empty.
// Everything the painter reads of a run is compared: the item's place in the text and its
// analysis, and each glyph's id, geometry, attributes and cluster.
std::string first_difference(GSList* direct, GSList* laid_out) {
  int index = 0;
  for (; direct != nullptr && laid_out != nullptr;
       direct = direct->next, laid_out = laid_out->next, ++index) {
    const std::string run = "run " + std::to_string(index) + ": ";
    const auto* a = static_cast<PangoGlyphItem*>(direct->data);
    const auto* b = static_cast<PangoGlyphItem*>(laid_out->data);
    const PangoItem& x = *a->item;
    const PangoItem& y = *b->item;
    if (x.offset != y.offset) return run + "item offset";
    if (x.length != y.length) return run + "item length";
    if (x.num_chars != y.num_chars) return run + "item num_chars";
    if (x.analysis.font != y.analysis.font) return run + "font";
    if (x.analysis.level != y.analysis.level) return run + "level";
    if (x.analysis.gravity != y.analysis.gravity) return run + "gravity";
    if (x.analysis.flags != y.analysis.flags) return run + "analysis flags";
    if (x.analysis.script != y.analysis.script) return run + "script";
    if (x.analysis.language != y.analysis.language) return run + "language";
    GSList* k = x.analysis.extra_attrs;
    GSList* l = y.analysis.extra_attrs;
    for (; k != nullptr && l != nullptr; k = k->next, l = l->next) {
      const auto* u = static_cast<PangoAttribute*>(k->data);
      const auto* v = static_cast<PangoAttribute*>(l->data);
      if (u->klass->type != v->klass->type) return run + "attribute type";
      if (u->start_index != v->start_index || u->end_index != v->end_index)
        return run + "attribute range";
      if (!pango_attribute_equal(u, v)) return run + "attribute value";
    }
    if (k != nullptr || l != nullptr) return run + "attribute count";
    const PangoGlyphString& g = *a->glyphs;
    const PangoGlyphString& h = *b->glyphs;
    if (g.num_glyphs != h.num_glyphs) return run + "glyph count";
    for (int i = 0; i < g.num_glyphs; ++i) {
      const std::string glyph = run + "glyph " + std::to_string(i) + " ";
      const PangoGlyphInfo& p = g.glyphs[i];
      const PangoGlyphInfo& q = h.glyphs[i];
      if (p.glyph != q.glyph) return glyph + "id";
      if (p.geometry.width != q.geometry.width) return glyph + "width";
      if (p.geometry.x_offset != q.geometry.x_offset) return glyph + "x_offset";
      if (p.geometry.y_offset != q.geometry.y_offset) return glyph + "y_offset";
      if (p.attr.is_cluster_start != q.attr.is_cluster_start) return glyph + "is_cluster_start";
      if (p.attr.is_color != q.attr.is_color) return glyph + "is_color";
      if (g.log_clusters[i] != h.log_clusters[i]) return glyph + "log_clusters";
    }
  }
  if (direct != nullptr || laid_out != nullptr) return "run count";
  return {};
}

// Runs shaped directly, or null when the text is not plain.
GSList* shape_directly(renderers::PlainShaper& shaper, const std::string& text,
                       const PangoFontDescription* description) {
  GSList* reversed = nullptr;
  bool plain = shaper.shape(text, description, [&](const renderers::PlainShaper::Run& run) {
    PangoGlyphItem* item = renderers::make_glyph_item(run, text.c_str());
    REQUIRE(item != nullptr);
    reversed = g_slist_prepend(reversed, item);
  });
  GSList* runs = g_slist_reverse(reversed);
  if (plain) return runs;
  g_slist_free_full(runs, reinterpret_cast<GDestroyNotify>(pango_glyph_item_free));
  return nullptr;
}

}  // namespace

TEST_CASE("Plain shaping: directly shaped runs are the PDF painter's layout runs field by field") {
  const std::set<std::string> texts = corpus();
  REQUIRE(texts.size() > 1000);
  const std::vector<scene::Font> fonts = test_fonts();
  PdfPainterContext context;
  renderers::FontDescriptionCache descriptions;
  renderers::PlainShaper shaper(context.get());
  PangoLayout* layout = renderers::create_single_line_layout(context.get());
  size_t shaped = 0, mismatched = 0, multi_run = 0, layout_y_offsets = 0;
  for (scene::Font font : fonts) {
    // The painter sets text at its own size; a few sizes of slides and tables.
    for (double size : {7.5, 10.0, 18.0}) {
      font.size = size;
      const PangoFontDescription* description = descriptions.get(font);
      REQUIRE(description != nullptr);
      pango_layout_set_font_description(layout, description);
      for (const auto& text : texts) {
        GSList* direct = shape_directly(shaper, text, description);
        if (direct == nullptr) continue;
        ++shaped;
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
        PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
        REQUIRE(line != nullptr);
        if (g_slist_length(line->runs) > 1) ++multi_run;
        for (GSList* l = line->runs; l != nullptr; l = l->next) {
          // Read only by Pango's own line drawing, which the direct runs never go through.
          if (static_cast<PangoGlyphItem*>(l->data)->y_offset != 0) ++layout_y_offsets;
        }
        std::string difference = first_difference(direct, line->runs);
        if (!difference.empty()) {
          ++mismatched;
          CAPTURE(font.family);
          CAPTURE(static_cast<int>(font.weight));
          CAPTURE(font.italic);
          CAPTURE(size);
          CAPTURE(text);
          CHECK_MESSAGE(difference.empty(), difference);
        }
        g_slist_free_full(direct, reinterpret_cast<GDestroyNotify>(pango_glyph_item_free));
      }
    }
  }
  g_object_unref(layout);
  MESSAGE(shaped << " of " << texts.size() * fonts.size() * 3
                 << " (font, size, text) lines shaped, " << multi_run
                 << " of them in several runs; " << layout_y_offsets
                 << " layout runs shifted off the baseline");
  CHECK(mismatched == 0);
  CHECK(shaped > texts.size() * 12);
  CHECK(multi_run > 100);
}

TEST_CASE("Pango measurer: shaping plain text gives the layout's metrics bit for bit") {
  const std::set<std::string> texts = corpus();
  REQUIRE(texts.size() > 1000);
  const std::vector<scene::Font> fonts = test_fonts();
  renderers::ReferenceMeasurer measurer;
  size_t shaped = 0, mismatched = 0;
  for (const auto& font : fonts) {
    for (const auto& text : texts) {
      auto fast = measurer.shaped(text, font);
      if (!fast) continue;
      ++shaped;
      scene::TextMetrics laid_out = measurer.laid_out(text, font);
      if (!same_bits(*fast, laid_out)) {
        ++mismatched;
        CAPTURE(font.family);
        CAPTURE(static_cast<int>(font.weight));
        CAPTURE(font.italic);
        CAPTURE(text);
        CAPTURE(fast->width);
        CAPTURE(laid_out.width);
        CAPTURE(fast->ascent);
        CAPTURE(laid_out.ascent);
        CAPTURE(fast->descent);
        CAPTURE(laid_out.descent);
        CHECK(same_bits(*fast, laid_out));
      }
    }
  }
  MESSAGE(shaped << " of " << texts.size() * fonts.size() << " (font, text) pairs shaped");
  CHECK(mismatched == 0);
  // The Layout fonts take nearly every text the fast way; the check above is not vacuous.
  CHECK(shaped > texts.size() * 4);

  // What must go the layout's way does.
  scene::Font noto = fonts[0];
  for (const char* text : {"", "a\tb", "a\nb", "emoji 😀", "☕", "مرحبا", "e\xcc\x81", "\xff\xfe"}) {
    CAPTURE(text);
    CHECK_FALSE(measurer.shaped(text, noto).has_value());
  }
  CHECK(measurer.shaped("在宅医療 Hx", noto).has_value());
}
