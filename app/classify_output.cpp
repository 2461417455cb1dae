// STUB: replaced by the classifier work.
#include "app/commands.h"

namespace tenkai::app {
int run_classify(const Options& options) {
  auto reg = load_or_report(options);
  return reg ? kExitOk : kExitInvalidInput;
}
std::string classification_as_text(const registry::Registry&, const analysis::Classification&) {
  return {};
}
std::string classification_as_json(const registry::Registry&, const analysis::Classification&) {
  return "{}\n";
}
}  // namespace tenkai::app
