// Reading and applying where / sort / limit: the one place every listing element shares.
#include "core/layout/data_selection.h"

#include <algorithm>
#include <map>

#include "core/registry/fiscal_year.h"
#include "core/registry/prefectures.h"

namespace tenkai::layout {
namespace {

const std::vector<std::string> kWhereKeys = {"prefecture", "level", "regions", "fiscal_years"};
const std::vector<std::string> kLevels = {"prefecture", "wide_area", "municipality", "ward"};

std::string hint_for(const std::string& word, const std::vector<std::string>& candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : "did you mean '" + match + "'?";
}

// A value written as one scalar or as a list of scalars: the scalar nodes, for positions.
std::vector<YAML::Node> scalars(const YAML::Node& value, SpecReader& reader, const char* key) {
  std::vector<YAML::Node> out;
  if (value.IsScalar()) {
    out.push_back(value);
  } else if (value.IsSequence() && value.size() > 0) {
    for (const auto& item : value) {
      if (item.IsScalar())
        out.push_back(item);
      else
        reader.error(item, std::string("each entry of '") + key + "' must be a plain value");
    }
  } else {
    reader.error(value, std::string("'") + key + "' must be a value or a non-empty list of values");
  }
  return out;
}

std::optional<int> fiscal_year(const YAML::Node& node, SpecReader& reader) {
  auto year = node.IsScalar() ? registry::parse_fiscal_year(node.Scalar()) : std::nullopt;
  if (!year) {
    reader.error(node, "'" + (node.IsScalar() ? node.Scalar() : std::string("…")) +
                           "' is not a fiscal year (2015, H27, 平成27年度, R1)");
  }
  return year;
}

void read_where(const YAML::Node& where, SpecReader& reader, DataSelection& out) {
  if (!reader.check_keys(where, kWhereKeys, "where")) return;
  if (const YAML::Node value = where["prefecture"]) {
    const auto& names = registry::prefecture_names();
    for (const auto& node : scalars(value, reader, "prefecture")) {
      const std::string name = node.Scalar();
      if (registry::prefecture_code(name) == 0) {
        reader.error(node, "unknown prefecture '" + name + "' (one of the 47 official names)",
                     hint_for(name, names));
      } else if (std::find(out.prefectures.begin(), out.prefectures.end(), name) ==
                 out.prefectures.end()) {
        out.prefectures.push_back(name);
      }
    }
  }
  if (const YAML::Node value = where["level"]) {
    for (const auto& node : scalars(value, reader, "level")) {
      auto level = registry::parse_level(node.Scalar());
      if (!level) {
        reader.error(
            node,
            "unknown level '" + node.Scalar() + "' (prefecture, wide_area, municipality or ward)",
            hint_for(node.Scalar(), kLevels));
      } else if (std::find(out.levels.begin(), out.levels.end(), *level) == out.levels.end()) {
        out.levels.push_back(*level);
      }
    }
  }
  if (const YAML::Node value = where["regions"]) {
    std::vector<std::string> ids;
    if (const registry::Registry* registry = reader.registry()) {
      for (const auto& r : registry->regions) ids.push_back(r.id);
    }
    for (const auto& node : scalars(value, reader, "regions")) {
      const std::string id = node.Scalar();
      if (reader.registry() && !reader.registry()->find_region(id)) {
        reader.error(node, "unknown region '" + id + "'", hint_for(id, ids));
      } else if (std::find(out.regions.begin(), out.regions.end(), id) == out.regions.end()) {
        out.regions.push_back(id);
      }
    }
  }
  if (const YAML::Node value = where["fiscal_years"]) {
    // One year, or [first, last] as registry.years is written.
    if (value.IsScalar()) {
      if (auto year = fiscal_year(value, reader)) out.first_year = out.last_year = *year;
    } else if (value.IsSequence() && value.size() == 2) {
      auto first = fiscal_year(value[0], reader);
      auto last = fiscal_year(value[1], reader);
      if (first && last && *first > *last) {
        reader.error(value, "'fiscal_years' must run from an earlier to a later year, not " +
                                std::to_string(*first) + "–" + std::to_string(*last));
      } else if (first && last) {
        out.first_year = *first;
        out.last_year = *last;
      }
    } else {
      reader.error(value, "'fiscal_years' is one fiscal year or [first, last]");
    }
  }
}

void read_sort(const YAML::Node& value, SpecReader& reader, Listing listing, DataSelection& out) {
  std::vector<std::string> keys = {"first_year", "prefecture_code", "label", "sessions"};
  if (listing == Listing::prefectures) keys.push_back("regions");
  for (const auto& node : scalars(value, reader, "sort")) {
    std::string word = node.Scalar();
    SortSpec spec;
    if (!word.empty() && word.front() == '-') {
      spec.reversed = true;
      word.erase(word.begin());
    }
    auto found = std::find(keys.begin(), keys.end(), word);
    if (found == keys.end()) {
      std::string list;
      for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
      reader.error(node, "unknown sort key '" + word + "' (" + list + "; -key reverses)",
                   hint_for(word, keys));
      continue;
    }
    spec.key = static_cast<SortKey>(found - keys.begin());
    if (std::any_of(out.sort.begin(), out.sort.end(),
                    [&](const SortSpec& s) { return s.key == spec.key; })) {
      reader.error(node, "sort key '" + word + "' is given twice");
      continue;
    }
    out.sort.push_back(spec);
  }
}

// Sessions of a row in the years it shows.
int row_sessions(const analysis::MatrixRow& row) {
  int total = 0;
  for (const auto& [year, cell] : row.cells) total += cell.sessions;
  return total;
}

// Negative, zero or positive as `a` goes before, with, or after `b` for one key. Sessions and
// regions count down (most first), the others up; `-key` turns it round.
template <typename T>
int compare(const T& a, const T& b, SortSpec spec) {
  const bool down = spec.key == SortKey::sessions || spec.key == SortKey::regions;
  int order = a < b ? -1 : (b < a ? 1 : 0);
  if (down) order = -order;
  return spec.reversed ? -order : order;
}

}  // namespace

bool DataSelection::narrows() const {
  return nothing || !prefectures.empty() || !levels.empty() || !regions.empty() ||
         first_year.has_value();
}

bool DataSelection::matches(const registry::Region& region) const {
  if (nothing) return false;
  if (!prefectures.empty() &&
      std::find(prefectures.begin(), prefectures.end(), region.prefecture) == prefectures.end())
    return false;
  if (!levels.empty() && std::find(levels.begin(), levels.end(), region.level) == levels.end())
    return false;
  if (!regions.empty() && std::find(regions.begin(), regions.end(), region.id) == regions.end())
    return false;
  return true;
}

DataSelection DataSelection::narrowed_by(const DataSelection& other) const {
  DataSelection out = *this;
  auto intersect = [&out](auto& mine, const auto& theirs) {
    if (theirs.empty()) return;
    if (mine.empty()) {
      mine = theirs;
      return;
    }
    auto kept = mine;
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const auto& v) {
                                return std::find(theirs.begin(), theirs.end(), v) == theirs.end();
                              }),
               kept.end());
    if (kept.empty()) out.nothing = true;  // nothing in common: no region matches both
    mine = kept;
  };
  intersect(out.prefectures, other.prefectures);
  intersect(out.levels, other.levels);
  intersect(out.regions, other.regions);
  if (other.first_year)
    out.first_year = std::max(out.first_year.value_or(*other.first_year), *other.first_year);
  if (other.last_year)
    out.last_year = std::min(out.last_year.value_or(*other.last_year), *other.last_year);
  return out;
}

const std::vector<std::string>& selection_keys() {
  static const std::vector<std::string> keys = {"where", "sort", "limit"};
  return keys;
}

DataSelection read_selection(const YAML::Node& map, SpecReader& reader, Listing listing) {
  DataSelection out;
  out.pos = reader.pos(map);
  if (!map.IsMap()) return out;
  if (const YAML::Node where = map["where"]) read_where(where, reader, out);
  if (const YAML::Node sort = map["sort"]) read_sort(sort, reader, listing, out);
  if (auto limit = reader.integer(map, "limit", 1, 100000)) out.limit = static_cast<size_t>(*limit);
  return out;
}

SelectedMatrix select_matrix(const analysis::SpreadMatrix& matrix,
                             const registry::Registry& registry, const DataSelection& selection) {
  SelectedMatrix out;
  analysis::SpreadMatrix& m = out.matrix;
  m.caveat = matrix.caveat;
  // Years: the period's, cut to fiscal_years; never one outside the period.
  for (int year : matrix.years) {
    if (selection.first_year && year < *selection.first_year) continue;
    if (selection.last_year && year > *selection.last_year) continue;
    m.years.push_back(year);
  }
  const int first = m.years.empty() ? 0 : m.years.front();
  const int last = m.years.empty() ? -1 : m.years.back();
  for (const auto& row : matrix.rows) {
    if (row.region_index >= registry.regions.size()) continue;
    if (!selection.matches(registry.regions[row.region_index])) continue;
    analysis::MatrixRow kept = row;
    kept.cells.clear();
    for (const auto& [year, cell] : row.cells) {
      if (year >= first && year <= last) kept.cells.emplace(year, cell);
    }
    if (kept.cells.empty()) continue;
    m.rows.push_back(std::move(kept));
  }
  out.matched = m.rows.size();
  if (!selection.sort.empty()) {
    auto before = [&](const analysis::MatrixRow& a, const analysis::MatrixRow& b) {
      for (const SortSpec& spec : selection.sort) {
        int order = 0;
        switch (spec.key) {
          case SortKey::first_year:
            order = compare(a.first_year, b.first_year, spec);
            break;
          case SortKey::prefecture_code:
            order = compare(registry.regions[a.region_index].prefecture_code,
                            registry.regions[b.region_index].prefecture_code, spec);
            break;
          case SortKey::label:
            order = compare(a.label, b.label, spec);
            break;
          case SortKey::sessions:
          case SortKey::regions:
            order = compare(row_sessions(a), row_sessions(b), spec);
            break;
        }
        if (order != 0) return order < 0;
      }
      return false;  // stable: the matrix's order decides ties
    };
    std::stable_sort(m.rows.begin(), m.rows.end(), before);
  }
  if (selection.limit && m.rows.size() > *selection.limit) m.rows.resize(*selection.limit);
  for (int year : m.years) {
    m.active[year] = 0;
    m.new_regions[year] = 0;
    m.cumulative[year] = 0;
  }
  for (const auto& row : m.rows) {
    for (const auto& [year, cell] : row.cells) ++m.active[year];
    for (int year : m.years) {
      if (row.first_year == year) ++m.new_regions[year];
      if (row.first_year <= year) ++m.cumulative[year];
    }
  }
  return out;
}

std::vector<PrefectureEntry> prefecture_entries(const analysis::SpreadMatrix& matrix,
                                                const registry::Registry& registry) {
  std::map<int, PrefectureEntry> by_code;
  for (const auto& row : matrix.rows) {
    if (row.region_index >= registry.regions.size()) continue;
    const registry::Region& region = registry.regions[row.region_index];
    PrefectureEntry& entry = by_code[region.prefecture_code];
    if (entry.regions == 0) {
      entry.name = region.prefecture;
      entry.code = region.prefecture_code;
      entry.first_year = row.first_year;
    }
    ++entry.regions;
    entry.sessions += row_sessions(row);
    entry.first_year = std::min(entry.first_year, row.first_year);
  }
  std::vector<PrefectureEntry> out;
  for (auto& [code, entry] : by_code) out.push_back(std::move(entry));
  return out;
}

std::vector<PrefectureEntry> select_prefectures(std::vector<PrefectureEntry> entries,
                                                const DataSelection& selection) {
  if (!selection.prefectures.empty()) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const PrefectureEntry& e) {
                                   return std::find(selection.prefectures.begin(),
                                                    selection.prefectures.end(),
                                                    e.name) == selection.prefectures.end();
                                 }),
                  entries.end());
  }
  if (!selection.sort.empty()) {
    auto before = [&](const PrefectureEntry& a, const PrefectureEntry& b) {
      for (const SortSpec& spec : selection.sort) {
        int order = 0;
        switch (spec.key) {
          case SortKey::first_year:
            order = compare(a.first_year, b.first_year, spec);
            break;
          case SortKey::prefecture_code:
            order = compare(a.code, b.code, spec);
            break;
          case SortKey::label:
            order = compare(a.name, b.name, spec);
            break;
          case SortKey::sessions:
            order = compare(a.sessions, b.sessions, spec);
            break;
          case SortKey::regions:
            order = compare(a.regions, b.regions, spec);
            break;
        }
        if (order != 0) return order < 0;
      }
      return false;  // stable: code order decides ties
    };
    std::stable_sort(entries.begin(), entries.end(), before);
  }
  if (selection.limit && entries.size() > *selection.limit) entries.resize(*selection.limit);
  return entries;
}

std::string jis_code(int code) {
  std::string digits = std::to_string(code);
  return digits.size() < 2 ? "0" + digits : digits;
}

}  // namespace tenkai::layout
