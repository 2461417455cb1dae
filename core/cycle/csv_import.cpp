// Reads import rows against the registry, writes the YAML to append, and re-validates the edited
// file with the registry loader so every rule of the registry also holds for imported rows.
#include "core/cycle/csv_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/cycle/registry_text.h"
#include "core/registry/fiscal_year.h"
#include "core/registry/loader.h"
#include "core/registry/prefectures.h"
#include "core/registry/validation.h"

namespace tenkai::cycle {
namespace {

using registry::Level;
using registry::Registry;

const char* const kMiddleDot = "\xE3\x83\xBB";  // ・

// Trims ASCII and ideographic (U+3000) spaces.
std::string trim(std::string_view text) {
  auto is_space_at = [&](size_t i, bool from_end) -> size_t {
    if (from_end) {
      if (i >= 1 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r')) return 1;
      if (i >= 3 && text.substr(i - 3, 3) == "\xE3\x80\x80") return 3;
    } else {
      if (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) return 1;
      if (text.substr(i, 3) == "\xE3\x80\x80") return 3;
    }
    return 0;
  };
  size_t begin = 0;
  while (size_t n = is_space_at(begin, false)) begin += n;
  size_t end = text.size();
  while (end > begin) {
    size_t n = is_space_at(end, true);
    if (!n) break;
    end -= n;
  }
  return std::string(text.substr(begin, end - begin));
}

// Full-width digits, point and minus as ASCII (Excel users type both).
std::string ascii_digits(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF && i + 2 < text.size()) {
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
      unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) {
        out += static_cast<char>('0' + (b2 - 0x90));
        i += 2;
        continue;
      }
      if (b1 == 0xBC && b2 == 0x8E) {
        out += '.';
        i += 2;
        continue;
      }
      if (b1 == 0xBC && b2 == 0x8D) {
        out += '-';
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string ascii_lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::optional<long long> integer_of(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// A length in days or hours: a decimal number >= 0, written back in its plain ASCII form.
std::optional<std::string> decimal_of(const std::string& text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  int dots = 0;
  for (char c : text) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return std::nullopt;
  }
  if (dots > 1 || text.front() == '.' || text.back() == '.') return std::nullopt;
  return text;
}

size_t utf8_columns(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

template <typename T>
std::optional<T> lookup(const std::map<std::string, T>& table, const std::string& key) {
  auto found = table.find(key);
  if (found == table.end()) return std::nullopt;
  return found->second;
}

const std::map<std::string, std::string>& level_words() {
  static const std::map<std::string, std::string> table = {
      {"prefecture", "prefecture"},     {"wide_area", "wide_area"},
      {"municipality", "municipality"}, {"ward", "ward"},
      {"都道府県", "prefecture"},       {"広域", "wide_area"},
      {"市区町村", "municipality"},     {"市町村", "municipality"},
      {"市町", "municipality"},         {"行政区", "ward"},
      {"区（行政区）", "ward"}};
  return table;
}

const std::map<std::string, std::string>& function_words() {
  static const std::map<std::string, std::string> table = {{"leader", "leader"},
                                                           {"intro", "intro"},
                                                           {"connect", "connect"},
                                                           {"リーダー", "leader"},
                                                           {"リーダー研修", "leader"},
                                                           {"地域リーダーの養成", "leader"},
                                                           {"入門", "intro"},
                                                           {"動機づけ", "intro"},
                                                           {"動機づけ・入門", "intro"},
                                                           {"つながり", "connect"},
                                                           {"多職種のつながりを深める", "connect"},
                                                           {"顔の見える関係会議", "connect"}};
  return table;
}

const std::map<std::string, std::string>& scope_words() {
  static const std::map<std::string, std::string> table = {
      {"prefecture", "prefecture"}, {"wide_area", "wide_area"}, {"municipality", "municipality"},
      {"community", "community"},   {"都道府県", "prefecture"}, {"広域", "wide_area"},
      {"市区町村", "municipality"}, {"市町村", "municipality"}, {"地域包括", "community"},
      {"日常生活圏域", "community"}};
  return table;
}

const std::map<std::string, bool>& counted_words() {
  static const std::map<std::string, bool> table = {
      {"true", true}, {"false", false}, {"yes", true},     {"no", false},  {"1", true},
      {"0", false},   {"はい", true},   {"いいえ", false}, {"○", true},    {"〇", true},
      {"×", false},   {"対象", true},   {"対象外", false}, {"する", true}, {"しない", false}};
  return table;
}

std::vector<std::string> keys_of(const auto& table) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : table) keys.push_back(key);
  return keys;
}

// One region the import adds.
struct NewRegion {
  std::string id;
  std::string name;
  std::string prefecture;
  std::string level;
  std::string code;
  std::string label;
  std::string population;
  int row = 0;
  std::map<std::string, int> columns;  // region key -> CSV field number
  std::vector<std::vector<std::string>> session_organizers;
};

// One session the import adds, its keys in the registry's order.
struct NewSession {
  int row = 0;
  std::string region;
  bool new_region = false;
  std::vector<std::pair<std::string, std::string>> keys;  // key -> YAML value text
  std::map<std::string, int> columns;                     // key -> CSV field number
  std::optional<std::vector<std::string>> organizers;
  int organizers_column = 0;
};

// Where each appended line came from, for mapping the loader's diagnostics back to the CSV.
struct LineOrigin {
  int row = 0;
  std::vector<std::pair<size_t, int>> key_columns;  // (1-based char column of key, CSV field)
};

}  // namespace

const std::vector<std::pair<std::string, std::vector<std::string>>>& header_aliases() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
      {"region", {"region", "地域ID", "ID"}},
      {"code", {"code", "団体コード", "地方公共団体コード", "市区町村コード"}},
      {"prefecture", {"prefecture", "都道府県", "都道府県名"}},
      {"name", {"name", "地域名", "市区町村名", "市町村名", "名称"}},
      {"level", {"level", "区分", "地域区分"}},
      {"label", {"label", "表示名"}},
      {"population", {"population", "人口"}},
      {"fiscal_year", {"fiscal_year", "年度", "開催年度"}},
      {"ordinal", {"ordinal", "回", "開催回"}},
      {"function", {"function", "機能", "研修の機能"}},
      {"scope", {"scope", "範囲", "開催範囲"}},
      {"days", {"days", "日数", "研修日数"}},
      {"hours", {"hours", "時間", "時間数"}},
      {"field_hours", {"field_hours", "同行研修時間", "同行時間"}},
      {"organizers", {"organizers", "主催"}},
      {"note", {"note", "備考"}},
      {"counted", {"counted", "集計対象"}},
  };
  return table;
}

std::string canonical_header(std::string_view header) {
  std::string cell = ascii_lower(trim(header));
  for (const auto& [key, names] : header_aliases())
    for (const auto& name : names)
      if (ascii_lower(name) == cell) return key;
  return {};
}

std::vector<std::string> split_organizers(std::string_view cell) {
  std::vector<std::string> names;
  std::string current;
  bool bracketed = false;
  const std::string_view open = "\xE3\x80\x8C", close = "\xE3\x80\x8D";  // 「 」
  for (size_t i = 0; i < cell.size();) {
    std::string_view rest = cell.substr(i);
    if (!bracketed && trim(current).empty() && rest.substr(0, 3) == open) {
      bracketed = true;
      current.clear();
      i += 3;
    } else if (bracketed && rest.substr(0, 3) == close) {
      bracketed = false;
      i += 3;
    } else if (!bracketed && rest.substr(0, 3) == kMiddleDot) {
      names.push_back(trim(current));
      current.clear();
      i += 3;
    } else {
      current += cell[i];
      ++i;
    }
  }
  names.push_back(trim(current));
  names.erase(std::remove(names.begin(), names.end(), std::string()), names.end());
  return names;
}

std::optional<ImportPlan> plan_import(std::string_view registry_text, const Registry& reg,
                                      const std::vector<CsvRecord>& records,
                                      const ImportRequest& request, Diagnostics& diagnostics) {
  const std::string& csv = request.csv_path;
  size_t errors_before = diagnostics.error_count();
  if (records.empty()) {
    diagnostics.error({csv, 1, 1}, "the CSV has no header row");
    return std::nullopt;
  }

  // ---- The header ------------------------------------------------------------------------
  std::map<std::string, int> column_of;  // key -> 1-based field number
  std::vector<std::string> key_at;       // field index -> key ("" for unknown)
  std::vector<std::string> known;
  for (const auto& [key, names] : header_aliases())
    for (const auto& name : names) known.push_back(name);
  const CsvRecord& header = records.front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    int col = static_cast<int>(i) + 1;
    std::string cell = trim(header.fields[i]);
    std::string key = canonical_header(cell);
    key_at.push_back(key);
    if (cell.empty()) continue;
    if (key.empty()) {
      std::string hint = closest_match(cell, known);
      diagnostics.error({csv, header.row, col}, "unknown column '" + cell + "'",
                        hint.empty() ? "" : "did you mean '" + hint + "'?");
    } else if (column_of.count(key)) {
      diagnostics.error({csv, header.row, col},
                        "column '" + cell + "' repeats column " + std::to_string(column_of[key]));
    } else {
      column_of[key] = col;
    }
  }
  if (!column_of.count("fiscal_year"))
    diagnostics.error({csv, header.row, 1}, "the header needs a fiscal_year (年度) column");
  if (!column_of.count("region") && !column_of.count("code") &&
      !(column_of.count("prefecture") && column_of.count("name")))
    diagnostics.error({csv, header.row, 1},
                      "the header needs a column naming the region: region (地域ID), code "
                      "(団体コード), or prefecture (都道府県) and name (地域名)");
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  // ---- Regions already known ---------------------------------------------------------------
  std::map<std::string, size_t> by_code;
  std::multimap<std::pair<std::string, std::string>, size_t> by_name;
  for (size_t i = 0; i < reg.regions.size(); ++i) {
    const auto& r = reg.regions[i];
    if (!r.code.empty()) by_code[r.code] = i;
    by_name.insert({{r.prefecture, r.name}, i});
    if (r.label != r.name) by_name.insert({{r.prefecture, r.label}, i});
  }
  std::vector<NewRegion> new_regions;
  std::map<std::string, size_t> new_by_id;
  std::map<std::string, size_t> new_by_code;
  std::map<std::pair<std::string, std::string>, size_t> new_by_name;

  std::vector<NewSession> sessions;
  std::optional<std::pair<int, int>> imported_span;
  std::vector<std::string> region_ids;
  for (const auto& r : reg.regions) region_ids.push_back(r.id);

  for (size_t n = 1; n < records.size(); ++n) {
    const CsvRecord& record = records[n];
    int row = record.row;
    size_t row_errors = diagnostics.error_count();
    auto error = [&](const std::string& key, std::string message, std::string hint = {}) {
      diagnostics.error({csv, row, column_of.count(key) ? column_of[key] : 1}, std::move(message),
                        std::move(hint));
    };
    for (size_t i = header.fields.size(); i < record.fields.size(); ++i) {
      if (!trim(record.fields[i]).empty())
        diagnostics.error({csv, row, static_cast<int>(i) + 1},
                          "this row has more fields than the header");
    }
    auto field = [&](const std::string& key) -> std::string {
      auto found = column_of.find(key);
      if (found == column_of.end()) return {};
      size_t index = static_cast<size_t>(found->second - 1);
      return index < record.fields.size() ? trim(record.fields[index]) : std::string();
    };

    // The region's identifying fields.
    std::string id = field("region");
    std::string code = ascii_digits(field("code"));
    std::string prefecture = field("prefecture");
    std::string name = field("name");
    std::string level_text = field("level");
    if (!code.empty()) {
      if (code.size() == 5 && registry::local_government_code_problem("0" + code).empty())
        code = "0" + code;  // a spreadsheet dropped the leading zero of 北海道..福島県's codes
      if (std::string problem = registry::local_government_code_problem(code); !problem.empty()) {
        error("code", problem);
        code.clear();
      }
    }
    if (!prefecture.empty() && registry::prefecture_code(prefecture) == 0) {
      error("prefecture", "unknown prefecture '" + prefecture + "'", [&] {
        std::string h = closest_match(prefecture, registry::prefecture_names());
        return h.empty() ? std::string() : "did you mean '" + h + "'?";
      }());
      prefecture.clear();
    }
    std::string level;
    if (!level_text.empty()) {
      if (auto l = lookup(level_words(), ascii_lower(level_text))) {
        level = *l;
      } else {
        std::string h = closest_match(level_text, keys_of(level_words()));
        error("level", "unknown level '" + level_text + "'",
              h.empty() ? "" : "did you mean '" + h + "'?");
      }
    }

    std::string region_id;
    bool is_new = false;
    int region_column = column_of.count("region")                  ? column_of["region"]
                        : column_of.count("code") && !code.empty() ? column_of["code"]
                        : column_of.count("name")                  ? column_of["name"]
                                                                   : 1;
    auto existing_consistent = [&](const registry::Region& r) {
      if (!code.empty() && !r.code.empty() && code != r.code)
        error("code", "団体コード " + code + " does not match region '" + r.id + "' (" + r.label +
                          ", " + r.code + ")");
      if (!prefecture.empty() && prefecture != r.prefecture)
        error("prefecture", "region '" + r.id + "' is in " + r.prefecture + ", not " + prefecture);
      if (!name.empty() && name != r.name && name != r.label)
        error("name", "region '" + r.id + "' is " + r.label + ", not " + name);
    };
    auto new_consistent = [&](NewRegion& r) {
      if (!prefecture.empty() && prefecture != r.prefecture)
        error("prefecture", "row " + std::to_string(r.row) + " put this region in " + r.prefecture +
                                ", not " + prefecture);
      if (!name.empty() && name != r.name)
        error("name",
              "row " + std::to_string(r.row) + " named this region " + r.name + ", not " + name);
      if (!level.empty() && level != r.level)
        error("level", "row " + std::to_string(r.row) + " gave this region the level " + r.level);
    };
    std::optional<size_t> existing;
    std::optional<size_t> pending;
    if (!id.empty()) {
      if (auto found = reg.region_index.find(id); found != reg.region_index.end())
        existing = found->second;
      else if (auto p = new_by_id.find(id); p != new_by_id.end())
        pending = p->second;
    } else if (!code.empty()) {
      if (auto found = by_code.find(code); found != by_code.end())
        existing = found->second;
      else if (auto p = new_by_code.find(code); p != new_by_code.end())
        pending = p->second;
    }
    if (!existing && !pending && id.empty() && !prefecture.empty() && !name.empty()) {
      auto [lo, hi] = by_name.equal_range({prefecture, name});
      std::set<size_t> matches;
      for (auto it = lo; it != hi; ++it) matches.insert(it->second);
      if (matches.size() == 1) {
        existing = *matches.begin();
      } else if (matches.size() > 1) {
        error("name", "several regions of " + prefecture + " are called " + name,
              "name it by region (地域ID) or code (団体コード)");
        continue;
      } else if (auto p = new_by_name.find({prefecture, name}); p != new_by_name.end()) {
        pending = p->second;
      }
    }
    if (existing) {
      const auto& r = reg.regions[*existing];
      existing_consistent(r);
      region_id = r.id;
    } else if (pending) {
      new_consistent(new_regions[*pending]);
      region_id = new_regions[*pending].id;
      is_new = true;
    } else {
      // A region the registry does not have yet.
      bool complete = true;
      if (!id.empty() && !registry::is_valid_id(id)) {
        error("region", "region id '" + id + "' must match [a-z0-9][a-z0-9-]*");
        complete = false;
      }
      if (id.empty() && code.empty()) {
        if (field("region").empty() && field("code").empty() &&
            (name.empty() || prefecture.empty()))
          error(column_of.count("region") ? "region"
                : column_of.count("code") ? "code"
                                          : "name",
                "this row names no region");
        else
          error(column_of.count("code") ? "code" : "name",
                "no region " + prefecture + name +
                    " in the registry; to add it give its code "
                    "(団体コード) or an id (地域ID)");
        complete = false;
      }
      if (complete) {
        std::vector<std::string> missing;
        if (prefecture.empty() && field("prefecture").empty()) missing.push_back("prefecture");
        if (name.empty()) missing.push_back("name");
        if (level.empty() && field("level").empty()) missing.push_back("level");
        if (!missing.empty()) {
          std::string list;
          for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
          std::string what = !id.empty() ? "unknown region '" + id + "'"
                                         : "no region with 団体コード " + code + " in the registry";
          std::string hint;
          if (!id.empty()) {
            std::string close = closest_match(id, region_ids);
            if (!close.empty()) hint = "did you mean '" + close + "'?";
          }
          diagnostics.error({csv, row, region_column}, what + "; to add it the row needs " + list,
                            hint);
          complete = false;
        }
      }
      if (complete && diagnostics.error_count() == row_errors) {
        NewRegion r;
        r.id = !id.empty() ? id : code;
        if (reg.region_index.count(r.id)) {
          diagnostics.error({csv, row, region_column},
                            "the new region's id '" + r.id + "' is already taken");
        } else {
          r.name = name;
          r.prefecture = prefecture;
          r.level = level;
          r.code = code;
          r.label = field("label");
          r.population = ascii_digits(field("population"));
          if (!r.population.empty() && !integer_of(r.population))
            error("population", "population '" + r.population + "' is not a whole number");
          r.row = row;
          for (const char* key :
               {"region", "code", "prefecture", "name", "level", "label", "population"})
            if (column_of.count(key)) r.columns[key] = column_of[key];
          r.columns["id"] = region_column;
          new_by_id[r.id] = new_regions.size();
          if (!code.empty()) new_by_code[code] = new_regions.size();
          new_by_name[{prefecture, name}] = new_regions.size();
          region_id = r.id;
          is_new = true;
          new_regions.push_back(std::move(r));
        }
      }
    }

    // The session's own keys.
    NewSession s;
    s.row = row;
    s.region = region_id;
    s.new_region = is_new;
    s.columns["region"] = region_column;
    auto put = [&](const std::string& key, std::string value) {
      s.keys.emplace_back(key, std::move(value));
      if (column_of.count(key)) s.columns[key] = column_of[key];
    };
    put("region", yaml_scalar(region_id, true));
    s.keys.back().first = "region";
    std::string year_text = field("fiscal_year");
    auto year = registry::parse_fiscal_year(year_text);
    if (year_text.empty())
      error("fiscal_year", "missing fiscal year");
    else if (!year)
      error("fiscal_year", "bad fiscal year '" + year_text + "'",
            "write it as 2011, H23, 平成23年度, R1 or 令和元年度");
    if (year) {
      put("fiscal_year", std::to_string(*year));
      if (reg.years && !request.extend_years &&
          (*year < reg.years->first || *year > reg.years->second))
        error("fiscal_year",
              "fiscal year " + std::to_string(*year) + " is outside the registry's years " +
                  std::to_string(reg.years->first) + "–" + std::to_string(reg.years->second),
              "pass --extend-years to widen them");
      if (!imported_span)
        imported_span = {*year, *year};
      else
        imported_span = {std::min(imported_span->first, *year),
                         std::max(imported_span->second, *year)};
    }
    if (std::string text = ascii_digits(field("ordinal")); !text.empty()) {
      std::string digits = text;
      if (digits.rfind("第", 0) == 0) digits = digits.substr(std::string("第").size());
      if (digits.size() >= 3 && digits.compare(digits.size() - 3, 3, "回") == 0)
        digits.resize(digits.size() - 3);
      auto value = integer_of(digits);
      if (!value || *value < 1)
        error("ordinal", "ordinal '" + text + "' is not a whole number from 1");
      else
        put("ordinal", std::to_string(*value));
    }
    if (std::string text = field("function"); !text.empty()) {
      if (auto f = lookup(function_words(), ascii_lower(text))) {
        put("function", *f);
      } else {
        std::string h = closest_match(text, keys_of(function_words()));
        error("function", "unknown function '" + text + "'",
              h.empty() ? "" : "did you mean '" + h + "'?");
      }
    }
    if (std::string text = field("scope"); !text.empty()) {
      if (auto f = lookup(scope_words(), ascii_lower(text))) {
        put("scope", *f);
      } else {
        std::string h = closest_match(text, keys_of(scope_words()));
        error("scope", "unknown scope '" + text + "'",
              h.empty() ? "" : "did you mean '" + h + "'?");
      }
    }
    for (const char* key : {"days", "hours", "field_hours"}) {
      std::string text = ascii_digits(field(key));
      if (text.empty()) continue;
      if (auto value = decimal_of(text))
        put(key, *value);
      else
        error(key, std::string(key) + " '" + text + "' is not a number >= 0");
    }
    if (std::string text = field("organizers"); !text.empty()) {
      s.organizers = split_organizers(text);
      s.organizers_column = column_of["organizers"];
    }
    if (std::string text = field("note"); !text.empty()) put("note", yaml_scalar(text, true));
    if (std::string text = field("counted"); !text.empty()) {
      if (auto c = lookup(counted_words(), ascii_lower(text)))
        put("counted", *c ? "true" : "false");
      else
        error("counted", "counted '" + text + "' is not true or false", "write true or false");
    }
    if (diagnostics.error_count() == row_errors) {
      if (is_new)
        new_regions[new_by_id[region_id]].session_organizers.push_back(
            s.organizers.value_or(std::vector<std::string>{}));
      sessions.push_back(std::move(s));
    }
  }
  if (records.size() == 1) diagnostics.warning({csv, 1, 1}, "the CSV has no rows to import");
  if (diagnostics.error_count() > errors_before) return std::nullopt;

  // ---- Organizers: a new region whose sessions all name the same ones takes them over ---------
  std::map<std::string, std::vector<std::string>> region_organizers;
  for (const auto& r : reg.regions) region_organizers[r.id] = r.organizers;
  for (auto& r : new_regions) {
    bool same = !r.session_organizers.empty() && !r.session_organizers.front().empty();
    for (const auto& o : r.session_organizers) same = same && o == r.session_organizers.front();
    region_organizers[r.id] = same ? r.session_organizers.front() : std::vector<std::string>{};
  }

  // ---- The YAML to append -------------------------------------------------------------------
  RegistryText text(registry_text);
  ImportPlan plan;
  std::vector<std::string> region_lines;
  std::vector<LineOrigin> region_origins;
  ListStyle region_style = text.list_style("regions");
  std::string comment_name = csv.substr(csv.find_last_of('/') + 1);
  if (!new_regions.empty()) {
    region_lines.push_back(region_style.indent + "# imported from " + comment_name);
    region_origins.push_back({});
  }
  for (const auto& r : new_regions) {
    std::vector<std::pair<std::string, std::string>> keys = {
        {"id", yaml_scalar(r.id, false)},
        {"name", yaml_scalar(r.name, false)},
        {"prefecture", yaml_scalar(r.prefecture, false)},
        {"level", r.level}};
    if (!r.label.empty()) keys.emplace_back("label", yaml_scalar(r.label, false));
    if (!r.population.empty()) keys.emplace_back("population", r.population);
    if (!r.code.empty()) keys.emplace_back("code", "\"" + r.code + "\"");
    if (!region_organizers[r.id].empty())
      keys.emplace_back("organizers", yaml_flow_list(region_organizers[r.id]));
    auto column = [&](const std::string& key) {
      auto found = r.columns.find(key == "organizers" ? "id" : key);
      return found == r.columns.end() ? r.columns.at("id") : found->second;
    };
    if (region_style.flow_items) {
      std::string line = region_style.indent + "- {";
      LineOrigin origin{r.row, {}};
      for (size_t i = 0; i < keys.size(); ++i) {
        if (i) line += ", ";
        origin.key_columns.emplace_back(utf8_columns(line) + 1, column(keys[i].first));
        line += keys[i].first + ": " + keys[i].second;
      }
      region_lines.push_back(line + "}");
      region_origins.push_back(origin);
    } else {
      for (size_t i = 0; i < keys.size(); ++i) {
        std::string prefix = region_style.indent + (i == 0 ? "- " : "  ");
        region_lines.push_back(prefix + keys[i].first + ": " + keys[i].second);
        region_origins.push_back({r.row, {{1, column(keys[i].first)}}});
      }
    }
    plan.added_regions.push_back(
        r.id + " (" +
        (r.label.empty()
             ? registry::default_label(r.prefecture, r.name, *registry::parse_level(r.level))
             : r.label) +
        ")");
  }
  std::vector<std::string> session_lines;
  std::vector<LineOrigin> session_origins;
  ListStyle session_style = text.list_style("sessions");
  if (!sessions.empty()) {
    session_lines.push_back(session_style.indent + "# imported from " + comment_name);
    session_origins.push_back({});
  }
  for (auto& s : sessions) {
    if (s.organizers && *s.organizers != region_organizers[s.region]) {
      // Keep the registry's key order: organizers come before note and counted.
      auto at = std::find_if(s.keys.begin(), s.keys.end(), [](const auto& k) {
        return k.first == "note" || k.first == "counted";
      });
      s.keys.insert(at, {"organizers", yaml_flow_list(*s.organizers)});
      s.columns["organizers"] = s.organizers_column;
    }
    auto column = [&](const std::string& key) {
      auto found = s.columns.find(key);
      return found == s.columns.end() ? s.columns.at("region") : found->second;
    };
    if (session_style.flow_items) {
      std::string line = session_style.indent + "- {";
      LineOrigin origin{s.row, {}};
      for (size_t i = 0; i < s.keys.size(); ++i) {
        if (i) line += ", ";
        origin.key_columns.emplace_back(utf8_columns(line) + 1, column(s.keys[i].first));
        line += s.keys[i].first + ": " + s.keys[i].second;
      }
      session_lines.push_back(line + "}");
      session_origins.push_back(origin);
    } else {
      for (size_t i = 0; i < s.keys.size(); ++i) {
        std::string prefix = session_style.indent + (i == 0 ? "- " : "  ");
        session_lines.push_back(prefix + s.keys[i].first + ": " + s.keys[i].second);
        session_origins.push_back({s.row, {{1, column(s.keys[i].first)}}});
      }
    }
  }
  plan.added_sessions = sessions.size();

  // ---- Years ------------------------------------------------------------------------------------
  std::pair<int, int> before{0, 0};
  if (reg.years) {
    before = *reg.years;
  } else {
    bool any = false;
    for (const auto& s : reg.sessions) {
      before = any ? std::pair{std::min(before.first, s.fiscal_year),
                               std::max(before.second, s.fiscal_year)}
                   : std::pair{s.fiscal_year, s.fiscal_year};
      any = true;
    }
  }
  plan.years_before = before;
  plan.years_after = before;
  if (imported_span) {
    if (before == std::pair{0, 0})
      plan.years_after = *imported_span;
    else
      plan.years_after = {std::min(before.first, imported_span->first),
                          std::max(before.second, imported_span->second)};
  }
  if (reg.years && plan.years_after != *reg.years) {
    if (!text.set_years(plan.years_after.first, plan.years_after.second)) {
      diagnostics.error({reg.path, 1, 1},
                        "cannot rewrite registry.years in place; write it as years: [FIRST, LAST]");
      return std::nullopt;
    }
    plan.years_rewritten = true;
  }

  if (!region_lines.empty()) text.append_to_list("regions", region_lines);
  if (!session_lines.empty()) text.append_to_list("sessions", session_lines);
  plan.edited_text = text.finish();
  plan.added_lines = region_lines;
  plan.added_lines.insert(plan.added_lines.end(), session_lines.begin(), session_lines.end());

  // ---- Re-validate the edited file; its problems on appended lines belong to CSV rows ----------
  std::map<int, LineOrigin> origins;  // edited line -> origin
  size_t call = 0;
  if (!region_lines.empty()) {
    int first = text.first_line_of_append(call++);
    for (size_t i = 0; i < region_origins.size(); ++i)
      origins[first + static_cast<int>(i)] = region_origins[i];
  }
  if (!session_lines.empty()) {
    int first = text.first_line_of_append(call++);
    for (size_t i = 0; i < session_origins.size(); ++i)
      origins[first + static_cast<int>(i)] = session_origins[i];
  }
  auto reloaded = registry::parse_registry(plan.edited_text, reg.path);
  for (const auto& d : reloaded.diagnostics.items()) {
    if (d.severity != Severity::error) continue;
    auto found = origins.find(d.pos.line);
    if (found == origins.end() || found->second.row == 0) {
      Diagnostic copy = d;
      copy.message += " (in the registry as it would be after the import)";
      diagnostics.add(copy);
      continue;
    }
    int col = found->second.key_columns.empty() ? 1 : found->second.key_columns.front().second;
    for (const auto& [start, field_col] : found->second.key_columns)
      if (static_cast<size_t>(d.pos.col) >= start) col = field_col;
    diagnostics.add({Severity::error, {csv, found->second.row, col}, d.message, d.hint});
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return plan;
}

}  // namespace tenkai::cycle
