// Loads the single YAML document of an input file, turning yaml-cpp's failures into diagnostics.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/registry/diagnostics.h"
#include "core/registry/yaml_fields.h"

namespace tenkai::registry::yaml {

// The first document of `text`, or nullopt when the text is not valid YAML (reported).
// A second document with content is reported but the first is still returned, so its own
// problems can be found in the same run. yaml-cpp's LoadAll loops forever on a stray ',' at
// document level and Load ignores one; both are caught here and reported as invalid YAML.
std::optional<YAML::Node> load_single_document(std::string_view text, const SourceMap& source,
                                               const std::string& file, Diagnostics& diagnostics);

}  // namespace tenkai::registry::yaml
