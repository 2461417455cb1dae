// How many municipalities each prefecture has: reference data for coverage shares.
#pragma once

#include <array>

namespace tenkai::registry {

// Municipalities (市町村, with Tokyo's 23 special wards counted as municipalities, as the
// registry's `municipality` level does) per prefecture, in JIS code order: index 0 is 北海道.
// The 47 counts sum to 1,741 (1,718 市町村 + 23 特別区).
const std::array<int, 47>& municipality_counts();

// The count for JIS code 1..47; 0 for any other code.
int municipality_count(int prefecture_code);

// The sum over the 47 prefectures (1,741).
int municipality_total();

}  // namespace tenkai::registry
