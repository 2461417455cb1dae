// Deck spec loading: every mistake reported at once, at PATH:LINE:COL, with did-you-mean hints.
#include <doctest/doctest.h>

#include "core/layout/deck.h"

using namespace tenkai;

namespace {

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(format_diagnostic(d));
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

bool has(const std::vector<std::string>& lines, const std::string& needle) {
  for (const auto& line : lines) {
    if (line.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a valid deck spec loads with its page, theme, master and slides") {
  const char* text = R"(tenkai: 1
deck:
  output: forum.pdf
  meta: {title: "{registry.title}", author: 東京大学, date: 2015-10-16}
  page: "16:9"
  theme:
    min_scale: 0.6
    sizes: {body: 16}
    colors: {accent: "#C00000"}
  master: {footer: "© Institute", page_number: true, logo: IOG}
  slides:
    - name: cover
      style: title
      elements:
        - {type: title, text: 在宅医療, align: center}
    - title: 研修の狙い
      layout: columns
      elements:
        - type: bullets
          items:
            - かかりつけ医
            - text: 市町村
              emphasis: true
              items: [地域包括ケア]
        - {type: qr, data: "http://chcm.umin.jp/education/ipw/", size: 90}
      footnotes: ※注
)";
  Diagnostics diagnostics;
  auto spec = layout::parse_deck_spec(text, "deck.yaml", nullptr, diagnostics);
  INFO(messages(diagnostics).size());
  REQUIRE(spec);
  CHECK(diagnostics.items().empty());
  CHECK(spec->output == "forum.pdf");
  CHECK(spec->page.width == 960);
  CHECK(spec->theme.min_scale == doctest::Approx(0.6));
  CHECK(spec->theme.body_size == 16);
  CHECK(spec->theme.accent.r == doctest::Approx(0xC0 / 255.0));
  CHECK(spec->footer.text == "© Institute");
  CHECK(spec->footer.logo == "IOG");
  CHECK(spec->info.creation_date == "2015-10-16");
  REQUIRE(spec->slides.size() == 2);
  CHECK(spec->slides[0].style == layout::SlideStyle::title);
  CHECK_FALSE(spec->slides[0].footer);  // title slides go without the footer by default
  CHECK(spec->slides[1].body.type == "columns");
  CHECK(spec->slides[1].footnotes == std::vector<std::string>{"※注"});
}

TEST_CASE("every mistake of a spec is reported in one run with its line and column") {
  const char* text = R"(tenkai: 1
deck:
  page: "16:10"
  theme:
    colors: {acent: "#C00000", title: red}
  slides:
    - titles: 研修の狙い
      elements:
        - {type: bulets, items: [a]}
        - {type: text, txt: hello}
        - {type: text, text: "{registry.titel}"}
        - {type: rollout_table, years: eras}
        - {type: text, text: x, align: centre}
  outptu: x.pdf
)";
  Diagnostics diagnostics;
  auto spec = layout::parse_deck_spec(text, "layouts/bad.yaml", nullptr, diagnostics);
  CHECK_FALSE(spec);
  auto lines = messages(diagnostics);
  INFO(joined(lines));
  CHECK(has(lines, "layouts/bad.yaml:3:9: error: unknown page size '16:10'"));
  CHECK(has(lines,
            "layouts/bad.yaml:5:14: error: unknown key 'acent' in theme colors (did you mean "
            "'accent'?)"));
  CHECK(has(lines,
            "layouts/bad.yaml:5:39: error: 'title' must be a colour like \"#1F3864\", not 'red'"));
  CHECK(has(lines,
            "layouts/bad.yaml:7:7: error: unknown key 'titles' in slide (did you mean 'title'?)"));
  CHECK(
      has(lines,
          "layouts/bad.yaml:9:18: error: unknown element type 'bulets' (did you mean 'bullets'?)"));
  CHECK(has(
      lines,
      "layouts/bad.yaml:10:24: error: unknown key 'txt' in element 'text' (did you mean 'text'?)"));
  // A misspelt required key is one error, at the key, with its did-you-mean: not also "needs".
  CHECK_FALSE(has(lines, "layouts/bad.yaml:10:11: error: text element needs 'text'"));
  CHECK(has(lines,
            "layouts/bad.yaml:11:30: error: unknown placeholder '{registry.titel}' (did you mean "
            "'registry.title'?)"));
  CHECK(has(lines,
            "layouts/bad.yaml:12:40: error: 'years' must be one of western, fiscal, era, "
            "era_short, not 'eras' (did you mean 'era'?)"));
  CHECK(has(lines,
            "layouts/bad.yaml:13:40: error: 'align' must be one of left, center, right, not "
            "'centre' (did you mean 'center'?)"));
  CHECK(has(lines,
            "layouts/bad.yaml:14:3: error: unknown key 'outptu' in deck (did you mean 'output'?)"));
  CHECK(diagnostics.error_count() == 10);
}

TEST_CASE("a key given twice is an error at the second, naming the first") {
  const char* text = R"(tenkai: 1
deck:
  output: a.pdf
  slides:
    - title: 研修の狙い
      title: 研修の目的
      elements:
        - {type: text, text: x, text: y}
  output: b.pdf
)";
  Diagnostics diagnostics;
  auto spec = layout::parse_deck_spec(text, "layouts/twice.yaml", nullptr, diagnostics);
  CHECK_FALSE(spec);
  auto lines = messages(diagnostics);
  INFO(joined(lines));
  CHECK(
      has(lines,
          "layouts/twice.yaml:6:7: error: duplicate key 'title' in slide (first given at line 5)"));
  CHECK(has(lines,
            "layouts/twice.yaml:8:33: error: duplicate key 'text' in element 'text' (first "
            "given at line 8)"));
  CHECK(
      has(lines,
          "layouts/twice.yaml:9:3: error: duplicate key 'output' in deck (first given at line 3)"));
  CHECK(diagnostics.error_count() == 3);
}

TEST_CASE("malformed YAML and a missing version are positioned errors, not crashes") {
  Diagnostics diagnostics;
  CHECK_FALSE(
      layout::parse_deck_spec("tenkai: 1\ndeck: [unclosed\n", "x.yaml", nullptr, diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]).rfind("x.yaml:", 0) == 0);
  CHECK(diagnostics.items()[0].pos.line >= 2);

  Diagnostics more;
  CHECK_FALSE(layout::parse_deck_spec("deck:\n  slides: []\n", "y.yaml", nullptr, more));
  auto lines = messages(more);
  INFO(joined(lines));
  CHECK(has(lines, "y.yaml:1:1: error: the spec needs 'tenkai'"));
  CHECK(has(lines, "y.yaml:2:11: error: 'slides' must be a non-empty list of slides"));

  Diagnostics version;
  CHECK_FALSE(layout::parse_deck_spec("tenkai: 2\ndeck: {slides: [{title: a}]}\n", "z.yaml",
                                      nullptr, version));
  CHECK(has(messages(version), "z.yaml:1:9: error: 'tenkai' must be between 1 and 1"));
}

TEST_CASE("bindings to regions are checked against the registry") {
  registry::Registry reg;
  registry::Region kashiwa;
  kashiwa.id = "kashiwa";
  reg.region_index["kashiwa"] = 0;
  reg.regions.push_back(kashiwa);
  Diagnostics diagnostics;
  tenkai::layout::SpecReader reader("s.yaml", diagnostics, &reg);
  YAML::Node node = YAML::Load("{region: kashiwq}");
  CHECK_FALSE(reader.region(node, "region"));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) ==
        "s.yaml:1:10: error: unknown region 'kashiwq' (did you mean 'kashiwa'?)");
  YAML::Node good = YAML::Load("{region: kashiwa}");
  CHECK(reader.region(good, "region") == std::optional<std::string>("kashiwa"));
}

TEST_CASE("an unquoted {placeholder} that YAML reads as a map is taken as the placeholder") {
  Diagnostics diagnostics;
  auto spec =
      layout::parse_deck_spec("tenkai: 1\ndeck:\n  slides:\n    - title: {registry.title}\n",
                              "p.yaml", nullptr, diagnostics);
  REQUIRE(spec);
  CHECK(spec->slides[0].title == "{registry.title}");
}
