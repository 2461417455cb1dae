// Shared helpers for the layout tests: a seed-like matrix built in code, a fake QR encoder, and
// flattening of scene items into absolute text lines.
#pragma once

#include <string>
#include <vector>

#include "core/layout/deck.h"
#include "core/layout/qr_encoder.h"
#include "core/scene/scene.h"

namespace tenkai::testing {

// Encodes nothing real: a fixed 21×21 checkerboard, enough to check the drawing.
class FakeQrEncoder : public layout::QrEncoder {
 public:
  std::optional<layout::QrMatrix> encode(std::string_view text, layout::QrLevel) override {
    last_text = std::string(text);
    layout::QrMatrix m;
    m.size = 21;
    for (int i = 0; i < 21 * 21; ++i) m.modules.push_back((i / 21 + i % 21) % 2 == 0);
    return m;
  }
  std::string last_text;
};

// A text line with its absolute position (groups' offsets applied).
struct PlacedText {
  std::string text;
  double x = 0, y = 0, width = 0, size = 0;
  bool bold = false;
};

inline void flatten(const std::vector<scene::Item>& items, scene::Point offset,
                    std::vector<PlacedText>& out) {
  for (const auto& item : items) {
    if (const auto* line = std::get_if<scene::TextLine>(&item)) {
      out.push_back({line->text, line->baseline.x + offset.x, line->baseline.y + offset.y,
                     line->width, line->font.size, line->font.weight == scene::Weight::bold});
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      flatten(group->items, {offset.x + group->offset.x, offset.y + group->offset.y}, out);
    }
  }
}

inline std::vector<PlacedText> texts(const std::vector<scene::Item>& items) {
  std::vector<PlacedText> out;
  flatten(items, {0, 0}, out);
  return out;
}

inline std::string all_text(const std::vector<scene::Item>& items) {
  std::string out;
  for (const auto& t : texts(items)) out += t.text + "\n";
  return out;
}

// The seed deck's 17 rows (labels, organizers, notes) over FY2011–2015, built without the loader.
inline analysis::SpreadMatrix seed_like_matrix() {
  struct Row {
    const char* label;
    std::vector<std::string> organizers;
    const char* note;
    std::vector<std::pair<int, std::vector<std::string>>> years;  // year -> cell notes
    std::vector<int> sessions;                                    // per listed year
  };
  std::vector<Row> rows = {
      {"千葉県柏市",
       {"市", "地区医師会"},
       "※第1～2回は東大",
       {{2011, {}}, {2012, {}}, {2013, {}}, {2014, {}}, {2015, {}}},
       {2, 1, 2, 1, 1}},
      {"千葉県松戸市", {"地区医師会"}, "", {{2012, {}}}, {1}},
      {"東京都大田区",
       {"区在宅医療連携推進協議会"},
       "※2012年度は地区医師会",
       {{2012, {"※大森地区"}}, {2013, {"※区全域"}}, {2014, {}}, {2015, {}}},
       {1, 1, 1, 1}},
      {"沖縄県浦添市",
       {"地区医師会"},
       "",
       {{2012, {}}, {2013, {}}, {2014, {}}, {2015, {}}},
       {1, 1, 1, 1}},
      {"大阪市東淀川区",
       {"府", "地区医師会"},
       "（府内より傍聴受入）",
       {{2013, {"※この後、府内に伝播"}}},
       {1}},
      {"東京都北区", {"区在宅ケアネット"}, "", {{2013, {}}, {2014, {}}, {2015, {}}}, {1, 1, 1}},
      {"滋賀県（広域）", {"県", "県医師会"}, "", {{2013, {}}, {2014, {}}, {2015, {}}}, {1, 1, 1}},
      {"福井県坂井地区", {"地区在宅ケアネット"}, "", {{2013, {}}, {2014, {}}}, {1, 1}},
      {"奈良県大和高田市", {"地区医師会", "市立病院"}, "", {{2013, {}}}, {1}},
      {"東京都町田市", {"地区医師会"}, "", {{2013, {}}, {2014, {"※独自資料使用"}}}, {1, 1}},
      {"神奈川県横須賀市",
       {"市", "地区医師会"},
       "",
       {{2013, {}}, {2014, {}}, {2015, {}}},
       {1, 1, 1}},
      {"東京都（広域）", {"都医師会"}, "", {{2014, {}}, {2015, {}}}, {1, 1}},
      {"東京都北多摩地区（広域）", {"北多摩地域医師会"}, "", {{2014, {}}, {2015, {}}}, {1, 1}},
      {"東京都武蔵村山市", {"市", "地区医師会"}, "", {{2014, {}}, {2015, {}}}, {1, 1}},
      {"徳島県徳島市", {"市", "地区医師会"}, "", {{2014, {}}}, {1}},
      {"東京都渋谷区", {"地区医師会"}, "", {{2015, {}}}, {1}},
      {"東京都日野市", {"市", "地区医師会"}, "", {{2014, {}}, {2015, {}}}, {1, 1}},
  };
  analysis::SpreadMatrix matrix;
  matrix.years = {2011, 2012, 2013, 2014, 2015};
  matrix.caveat = "事務局把握分のみ";
  for (size_t i = 0; i < rows.size(); ++i) {
    analysis::MatrixRow row;
    row.region_index = i;
    row.region = "r" + std::to_string(i);
    row.label = rows[i].label;
    row.organizers = rows[i].organizers;
    row.note = rows[i].note;
    row.first_year = rows[i].years.front().first;
    for (size_t k = 0; k < rows[i].years.size(); ++k) {
      auto& cell = row.cells[rows[i].years[k].first];
      cell.sessions = rows[i].sessions[k];
      cell.notes = rows[i].years[k].second;
    }
    matrix.rows.push_back(row);
  }
  return matrix;
}

// `count` rows over FY2011–2025 with generated labels, for pagination and speed.
inline analysis::SpreadMatrix large_matrix(size_t count) {
  analysis::SpreadMatrix matrix;
  for (int y = 2011; y <= 2025; ++y) matrix.years.push_back(y);
  matrix.caveat = "事務局把握分のみ";
  const char* prefectures[] = {"北海道", "青森県", "東京都", "神奈川県", "大阪府", "沖縄県"};
  for (size_t i = 0; i < count; ++i) {
    analysis::MatrixRow row;
    row.region = "m" + std::to_string(i);
    row.label = std::string(prefectures[i % 6]) + "第" + std::to_string(i + 1) + "市";
    row.organizers = {"市", "地区医師会"};
    if (i % 7 == 0) row.note = "※第1回は県";
    row.first_year = 2011 + static_cast<int>(i % 15);
    for (int y = row.first_year; y <= 2025; y += 1 + static_cast<int>(i % 3)) {
      row.cells[y].sessions = 1 + static_cast<int>((i + y) % 2);
      if ((i + y) % 11 == 0) row.cells[y].notes.push_back("※独自資料使用");
    }
    matrix.rows.push_back(row);
  }
  return matrix;
}

}  // namespace tenkai::testing
