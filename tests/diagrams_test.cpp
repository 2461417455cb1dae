// The classification diagrams laid out with a fixed-width measurer on registries of 3 and 40
// regions and on the seed: text never overlaps, stays on the page and is never cut; and a
// changed registry (a new region, a new link) changes the drawing with the same layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/analysis/classification.h"
#include "core/analysis/spread_matrix.h"
#include "core/layout/deck.h"
#include "core/registry/loader.h"
#include "tests/support.h"

using namespace tenkai;

namespace {

const char* const kDiagramTypes[] = {"function_types", "pattern_p1", "pattern_p2", "pattern_p3",
                                     "rollout_r1",     "rollout_r2", "rollout_r3"};

std::string deck_with(const std::vector<std::string>& elements) {
  std::string spec = "tenkai: 1\ndeck:\n  slides:\n";
  for (const auto& element : elements) {
    spec += "    - title: 図\n      elements:\n        - " + element + "\n";
  }
  return spec;
}

// A registry with `n` municipalities under one wide leader training (P2, R2), one of which
// changes function over time (P3), a municipality spreading to `n` others in 沖縄県 (R1), a
// plain one (P1) and a small pair across prefectures (R3).
std::string synthetic_registry(int n) {
  std::string y = "tenkai: 1\nregistry: {title: 合成}\nregions:\n";
  y += "  - {id: hub, name: 東京都, prefecture: 東京都, level: prefecture}\n";
  for (int i = 0; i < n; ++i) {
    std::string name =
        i % 4 == 0 ? "東多摩川流域第" + std::to_string(i) + "市" : "市" + std::to_string(i);
    y += "  - {id: m" + std::to_string(i) + ", name: " + name +
         ", prefecture: 東京都, level: municipality, population: " +
         std::to_string(20000 + 37000 * i) + "}\n";
  }
  y += "  - {id: urasoe, name: 浦添市, prefecture: 沖縄県, level: municipality}\n";
  y += "  - {id: okinawa, name: 沖縄県, prefecture: 沖縄県, level: prefecture}\n";
  for (int i = 0; i < n; ++i) {
    y += "  - {id: o" + std::to_string(i) + ", name: 沖縄第" + std::to_string(i) +
         "町, prefecture: 沖縄県, level: municipality}\n";
  }
  y += "  - {id: p3town, name: 柏市, prefecture: 千葉県, level: municipality}\n";
  y += "  - {id: kamaishi, name: 釜石市, prefecture: 岩手県, level: municipality, population: "
       "30000}\n";
  y += "  - {id: takashima, name: 高島市, prefecture: 滋賀県, level: municipality, population: "
       "50000}\n";
  y += "sessions:\n";
  y += "  - {region: hub, fiscal_year: 2013, days: 3}\n";
  for (int i = 0; i < n; ++i) {
    y += "  - {region: m" + std::to_string(i) + ", fiscal_year: " + std::to_string(2013 + i % 3) +
         ", days: 1.5}\n";
    y += "  - {region: o" + std::to_string(i) + ", fiscal_year: " + std::to_string(2013 + i % 3) +
         "}\n";
  }
  y += "  - {region: p3town, fiscal_year: 2011, ordinal: 1, days: 4.0, field_hours: 32}\n";
  for (int k = 0; k < (n > 3 ? 12 : 2); ++k) {
    y += "  - {region: p3town, fiscal_year: " + std::to_string(2012 + k % 4) + ", days: 1.5}\n";
    y += "  - {region: p3town, fiscal_year: " + std::to_string(2012 + k % 4) +
         ", hours: 2, counted: false, note: 顔の見える関係会議}\n";
  }
  for (int year = 2011; year <= 2015; ++year) {
    y += "  - {region: urasoe, fiscal_year: " + std::to_string(year) + "}\n";
  }
  y += "  - {region: okinawa, fiscal_year: 2014, counted: false}\n";
  y += "  - {region: takashima, fiscal_year: 2014, hours: 2}\n";
  y += "links:\n";
  for (int i = 0; i < n; ++i) {
    y += "  - {from: hub, to: m" + std::to_string(i) + ", kind: leader_alumni}\n";
    y += "  - {from: urasoe, to: o" + std::to_string(i) + ", kind: know_how, fiscal_year: 2013}\n";
  }
  y += "  - {from: urasoe, to: okinawa, kind: know_how, fiscal_year: 2014}\n";
  y += "  - {from: kamaishi, to: takashima, kind: exchange, fiscal_year: 2013}\n";
  y += "  - {from: kamaishi, to: takashima, kind: visit, fiscal_year: 2014}\n";
  y += "  - {from: takashima, to: kamaishi, kind: lecturer, fiscal_year: 2014}\n";
  return y;
}

struct Laid {
  scene::Document document;
  Diagnostics diagnostics;
};

Laid lay_out(const registry::Registry& reg, const std::string& spec_text) {
  Laid out;
  auto matrix = analysis::compute_spread(reg, out.diagnostics);
  auto classification = analysis::classify(reg);
  auto spec = layout::parse_deck_spec(spec_text, "test.yaml", &reg, out.diagnostics);
  REQUIRE(spec);
  scene::FixedWidthMeasurer measurer(1.0);
  layout::LayoutInputs inputs{reg, matrix, classification, measurer, nullptr};
  out.document = layout::layout_deck(*spec, inputs, out.diagnostics);
  return out;
}

registry::Registry parse(const std::string& yaml) {
  auto loaded = registry::parse_registry(yaml, "synthetic.yaml");
  for (const auto& d : loaded.diagnostics.items()) MESSAGE(format_diagnostic(d));
  REQUIRE(loaded.registry);
  return *loaded.registry;
}

struct Box {
  double x0, y0, x1, y1;
  std::string text;
};

void collect(const std::vector<scene::Item>& items, scene::Point offset, std::vector<Box>& out,
             std::vector<std::string>* texts = nullptr) {
  for (const auto& item : items) {
    if (const auto* line = std::get_if<scene::TextLine>(&item)) {
      double x = line->baseline.x + offset.x, y = line->baseline.y + offset.y;
      out.push_back(
          {x, y - 0.88 * line->font.size, x + line->width, y + 0.12 * line->font.size, line->text});
      if (texts) texts->push_back(line->text);
    } else if (const auto* group = std::get_if<scene::Group>(&item)) {
      collect(group->items, {offset.x + group->offset.x, offset.y + group->offset.y}, out, texts);
    }
  }
}

// Pairs of text lines whose boxes overlap by more than a hair.
std::vector<std::string> overlaps(const std::vector<Box>& boxes) {
  std::vector<std::string> found;
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const Box& a = boxes[i];
      const Box& b = boxes[j];
      double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (w > 0.5 && h > 0.5) found.push_back("'" + a.text + "' / '" + b.text + "'");
    }
  }
  return found;
}

std::string page_text(const scene::Page& page) {
  std::vector<Box> boxes;
  std::vector<std::string> texts;
  collect(page.items, {0, 0}, boxes, &texts);
  // Lines joined without breaks, so a phrase wrapped over two lines is still found.
  std::string all;
  for (const auto& t : texts) all += t;
  return all;
}

void check_legible(const registry::Registry& reg, const char* what) {
  for (const char* type : kDiagramTypes) {
    std::string context = std::string(what) + " / " + type;
    CAPTURE(context);
    auto laid = lay_out(reg, deck_with({std::string("{type: ") + type + "}"}));
    REQUIRE(laid.document.pages.size() == 1);
    const auto& page = laid.document.pages[0];
    std::vector<Box> boxes;
    collect(page.items, {0, 0}, boxes);
    CHECK(boxes.size() > 5);
    auto found = overlaps(boxes);
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
    for (const auto& b : boxes) {
      CHECK_MESSAGE(
          (b.x0 >= -0.5 && b.x1 <= page.width + 0.5 && b.y0 >= -0.5 && b.y1 <= page.height + 0.5),
          b.text);
    }
    for (const auto& d : laid.diagnostics.items()) {
      CHECK_MESSAGE(d.message.find("shortened") == std::string::npos, d.message);
      CHECK_MESSAGE(d.message.find("does not fit") == std::string::npos, d.message);
    }
  }
}

}  // namespace

TEST_CASE("diagrams stay legible with 3 regions and with 40") {
  check_legible(parse(synthetic_registry(3)), "3 regions");
  check_legible(parse(synthetic_registry(40)), "40 regions");
}

TEST_CASE("diagrams on the seed registry show the deck's examples") {
  auto loaded = registry::load_registry(testing::source_path("fixtures/ipw-2015/registry.yaml"));
  REQUIRE(loaded.registry);
  check_legible(*loaded.registry, "seed");
  auto laid = lay_out(*loaded.registry,
                      deck_with({"{type: pattern_p2}", "{type: pattern_p3}", "{type: rollout_r1}",
                                 "{type: rollout_r2, prefecture: 滋賀県}", "{type: rollout_r3}"}));
  REQUIRE(laid.document.pages.size() == 5);
  std::string p2 = page_text(laid.document.pages[0]);
  // The hub shows its training as the seed does: 東京都 在宅療養地域リーダー研修.
  for (const char* name :
       {"東京都", "在宅療養地域リーダー研修", "日野市", "渋谷区", "武蔵村山市"}) {
    CHECK_MESSAGE(p2.find(name) != std::string::npos, name);
  }
  std::string p3 = page_text(laid.document.pages[1]);
  CHECK(p3.find("千葉県柏市") != std::string::npos);
  CHECK(p3.find("第1回") != std::string::npos);
  CHECK(p3.find("4.0日") != std::string::npos);
  CHECK(p3.find("リーダー研修として機能") != std::string::npos);
  CHECK(page_text(laid.document.pages[2]).find("浦添市") != std::string::npos);
  std::string r2 = page_text(laid.document.pages[3]);
  CHECK(r2.find("大津市") != std::string::npos);
  CHECK(r2.find("人口約34万人") != std::string::npos);
  std::string r3 = page_text(laid.document.pages[4]);
  CHECK(r3.find("釜石市") != std::string::npos);
  CHECK(r3.find("高島市") != std::string::npos);
  CHECK(r3.find("視察") != std::string::npos);
}

TEST_CASE("a new region or link in the registry changes the diagrams, the layout unchanged") {
  const std::string spec =
      deck_with({"{type: pattern_p2}", "{type: rollout_r3}", "{type: rollout_r1}"});
  std::string base = synthetic_registry(3);
  auto before = lay_out(parse(base), spec);

  // A new municipality trained by the wide leader course: one more box in the P2 fan.
  std::string grown = base;
  grown.replace(grown.find("sessions:\n"), 0,
                "  - {id: newtown, name: 新設町, prefecture: 東京都, level: municipality}\n");
  grown.replace(grown.find("links:\n") + 7, 0,
                "  - {from: hub, to: newtown, kind: leader_alumni}\n");
  grown.replace(grown.find("links:\n"), 0, "  - {region: newtown, fiscal_year: 2015}\n");
  auto after_region = lay_out(parse(grown), spec);
  CHECK(page_text(before.document.pages[0]).find("新設町") == std::string::npos);
  CHECK(page_text(after_region.document.pages[0]).find("新設町") != std::string::npos);

  // A new link between the small pair: one more arrow and caption in R3.
  std::string linked =
      base + "  - {from: takashima, to: kamaishi, kind: visit, fiscal_year: 2015, note: 再訪問}\n";
  auto after_link = lay_out(parse(linked), spec);
  CHECK(page_text(before.document.pages[1]).find("再訪問") == std::string::npos);
  CHECK(page_text(after_link.document.pages[1]).find("再訪問（2015年度）") != std::string::npos);
  CHECK(page_text(after_link.document.pages[2]) == page_text(before.document.pages[2]));
}

TEST_CASE("the shipped deck redraws its diagrams from a changed seed, layout untouched") {
  const std::string layout_path = testing::source_path("layouts/forum-2015.yaml");
  const std::string spec = testing::read_file(layout_path);
  std::string seed = testing::read_file(testing::source_path("fixtures/ipw-2015/registry.yaml"));
  auto find_page = [](const Laid& laid, const std::string& title) -> std::string {
    for (const auto& page : laid.document.pages) {
      if (page.title.find(title) != std::string::npos) return page_text(page);
    }
    FAIL("no page titled " << title);
    return "";
  };
  auto before = lay_out(parse(seed), spec);

  // 東京都's leader training reaches one more ward; 高島市 sends lecturers once more.
  std::string changed = seed;
  changed.replace(changed.find("\nsessions:\n"), 0,
                  "\n  - {id: nerima, name: 練馬区, prefecture: 東京都, level: municipality}");
  changed.replace(changed.find("\nlinks:\n"), 0, "\n  - {region: nerima, fiscal_year: 2015}");
  changed += "  - {from: tokyo, to: nerima, kind: leader_alumni, fiscal_year: 2015}\n";
  changed +=
      "  - {from: takashima, to: kamaishi, kind: lecturer, fiscal_year: 2015, note: 講師派遣}\n";
  auto after = lay_out(parse(changed), spec);

  std::string p2_before = find_page(before, "パターン２"),
              p2_after = find_page(after, "パターン２");
  CHECK(p2_before.find("練馬区") == std::string::npos);
  CHECK(p2_after.find("練馬区") != std::string::npos);
  std::string r3_before = find_page(before, "３．"), r3_after = find_page(after, "３．");
  CHECK(r3_before.find("講師派遣") == std::string::npos);
  CHECK(r3_after.find("講師派遣（2015年度）") != std::string::npos);
  // The figures written beside the deck change with them.
  auto figure_text = [](const Laid& laid, const std::string& name) {
    for (const auto& figure : laid.document.figures) {
      if (figure.name == name) return page_text(figure.page);
    }
    return std::string("(missing)");
  };
  CHECK(figure_text(after, "pattern-p2").find("練馬区") != std::string::npos);
  CHECK(figure_text(before, "pattern-p2").find("練馬区") == std::string::npos);
}
