// Which link targets may go into documents: http, https and mailto only, so a deck can never
// carry a javascript: or file: link into a PDF annotation.
#pragma once

#include <string>

namespace tenkai::text {

// True when `uri` starts with http://, https:// or mailto: (scheme case-insensitive) and holds
// no whitespace or control characters; otherwise false and `why` says what is wrong.
bool is_allowed_link(const std::string& uri, std::string& why);

}  // namespace tenkai::text
