// Which element types read the classification: everything except the elements listed here.
#include "core/layout/classification_use.h"

#include <string_view>

namespace tenkai::layout {
namespace {

// Elements drawn from the spec, the registry and the spread matrix alone.
bool without_classification(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "title",  "subtitle", "text",   "bullets",  "footnote",       "link",    "qr",
      "image",  "rule",     "spacer", "rows",     "columns",        "grid",    "rollout_table",
      "panels", "cards",    "flow",   "timeline", "adoption_chart", "tile_map"};
  for (auto known : kTypes) {
    if (type == known) return true;
  }
  return false;
}

bool needs_classification(const ElementSpec& element) {
  if (!without_classification(element.type)) return true;
  if (const auto* children = container_children(element)) {
    for (const auto& child : *children) {
      if (needs_classification(child)) return true;
    }
  }
  return false;
}

}  // namespace

bool deck_needs_classification(const DeckSpec& spec) {
  if (spec.texts_read_classification) return true;
  for (const auto& slide : spec.slides) {
    if (needs_classification(slide.body)) return true;
  }
  return false;
}

}  // namespace tenkai::layout
