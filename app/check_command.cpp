// STUB until layouts exist: check validates the registry only.
#include "app/commands.h"

namespace tenkai::app {
int run_check(const Options& options) {
  auto reg = load_or_report(options);
  return reg ? kExitOk : kExitInvalidInput;
}
int run_build(const Options& options) { return run_check(options); }
}  // namespace tenkai::app
