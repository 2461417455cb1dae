// Pieces shared by the rollout diagrams (R1, R2, R3): the prefecture they show and the wording.
#pragma once

#include <string>

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/diagrams/examples.h"

namespace tenkai::layout::diagrams {

// The prefecture and evidence a rollout diagram shows, warning when a named prefecture does not
// show the rollout (the clearest example is drawn instead). Empty pick: nothing shows it.
RolloutPick rollout_subject(LayoutContext& context, const ElementSpec& element,
                            analysis::Rollout rollout, const std::string& requested);

// What a link says on a diagram: its note when it has one, else the kind's Japanese name; with
// the fiscal year when known ("視察（2014年度）").
std::string link_caption(const registry::Registry& registry, size_t link, bool era);

// The region's name, without its prefecture when that is `prefecture`.
std::string short_name(const registry::Region& region, const std::string& prefecture);

}  // namespace tenkai::layout::diagrams
