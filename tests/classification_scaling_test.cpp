// Classification work grows linearly with the registry: a generated registry ten times the size
// (more prefectures' municipalities, wide areas, sessions without ordinals, links of every kind)
// takes at most about ten times the classifier's steps. Counted, not timed.
#include <doctest/doctest.h>

#include "core/analysis/classification.h"
#include "core/analysis/work_meter.h"
#include "core/layout/classification_use.h"
#include "core/layout/deck.h"
#include "core/registry/prefectures.h"
#include "core/workbook/classification_use.h"
#include "core/workbook/spec_loader.h"
#include "support.h"

using namespace tenkai;
using registry::Level;
using registry::LinkKind;

namespace {

// 47 prefectures, each led by a prefecture-wide leader course; `scale` wide areas and 10 ×
// `scale` municipalities per prefecture, every municipality holding six sessions over five years
// (two in one year), every other session without an ordinal.
registry::Registry generated(int scale) {
  registry::Registry reg;
  auto add_region = [&](const std::string& id, const std::string& pref, int code, Level level,
                        std::optional<long long> population) {
    registry::Region region;
    region.id = region.name = region.label = id;
    region.prefecture = pref;
    region.prefecture_code = code;
    region.level = level;
    region.population = population;
    reg.region_index[id] = reg.regions.size();
    reg.regions.push_back(region);
    return reg.regions.size() - 1;
  };
  int serial = 0;
  auto add_session = [&](size_t region, int year, double days) {
    registry::Session session;
    session.region = reg.regions[region].id;
    session.region_index = region;
    session.fiscal_year = year;
    session.days = days;
    if (++serial % 2) session.ordinal = serial;
    reg.sessions.push_back(session);
  };
  auto add_link = [&](size_t from, size_t to, LinkKind kind, int year) {
    registry::Link link;
    link.from = reg.regions[from].id, link.to = reg.regions[to].id;
    link.from_index = from, link.to_index = to;
    link.kind = kind;
    link.fiscal_year = year;
    reg.links.push_back(link);
  };
  std::vector<size_t> small_first;  // per prefecture, its first small municipality
  for (int p = 0; p < 47; ++p) {
    const std::string& pref = registry::prefecture_names()[p];
    std::string cc = std::to_string(p + 1);
    size_t hub = add_region("pref-" + cc, pref, p + 1, Level::prefecture, std::nullopt);
    for (int year = 2012; year <= 2015; ++year) add_session(hub, year, 3);
    for (int w = 0; w < scale; ++w) {
      size_t wide = add_region("w" + cc + "-" + std::to_string(w), pref, p + 1, Level::wide_area,
                               std::nullopt);
      add_session(wide, 2013, w % 2 ? 3 : 1.5);
      add_session(wide, 2014, 1.5);
    }
    std::vector<size_t> municipal;
    for (int m = 0; m < 10 * scale; ++m) {
      size_t r = add_region("m" + cc + "-" + std::to_string(m), pref, p + 1, Level::municipality,
                            m % 3 ? std::optional<long long>(8000 + 1000 * m) : std::nullopt);
      int first = 2011 + m % 4;
      for (int year = first; year < first + 5; ++year) add_session(r, year, m % 5 ? 1.5 : 0.25);
      add_session(r, first + 1, 4);
      municipal.push_back(r);
    }
    for (int k = 1; k <= 4; ++k) add_link(hub, municipal[k], LinkKind::leader_alumni, 2014);
    add_link(municipal[0], hub, LinkKind::know_how, 2013);
    for (int k = 5; k <= 7; ++k) add_link(municipal[0], municipal[k], LinkKind::spread, 2014);
    for (int w = 0; w < scale; ++w) {
      size_t wide = reg.region_index.at("w" + cc + "-" + std::to_string(w));
      add_link(wide, municipal[8 + w % 2], LinkKind::leader_alumni, 2015);
    }
    small_first.push_back(municipal[1]);
    for (int k = 0; k < scale; ++k) {
      // Small municipalities exchanging know-how with the next prefecture's.
      if (p > 0) {
        add_link(municipal[1 + k],
                 reg.region_index.at("m" + std::to_string(p) + "-" + std::to_string(1 + k)),
                 LinkKind::exchange, 2015);
      }
    }
  }
  return reg;
}

size_t classification_steps(const registry::Registry& reg, analysis::Classification& out) {
  analysis::work_meter::steps = 0;
  out = analysis::classify(reg);
  return analysis::work_meter::steps;
}

}  // namespace

TEST_CASE("classification work grows linearly with the registry") {
  registry::Registry base = generated(1), large = generated(10);
  double size_ratio =
      static_cast<double>(large.sessions.size() + large.regions.size() + large.links.size()) /
      static_cast<double>(base.sessions.size() + base.regions.size() + base.links.size());
  REQUIRE(size_ratio > 8.5);
  REQUIRE(size_ratio < 10.5);

  analysis::Classification small_result, large_result;
  size_t small_steps = classification_steps(base, small_result);
  size_t large_steps = classification_steps(large, large_result);
  // The registry was really classified: every session, every region with sessions, and the
  // unnumbered sessions named by their place in the year.
  CHECK(large_result.sessions.size() == large.sessions.size());
  CHECK(large_result.areas.size() == large.regions.size());
  CHECK(large_result.prefectures.size() == 47);
  bool numbered_by_place = false;
  for (const auto& s : large_result.sessions) {
    numbered_by_place |= s.reason.find("2件目（回次なし）") != std::string::npos;
  }
  CHECK(numbered_by_place);
  size_t r3 = 0;
  for (const auto& pref : large_result.prefectures) {
    for (const auto& evidence : pref.rollouts) r3 += evidence.rollout == analysis::Rollout::R3;
  }
  CHECK(r3 == 47);

  REQUIRE(small_steps > 0);
  double step_ratio = static_cast<double>(large_steps) / static_cast<double>(small_steps);
  INFO("size ratio " << size_ratio << ", step ratio " << step_ratio);
  // Linear work keeps the ratio near the size ratio; one scan of the registry per session would
  // make it about the size ratio squared.
  CHECK(step_ratio < 1.2 * size_ratio);
}

TEST_CASE("only specs that show classified data need the classification") {
  auto deck = [](const std::string& relative) {
    Diagnostics diagnostics;
    auto spec = layout::load_deck_spec(testing::source_path(relative), nullptr, diagnostics);
    REQUIRE(spec);
    return layout::deck_needs_classification(*spec);
  };
  CHECK_FALSE(deck("bench/table-only.yaml"));
  CHECK(deck("layouts/forum-2015.yaml"));

  auto book = workbook::load_workbook_spec(testing::source_path("layouts/ministry-report.yaml"));
  REQUIRE(book.spec);
  CHECK(workbook::workbook_needs_classification(*book.spec));
  // The same workbook with only its matrix sheet reads no classification.
  workbook::WorkbookSpec matrix_only = *book.spec;
  matrix_only.sheets.resize(1);
  REQUIRE(matrix_only.sheets[0].tables.at(0).data == workbook::DataSource::spread_matrix);
  CHECK_FALSE(workbook::workbook_needs_classification(matrix_only));
}
