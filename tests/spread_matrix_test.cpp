// The spread matrix rules on small hand-made registries (built in code, no loader involved).
#include "core/analysis/spread_matrix.h"

#include <doctest/doctest.h>

using namespace tenkai;
using registry::Registry;

namespace {

Registry make_registry(const std::vector<std::string>& ids) {
  Registry reg;
  for (const auto& id : ids) {
    registry::Region region;
    region.id = id;
    region.label = id + "-label";
    reg.region_index[id] = reg.regions.size();
    reg.regions.push_back(region);
  }
  return reg;
}

void add_session(Registry& reg, const std::string& id, int year, std::string note = {},
                 bool counted = true) {
  registry::Session session;
  session.region = id;
  session.region_index = reg.region_index.at(id);
  session.fiscal_year = year;
  session.note = std::move(note);
  session.counted = counted;
  reg.sessions.push_back(session);
}

}  // namespace

TEST_CASE("rows are ordered by first year, then registry order") {
  auto reg = make_registry({"a", "b", "c"});
  add_session(reg, "c", 2011);
  add_session(reg, "a", 2012);
  add_session(reg, "b", 2012);
  add_session(reg, "a", 2013);
  Diagnostics diagnostics;
  auto matrix = analysis::compute_spread(reg, diagnostics);
  CHECK(matrix.years == std::vector<int>{2011, 2012, 2013});
  REQUIRE(matrix.rows.size() == 3);
  CHECK(matrix.rows[0].region == "c");
  CHECK(matrix.rows[1].region == "a");
  CHECK(matrix.rows[2].region == "b");
  CHECK(matrix.active.at(2012) == 2);
  CHECK(matrix.new_regions.at(2012) == 2);
  CHECK(matrix.cumulative.at(2013) == 3);
  CHECK(matrix.active.at(2013) == 1);
  CHECK(matrix.new_regions.at(2013) == 0);
}

TEST_CASE("cells count sessions and keep notes in order") {
  auto reg = make_registry({"a"});
  add_session(reg, "a", 2012, "※大森地区");
  add_session(reg, "a", 2012);
  add_session(reg, "a", 2012, "※区全域");
  Diagnostics diagnostics;
  auto matrix = analysis::compute_spread(reg, diagnostics);
  const auto& cell = matrix.rows.at(0).cells.at(2012);
  CHECK(cell.sessions == 3);
  CHECK(cell.notes == std::vector<std::string>{"※大森地区", "※区全域"});
}

TEST_CASE("uncounted sessions are left out, also from the year span") {
  auto reg = make_registry({"a", "b"});
  add_session(reg, "a", 2012);
  add_session(reg, "b", 2010, "", false);
  add_session(reg, "a", 2014, "", false);
  Diagnostics diagnostics;
  auto matrix = analysis::compute_spread(reg, diagnostics);
  CHECK(matrix.years == std::vector<int>{2012});
  CHECK(matrix.rows.size() == 1);
  CHECK(diagnostics.items().empty());
}

TEST_CASE("declared years bound the matrix; sessions outside warn and are left out") {
  auto reg = make_registry({"a", "b"});
  reg.years = std::make_pair(2012, 2014);
  add_session(reg, "a", 2011);
  add_session(reg, "a", 2013);
  add_session(reg, "b", 2016);
  Diagnostics diagnostics;
  auto matrix = analysis::compute_spread(reg, diagnostics);
  CHECK(matrix.years == std::vector<int>{2012, 2013, 2014});
  REQUIRE(matrix.rows.size() == 1);
  CHECK(matrix.rows[0].first_year == 2013);  // first year inside the span
  CHECK(matrix.rows[0].cells.count(2011) == 0);
  CHECK(diagnostics.items().size() == 2);
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(matrix.active.at(2012) == 0);
  CHECK(matrix.cumulative.at(2014) == 1);
}

TEST_CASE("an empty registry gives an empty matrix") {
  auto reg = make_registry({"a"});
  Diagnostics diagnostics;
  auto matrix = analysis::compute_spread(reg, diagnostics);
  CHECK(matrix.years.empty());
  CHECK(matrix.rows.empty());
}
