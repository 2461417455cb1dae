// Deck specs: loading the YAML layout language (top-level `tenkai: 1` and `deck:`) and laying a
// deck out into scene pages. The element vocabulary lives in elements.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/layout/data_selection.h"
#include "core/layout/elements.h"
#include "core/layout/theme.h"

namespace tenkai::layout {

struct FooterSpec {
  std::string text;  // e.g. the © line; may hold placeholders
  bool page_number = true;
  std::string logo;  // optional logo text, set at the footer's left
};

enum class SlideStyle { content, title, section };

// `for_each:` on a slide: the slide is laid out once per prefecture (or region) of a list, its
// elements restricted to that one, its texts given {prefecture}, {region} … (docs/layouts.md).
struct ForEachSpec {
  Listing over = Listing::prefectures;
  std::vector<std::string> list;  // explicit names or region ids, in spec order; empty: all
  DataSelection selection;        // where (also restricts every repeat), sort and limit
  bool skip_empty = false;        // `empty: skip`; default `note`: the slide says there is none
  std::string empty_note;         // the line shown then; placeholders allowed
  ElementSpec empty_body;         // a rows body holding that line, replacing the slide's
  SourcePos pos;
};

struct SlideSpec {
  std::string name;  // optional `name:`, used in messages
  SourcePos pos;
  SlideStyle style = SlideStyle::content;
  std::string title;                   // heading (content slides) and outline entry; may be empty
  bool footer = true;                  // draw the master footer on this slide
  ElementSpec body;                    // a rows / columns / grid container holding the elements
  std::vector<std::string> footnotes;  // set above the footer; repeated on continuation pages
  std::string notes;                   // speaker notes (PPTX); may hold placeholders
  std::string describe(size_t index) const;  // "slide 3 'aims'"

  // Repeated per prefecture / region (`for_each:`); unset: laid out once.
  std::optional<ForEachSpec> for_each;
};

struct DeckSpec {
  std::string path;
  std::string output = "deck.pdf";  // file name inside --out
  // Formats written beside each other from one layout, named by extension: pdf, pptx (the
  // PPTX file takes the output's stem).
  std::vector<std::string> formats = {"pdf", "pptx"};
  scene::DocumentInfo info;  // texts may hold placeholders; date fixed, never the clock
  PageSize page;
  Theme theme;
  FooterSpec footer;
  std::string continued = "（続き）";  // appended to the title of continuation pages
  std::vector<SlideSpec> slides;
  // Texts use placeholders drawn from the classification ({patterns.p1}, {example.r2} …).
  bool texts_read_classification = false;
};

// Parses a deck spec; every problem goes to `diagnostics` (positioned). `registry`, when given,
// lets bindings (region ids and the like) be checked. nullopt when the spec has errors.
std::optional<DeckSpec> parse_deck_spec(std::string_view text, const std::string& path,
                                        const registry::Registry* registry,
                                        Diagnostics& diagnostics);
std::optional<DeckSpec> load_deck_spec(const std::string& path, const registry::Registry* registry,
                                       Diagnostics& diagnostics);

struct LayoutInputs {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const analysis::Classification& classification;
  scene::TextMeasurer& measurer;
  QrEncoder* qr = nullptr;
};

// Lays out every slide (continuation pages included) and collects the named figures.
// Warnings (text shrunk past the theme's limit) go to `diagnostics`.
scene::Document layout_deck(const DeckSpec& spec, const LayoutInputs& inputs,
                            Diagnostics& diagnostics);

}  // namespace tenkai::layout
