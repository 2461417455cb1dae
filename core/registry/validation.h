// Registry rules beyond single values: id, code and date formats, references, cycles, duplicates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/registry/diagnostics.h"
#include "core/registry/registry.h"

namespace tenkai::registry {

// [a-z0-9][a-z0-9-]*
bool is_valid_id(std::string_view id);

// A real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view text);

// Check digit of a local government code (全国地方公共団体コード) from its first five digits:
// weights 6,5,4,3,2; r = sum % 11; the digit is the last digit of 11 - r.
int local_government_check_digit(std::string_view first_five);

// Empty when `code` is a valid 6-digit code; otherwise the message, e.g. a wrong check digit.
std::string local_government_code_problem(std::string_view code);

// A registry as read, before references are resolved, with the positions of the fields that
// cross-reference checks point at.
struct RegistryDraft {
  struct RegionPositions {
    SourcePos id, within;
  };
  struct SessionPositions {
    SourcePos region, ordinal;
  };
  struct LinkPositions {
    SourcePos from, to;
  };
  Registry registry;
  std::vector<RegionPositions> region_positions;    // parallel to registry.regions
  std::vector<SessionPositions> session_positions;  // parallel to registry.sessions
  std::vector<LinkPositions> link_positions;        // parallel to registry.links
};

// Builds region_index, resolves within / session / link references, fills default scopes, and
// reports duplicate ids, unknown references, within cycles, duplicate ordinals and self-links.
// Entries whose reference is empty were already reported as missing and are skipped.
void resolve_references(RegistryDraft& draft, Diagnostics& diagnostics);

}  // namespace tenkai::registry
