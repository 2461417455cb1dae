// The typed, validated registry: regions, sessions and propagation links (CONTRACT.md §1).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/registry/diagnostics.h"

namespace tenkai::registry {

enum class Level { prefecture, wide_area, municipality, ward };
enum class Function { leader, intro, connect };
enum class Scope { prefecture, wide_area, municipality, community };
enum class LinkKind { leader_alumni, know_how, exchange, visit, lecturer, spread };

// Registry spellings ("wide_area", "leader", ...), used for output and parsing.
const char* to_string(Level level);
const char* to_string(Function function);
const char* to_string(Scope scope);
const char* to_string(LinkKind kind);
std::optional<Level> parse_level(const std::string& text);
std::optional<Function> parse_function(const std::string& text);
std::optional<Scope> parse_scope(const std::string& text);
std::optional<LinkKind> parse_link_kind(const std::string& text);
Scope default_scope(Level level);

struct Region {
  std::string id;
  std::string name;
  std::string prefecture;   // official name, e.g. 千葉県
  int prefecture_code = 0;  // JIS X 0401: 1 (北海道) .. 47 (沖縄県)
  Level level = Level::municipality;
  std::string label;  // display label; filled with the default when absent
  bool label_explicit = false;
  std::optional<long long> population;
  std::string code;    // 6-digit local government code, or empty
  std::string within;  // id of a containing region, or empty
  std::optional<size_t> within_index;
  std::vector<std::string> organizers;
  std::string note;
  SourcePos pos;
};

struct Session {
  std::string region;
  size_t region_index = 0;
  int fiscal_year = 0;
  std::optional<int> ordinal;
  std::optional<Function> function;  // explicit only; inference lives in analysis
  Scope scope = Scope::municipality;
  bool scope_explicit = false;
  std::optional<double> days;
  std::optional<double> hours;
  std::optional<double> field_hours;
  std::optional<std::vector<std::string>> organizers;  // override of the region's
  std::string note;
  bool counted = true;
  // What the source says beyond the counts, without inventing: the training's own name and the
  // programme it belongs to (滋賀県在宅医療セミナー: 県リーダー研修), how many meetings the entry
  // stands for in a year (`times: 3`, or `times: several` when the count is unknown: 年数回), a
  // meeting recurring every fiscal year up to `until`, and when it is held (平日夜).
  std::string title;
  std::string programme;
  std::optional<int> times;
  bool several = false;
  std::optional<int> until;
  std::string when;
  SourcePos pos;
};

struct Link {
  std::string from;
  std::string to;
  size_t from_index = 0;
  size_t to_index = 0;
  LinkKind kind = LinkKind::spread;
  std::optional<int> fiscal_year;
  std::string note;
  SourcePos pos;
};

struct Registry {
  std::string path;  // file it was read from (for diagnostics and hashes)
  int format_version = 1;
  std::string title;
  std::string as_of;  // YYYY-MM-DD or empty
  std::string caveat;
  std::optional<std::pair<int, int>> years;  // declared first..last fiscal year
  std::vector<Region> regions;
  std::vector<Session> sessions;
  std::vector<Link> links;
  std::map<std::string, size_t> region_index;  // id -> index in regions

  const Region* find_region(const std::string& id) const;
};

// Default display label made from prefecture, name and level (CONTRACT.md §1).
std::string default_label(const std::string& prefecture, const std::string& name, Level level);

}  // namespace tenkai::registry
