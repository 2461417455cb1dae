// The number of municipalities per prefecture.
//
// Source: 総務省「都道府県別市町村数」(市町村合併資料集, https://www.soumu.go.jp/gapei/), the
// counts in force from 2014-04-05 (栃木市・岩舟町の合併, the last change of the national total of
// 1,718 市町村). Tokyo's count includes its 23 special wards (特別区), which the registry records
// as municipalities: 39 市町村 + 23 = 62. Designated cities count once; their wards (行政区) are
// not municipalities. scripts/gen_national.cpp draws its synthetic registries from this table.
#include "core/registry/municipality_counts.h"

#include <cstddef>
#include <numeric>

namespace tenkai::registry {

const std::array<int, 47>& municipality_counts() {
  static const std::array<int, 47> counts = {
      179, 40, 33, 35, 25, 35, 59,  // 北海道 青森 岩手 宮城 秋田 山形 福島
      44,  25, 35, 63, 54, 62, 33,  // 茨城 栃木 群馬 埼玉 千葉 東京 神奈川
      30,  15, 19, 17, 27, 77,      // 新潟 富山 石川 福井 山梨 長野
      42,  35, 54, 29,              // 岐阜 静岡 愛知 三重
      19,  26, 43, 41, 39, 30,      // 滋賀 京都 大阪 兵庫 奈良 和歌山
      19,  19, 27, 23, 19,          // 鳥取 島根 岡山 広島 山口
      24,  17, 20, 34,              // 徳島 香川 愛媛 高知
      60,  20, 21, 45, 18, 26, 43,  // 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島
      41,                           // 沖縄
  };
  return counts;
}

int municipality_count(int prefecture_code) {
  if (prefecture_code < 1 || prefecture_code > 47) return 0;
  return municipality_counts()[static_cast<size_t>(prefecture_code - 1)];
}

int municipality_total() {
  const auto& counts = municipality_counts();
  return std::accumulate(counts.begin(), counts.end(), 0);
}

}  // namespace tenkai::registry
