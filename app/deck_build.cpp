// STUB: replaced by the deck layout work.
#include "app/build.h"

namespace tenkai::app {
void check_deck_spec(const std::string&, const BuildInputs&, Diagnostics&) {}
void build_deck(const std::string&, const BuildInputs&, Diagnostics&, PendingOutputs&) {}
}  // namespace tenkai::app
