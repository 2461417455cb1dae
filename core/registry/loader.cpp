// STUB: replaced by the registry loader work.
#include "core/registry/loader.h"

namespace tenkai::registry {
LoadResult parse_registry(std::string_view, const std::string& path) {
  LoadResult result;
  result.diagnostics.error({path, 0, 0}, "registry loader not implemented");
  return result;
}
LoadResult load_registry(const std::string& path) { return parse_registry({}, path); }
}  // namespace tenkai::registry
