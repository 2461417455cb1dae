// A count of the classifier's elementary steps: every loop over registry items adds the number
// of items it visits. Tests read it to check that classification work grows linearly with the
// registry (no operation scans the whole registry once per session or per region).
#pragma once

#include <cstddef>

namespace tenkai::analysis::work_meter {

// Thread-local so that tests running in parallel threads never mix their counts.
inline thread_local size_t steps = 0;

inline void add(size_t visited) {
  steps += visited;
}

}  // namespace tenkai::analysis::work_meter
