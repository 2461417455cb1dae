// A small registry built in code for workbook tests (no loader involved): three regions over
// FY2011–2013 with notes, an uncounted meeting and a region with two sessions in one year.
#pragma once

#include <string>
#include <vector>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/registry/registry.h"
#include "core/workbook/sheet_model.h"

namespace tenkai::testing {

inline void add_region(registry::Registry& reg, const std::string& id, const std::string& name,
                       const std::string& prefecture, registry::Level level,
                       std::vector<std::string> organizers, std::string note = {}) {
  registry::Region region;
  region.id = id;
  region.name = name;
  region.prefecture = prefecture;
  region.level = level;
  region.label = registry::default_label(prefecture, name, level);
  region.organizers = std::move(organizers);
  region.note = std::move(note);
  reg.region_index[id] = reg.regions.size();
  reg.regions.push_back(std::move(region));
}

inline registry::Session& add_session(registry::Registry& reg, const std::string& id, int year,
                                      std::string note = {}, bool counted = true) {
  registry::Session session;
  session.region = id;
  session.region_index = reg.region_index.at(id);
  session.fiscal_year = year;
  session.note = std::move(note);
  session.counted = counted;
  reg.sessions.push_back(std::move(session));
  return reg.sessions.back();
}

inline registry::Registry small_registry() {
  using registry::Level;
  registry::Registry reg;
  reg.path = "/data/small.yaml";
  reg.title = "テスト登録簿";
  reg.as_of = "2015-10-16";
  reg.caveat = "事務局把握分のみ";
  add_region(reg, "kashiwa", "柏市", "千葉県", Level::municipality, {"市", "地区医師会"},
             "※第1～2回は東大");
  add_region(reg, "ota", "大田区", "東京都", Level::municipality, {"区在宅医療連携推進協議会"});
  add_region(reg, "tokyo", "東京都", "東京都", Level::prefecture, {"都医師会"});
  auto& first = add_session(reg, "kashiwa", 2011);
  first.ordinal = 1;
  first.days = 4.0;
  first.field_hours = 32;
  add_session(reg, "tokyo", 2012);
  add_session(reg, "ota", 2012, "※大森地区");
  add_session(reg, "kashiwa", 2012).days = 1.5;
  add_session(reg, "kashiwa", 2012, "", false).hours = 2;
  add_session(reg, "ota", 2013, "※区全域");
  add_session(reg, "ota", 2013);
  return reg;
}

// Registry plus its analyses, kept together so WorkbookData's references stay valid.
struct Analysed {
  registry::Registry registry;
  analysis::SpreadMatrix matrix;
  analysis::Classification classification;

  explicit Analysed(registry::Registry reg) : registry(std::move(reg)) {
    Diagnostics ignored;
    matrix = analysis::compute_spread(registry, ignored);
    classification = analysis::classify(registry);
  }
  workbook::WorkbookData data() const {
    return {registry, matrix, classification, "9.9.9", std::string(64, 'a')};
  }
};

}  // namespace tenkai::testing
