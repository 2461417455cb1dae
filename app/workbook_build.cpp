// STUB: replaced by the workbook work.
#include "app/build.h"

namespace tenkai::app {
void check_workbook_spec(const std::string&, const BuildInputs&, Diagnostics&) {}
void build_workbook(const std::string&, const BuildInputs&, Diagnostics&, PendingOutputs&) {}
}  // namespace tenkai::app
