// Data selection in deck layouts (where / sort / limit) and slides repeated for_each, end to
// end: the spec is laid out by the real binary and the outcome read back from `tenkai scene`
// JSON by Python, against `tenkai matrix --format json` and the registry file read by PyYAML.
// The national deck's length is checked on the built PDF with pdfinfo.
#include <doctest/doctest.h>

#include <string>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {

std::string seed() {
  return shell_quote(source_path("fixtures/ipw-2015/registry.yaml"));
}

// A deck spec of one or more slides written here (`slides` is YAML indented for deck.slides).
std::string spec_with(const std::string& slides) {
  return "tenkai: 1\ndeck:\n  page: \"4:3\"\n  slides:\n" + slides;
}

// Lays `spec` out on `registry` and runs a Python snippet over the scene (variable d), the
// matrix (m) and the registry file (r); returns what it printed.
std::string check_scene(const ScratchDir& dir, const std::string& spec, const std::string& code,
                        const std::string& registry = seed()) {
  write_file(dir.file("spec.yaml"), spec);
  auto scene = run_tenkai("scene " + shell_quote(dir.file("spec.yaml")) + " --data " + registry);
  REQUIRE_MESSAGE(scene.exit_code == 0, scene.err);
  write_file(dir.file("scene.json"), scene.out);
  auto matrix = run_tenkai("matrix --format json --data " + registry);
  REQUIRE(matrix.exit_code == 0);
  write_file(dir.file("matrix.json"), matrix.out);
  const std::string prelude =
      "import json,sys,yaml\n"
      "d=json.load(open(sys.argv[1])); m=json.load(open(sys.argv[2]))\n"
      "r=yaml.safe_load(open(sys.argv[3], encoding='utf-8'))\n"
      "pref={x['id']:x['prefecture'] for x in r['regions']}\n"
      "level={x['id']:x['level'] for x in r['regions']}\n"
      "tables=[i for p in d['pages'] for i in p['items'] if i['kind']=='table']\n"
      "def body(t): return [row[0] for row in t['rows'][t['header_rows']:]]\n"
      "def text(p): return ''.join(l['text'] for l in p['lines'])\n";
  std::string registry_path = registry;
  auto result =
      run("python3 -c " + shell_quote(prelude + code) + " " + shell_quote(dir.file("scene.json")) +
          " " + shell_quote(dir.file("matrix.json")) + " " + registry_path);
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  return result.out;
}

}  // namespace

TEST_CASE("where keeps exactly the matrix rows of the prefecture and level, in matrix order") {
  ScratchDir dir;
  const std::string spec = spec_with(
      "    - title: 東京都の市区町村\n"
      "      elements:\n"
      "        - type: rollout_table\n"
      "          where: {prefecture: 東京都, level: [municipality, ward]}\n");
  CHECK(check_scene(dir, spec,
                    "want=[x['label'] for x in m['rows'] if pref[x['region']]=='東京都' and "
                    "level[x['region']] in ('municipality','ward')]\n"
                    "got=[l for t in tables for l in body(t)]\n"
                    "print(len(got)>0, got==want, len(got)<len(m['rows']))") == "True True True\n");
}

TEST_CASE(
    "sort orders rows by sessions, first year, prefecture code or label, ties in matrix "
    "order; limit keeps the first N and says how many are left out") {
  ScratchDir dir;
  auto table = [](const std::string& keys) {
    return spec_with(
        "    - title: 一覧\n"
        "      elements:\n"
        "        - type: rollout_table\n" +
        keys);
  };
  // Most sessions first (counted sessions in the period, from the matrix cells), stable.
  CHECK(check_scene(dir, table("          sort: sessions\n"),
                    "n=lambda x: sum(c['sessions'] for c in x['cells'].values())\n"
                    "want=[x['label'] for x in sorted(m['rows'], key=lambda x: -n(x))]\n"
                    "got=body(tables[0])\n"
                    "print(got==want, got!=[x['label'] for x in m['rows']])") == "True True\n");
  // Latest first year first.
  CHECK(check_scene(dir, table("          sort: -first_year\n"),
                    "want=[x['label'] for x in sorted(m['rows'], key=lambda x: -x['first_year'])]\n"
                    "print(body(tables[0])==want)") == "True\n");
  // JIS prefecture order, then label (code points) inside a prefecture.
  CHECK(check_scene(
            dir, table("          sort: [prefecture_code, label]\n"),
            "P=['北海道','青森県','岩手県','宮城県','秋田県','山形県','福島県','茨城県','栃木県',"
            "'群馬県','埼玉県','千葉県','東京都','神奈川県','新潟県','富山県','石川県','福井県',"
            "'山梨県','長野県','岐阜県','静岡県','愛知県','三重県','滋賀県','京都府','大阪府',"
            "'兵庫県','奈良県','和歌山県','鳥取県','島根県','岡山県','広島県','山口県','徳島県',"
            "'香川県','愛媛県','高知県','福岡県','佐賀県','長崎県','熊本県','大分県','宮崎県',"
            "'鹿児島県','沖縄県']\n"
            "want=[x['label'] for x in sorted(m['rows'], key=lambda x: "
            "(P.index(pref[x['region']]), x['label']))]\n"
            "print(body(tables[0])==want)") == "True\n");
  // Top 3 by sessions: three rows, and the footnote counts the other regions.
  CHECK(check_scene(dir, table("          sort: [sessions, first_year]\n          limit: 3\n"),
                    "n=lambda x: sum(c['sessions'] for c in x['cells'].values())\n"
                    "want=[x['label'] for x in sorted(m['rows'], key=lambda x: "
                    "(-n(x), x['first_year']))][:3]\n"
                    "left=len(m['rows'])-3\n"
                    "print(len(d['pages']), body(tables[0])==want, "
                    "('※3地域を表示（ほか%d地域）' % left) in text(d['pages'][0]))") ==
        "1 True True\n");
}

TEST_CASE("fiscal_years narrows the years inside the reporting period and never widens it") {
  ScratchDir dir;
  auto table = [](const std::string& years) {
    return spec_with(
        "    - title: 一覧\n"
        "      elements:\n"
        "        - type: rollout_table\n"
        "          years: fiscal\n"
        "          where: {fiscal_years: " +
        years + "}\n");
  };
  // 2013–2014: those two year columns; only regions with a session in them.
  CHECK(check_scene(dir, table("[2013, 2014]"),
                    "t=tables[0]\n"
                    "print(t['rows'][0][2:])\n"
                    "want=[x['label'] for x in m['rows'] if set(x['cells'])&{'2013','2014'}]\n"
                    "print(body(t)==want, len(want)<len(m['rows']))") ==
        "['2013年度', '2014年度']\nTrue True\n");
  // Reaching back before the period (and in an era form) adds no year before it.
  CHECK(check_scene(dir, table("[2005, H24]"), "print(tables[0]['rows'][0][2:], m['years'][0])") ==
        "['2011年度', '2012年度'] 2011\n");
}

TEST_CASE("misspelt selection keys and values are reported at once, with positions and hints") {
  ScratchDir dir;
  const std::string spec = spec_with(
      "    - title: 一覧\n"
      "      elements:\n"
      "        - type: rollout_table\n"
      "          where: {prefecure: 東京都, level: municpality, regions: [kashiwaa]}\n"
      "          sort: sesions\n"
      "          limit: 0\n"
      "    - title: \"{prefecture}\"\n"
      "      for_each: {prefecture: [東京都, 千葉見]}\n"
      "      elements: [{type: text, text: \"{prefecture}の{regions}地域{region}\"}]\n");
  write_file(dir.file("bad.yaml"), spec);
  REQUIRE(run("mkdir -p " + shell_quote(dir.file("out"))).exit_code == 0);
  write_file(dir.file("out/keep.txt"), "untouched");
  auto result = run_tenkai("build " + shell_quote(dir.file("bad.yaml")) + " --data " + seed() +
                           " --out " + shell_quote(dir.file("out")));
  CHECK(result.exit_code == 1);
  const std::string& err = result.err;
  const std::string path = dir.file("bad.yaml");
  CHECK(err.find(path + ":8:19: error: unknown key 'prefecure' in where (did you mean "
                        "'prefecture'?)") != std::string::npos);
  CHECK(err.find(path + ":8:42: error: unknown level 'municpality'") != std::string::npos);
  CHECK(err.find("did you mean 'municipality'?") != std::string::npos);
  CHECK(err.find(path + ":8:65: error: unknown region 'kashiwaa'") != std::string::npos);
  CHECK(err.find(path + ":9:17: error: unknown sort key 'sesions'") != std::string::npos);
  CHECK(err.find("did you mean 'sessions'?") != std::string::npos);
  CHECK(err.find(path + ":10:18: error:") != std::string::npos);  // limit: 0
  CHECK(err.find(path + ":12:36: error: unknown prefecture '千葉見'") != std::string::npos);
  CHECK(err.find("did you mean '千葉県'?") != std::string::npos);
  // {region} is a placeholder of region repeats only.
  CHECK(err.find("unknown placeholder '{region}'") != std::string::npos);
  // {prefecture} outside a repeated slide is unknown as well.
  write_file(dir.file("outside.yaml"),
             spec_with("    - title: \"{prefecture}\"\n      elements: [{type: text, text: a}]\n"));
  auto outside = run_tenkai("check " + shell_quote(dir.file("outside.yaml")));
  CHECK(outside.exit_code == 1);
  CHECK(outside.err.find("unknown placeholder '{prefecture}'") != std::string::npos);
  CHECK(tenkai::testing::read_file(dir.file("out/keep.txt")) == "untouched");
}

TEST_CASE(
    "for_each repeats a slide per listed prefecture, restricted to it, with a note for one "
    "without sessions") {
  ScratchDir dir;
  const std::string slide =
      "    - name: pref\n"
      "      title: \"{prefecture}（{prefecture_code}）の開催状況\"\n"
      "      for_each: {prefecture: [東京都, 北海道, 千葉県]EXTRA}\n"
      "      elements:\n"
      "        - {type: text, text: \"{regions}地域・{sessions}回・初回{first_year}年度・"
      "{matrix.regions}\"}\n"
      "        - {type: rollout_table, years: fiscal}\n"
      "    - name: chart\n"
      "      title: \"{prefecture}\"\n"
      "      for_each: {prefecture: [東京都, 北海道, 千葉県]EXTRA}\n"
      "      elements: [{type: adoption_chart}]\n";
  auto spec = [&](const std::string& extra) {
    std::string s = slide;
    for (size_t at = s.find("EXTRA"); at != std::string::npos; at = s.find("EXTRA"))
      s.replace(at, 5, extra);
    return spec_with(s);
  };
  CHECK(
      check_scene(dir, spec(""),
                  "print([p['slide'] for p in d['pages']])\n"
                  "titles=[[i['text'] for i in p['items'] if i.get('role')=='title'][0] for p in "
                  "d['pages'][:3]]\n"
                  "print(titles)\n"
                  "P={'13':'東京都','01':'北海道','12':'千葉県'}\n"
                  "for p in d['pages']:\n"
                  "  kind,code=p['slide'].split('-')\n"
                  "  want=[x for x in m['rows'] if pref[x['region']]==P[code]]\n"
                  "  empty='この期間に把握している開催はありません' in text(p)\n"
                  "  if kind=='pref':\n"
                  "    t=[i for i in p['items'] if i['kind']=='table']\n"
                  "    n=sum(c['sessions'] for x in want for c in x['cells'].values())\n"
                  "    got=[l for x in t for l in body(x)]\n"
                  "    line='%d地域・%d回' % (len(want), n)\n"
                  "    print(p['slide'], got==[x['label'] for x in want], line in text(p), empty)\n"
                  "  else:\n"
                  "    c=[i for i in p['items'] if i['kind']=='chart']\n"
                  "    new=[sum(1 for x in want if x['first_year']==y) for y in m['years']]\n"
                  "    print(p['slide'], bool(c) and c[0]['series'][0]['values']==new, empty)\n") ==
      "['pref-13', 'pref-01', 'pref-12', 'chart-13', 'chart-01', 'chart-12']\n"
      "['東京都（13）の開催状況', '北海道（01）の開催状況', '千葉県（12）の開催状況']\n"
      "pref-13 True True False\n"
      "pref-01 True False True\n"
      "pref-12 True True False\n"
      "chart-13 True False\n"
      "chart-01 False True\n"
      "chart-12 True False\n");
  // empty: skip drops the repeat without sessions.
  CHECK(check_scene(dir, spec(", empty: skip"), "print([p['slide'] for p in d['pages']])") ==
        "['pref-13', 'pref-12', 'chart-13', 'chart-12']\n");
}

TEST_CASE("for_each all, sorted and limited, and for_each region") {
  ScratchDir dir;
  // The two prefectures with the most regions (ties in code order).
  CHECK(check_scene(dir,
                    spec_with("    - name: p\n"
                              "      title: \"{prefecture}\"\n"
                              "      for_each: {prefecture: all, sort: regions, limit: 2}\n"
                              "      elements: [{type: rollout_table}]\n"),
                    "from collections import Counter\n"
                    "c=Counter(pref[x['region']] for x in m['rows'])\n"
                    "P=sorted(c, key=lambda k: -c[k])[:2]\n"
                    "titles=[[i['text'] for i in p['items'] if i.get('role')=='title'][0] for p in "
                    "d['pages']]\n"
                    "print(titles==P, P[0])") == "True 東京都\n");
  // One slide per region of a prefecture; {region} is its label.
  CHECK(check_scene(dir,
                    spec_with("    - name: r\n"
                              "      title: \"{region}（{sessions}回）\"\n"
                              "      for_each: {region: all, where: {prefecture: 千葉県}}\n"
                              "      elements: [{type: rollout_table}]\n"),
                    "want=[x for x in m['rows'] if pref[x['region']]=='千葉県']\n"
                    "titles=[[i['text'] for i in p['items'] if i.get('role')=='title'][0] for p in "
                    "d['pages']]\n"
                    "print(titles==['%s（%d回）' % (x['label'], sum(c['sessions'] for c in "
                    "x['cells'].values())) for x in want], "
                    "[body(t) for t in tables]==[[x['label']] for x in want], len(want))") ==
        "True True 2\n");
}

TEST_CASE("the national deck stays within 20 pages on generated registries of every size") {
  ScratchDir dir;
  struct Size {
    int municipalities, prefectures, first, last;
  };
  const Size sizes[] = {
      {12, 3, 2011, 2015}, {200, 10, 2011, 2020}, {1741, 47, 2011, 2025}, {600, 47, 2005, 2040}};
  for (const auto& size : sizes) {
    const std::string registry = dir.file("national.yaml");
    auto gen =
        run(shell_quote(TENKAI_GEN_NATIONAL) + " --municipalities " +
            std::to_string(size.municipalities) + " --prefectures " +
            std::to_string(size.prefectures) + " --first-year " + std::to_string(size.first) +
            " --last-year " + std::to_string(size.last) + " -o " + shell_quote(registry));
    REQUIRE(gen.exit_code == 0);
    const std::string out = dir.file("out");
    auto build = run_tenkai("build " + shell_quote(source_path("layouts/national.yaml")) +
                            " --data " + shell_quote(registry) + " --out " + shell_quote(out));
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    auto info = run("pdfinfo " + shell_quote(out + "/national.pdf") + " | sed -n 's/^Pages: *//p'");
    REQUIRE(info.exit_code == 0);
    const int pages = std::stoi(info.out);
    INFO(size.municipalities, " municipalities in ", size.prefectures, " prefectures: ", pages,
         " pages");
    CHECK(pages <= 20);
    CHECK(pages >= 8);  // every slide of the spec is there
    if (size.prefectures != 3) continue;
    // Three of the four named prefectures have no sessions here: their slides say so, and so do
    // their speaker notes in the PPTX (not "0地域で0回").
    auto notes =
        run("python3 -c " +
            shell_quote("import sys,zipfile\n"
                        "z=zipfile.ZipFile(sys.argv[1])\n"
                        "n=[z.read(f).decode() for f in z.namelist() if "
                        "f.startswith('ppt/notesSlides/notesSlide')]\n"
                        "print(sum('この期間に把握している開催はありません' in x for x in n), "
                        "sum('0地域で0回' in x for x in n))") +
            " " + shell_quote(out + "/national.pptx"));
    REQUIRE(notes.exit_code == 0);
    auto text = run("pdftotext " + shell_quote(out + "/national.pdf") + " - | grep -c " +
                    shell_quote("この期間に把握している開催はありません"));
    CHECK(text.out == "3\n");
    CHECK(notes.out == "3 0\n");
  }
}
