// The registry loader through the real binary: exit codes, stderr lines, nothing on stdout.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/support.h"

using namespace tenkai::testing;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const char* const kBadRegistry = R"(tenkai: 1
registry:
  title: T
regions:
  - id: kashiwa
    name: 柏市
    prefecture: 千葉
    level: municipality
sessions:
  - region: kashiwaa
    fiscal_year: H32
)";

}  // namespace

TEST_CASE("tenkai check on a bad registry exits 1 with every problem on stderr") {
  ScratchDir dir;
  std::string path = dir.file("bad.yaml");
  write_file(path, kBadRegistry);
  auto result = run_tenkai("check --data " + shell_quote(path));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(lines_of(result.err) ==
        std::vector<std::string>{
            path + ":7:17: error: unknown prefecture '千葉' (did you mean '千葉県'?)",
            path + ":10:13: error: unknown region 'kashiwaa' (did you mean 'kashiwa'?)",
            path + ":11:18: error: bad fiscal year 'H32' (write it as 2011, H23, 平成23年度, R1 or "
                   "令和元年度)",
        });
}

TEST_CASE("tenkai matrix --format json on a bad registry prints nothing on stdout") {
  ScratchDir dir;
  std::string path = dir.file("bad.yaml");
  write_file(path, kBadRegistry);
  auto result = run_tenkai("matrix --format json --data " + shell_quote(path));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(lines_of(result.err).size() == 3);
}

TEST_CASE("a missing or malformed registry is exit 1 with a positioned line") {
  ScratchDir dir;
  std::string missing = dir.file("missing.yaml");
  auto result = run_tenkai("check --data " + shell_quote(missing));
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        missing + ":0:0: error: cannot read registry: no such file or not readable\n");

  std::string broken = dir.file("broken.yaml");
  write_file(broken, "tenkai: 1\nregistry: [\n");
  result = run_tenkai("check --data " + shell_quote(broken));
  CHECK(result.exit_code == 1);
  CHECK(result.err.rfind(broken + ":3:1: error: invalid YAML: ", 0) == 0);
}

TEST_CASE("tenkai check on a valid registry exits 0 without errors") {
  ScratchDir dir;
  std::string path = dir.file("ok.yaml");
  write_file(path,
             "tenkai: 1\nregistry: {title: T}\nregions:\n"
             "  - {id: kashiwa, name: 柏市, prefecture: 千葉県, level: municipality}\n"
             "sessions:\n  - {region: kashiwa, fiscal_year: 平成23年度}\n");
  auto result = run_tenkai("check --data " + shell_quote(path));
  CHECK(result.exit_code == 0);
  // The default layouts may warn that a diagram has no example in so small a registry.
  CHECK(result.err.find("error:") == std::string::npos);
  CHECK(result.err.find("ok.yaml") == std::string::npos);  // nothing to say about the registry
}
