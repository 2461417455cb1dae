// パターン１: a municipality repeating one function (this edition's addition; the seed lacks the
// slide).
#include "core/layout/diagrams/diagrams.h"
#include "core/layout/diagrams/session_timeline.h"

namespace tenkai::layout {
namespace {

ElementLayout layout_p1(const ElementSpec& element, LayoutContext& context) {
  return diagrams::layout_pattern_timeline(element, context, analysis::Pattern::P1);
}

std::shared_ptr<const ElementData> parse_region(const YAML::Node& node, SpecReader& reader) {
  return diagrams::parse_subject(node, reader, true, false);
}

}  // namespace

ElementType pattern_p1_element() {
  return {.name = "pattern_p1",
          .keys = diagrams::subject_keys(true, false),
          .parse = parse_region,
          .layout = layout_p1};
}

}  // namespace tenkai::layout
