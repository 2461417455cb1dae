// The diagram elements, one file each; elements.cpp lists them.
// Every diagram is drawn from the registry and its classification: a region or prefecture named
// in the layout, or the clearest example of its class, never coordinates typed into the layout.
#pragma once

#include "core/layout/diagrams/diagram_kit.h"
#include "core/layout/elements.h"

namespace tenkai::layout {

ElementType function_types_element();  // diagrams/function_types.cpp
ElementType pattern_p1_element();      // diagrams/pattern_p1.cpp
ElementType pattern_p2_element();      // diagrams/pattern_p2.cpp
ElementType pattern_p3_element();      // diagrams/pattern_p3.cpp
ElementType rollout_r1_element();      // diagrams/rollout_r1.cpp
ElementType rollout_r2_element();      // diagrams/rollout_r2.cpp
ElementType rollout_r3_element();      // diagrams/rollout_r3.cpp

// The general diagram vocabulary (all text from the layout) and the data charts.
ElementType panels_element();          // diagrams/panels.cpp: boxes in rows, in panels
ElementType cards_element();           // diagrams/cards.cpp: cards joined by connectors
ElementType flow_element();            // diagrams/flow.cpp: boxes joined by labelled arrows
ElementType timeline_element();        // diagrams/timeline.cpp: events on a fiscal-year axis
ElementType adoption_chart_element();  // diagrams/adoption_chart.cpp
ElementType tile_map_element();        // diagrams/tile_map.cpp

}  // namespace tenkai::layout
