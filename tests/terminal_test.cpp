// What the terminal shows: progress and colours on a terminal (a pseudo-terminal from script(1)),
// nothing extra in a pipe, under --quiet, CI or NO_COLOR.
#include <doctest/doctest.h>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::small_registry_argument;

namespace {

// Runs tenkai on a pseudo-terminal (stdout and stderr both go to it) with a clean terminal
// environment plus `env`.
tenkai::testing::CommandResult on_terminal(const std::string& env, const std::string& arguments) {
  std::string command = "env -u CI -u NO_COLOR TERM=xterm " + env + " " +
                        shell_quote(TENKAI_BINARY) + " " + arguments;
  return run("script -qec " + shell_quote(command) + " /dev/null");
}

const std::string workbook_spec =
    shell_quote(tenkai::testing::source_path("layouts/ministry-report.yaml"));

}  // namespace

TEST_CASE("build shows one numbered line per output with its pages on a terminal only") {
  ScratchDir dir;
  std::string args =
      "build --data " + small_registry_argument() + " --out " + shell_quote(dir.file("t"));
  auto shown = on_terminal("", args);
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.find("forum-2015.pdf  ") != std::string::npos);
  CHECK(shown.out.find(" pages") != std::string::npos);
  CHECK(shown.out.find("[1] ") != std::string::npos);
  CHECK(shown.out.find("ministry-report.xlsx  7 sheets") != std::string::npos);
  CHECK(shown.out.find("files written") != std::string::npos);

  auto piped = run_tenkai(args + " --out " + shell_quote(dir.file("p")));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.empty());
  // Only the registry's warning, as a plain line: no progress, no terminal control codes.
  CHECK(piped.err.find("[1] ") == std::string::npos);
  CHECK(piped.err.find("pages") == std::string::npos);
  CHECK(piped.err.find('\033') == std::string::npos);
  CHECK(piped.err.find('\r') == std::string::npos);
}

TEST_CASE("--quiet and CI keep the terminal free of progress") {
  ScratchDir dir;
  std::string args = "build " + workbook_spec + " --data " + small_registry_argument() + " --out " +
                     shell_quote(dir.path().string());
  auto plain = on_terminal("", args);
  CHECK(plain.out.find("[1] ") != std::string::npos);
  auto quiet = on_terminal("", args + " --quiet");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.find("[1] ") == std::string::npos);
  auto ci = on_terminal("CI=true", args);
  CHECK(ci.exit_code == 0);
  CHECK(ci.out.find("[1] ") == std::string::npos);
  CHECK(ci.out.find("warning:") != std::string::npos);
  CHECK(ci.out.find("\033[1") == std::string::npos);  // nor colours
}

TEST_CASE("diagnostics are coloured on a terminal unless NO_COLOR, and plain in a pipe") {
  // The small registry has a session outside its years: a warning.
  std::string args = "check " + workbook_spec + " --data " + small_registry_argument();
  auto coloured = on_terminal("", args);
  CHECK(coloured.out.find("\033[1;35mwarning:\033[0m") != std::string::npos);
  auto no_color = on_terminal("NO_COLOR=1", args);
  CHECK(no_color.out.find("warning:") != std::string::npos);
  CHECK(no_color.out.find("\033[1") == std::string::npos);  // no bold or colour (SGR) codes
  auto piped = run_tenkai(args);
  CHECK(piped.err.find(": warning: ") != std::string::npos);
  CHECK(piped.err.find('\033') == std::string::npos);
}

TEST_CASE("messages follow the locale: Japanese under ja, English otherwise") {
  auto ja = run("env LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= " + shell_quote(TENKAI_BINARY) + " matrx");
  CHECK(ja.exit_code == 2);
  CHECK(ja.err.find("'matrx' というコマンドはありません（'matrix' のことですか？）") !=
        std::string::npos);
  auto en = run("env LANG=C LC_ALL= LANGUAGE= " + shell_quote(TENKAI_BINARY) + " matrx");
  CHECK(en.err.find("unknown command 'matrx' (did you mean 'matrix'?)") != std::string::npos);
}

TEST_CASE("the diagnostics' common framing follows the locale; the frame itself does not") {
  ScratchDir dir;
  std::string registry =
      tenkai::testing::read_file(tenkai::testing::source_path("fixtures/test/small.yaml"));
  size_t at = registry.find("{region: kashiwa, fiscal_year: 2011");
  REQUIRE(at != std::string::npos);
  registry.replace(at, std::string("{region: kashiwa").size(), "{region: kashiw");
  tenkai::testing::write_file(dir.file("typo.yaml"), registry);
  std::string args = " matrix --data " + shell_quote(dir.file("typo.yaml"));
  auto ja = run("env LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= " + shell_quote(TENKAI_BINARY) + args);
  CHECK(ja.exit_code == 1);
  CHECK(ja.err.find("error: unknown region 'kashiw' ('kashiwa' のことですか？)") !=
        std::string::npos);
  auto en = run("env LANG=C LC_ALL= LANGUAGE= " + shell_quote(TENKAI_BINARY) + args);
  CHECK(en.err.find("error: unknown region 'kashiw' (did you mean 'kashiwa'?)") !=
        std::string::npos);
}
