// Which decks need the registry's classification. Classifying costs far more than the spread
// matrix, so the app computes it only for decks that show classified data.
#pragma once

#include <vector>

#include "core/layout/deck.h"

namespace tenkai::layout {

// True when some element of the deck (containers searched) may read the classification. Element
// types not known to do without it count as needing it, so a new diagram is never drawn from an
// empty classification.
bool deck_needs_classification(const DeckSpec& spec);

// The children of a rows / columns / grid element; null for any other element.
const std::vector<ElementSpec>* container_children(const ElementSpec& element);

}  // namespace tenkai::layout
