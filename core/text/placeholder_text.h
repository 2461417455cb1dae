// `{name}` placeholders in text: the one substitution every layer's templates share.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tenkai::text {

using PlaceholderValues = std::vector<std::pair<std::string, std::string>>;

// `text` with every `{name}` whose name is in `values` replaced by its value; unknown names and
// unclosed braces are kept as written (validation reports them where the text was read).
std::string expand_placeholders(std::string_view text, const PlaceholderValues& values);

}  // namespace tenkai::text
