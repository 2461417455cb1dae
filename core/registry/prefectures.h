// The 47 prefectures with their official names and JIS X 0401 codes.
#pragma once

#include <string>
#include <vector>

namespace tenkai::registry {

// Official names in code order: index 0 is 北海道 (code 1), index 46 is 沖縄県 (code 47).
const std::vector<std::string>& prefecture_names();

// JIS code 1..47, or 0 when the name is not an official prefecture name.
int prefecture_code(const std::string& name);

}  // namespace tenkai::registry
