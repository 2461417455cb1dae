// Loads the single YAML document of an input file, turning parser failures into diagnostics.
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

// Longest text a single value of any input (registry, spec) may hold, in characters: a long
// footnote is a few hundred; this keeps layout memory and time bounded (docs/limits.md).
inline constexpr size_t kMaxTextCharacters = 10000;
inline constexpr size_t kMaxTextBytes = kMaxTextCharacters;  // below this, no count is needed
// Deepest nesting of lists and maps: a registry needs 4, a spec a few more. It keeps yaml-cpp's
// recursive node building (the specs) below its own depth guard.
inline constexpr size_t kMaxNestingDepth = 1000;

// The first document of `text` as a tree, read with libyaml's event parser, or nullopt when the
// text is not valid YAML or not valid UTF-8, holds a control character other than tab and
// newline or a U+2028/U+2029 line break (reported at the first bad byte), or nests deeper than
// kMaxNestingDepth. Scalars holding control characters (from escapes) or longer than
// kMaxTextCharacters are reported at their position; the tree is still returned.
// A second document with content is reported but the first is still returned, so its own
// problems can be found in the same run. A stray ',' at document level, which yaml-cpp's Load
// skips silently and its LoadAll loops on forever, is reported as invalid YAML.
std::optional<Tree> load_single_document(std::string_view text, const SourceMap& source,
                                         const std::string& file, Diagnostics& diagnostics);

// The same checks (the same libyaml pass, so the same messages), then yaml-cpp's own node graph
// of the text, for the small layout and workbook specs whose readers walk YAML::Node.
std::optional<YAML::Node> load_single_node(std::string_view text, const SourceMap& source,
                                           const std::string& file, Diagnostics& diagnostics);

}  // namespace tenkai::registry::yaml
