// Loads the single YAML document of an input file, turning yaml-cpp's failures into diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/registry/diagnostics.h"
#include "core/registry/yaml_fields.h"
#include "core/registry/yaml_tree.h"

#include <yaml-cpp/node/impl.h>  // Node's inline members (copying), not only its declaration
#include <yaml-cpp/node/node.h>

namespace tenkai::registry::yaml {

// The first document of `text` as a tree, or nullopt when the text is not valid YAML (reported).
// A second document with content is reported but the first is still returned, so its own
// problems can be found in the same run. A stray ',' at document level, which yaml-cpp's Load
// skips silently and its LoadAll loops on forever, is reported as invalid YAML.
std::optional<Tree> load_single_document(std::string_view text, const SourceMap& source,
                                         const std::string& file, Diagnostics& diagnostics);

// The same checks, returning yaml-cpp's own node graph, for the small layout and workbook specs
// whose readers walk YAML::Node.
std::optional<YAML::Node> load_single_node(std::string_view text, const SourceMap& source,
                                           const std::string& file, Diagnostics& diagnostics);

}  // namespace tenkai::registry::yaml
