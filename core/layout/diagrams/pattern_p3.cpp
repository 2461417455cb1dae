// パターン３: a municipality's timeline whose training functions change over the years (the
// drawing is shared with パターン１ in session_timeline.cpp).
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/session_timeline.h"

namespace tenkai::layout {
namespace {

ElementLayout layout_p3(const ElementSpec& element, LayoutContext& context) {
  return diagrams::layout_pattern_timeline(element, context, analysis::Pattern::P3);
}

std::shared_ptr<const ElementData> parse_region(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, true, false);
}

}  // namespace

ElementType pattern_p3_element() {
  return {.name = "pattern_p3",
          .keys = diagrams::subject_keys(true, false),
          .parse = parse_region,
          .layout = layout_p3};
}

}  // namespace tenkai::layout
