// Link schemes allowed in documents.
#include "core/text/uri.h"

#include <cctype>

namespace tenkai::text {

bool is_allowed_link(const std::string& uri, std::string& why) {
  size_t colon = uri.find(':');
  std::string scheme = colon == std::string::npos ? std::string() : uri.substr(0, colon);
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool web = (scheme == "http" || scheme == "https") && uri.compare(colon, 3, "://") == 0 &&
             uri.size() > colon + 3;
  bool mail = scheme == "mailto" && uri.size() > colon + 1;
  if (!web && !mail) {
    why = scheme.empty()
              ? "a link must start with http://, https:// or mailto:"
              : "link scheme '" + scheme + ":' is not allowed (use http, https or mailto)";
    return false;
  }
  for (char c : uri) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) {
      why = "a link must not contain spaces or control characters";
      return false;
    }
  }
  return true;
}

}  // namespace tenkai::text
