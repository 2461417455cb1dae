// The published deck schema accepts every shipped deck layout and rejects misspelt keys; checked
// with an independent validator (python3-jsonschema).
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support.h"

using tenkai::testing::run;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {
std::string checker() {
  return "python3 " + shell_quote(source_path("tests/deck_schema_check.py")) + " " +
         shell_quote(source_path("schemas/deck.schema.json"));
}
}  // namespace

TEST_CASE("every deck layout in layouts/ conforms to schemas/deck.schema.json") {
  size_t decks = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("layouts"))) {
    std::string text = tenkai::testing::read_file(entry.path().string());
    if (text.find("\ndeck:") == std::string::npos) continue;
    ++decks;
    auto result = run(checker() + " " + shell_quote(entry.path().string()));
    INFO(entry.path().string() << "\n" << result.out << result.err);
    CHECK(result.exit_code == 0);
  }
  CHECK(decks >= 1);
}

TEST_CASE("the schema rejects what the loader rejects: unknown keys and element types") {
  ScratchDir dir;
  write_file(dir.file("bad.yaml"), R"(tenkai: 1
deck:
  paper: A4
  slides:
    - elements:
        - {type: text, txt: a}
        - {type: bulets, items: [a]}
)");
  auto result = run(checker() + " " + shell_quote(dir.file("bad.yaml")));
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("'paper' was unexpected") != std::string::npos);
  CHECK(result.out.find("'txt' was unexpected") != std::string::npos);
  CHECK(result.out.find("'bulets' is not one of") != std::string::npos);
}
