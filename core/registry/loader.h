// Reads a registry YAML file, validating every rule of CONTRACT.md §1 and collecting all problems.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"

namespace tenkai::registry {

struct LoadResult {
  std::optional<Registry> registry;  // empty when any error was found
  Diagnostics diagnostics;           // errors and warnings, in file order
};

// `path` names the file in diagnostics; `text` is its content.
LoadResult parse_registry(std::string_view text, const std::string& path);

// Reads the file (a missing or unreadable file is an error at 0:0) and parses it.
LoadResult load_registry(const std::string& path);

}  // namespace tenkai::registry
