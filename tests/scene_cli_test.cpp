// `tenkai scene` end to end: CONTRACT.md §4's JSON read back by Python, exit codes, and one
// reporting period (classify and the deck leave out sessions outside the registry's years).
#include <doctest/doctest.h>

#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {
// Runs a Python snippet over the JSON in `path` (as variable d) and returns what it printed.
std::string python_on(const std::string& path, const std::string& code) {
  auto result =
      run("python3 -c " + shell_quote("import json,sys\nd=json.load(open(sys.argv[1]))\n" + code) +
          " " + shell_quote(path));
  REQUIRE(result.exit_code == 0);
  return result.out;
}
}  // namespace

TEST_CASE("scene prints every page of the default deck as CONTRACT §4 JSON") {
  ScratchDir dir;
  auto result = run_tenkai("scene");
  REQUIRE(result.exit_code == 0);
  write_file(dir.file("scene.json"), result.out);
  const std::string path = dir.file("scene.json");
  CHECK(python_on(path,
                  "print(d['tenkai_scene'], len(d['pages']) >= 17, d['pages'][0]['page'], "
                  "d['pages'][0]['width'], d['pages'][0]['height'])") == "2 True 1 720 540\n");
  // The rollout slide: its title as a text item, one page holding the matrix's 17 rows.
  CHECK(
      python_on(path,
                "p=[p for p in d['pages'] if p['slide']=='rollout']\n"
                "t=[i for q in p for i in q['items'] if i['kind']=='table']\n"
                "titles=[i['text'] for i in p[0]['items'] if i['kind']=='text' and "
                "i['role']=='title']\n"
                "print(len(p)==len(t), titles, t[0]['header_rows'], "
                "sum(len(x['rows'])-x['header_rows'] for x in t), [x['continued'] for x in t][:2], "
                "t[0]['rows'][0][:3], t[0]['rows'][1][:3])") ==
      "True ['開催地域の波及状況（年度別推移）'] 1 17 [False] ['開催地域', '主催', '2011年'] "
      "['千葉県柏市', '市・地区医師会 ※第1～2回は東大', '●×2']\n");
  // Lines: box of four numbers, size, block ids p<page>-b<n> numbered from 1 in order of first
  // appearance; the lines of one cell share a block, different cells do not.
  CHECK(python_on(path,
                  "ok=True\n"
                  "for p in d['pages']:\n"
                  "  seen=[]\n"
                  "  for l in p['lines']:\n"
                  "    ok=ok and len(l['box'])==4 and l['size']>0\n"
                  "    if l['block'] not in seen: seen.append(l['block'])\n"
                  "  ok=ok and seen==['p%d-b%d'%(p['page'],i+1) for i in range(len(seen))]\n"
                  "print(ok)") == "True\n");
  // The chart plots the matrix totals; the footer and page number are text items.
  CHECK(python_on(path,
                  "c=[i for p in d['pages'] for i in p['items'] if i['kind']=='chart'][0]\n"
                  "print(c['categories'], [(s['kind'], s['values']) for s in c['series']])") ==
        "[2011, 2012, 2013, 2014, 2015] [('bar', [1, 3, 7, 6, 0]), ('line', [1, 4, 11, 17, "
        "17])]\n");
  CHECK(python_on(path,
                  "p=d['pages'][1]\n"
                  "print(sorted({i['role'] for i in p['items'] if i['kind']=='text'}))") ==
        "['footer', 'page_number', 'title']\n");
  // Each diagram is one drawing with alt text; the QR code's link is there.
  CHECK(python_on(path,
                  "k=[i for p in d['pages'] for i in p['items'] if i['kind']=='drawing']\n"
                  "print('pattern_p2' in [i['role'] for i in k], all(i['alt'] for i in k), "
                  "any(i['kind']=='link' for p in d['pages'] for i in p['items']))") ==
        "True True True\n");
}

TEST_CASE("the FY2016 update's 19 rows are one table page at 10 pt or more, notes as references") {
  ScratchDir dir;
  auto result = run_tenkai("scene --data " +
                           shell_quote(source_path("fixtures/ipw-2016-update/registry.yaml")));
  REQUIRE(result.exit_code == 0);
  write_file(dir.file("scene.json"), result.out);
  // One page, every row on it; its cells at 10 pt or more; the cell notes that do not follow
  // their mark listed under the table as ※n.
  CHECK(python_on(dir.file("scene.json"),
                  "p=[p for p in d['pages'] if p['slide']=='rollout']\n"
                  "t=[i for i in p[0]['items'] if i['kind']=='table'][0]\n"
                  "sizes=[c['size'] for r in t['cells'] for c in r]\n"
                  "notes=[i['text'] for i in p[0]['items'] if i['kind']=='text' and "
                  "i['role']=='note']\n"
                  "print(len(p), len(t['rows'])-t['header_rows'], min(sizes)>=10, "
                  "'※1 大森地区' in notes[0], '※5 柏市の協力で開催' in notes[0])") ==
        "1 19 True True True\n");
}

TEST_CASE("scene: exit codes as build; nothing on stdout on errors") {
  ScratchDir dir;
  auto two = run_tenkai("scene " + shell_quote(source_path("layouts/forum-2015.yaml")) + " " +
                        shell_quote(source_path("layouts/forum-2015.yaml")));
  CHECK(two.exit_code == 2);
  CHECK(two.out.empty());
  auto workbook = run_tenkai("scene " + shell_quote(source_path("layouts/ministry-report.yaml")));
  CHECK(workbook.exit_code == 1);
  CHECK(workbook.out.empty());
  write_file(dir.file("bad.yaml"), "tenkai: 1\nregistry: {title: x}\nregions: [{id: A}]\n");
  auto bad = run_tenkai("scene --data " + shell_quote(dir.file("bad.yaml")));
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("bad.yaml:") != std::string::npos);
}

TEST_CASE("one reporting period: FY2016 sessions outside years [2011, 2015] are left out alike") {
  ScratchDir dir;
  std::string text = read_file(source_path("fixtures/ipw-2016-update/registry.yaml"));
  auto at = text.find("years: [2011, 2016]");
  REQUIRE(at != std::string::npos);
  text.replace(at, 19, "years: [2011, 2015]");
  write_file(dir.file("r.yaml"), text);
  const std::string data = " --data " + shell_quote(dir.file("r.yaml"));

  auto classify = run_tenkai("classify --format json" + data);
  REQUIRE(classify.exit_code == 0);
  write_file(dir.file("c.json"), classify.out);
  // Listed, flagged, and deciding nothing: 流山市 and 宗像市 have only FY2016 sessions.
  CHECK(
      python_on(dir.file("c.json"),
                "o=[(s['region'],s['fiscal_year']) for s in d['sessions'] if not s['in_period']]\n"
                "a=[x['region'] for x in d['areas']]\n"
                "print(len(o), ('hino', 2016) in o, 'nagareyama' in a, 'munakata' in a, "
                "all('in_period' in s for s in d['sessions']))") == "5 True False False True\n");
  // The warning names the session and how to include it.
  CHECK(classify.err.find("years: [2011, 2016]") != std::string::npos);

  auto scene = run_tenkai("scene" + data);
  REQUIRE(scene.exit_code == 0);
  write_file(dir.file("s.json"), scene.out);
  CHECK(python_on(dir.file("s.json"),
                  "import re\n"
                  "texts=[l['text'] for p in d['pages'] for l in p['lines']]\n"
                  "print(any('流山' in t or '宗像' in t for t in texts), "
                  "any(re.search('2016', t) for t in texts))") == "False False\n");
}
