// Reads a registry YAML file into the typed model, collecting every problem with its position.
#include "core/registry/loader.h"
#include "core/registry/diagnostic_order.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <utility>

#include "core/registry/fiscal_year.h"
#include "core/registry/prefectures.h"
#include "core/registry/validation.h"
#include "core/registry/yaml_document.h"
#include "core/registry/yaml_fields.h"

namespace tenkai::registry {
namespace {

using yaml::MapReader;
using yaml::ReadContext;

// Far above any real registry (the national one is about a megabyte), small enough that the
// parsed tree for it stays within a few gigabytes at worst.
constexpr size_t kMaxRegistryBytes = 64u << 20;
// Reports beyond this many errors add nothing a person can act on.
constexpr size_t kMaxReportedErrors = 1000;

const std::vector<std::string> kTopKeys = {"tenkai", "registry", "regions", "sessions", "links"};
const std::vector<std::string> kRegistryKeys = {"title", "as_of", "caveat", "years"};
const std::vector<std::string> kRegionKeys = {"id",         "name",       "prefecture", "level",
                                              "label",      "population", "code",       "within",
                                              "organizers", "note"};
const std::vector<std::string> kSessionKeys = {
    "region",    "fiscal_year", "ordinal",    "function", "scope",   "days",
    "hours",     "field_hours", "organizers", "note",     "counted", "title",
    "programme", "times",       "until",      "when"};
const std::vector<std::string> kLinkKeys = {"from", "to", "kind", "fiscal_year", "note"};

const std::vector<std::string> kLevels = {"prefecture", "wide_area", "municipality", "ward"};
const std::vector<std::string> kFunctions = {"leader", "intro", "connect"};
const std::vector<std::string> kScopes = {"prefecture", "wide_area", "municipality", "community"};
const std::vector<std::string> kLinkKinds = {"leader_alumni", "know_how", "exchange",
                                             "visit",         "lecturer", "spread"};

const char* const kFiscalYearForms = "write it as 2011, H23, 平成23年度, R1 or 令和元年度";

// Parses an enum value, reporting an unknown spelling with a did-you-mean hint.
template <typename Parse>
auto read_enum(MapReader& map, const std::string& key, const std::vector<std::string>& names,
               Parse parse, bool required = false) -> decltype(parse(std::string())) {
  auto text = map.text(key, required);
  if (!text) return std::nullopt;
  auto value = parse(*text);
  if (!value) {
    map.error_at_value(key, "unknown " + key + " '" + yaml::excerpt(*text) + "'",
                       yaml::suggestion(*text, names));
  }
  return value;
}

// "bad fiscal year 'H32'", or an out-of-range message for a plain year such as 1985.
std::string fiscal_year_problem(const std::string& text) {
  auto number = yaml::parse_integer(text);
  if (number && (*number < kFirstFiscalYear || *number > kLastFiscalYear)) {
    return "fiscal year " + std::to_string(*number) + " is outside " +
           std::to_string(kFirstFiscalYear) + ".." + std::to_string(kLastFiscalYear);
  }
  return "bad fiscal year '" + yaml::excerpt(text) + "'";
}

std::optional<int> read_fiscal_year(ReadContext& context, const yaml::Node& node) {
  auto year = parse_fiscal_year(node.Scalar());
  if (!year) context.error(context.pos(node), fiscal_year_problem(node.Scalar()), kFiscalYearForms);
  return year;
}

std::optional<int> read_fiscal_year(MapReader& map, const std::string& key, bool required) {
  auto text = map.scalar(key, required);
  if (!text) return std::nullopt;
  auto year = parse_fiscal_year(*text);
  if (!year) map.error_at_value(key, fiscal_year_problem(*text), kFiscalYearForms);
  return year;
}

// Reads a list section; each item must be a map. Empty items have no usable mark of their own.
template <typename ReadItem>
void read_list(ReadContext& context, MapReader& top, const std::string& key, ReadItem read_item) {
  const yaml::Node* list = top.value(key);
  if (!list || list->IsNull()) return;
  if (!list->IsSequence()) {
    top.error_at_value(key, "'" + key + "' must be a list");
    return;
  }
  if (!context.charge(list->size(), *list)) return;
  for (size_t index = 1; index <= list->size(); ++index) {
    yaml::Node item = list->item(index - 1);
    if (!item.IsMap()) {
      SourcePos where = context.item_pos(*list, item);
      context.error(where,
                    "item " + std::to_string(index) + " of '" + key + "' must be a map of keys");
      continue;
    }
    read_item(item);
    if (context.exhausted()) return;
  }
}

void read_header(ReadContext& context, MapReader& top, Registry& registry) {
  if (auto version = top.scalar("tenkai", true)) {
    if (*version == "1") {
      registry.format_version = 1;
    } else {
      top.error_at_value("tenkai",
                         "unsupported registry format version '" + yaml::excerpt(*version) + "'",
                         "this tenkai reads 'tenkai: 1'");
    }
  }
  const yaml::Node* header = top.value("registry");
  if (!header || header->IsNull()) {
    top.text("registry", true);  // reports the missing key or the empty value
    return;
  }
  if (!header->IsMap()) {
    top.error_at_value("registry", "'registry' must be a map with title, as_of, caveat, years");
    return;
  }
  MapReader map(context, *header, "registry", kRegistryKeys);
  if (auto title = map.text("title", true)) registry.title = std::move(*title);
  if (auto caveat = map.text("caveat")) registry.caveat = std::move(*caveat);
  if (auto as_of = map.scalar("as_of")) {
    if (is_valid_date(*as_of)) {
      registry.as_of = std::move(*as_of);
    } else {
      map.error_at_value("as_of",
                         "'as_of' must be a date YYYY-MM-DD, not '" + yaml::excerpt(*as_of) + "'");
    }
  }
  if (const yaml::Node* years = map.value("years"); years && !years->IsNull()) {
    if (!years->IsSequence() || years->size() != 2 || !years->item(0).IsScalar() ||
        !years->item(1).IsScalar()) {
      map.error_at_value("years", "'years' must be a pair [first, last] of fiscal years");
      return;
    }
    auto first = read_fiscal_year(context, years->item(0));
    auto last = read_fiscal_year(context, years->item(1));
    if (first && last && *first > *last) {
      map.error_at_value("years", "'years' starts at " + std::to_string(*first) +
                                      ", after its last year " + std::to_string(*last));
    } else if (first && last) {
      registry.years = std::make_pair(*first, *last);
    }
  }
}

void read_region(ReadContext& context, const yaml::Node& node, RegistryDraft& draft) {
  MapReader map(context, node, "region", kRegionKeys);
  Region region;
  region.pos = context.pos(node);
  if (auto id = map.text("id", true)) {
    // A malformed id is still kept, so references to it do not pile up further errors.
    region.id = *id;
    if (!is_valid_id(*id)) {
      map.error_at_value("id", "bad region id '" + yaml::excerpt(*id) + "'",
                         "use [a-z0-9][a-z0-9-]*");
    }
  }
  if (auto name = map.text("name", true)) region.name = std::move(*name);
  if (auto prefecture = map.text("prefecture", true)) {
    region.prefecture_code = prefecture_code(*prefecture);
    if (region.prefecture_code > 0) {
      region.prefecture = *prefecture;
    } else {
      map.error_at_value("prefecture", "unknown prefecture '" + yaml::excerpt(*prefecture) + "'",
                         yaml::suggestion(*prefecture, prefecture_names(), false));
    }
  }
  auto level = read_enum(map, "level", kLevels, parse_level, true);
  if (level) region.level = *level;
  if (auto label = map.text("label")) {
    region.label = std::move(*label);
    region.label_explicit = true;
  }
  if (!region.label_explicit) {
    region.label = default_label(region.prefecture, region.name, region.level);
  }
  region.population = map.integer("population", 0);
  if (auto code = map.scalar("code")) {
    std::string problem = local_government_code_problem(*code);
    if (problem.empty()) {
      region.code = std::move(*code);
    } else {
      map.error_at_value("code", problem);
    }
  }
  if (auto within = map.text("within")) region.within = std::move(*within);
  if (auto organizers = map.text_list("organizers")) region.organizers = std::move(*organizers);
  if (auto note = map.text("note")) region.note = std::move(*note);
  draft.registry.regions.push_back(std::move(region));
  draft.region_positions.push_back({map.value_pos("id"), map.value_pos("within")});
}

void read_session(ReadContext& context, const yaml::Node& node, RegistryDraft& draft) {
  MapReader map(context, node, "session", kSessionKeys);
  Session session;
  session.pos = context.pos(node);
  if (auto region = map.text("region", true)) session.region = std::move(*region);
  if (auto year = read_fiscal_year(map, "fiscal_year", true)) session.fiscal_year = *year;
  if (auto ordinal = map.integer("ordinal", 1)) {
    if (*ordinal <= 1000000) {
      session.ordinal = static_cast<int>(*ordinal);
    } else {
      map.error_at_value("ordinal", "'ordinal' " + std::to_string(*ordinal) + " is too large");
    }
  }
  session.function = read_enum(map, "function", kFunctions, parse_function);
  if (auto scope = read_enum(map, "scope", kScopes, parse_scope)) {
    session.scope = *scope;
    session.scope_explicit = true;
  }
  session.days = map.number("days", 0);
  session.hours = map.number("hours", 0);
  session.field_hours = map.number("field_hours", 0);
  session.organizers = map.text_list("organizers");
  if (auto note = map.text("note")) session.note = std::move(*note);
  if (auto counted = map.boolean("counted")) session.counted = *counted;
  if (auto title = map.text("title")) session.title = std::move(*title);
  if (auto programme = map.text("programme")) session.programme = std::move(*programme);
  if (auto when = map.text("when")) session.when = std::move(*when);
  if (map.has("times")) {
    // A count, or `several` when the source says only 年数回.
    auto text = map.scalar("times");
    if (text && *text == "several") {
      session.several = true;
    } else if (text) {
      auto n = yaml::parse_integer(*text);
      if (n && *n >= 1 && *n <= 100000) {
        session.times = static_cast<int>(*n);
      } else {
        map.error_at_value("times", "'times' must be a count of at least 1 or 'several', not '" +
                                        yaml::excerpt(*text) + "'");
      }
    }
  }
  session.until = read_fiscal_year(map, "until", false);
  if (session.until && session.fiscal_year && *session.until < session.fiscal_year) {
    map.error_at_value("until", "'until' " + std::to_string(*session.until) +
                                    " is before the session's fiscal_year " +
                                    std::to_string(session.fiscal_year));
  }
  if (session.until && session.counted) {
    map.error_at_value("until",
                       "a recurring meeting ('until') is outside the count: add 'counted: false'");
  }
  draft.registry.sessions.push_back(std::move(session));
  draft.session_positions.push_back({map.value_pos("region"), map.value_pos("ordinal")});
}

void read_link(ReadContext& context, const yaml::Node& node, RegistryDraft& draft) {
  MapReader map(context, node, "link", kLinkKeys);
  Link link;
  link.pos = context.pos(node);
  if (auto from = map.text("from", true)) link.from = std::move(*from);
  if (auto to = map.text("to", true)) link.to = std::move(*to);
  if (auto kind = read_enum(map, "kind", kLinkKinds, parse_link_kind, true)) link.kind = *kind;
  link.fiscal_year = read_fiscal_year(map, "fiscal_year", false);
  if (auto note = map.text("note")) link.note = std::move(*note);
  draft.registry.links.push_back(std::move(link));
  draft.link_positions.push_back({map.value_pos("from"), map.value_pos("to")});
}

// Problems in file order (stable, so several at one spot keep the order they were found in),
// capped so that a hopeless file yields a readable report.
Diagnostics capped_in_file_order(const Diagnostics& found) {
  Diagnostics sorted;
  size_t errors = 0;
  Diagnostics in_order = tenkai::in_file_order(found);
  for (auto item : in_order.items()) {
    if (item.severity == Severity::error && ++errors > kMaxReportedErrors) continue;
    sorted.add(std::move(item));
  }
  if (errors > kMaxReportedErrors) {
    sorted.error({found.items().front().pos.file, 0, 0},
                 std::to_string(errors - kMaxReportedErrors) + " more errors not shown");
  }
  return sorted;
}

void read_document(ReadContext& context, const yaml::Node& root, RegistryDraft& draft) {
  if (root.IsNull()) {
    context.error({context.file(), 1, 1}, "registry is empty",
                  "it needs at least 'tenkai: 1' and 'registry: {title: ...}'");
    return;
  }
  if (!root.IsMap()) {
    context.error(context.pos(root),
                  "a registry must be a map with the keys tenkai, registry, "
                  "regions, sessions and links");
    return;
  }
  MapReader top(context, root, "file", kTopKeys);
  read_header(context, top, draft.registry);
  read_list(context, top, "regions", [&](const yaml::Node& n) { read_region(context, n, draft); });
  read_list(context, top, "sessions",
            [&](const yaml::Node& n) { read_session(context, n, draft); });
  read_list(context, top, "links", [&](const yaml::Node& n) { read_link(context, n, draft); });
}

}  // namespace

LoadResult parse_registry(std::string_view text, const std::string& path) {
  LoadResult result;
  Diagnostics found;
  if (text.size() > kMaxRegistryBytes) {
    found.error({path, 0, 0}, "registry is too large (" + std::to_string(text.size()) +
                                  " bytes; at most " + std::to_string(kMaxRegistryBytes) + ")");
    result.diagnostics = std::move(found);
    return result;
  }
  RegistryDraft draft;
  draft.registry.path = path;
  yaml::SourceMap source(text);
  try {
    if (auto tree = yaml::load_single_document(text, source, path, found)) {
      // Each entry of a real file costs some bytes, so entries beyond this come from aliases.
      ReadContext context(path, source, found, 2 * text.size() + 64);
      read_document(context, yaml::root_of(*tree), draft);
      if (!context.exhausted()) resolve_references(draft, found);
    }
  } catch (const std::exception& e) {
    // Parsing may also fail with std::bad_alloc or similar on hostile input; never let it out.
    found.error({path, 0, 0}, std::string("cannot read registry: ") + e.what());
  }
  result.diagnostics = capped_in_file_order(found);
  if (!result.diagnostics.has_errors()) result.registry = std::move(draft.registry);
  return result;
}

LoadResult load_registry(const std::string& path) {
  auto unreadable = [&](const std::string& why) {
    LoadResult result;
    result.diagnostics.error({path, 0, 0}, "cannot read registry: " + why);
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return unreadable("it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable("no such file or not readable");
  // Read at most one byte past the limit, so a huge file costs no more than the limit.
  std::string content;
  char buffer[1 << 16];
  while (content.size() <= kMaxRegistryBytes && in.read(buffer, sizeof buffer).gcount() > 0) {
    content.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return unreadable("read failed");
  return parse_registry(content, path);
}

}  // namespace tenkai::registry
