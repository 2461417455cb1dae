// Enum spellings and derived defaults shared by the loader and every output.
#include "core/registry/registry.h"

namespace tenkai::registry {
namespace {

template <typename Enum, size_t N>
std::optional<Enum> parse_enum(const std::string& text, const char* const (&names)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (text == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

const char* const kLevelNames[] = {"prefecture", "wide_area", "municipality", "ward"};
const char* const kFunctionNames[] = {"leader", "intro", "connect"};
const char* const kScopeNames[] = {"prefecture", "wide_area", "municipality", "community"};
const char* const kLinkKindNames[] = {"leader_alumni", "know_how", "exchange",
                                      "visit",         "lecturer", "spread"};

}  // namespace

const char* to_string(Level v) {
  return kLevelNames[static_cast<int>(v)];
}
const char* to_string(Function v) {
  return kFunctionNames[static_cast<int>(v)];
}
const char* to_string(Scope v) {
  return kScopeNames[static_cast<int>(v)];
}
const char* to_string(LinkKind v) {
  return kLinkKindNames[static_cast<int>(v)];
}

std::optional<Level> parse_level(const std::string& t) {
  return parse_enum<Level>(t, kLevelNames);
}
std::optional<Function> parse_function(const std::string& t) {
  return parse_enum<Function>(t, kFunctionNames);
}
std::optional<Scope> parse_scope(const std::string& t) {
  return parse_enum<Scope>(t, kScopeNames);
}
std::optional<LinkKind> parse_link_kind(const std::string& t) {
  return parse_enum<LinkKind>(t, kLinkKindNames);
}

Scope default_scope(Level level) {
  switch (level) {
    case Level::prefecture:
      return Scope::prefecture;
    case Level::wide_area:
      return Scope::wide_area;
    case Level::municipality:
      return Scope::municipality;
    case Level::ward:
      return Scope::municipality;
  }
  return Scope::municipality;
}

const Region* Registry::find_region(const std::string& id) const {
  auto it = region_index.find(id);
  return it == region_index.end() ? nullptr : &regions[it->second];
}

std::string default_label(const std::string& prefecture, const std::string& name, Level level) {
  if (level == Level::prefecture) return name + "（広域）";
  // Wards get the prefecture too (大阪府大阪市東淀川区), as the peer scripts make them; a
  // registry that wants the seed's 大阪市東淀川区 says so with an explicit label.
  // Names that already carry their prefecture stay as given.
  bool has_prefecture = name.compare(0, prefecture.size(), prefecture) == 0;
  if (has_prefecture) return name;
  return prefecture + name;
}

}  // namespace tenkai::registry
