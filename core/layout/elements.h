// The element registry: one table maps each element type name of the deck language to its keys,
// its parse function and its layout function. Adding an element (a diagram, say) is one entry in
// element_types() plus its own .cpp file; nothing else in the layout engine changes.
//
// Contract for an element's functions:
//  - parse(node, reader): `node` is the element's YAML map. Common keys (type, id, box, width,
//    height, weight, align, valign, figure) are already read into ElementSpec and the element's
//    own keys checked against ElementType::keys (unknown keys reported with "did you mean").
//    Read the element's keys through SpecReader so problems carry PATH:LINE:COL; bindings to data
//    (region ids, data names) are checked here when reader.registry() is set. Return the parsed
//    data, or nullptr when it is unusable (after reporting why).
//  - layout(element, context): place the element inside context.box (absolute page points) and
//    return scene items. Text goes through text_flow.h / fit_text() so it is broken into lines
//    and never silently overflows. An element that does not fit on one page (the rollout table)
//    puts the rest in ElementLayout::more_pages: the deck adds one page per entry, repeating the
//    slide's title with the continuation marker, its footnotes and the footer, with the element
//    placed in the same box.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/layout/qr_encoder.h"
#include "core/layout/text_flow.h"
#include "core/layout/theme.h"
#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"
#include "core/scene/scene.h"
#include "core/scene/text_measurer.h"

namespace tenkai::layout {

struct ElementSpec;

// Base of every element's parsed data; each element type derives its own struct.
struct ElementData {
  virtual ~ElementData() = default;
};

// A length given in points (`120`) or as a percentage of the content area (`"25%"`).
struct Length {
  double value = 0;
  bool percent = false;
  double resolve(double whole) const { return percent ? whole * value / 100.0 : value; }
};

// Explicit placement: x, y, width, height relative to the content area's top-left corner.
struct BoxSpec {
  Length x, y, width, height;
};

// A figure written to its own SVG / PNG files besides the deck page.
struct FigureSpec {
  std::string name;                  // file stem
  std::vector<std::string> formats;  // "svg", "png"
  double dpi = 144;                  // PNG resolution
  SourcePos pos;
};

struct ElementType;
struct DataSelection;  // data_selection.h

struct ElementSpec {
  std::string type;
  const ElementType* kind = nullptr;
  std::string id;                // optional name, used in messages
  SourcePos pos;                 // position of the element's map in the spec
  std::optional<BoxSpec> box;    // explicit box: taken out of the flow
  std::optional<Length> width;   // fixed width inside `columns`
  std::optional<Length> height;  // fixed height inside `rows`
  double weight = 1;             // share of the free space in rows / columns
  bool weight_explicit = false;  // `weight:` given in the spec
  Align align = Align::left;
  VAlign valign = VAlign::top;
  std::optional<FigureSpec> figure;
  // `alt:` for the figures (diagrams, charts, pictures) the element draws; unset: generated.
  std::optional<std::string> alt;
  std::shared_ptr<const ElementData> data;

  template <typename T>
  const T& data_as() const {
    return static_cast<const T&>(*data);
  }
  // "rollout_table 'spread'" or "rollout_table", for messages.
  std::string describe() const;
};

// Reads typed values from the spec, reporting every problem with its position.
class SpecReader {
 public:
  SpecReader(std::string path, Diagnostics& diagnostics, const registry::Registry* registry);

  const std::string& path() const { return path_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // The registry the spec will be laid out with, for checking bindings; null when unknown.
  const registry::Registry* registry() const { return registry_; }

  SourcePos pos(const YAML::Node& node) const;
  void error(const YAML::Node& node, std::string message, std::string hint = {});
  void warning(const YAML::Node& node, std::string message, std::string hint = {});

  // Reports every key of `map` not in `allowed`, with a did-you-mean hint; false when `map`
  // is not a map (also reported). `what` names the map in messages ("slide", "theme").
  bool check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                  std::string_view what);
  // Reports `key` missing from `map`; returns whether it is present.
  bool require(const YAML::Node& map, const char* key, std::string_view what);

  // Getters: absent key -> nullopt silently; wrong type or bad value -> reported, nullopt.
  std::optional<std::string> string(const YAML::Node& map, const char* key);
  std::optional<double> number(const YAML::Node& map, const char* key, double min, double max);
  std::optional<int> integer(const YAML::Node& map, const char* key, int min, int max);
  std::optional<bool> boolean(const YAML::Node& map, const char* key);
  // One of `choices`, with did-you-mean for a misspelling.
  std::optional<std::string> choice(const YAML::Node& map, const char* key,
                                    const std::vector<std::string>& choices);
  std::optional<std::vector<std::string>> string_list(const YAML::Node& map, const char* key);
  std::optional<scene::Color> color(const YAML::Node& map, const char* key);  // "#RRGGBB[AA]"
  std::optional<Length> length(const YAML::Node& map, const char* key);
  // Text that may hold placeholders such as {registry.title}; unknown placeholders reported.
  // An unquoted `{registry.title}` (which YAML reads as a map) is accepted as that placeholder.
  std::optional<std::string> text(const YAML::Node& map, const char* key);
  std::optional<std::string> text_value(const YAML::Node& value);
  // A region id that must exist in the registry (checked when registry() is set).
  std::optional<std::string> region(const YAML::Node& map, const char* key);

  // Placeholders valid only in the part of the spec being read (a for_each slide's
  // {prefecture}, {region} …), besides placeholder_names(); set and cleared by the deck loader.
  void set_local_placeholders(std::vector<std::string> names) {
    local_placeholders_ = std::move(names);
  }

  // Parses a list of element maps (for containers such as rows / columns / grid).
  std::vector<ElementSpec> elements(const YAML::Node& list);
  std::optional<ElementSpec> element(const YAML::Node& node);

 private:
  std::string path_;
  Diagnostics& diagnostics_;
  const registry::Registry* registry_;
  std::vector<std::string> figure_names_;  // to report a name used twice
  std::vector<std::string> local_placeholders_;
};

// Values the {placeholders} of texts expand to, fixed before layout.
struct Placeholders {
  std::vector<std::pair<std::string, std::string>> values;  // name -> text, in a fixed order
  std::string expand(std::string_view text) const;          // unknown names are left as is
};
// Names accepted in texts, for validation and did-you-mean.
const std::vector<std::string>& placeholder_names();
Placeholders make_placeholders(const registry::Registry& registry,
                               const analysis::SpreadMatrix& matrix,
                               const scene::DocumentInfo& info);

struct ElementLayout {
  std::vector<scene::Item> items;
  // Continuation pages, each laid out in the same box on a page of its own.
  std::vector<std::vector<scene::Item>> more_pages;
  // Height actually used from the top of the box, when the element knows it (< 0: unknown).
  double used_height = -1;
};

// Everything an element's layout may use. `box` is where the element goes, in page points.
struct LayoutContext {
  const registry::Registry& registry;
  const analysis::SpreadMatrix& matrix;
  const analysis::Classification& classification;
  const Theme& theme;
  scene::TextMeasurer& measurer;  // cached; Pango in the product, fixed-width in tests
  Diagnostics& diagnostics;
  QrEncoder* qr = nullptr;  // null when no encoder was handed in
  const Placeholders& placeholders;
  std::string slide;  // slide name or number, for messages ("slide 3 'aims'")
  scene::Rect box;
  // Where named figures go (set by the deck); layout_child() adds one for each child that has
  // a `figure:`. Null: figures are not collected.
  std::vector<scene::Figure>* figures = nullptr;
  // On a slide repeated `for_each:` prefecture or region, the one it is repeated for (its
  // `where` names it); `matrix` then holds only its rows. Null on other slides.
  const DataSelection* scope = nullptr;

  // The same context over another matrix (an element's own where/sort/limit selection).
  LayoutContext with_matrix(const analysis::SpreadMatrix& other) const {
    return {registry, other,        classification, theme, measurer, diagnostics,
            qr,       placeholders, slide,          box,   figures,  scope};
  }
  std::string expand(std::string_view text) const { return placeholders.expand(text); }
  // Warning positioned at the element, naming the slide and the element.
  void warn(const ElementSpec& element, const std::string& message) const;
  // Lays out a child element (containers use this) in `child_box`.
  ElementLayout layout_child(const ElementSpec& child, scene::Rect child_box);
};

using ParseFn = std::shared_ptr<const ElementData> (*)(const YAML::Node& node, SpecReader& reader);
using LayoutFn = ElementLayout (*)(const ElementSpec& element, LayoutContext& context);

// Natural height of the element when set `context.box.width` wide (optional).
using MeasureFn = double (*)(const ElementSpec& element, LayoutContext& context);

struct ElementType {
  const char* name;               // value of `type:`
  std::vector<std::string> keys;  // the element's own keys, besides the common ones
  ParseFn parse;
  LayoutFn layout;
  // When set, a `rows` container gives the element its natural height unless the spec fixes
  // `height` or `weight`; without it the element shares the free space by weight.
  MeasureFn measure = nullptr;
};

// Keys every element accepts.
const std::vector<std::string>& common_element_keys();

// The table, in a fixed order; lookup returns nullptr for an unknown name.
const std::vector<ElementType>& element_types();
const ElementType* find_element_type(std::string_view name);

// Sets `runs` in `box`: broken into lines, aligned, and shrunk (down to theme.min_scale) when it
// does not fit; when it still does not fit it is set at the limit, left visible past the box,
// and a warning names the slide and element. Returns the scale used.
double fit_text(LayoutContext& context, const ElementSpec& element, const std::vector<Run>& runs,
                const scene::Rect& box, Align align, VAlign valign, std::vector<scene::Item>& out);

// Element entry points, each defined in its own file (the table lists them).
ElementType title_element();          // text_elements.cpp
ElementType subtitle_element();       // text_elements.cpp
ElementType text_element();           // text_elements.cpp
ElementType bullets_element();        // bullets.cpp
ElementType footnote_element();       // text_elements.cpp
ElementType link_element();           // text_elements.cpp
ElementType qr_element();             // qr_element.cpp
ElementType image_element();          // image_element.cpp
ElementType rule_element();           // text_elements.cpp
ElementType spacer_element();         // containers.cpp
ElementType rows_element();           // containers.cpp
ElementType columns_element();        // containers.cpp
ElementType grid_element();           // containers.cpp
ElementType rollout_table_element();  // rollout_table.cpp

}  // namespace tenkai::layout
