// Diagnostics in the order a person reads them: by file, then line and column.
#pragma once

#include "core/registry/diagnostics.h"

namespace tenkai {

// The same diagnostics sorted by file (in order of first appearance), line and column; stable,
// so problems at one spot keep the order they were found in.
Diagnostics in_file_order(const Diagnostics& found);

}  // namespace tenkai
