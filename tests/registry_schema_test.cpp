// schemas/registry.schema.json agrees with the loader: same keys, enum values and prefectures.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "core/registry/loader.h"
#include "core/registry/prefectures.h"
#include "core/registry/registry.h"
#include "tests/support.h"

using namespace tenkai;
using nlohmann::json;

namespace {

json load_schema() {
  return json::parse(testing::read_file(testing::source_path("schemas/registry.schema.json")));
}

std::set<std::string> property_names(const json& object_schema) {
  std::set<std::string> names;
  for (const auto& [name, _] : object_schema.at("properties").items()) names.insert(name);
  return names;
}

// The keys the loader accepts in a map, read from its hint for a key that resembles none:
// "expected a, b or c".
std::set<std::string> loader_keys(const std::string& registry_with_bad_key) {
  auto result = registry::parse_registry(registry_with_bad_key, "f.yaml");
  std::set<std::string> keys;
  for (const auto& d : result.diagnostics.items()) {
    if (d.message.rfind("unknown key 'qqqqqqqqqqqq'", 0) != 0) continue;
    std::string hint = d.hint.substr(std::string("expected ").size());
    for (std::string separator : {", ", " or "}) {
      for (size_t at; (at = hint.find(separator)) != std::string::npos;) {
        hint.replace(at, separator.size(), "|");
      }
    }
    size_t start = 0;
    for (size_t bar; (bar = hint.find('|', start)) != std::string::npos; start = bar + 1) {
      keys.insert(hint.substr(start, bar - start));
    }
    keys.insert(hint.substr(start));
  }
  return keys;
}

std::set<std::string> strings(const json& array) {
  std::set<std::string> out;
  for (const auto& item : array) out.insert(item.get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("the registry schema names the keys the loader accepts") {
  json schema = load_schema();
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  const json& defs = schema.at("$defs");
  const std::string head = "tenkai: 1\nregistry: {title: T}\n";
  CHECK(property_names(schema) == loader_keys("qqqqqqqqqqqq: 1\n"));
  CHECK(property_names(defs.at("header")) ==
        loader_keys("tenkai: 1\nregistry: {title: T, qqqqqqqqqqqq: 1}\n"));
  CHECK(property_names(defs.at("region")) == loader_keys(head + "regions: [{qqqqqqqqqqqq: 1}]\n"));
  CHECK(property_names(defs.at("session")) ==
        loader_keys(head + "sessions: [{qqqqqqqqqqqq: 1}]\n"));
  CHECK(property_names(defs.at("link")) == loader_keys(head + "links: [{qqqqqqqqqqqq: 1}]\n"));
  CHECK(strings(schema.at("required")) == std::set<std::string>{"tenkai", "registry"});
  CHECK(strings(defs.at("region").at("required")) ==
        std::set<std::string>{"id", "name", "prefecture", "level"});
}

TEST_CASE("the registry schema's enums match the model") {
  json schema = load_schema();
  const json& defs = schema.at("$defs");
  const json& prefectures = defs.at("prefecture").at("enum");
  REQUIRE(prefectures.size() == 47);
  for (size_t i = 0; i < 47; ++i) CHECK(prefectures[i] == registry::prefecture_names()[i]);

  auto check_enum = [](const json& values, size_t count, auto parse) {
    CHECK(values.size() == count);
    for (const auto& value : values) {
      CAPTURE(value.get<std::string>());
      CHECK(parse(value.get<std::string>()).has_value());
    }
  };
  check_enum(defs.at("region").at("properties").at("level").at("enum"), 4, registry::parse_level);
  check_enum(defs.at("session").at("properties").at("function").at("enum"), 3,
             registry::parse_function);
  check_enum(defs.at("session").at("properties").at("scope").at("enum"), 4, registry::parse_scope);
  check_enum(defs.at("link").at("properties").at("kind").at("enum"), 6, registry::parse_link_kind);
}
