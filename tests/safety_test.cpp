// Nothing lost, nothing crashes: text checked at every boundary with exact positions, the output
// set written as one transaction (untouched on exit 1, completed after a kill), and limits.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>

#include "core/text/utf8.h"
#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;
namespace fs = std::filesystem;

namespace {

const char* const kDeck = R"(tenkai: 1
deck:
  output: mini.pdf
  slides:
    - elements:
        - {type: title, text: こんにちは}
        - {type: link, url: "https://example.org/", figure: {name: mini-fig, formats: [svg]}}
)";

const char* const kBook = R"(tenkai: 1
workbook:
  output: mini.xlsx
  sheets:
    - name: 一覧
      tables:
        - data: sessions
          columns:
            - {field: fiscal_year}
)";

std::string small_registry() {
  return read_file(source_path("fixtures/test/small.yaml"));
}

// `text` with its first `what` replaced by `with`.
std::string replaced(std::string text, const std::string& what, const std::string& with) {
  auto at = text.find(what);
  REQUIRE(at != std::string::npos);
  return text.replace(at, what.size(), with);
}

// Every file of `dir` (names starting with '.' included) with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files[entry.path().filename().string()] =
        entry.is_regular_file() ? read_file(entry.path().string()) : std::string("<dir>");
  }
  return files;
}

// Names in `dir` that a run leaves behind only while it lives (staging folders, journals).
std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(".tenkai-", 0) == 0 || name.find(".tmp-") != std::string::npos)
      found.push_back(name);
  }
  return found;
}

tenkai::testing::CommandResult build(const std::string& specs, const std::string& data,
                                     const std::string& out) {
  return run_tenkai("build " + specs + " --data " + shell_quote(data) + " --out " +
                    shell_quote(out));
}

}  // namespace

TEST_CASE("utf8: well-formed sequences pass; overlong, CESU, truncated and stray bytes are found") {
  using tenkai::text::first_invalid_utf8;
  CHECK(first_invalid_utf8("柏市 abc") == std::string_view::npos);
  CHECK(first_invalid_utf8("ab\xff") == 2);
  CHECK(first_invalid_utf8("a\xC0\xAF") == 1);         // overlong '/'
  CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1);     // CESU-8 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(first_invalid_utf8("柏\xE5\xB8") == 3);        // truncated
  CHECK(tenkai::text::first_control_character("a\tb\r\nc") == std::string_view::npos);
  CHECK(tenkai::text::first_control_character(std::string_view("a\0b", 3)) == 1);
  CHECK(tenkai::text::first_control_character("a\rb") == 1);
  CHECK(tenkai::text::first_control_character("a\xC2\x85") == 1);  // C1 NEL
  CHECK(tenkai::text::is_valid_utf8(tenkai::text::printable("\xff\x01柏")));
  CHECK(tenkai::text::printable("\xff\x01柏") == "\xEF\xBF\xBD\\x01柏");
  tenkai::text::PositionMap map("ab\nこんにちは: x\n");
  CHECK(map.at(3 + 15).line == 2);
  CHECK(map.at(3 + 15).column == 6);
  CHECK(map.at_line_byte(1, 15).column == 6);
}

TEST_CASE("invalid UTF-8 in the registry: exit 1 at the first bad byte, no crash, no output") {
  ScratchDir dir;
  // "    name: " is ten characters; the bad byte is the 11th column of line 11.
  std::map<std::string, std::string> cases = {
      {"ff.yaml", replaced(small_registry(), "name: 柏市", "name: \xff柏市")},
      {"overlong.yaml", replaced(small_registry(), "name: 柏市", "name: \xC0\xAF柏市")},
      {"cesu.yaml", replaced(small_registry(), "name: 柏市", "name: \xED\xA0\x80柏市")},
  };
  for (const auto& [name, text] : cases) {
    CAPTURE(name);
    write_file(dir.file(name), text);
    for (const char* command : {"matrix --format json", "classify --format json", "check"}) {
      auto result = run_tenkai(std::string(command) + " --data " + shell_quote(dir.file(name)));
      CAPTURE(command);
      CHECK(result.exit_code == 1);
      CHECK(result.out.empty());
      CHECK(result.err.find(name + ":11:11: error: invalid UTF-8") != std::string::npos);
      CHECK(tenkai::text::is_valid_utf8(result.err));
    }
    auto built = build("", dir.file(name), dir.file("out"));
    CHECK(built.exit_code == 1);
    CHECK_FALSE(fs::exists(dir.file("out")));
  }
}

TEST_CASE("invalid UTF-8 in a workbook spec header and in a file name argument") {
  ScratchDir dir;
  write_file(dir.file("book.yaml"),
             replaced(kBook, "{field: fiscal_year}", "{field: fiscal_year, header: \"年度\xff\"}"));
  auto result = build(shell_quote(dir.file("book.yaml")), source_path("fixtures/test/small.yaml"),
                      dir.file("out"));
  CHECK(result.exit_code == 1);
  // "            - {field: fiscal_year, header: "年度" is 46 characters.
  CHECK(result.err.find("book.yaml:9:47: error: invalid UTF-8 (byte 0xFF)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("out")));
  // A file name argument that is not UTF-8: a usage error naming the byte, valid on stderr.
  auto argument = run_tenkai("matrix --data " + shell_quote(dir.file("reg\xff.yaml")));
  CHECK(argument.exit_code == 2);
  CHECK(argument.err.find("invalid UTF-8") != std::string::npos);
  CHECK(tenkai::text::is_valid_utf8(argument.err));
}

TEST_CASE("columns count characters in YAML syntax errors and in deck spec messages") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  // Line 4 holds こんにちは: the stray ':' is character 15 (byte 25).
  write_file(dir.file("syntax.yaml"),
             "tenkai: 1\ndeck:\n  output: x.pdf\n  title: こんにちは: [\n");
  auto syntax =
      run_tenkai("check " + shell_quote(dir.file("syntax.yaml")) + " --data " + shell_quote(data));
  CHECK(syntax.exit_code == 1);
  CHECK(syntax.err.find("syntax.yaml:4:15: error: invalid YAML") != std::string::npos);
  // A deck spec key after Japanese text: the unknown key is at character 24 (byte 34).
  write_file(dir.file("key.yaml"),
             replaced(kDeck, "  slides:\n", "  meta: {title: こんにちは, titel: x}\n  slides:\n"));
  auto key =
      run_tenkai("check " + shell_quote(dir.file("key.yaml")) + " --data " + shell_quote(data));
  CHECK(key.exit_code == 1);
  CHECK(key.err.find("key.yaml:4:24: error: unknown key 'titel'") != std::string::npos);
  // The same in a workbook spec's syntax error.
  write_file(dir.file("book.yaml"), "tenkai: 1\nworkbook:\n  output: 日本語.xlsx: [\n");
  auto book =
      run_tenkai("check " + shell_quote(dir.file("book.yaml")) + " --data " + shell_quote(data));
  CHECK(book.exit_code == 1);
  CHECK(book.err.find("book.yaml:3:19: error: invalid YAML") != std::string::npos);
}

TEST_CASE("NUL and control characters are rejected with their position, stderr stays UTF-8") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  std::string with_nul = replaced(kDeck, "こんにちは}", std::string("こん") + '\0' + "にちは}");
  write_file(dir.file("nul.yaml"), with_nul);
  auto nul =
      run_tenkai("check " + shell_quote(dir.file("nul.yaml")) + " --data " + shell_quote(data));
  CHECK(nul.exit_code == 1);
  // "        - {type: title, text: こん" is 32 characters.
  CHECK(nul.err.find("nul.yaml:6:33: error: a NUL byte is not allowed") != std::string::npos);
  CHECK(tenkai::text::is_valid_utf8(nul.err));
  // A control character written as an escape is reported at its scalar.
  write_file(dir.file("escape.yaml"), replaced(kDeck, "text: こんにちは", "text: \"a\\x01b\""));
  auto escape =
      run_tenkai("check " + shell_quote(dir.file("escape.yaml")) + " --data " + shell_quote(data));
  CHECK(escape.exit_code == 1);
  CHECK(escape.err.find("escape.yaml:6:31: error: control character \\x01") != std::string::npos);
  // In the registry too.
  write_file(dir.file("reg.yaml"), replaced(small_registry(), "name: 柏市", "name: 柏\x07市"));
  auto reg = run_tenkai("matrix --data " + shell_quote(dir.file("reg.yaml")));
  CHECK(reg.exit_code == 1);
  CHECK(reg.err.find("reg.yaml:11:12: error: control character \\x07") != std::string::npos);
}

TEST_CASE("link schemes other than http, https and mailto are errors") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  for (const char* url : {"javascript:alert(1)", "file:///etc/passwd", "JavaScript:x"}) {
    CAPTURE(url);
    write_file(dir.file("link.yaml"),
               replaced(kDeck, "\"https://example.org/\"", std::string("\"") + url + "\""));
    auto result = build(shell_quote(dir.file("link.yaml")), data, dir.file("out"));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("link.yaml:7:29: error: link scheme") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out")));
  }
  write_file(dir.file("mail.yaml"),
             replaced(kDeck, "\"https://example.org/\"", "\"mailto:office@example.org\""));
  CHECK(build(shell_quote(dir.file("mail.yaml")), data, dir.file("out")).exit_code == 0);
}

TEST_CASE("empty names, names with NUL or '/', a missing font, a long print header: errors") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  struct Case {
    std::string name, spec, expected;
  };
  std::vector<Case> cases = {
      {"figure-empty.yaml", replaced(kDeck, "{name: mini-fig,", "{name: \"\","),
       "figure-empty.yaml:7:61: error: figure name must not be empty"},
      {"output-empty.yaml", replaced(kDeck, "output: mini.pdf", "output: \"\""),
       "output-empty.yaml:3:11: error: 'output' must be a plain file name"},
      {"output-nul.yaml", replaced(kDeck, "output: mini.pdf", "output: \"mi\\0ni.pdf\""),
       "output-nul.yaml:3:11: error: a NUL byte is not allowed"},
      {"output-slash.yaml", replaced(kDeck, "output: mini.pdf", "output: a/mini.pdf"),
       "output-slash.yaml:3:11: error: 'output' must be a plain file name"},
      {"book-slash.yaml", replaced(kBook, "output: mini.xlsx", "output: a/mini.xlsx"),
       "book-slash.yaml:3:11: error: 'output' must be a file name"},
      {"font.yaml",
       replaced(kDeck, "  slides:\n", "  theme: {font: No Such Font Family}\n  slides:\n"),
       "error: font 'No Such Font Family' is not installed"},
      {"header.yaml",
       replaced(kBook, "      tables:\n",
                "      print: {header: \"" + std::string(256, 'h') + "\"}\n      tables:\n"),
       "header.yaml:6:23: error: the print header is 256 characters long"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    write_file(dir.file(c.name), c.spec);
    auto result = build(shell_quote(dir.file(c.name)), data, dir.file("out"));
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(c.expected) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out")));
  }
  // The missing font names installed candidates.
  write_file(dir.file("font.yaml"), cases[5].spec);
  auto font =
      run_tenkai("check " + shell_quote(dir.file("font.yaml")) + " --data " + shell_quote(data));
  CHECK(font.err.find("installed: ") != std::string::npos);
  CHECK(font.err.find("Noto Sans CJK JP") != std::string::npos);
  // 255 characters is still fine.
  write_file(dir.file("header.yaml"),
             replaced(kBook, "      tables:\n",
                      "      print: {header: \"" + std::string(255, 'h') + "\"}\n      tables:\n"));
  CHECK(build(shell_quote(dir.file("header.yaml")), data, dir.file("out")).exit_code == 0);
}

TEST_CASE("diagnostics come in file and line order, the did-you-mean first") {
  ScratchDir dir;
  // A misspelt required key: one error, at the key, with the hint; later problems follow.
  std::string text = replaced(small_registry(), "    name: 柏市", "    nmae: 柏市");
  text = replaced(text, "level: prefecture", "level: prefectur");
  write_file(dir.file("reg.yaml"), text);
  auto result = run_tenkai("check --data " + shell_quote(dir.file("reg.yaml")));
  CHECK(result.exit_code == 1);
  auto first_line = result.err.substr(0, result.err.find('\n'));
  CHECK(first_line.find("reg.yaml:11:5: error: unknown key 'nmae'") != std::string::npos);
  CHECK(first_line.find("did you mean 'name'?") != std::string::npos);
  CHECK(result.err.find("missing required key 'name'") == std::string::npos);
  CHECK(result.err.find("reg.yaml:24:12: error: unknown level") > result.err.find("nmae"));
  // Registry problems first, then each spec's in its own line order.
  write_file(dir.file("deck.yaml"), replaced(kDeck, "output: mini.pdf", "outptu: mini.pdf"));
  auto both = run_tenkai("check " + shell_quote(dir.file("deck.yaml")) + " --data " +
                         shell_quote(dir.file("reg.yaml")));
  CHECK(both.exit_code == 1);
}

TEST_CASE("exit 1 leaves --out untouched: not created, nothing changed, nothing left behind") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  write_file(dir.file("deck.yaml"), kDeck);
  write_file(dir.file("book.yaml"), kBook);
  std::string specs = shell_quote(dir.file("deck.yaml")) + " " + shell_quote(dir.file("book.yaml"));
  // A failing spec among good ones: no --out created.
  write_file(dir.file("bad.yaml"), replaced(kBook, "fiscal_year", "fiscal_yaer"));
  auto failed = build(specs + " " + shell_quote(dir.file("bad.yaml")), data, dir.file("new/out"));
  CHECK(failed.exit_code == 1);
  CHECK_FALSE(fs::exists(dir.file("new")));
  CHECK(leftovers(dir.path()).empty());
  // A good build, then failing ones: the old set stays byte for byte.
  REQUIRE(build(specs, data, dir.file("out")).exit_code == 0);
  auto before = snapshot(dir.file("out"));
  CHECK(before.size() >= 3);  // the PDF, its figure and the workbook (and the PPTX)
  auto again = build(specs + " " + shell_quote(dir.file("bad.yaml")), data, dir.file("out"));
  CHECK(again.exit_code == 1);
  CHECK(snapshot(dir.file("out")) == before);
  // The same spec twice, and two specs writing one name: rejected, nothing written.
  auto twice = build(specs + " " + shell_quote(dir.file("deck.yaml")), data, dir.file("out"));
  CHECK(twice.exit_code == 1);
  CHECK(twice.err.find("given twice") != std::string::npos);
  write_file(dir.file("deck2.yaml"), kDeck);
  auto clash = build(specs + " " + shell_quote(dir.file("deck2.yaml")), data, dir.file("out"));
  CHECK(clash.exit_code == 1);
  CHECK(clash.err.find("two outputs of this run are named") != std::string::npos);
  CHECK(snapshot(dir.file("out")) == before);
  CHECK(leftovers(dir.file("out")).empty());
  // A folder in the way of one output: found before anything moves.
  fs::remove(dir.file("out/mini.xlsx"));
  fs::create_directory(dir.file("out/mini.xlsx"));
  write_file(dir.file("reg2.yaml"), replaced(small_registry(), "テスト登録簿", "別の登録簿"));
  auto blocked = build(specs, dir.file("reg2.yaml"), dir.file("out"));
  CHECK(blocked.exit_code == 1);
  CHECK(blocked.err.find("a folder is in the way") != std::string::npos);
  CHECK(read_file(dir.file("out/mini.pdf")) == before["mini.pdf"]);
  CHECK(read_file(dir.file("out/mini-fig.svg")) == before["mini-fig.svg"]);
  CHECK(leftovers(dir.file("out")).empty());
}

TEST_CASE("writes never follow a symlink planted in --out") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  write_file(dir.file("deck.yaml"), kDeck);
  fs::create_directories(dir.file("out"));
  write_file(dir.file("victim"), "precious");
  fs::create_symlink(dir.file("victim"), dir.file("out/mini.pdf"));
  REQUIRE(build(shell_quote(dir.file("deck.yaml")), data, dir.file("out")).exit_code == 0);
  CHECK(read_file(dir.file("victim")) == "precious");
  CHECK_FALSE(fs::is_symlink(dir.file("out/mini.pdf")));
  CHECK(read_file(dir.file("out/mini.pdf")).rfind("%PDF", 0) == 0);
}

TEST_CASE("the next build completes a journaled commit and removes what killed runs left") {
  ScratchDir dir;
  std::string data = source_path("fixtures/test/small.yaml");
  write_file(dir.file("deck.yaml"), kDeck);
  fs::create_directories(dir.file("out"));
  // A killed run after its commit point: journal present, one file still staged.
  fs::create_directories(dir.file("out/.tenkai-staging-abc123"));
  write_file(dir.file("out/.tenkai-staging-abc123/done.txt"), "new");
  write_file(dir.file("out/done.txt"), "old");
  write_file(dir.file("out/.tenkai-journal-abc123"), "tenkai-journal 1\ndone.txt\n");
  // A killed run before it: a staging folder only, and a temporary file of an older version.
  fs::create_directories(dir.file("out/.tenkai-staging-zzz999"));
  write_file(dir.file("out/.tenkai-staging-zzz999/mini.pdf"), "half");
  write_file(dir.file("out/.mini.pdf.tmp-999999999"), "stale");
  // Even a run that fails on its own input completes and cleans up first.
  write_file(dir.file("bad.yaml"), "tenkai: 1\n");
  CHECK(build(shell_quote(dir.file("bad.yaml")), data, dir.file("out")).exit_code == 1);
  CHECK(read_file(dir.file("out/done.txt")) == "new");
  CHECK(leftovers(dir.file("out")).empty());
  CHECK_FALSE(fs::exists(dir.file("out/mini.pdf")));
}

TEST_CASE("limits: a text field over 10000 characters and a PNG over 40 megapixels") {
  ScratchDir dir;
  write_file(dir.file("reg.yaml"),
             replaced(
                 small_registry(), "caveat: 事務局把握分のみ", "caveat: " + [] {
                   std::string s;
                   for (int i = 0; i < 10001; ++i) s += "長";
                   return s;
                 }()));
  auto caveat = run_tenkai("check --data " + shell_quote(dir.file("reg.yaml")));
  CHECK(caveat.exit_code == 1);
  CHECK(caveat.err.find("reg.yaml:7:11: error: this text is too long (10001 characters") !=
        std::string::npos);
  write_file(dir.file("big.yaml"),
             replaced(kDeck, "formats: [svg]}",
                      "formats: [png]}, box: {x: 0, y: 0, width: 14000, height: 14000}"));
  auto big = build(shell_quote(dir.file("big.yaml")), source_path("fixtures/test/small.yaml"),
                   dir.file("out"));
  CHECK(big.exit_code == 1);
  CHECK(big.err.find("more than the 40,000,000 allowed") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("out")));
}

TEST_CASE("kill -9 at random moments leaves the old or the new set, and no temp files") {
  ScratchDir dir;
  std::string national_a = dir.file("a.yaml"), national_b = dir.file("b.yaml");
  REQUIRE(run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(national_a)).exit_code == 0);
  REQUIRE(
      run(shell_quote(TENKAI_GEN_NATIONAL) + " --seed 7 -o " + shell_quote(national_b)).exit_code ==
      0);
  std::string specs = shell_quote(source_path("layouts/forum-2015.yaml")) + " " +
                      shell_quote(source_path("layouts/ministry-report.yaml"));
  // Reference sets.
  REQUIRE(build(specs, national_a, dir.file("ref-a")).exit_code == 0);
  REQUIRE(build(specs, national_b, dir.file("ref-b")).exit_code == 0);
  auto set_a = snapshot(dir.file("ref-a")), set_b = snapshot(dir.file("ref-b"));
  REQUIRE(set_a.size() == set_b.size());
  REQUIRE(set_a != set_b);
  // How long one build takes, to spread the kills over it.
  auto started = std::chrono::steady_clock::now();
  REQUIRE(build(specs, national_a, dir.file("out")).exit_code == 0);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
  std::mt19937 random(20151016);
  int old_sets = 0, new_sets = 0;
  // Each round builds the other registry and is killed somewhere between its start and a
  // little after its usual end; the next round starts from whatever set that left.
  for (int i = 0; i < 10; ++i) {
    const std::string& next = i % 2 == 0 ? national_b : national_a;
    auto delay = std::uniform_int_distribution<long>(0, took + took / 4)(random);
    std::string command = shell_quote(TENKAI_BINARY) + " build " + specs + " --data " +
                          shell_quote(next) + " --out " + shell_quote(dir.file("out")) +
                          " >/dev/null 2>&1 & pid=$!; sleep " + std::to_string(delay / 1000.0) +
                          "; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true";
    run(command);
    // The next run (here one that fails on its own input) completes or undoes the killed one.
    write_file(dir.file("bad.yaml"), "tenkai: 1\n");
    build(shell_quote(dir.file("bad.yaml")), national_a, dir.file("out"));
    auto now = snapshot(dir.file("out"));
    CAPTURE(i);
    CAPTURE(delay);
    CHECK(leftovers(dir.file("out")).empty());
    CHECK(leftovers(dir.path()).empty());
    bool is_a = now == set_a, is_b = now == set_b;
    CHECK((is_a || is_b));
    if ((i % 2 == 0) == is_b)
      ++new_sets;
    else
      ++old_sets;
  }
  MESSAGE("kill loop: " << old_sets << " old sets, " << new_sets << " new sets");
}
