// tenkai-gen-national: a deterministic, synthetic national-scale registry for benchmarks and tests.
//
// Usage: tenkai-gen-national [--municipalities N] [--prefectures P] [--seed S]
//                            [--first-year Y] [--last-year Y] [--per-year K] [--unnumbered PCT]
//                            [-o FILE]
// Defaults: 1,741 municipalities over the 47 prefectures, FY2011–2025, seed 20151016, stdout.
// The same options give byte-identical output on every platform: the generator uses its own
// splitmix64 generator and integer arithmetic only (no std:: distributions, no floating point in
// random draws), and each prefecture draws from its own stream.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/registry/fiscal_year.h"
#include "core/registry/municipality_counts.h"
#include "core/registry/prefectures.h"

namespace {

// ---- Deterministic randomness ----------------------------------------------------------------

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) {
    return n <= 1 ? 0 : static_cast<int>((next() >> 11) % static_cast<uint64_t>(n));
  }
  bool percent(int p) { return below(100) < p; }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive

 private:
  uint64_t state_;
};

uint64_t mix(uint64_t seed, uint64_t salt) {
  return Rng(seed ^ (salt * 0xD1B54A32D192ED03ull)).next();
}

// ---- Reference data ------------------------------------------------------------------------

// Municipalities per prefecture (code order; Tokyo's 23 special wards included), summing to 1,741:
// the reference table the prefecture summary's shares use.
const std::array<int, 47>& kMunicipalities = tenkai::registry::municipality_counts();

struct DesignatedCity {
  int prefecture;  // JIS code
  const char* name;
  int wards;
};
const DesignatedCity kDesignatedCities[] = {
    {1, "札幌市", 10},  {4, "仙台市", 5},    {11, "さいたま市", 10}, {12, "千葉市", 6},
    {14, "横浜市", 18}, {14, "川崎市", 7},   {14, "相模原市", 3},    {15, "新潟市", 8},
    {22, "静岡市", 3},  {22, "浜松市", 3},   {23, "名古屋市", 16},   {26, "京都市", 11},
    {27, "大阪市", 24}, {27, "堺市", 7},     {28, "神戸市", 9},      {33, "岡山市", 4},
    {34, "広島市", 8},  {40, "北九州市", 7}, {40, "福岡市", 7},      {43, "熊本市", 5}};

const char* const kCellNotes[] = {"※区全域",   "※北部地区", "※南部地区",       "※独自資料使用",
                                  "※合同開催", "※試行",     "※近隣市町と共催", "※県内に伝播"};

// ---- The registry being built -----------------------------------------------------------------

struct Region {
  std::string id, name, prefecture, level, code, within, note;
  std::vector<std::string> organizers;
  long long population = -1;  // -1: unknown
  int first_year = 0;         // first session of any kind, 0 when none
  int first_counted = 0;
};

struct Session {
  size_t region = 0;
  int year = 0;
  int ordinal = 0;  // 0: none
  const char* function = nullptr;
  const char* scope = nullptr;
  int days10 = -1;   // tenths of a day
  int hours10 = -1;  // tenths of an hour
  int field_hours = -1;
  std::vector<std::string> organizers;
  std::string note;
  bool counted = true;
  bool era_form = false;
};

struct Link {
  size_t from = 0, to = 0;
  const char* kind = "";
  int year = 0;
  std::string note;
};

struct Options {
  int municipalities = 1741;
  int prefectures = 47;
  uint64_t seed = 20151016;
  int first_year = 2011;
  int last_year = 2025;
  int per_year = 1;    // sessions a municipality holds in a year it holds any, times this
  int unnumbered = 0;  // percent of municipal sessions recorded without an ordinal
  std::string output;
};

std::string pad(int value, int width) {
  std::string text = std::to_string(value);
  return std::string(width > static_cast<int>(text.size()) ? width - text.size() : 0, '0') + text;
}

// A 5-digit body plus its check digit (weights 6..2, 11 minus the remainder, last digit).
std::string with_check_digit(int body) {
  std::string digits = pad(body, 5);
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (digits[i] - '0') * (6 - i);
  return digits + std::to_string((11 - sum % 11) % 10);
}

class Generator {
 public:
  explicit Generator(const Options& options) : opt_(options) {}

  void run() {
    std::vector<int> counts = distribute();
    for (int p = 0; p < opt_.prefectures; ++p) build_prefecture(p, counts[p]);
    add_cross_prefecture_links();
  }

  std::string yaml() const;

 private:
  // Municipalities per prefecture: the real shares scaled to N (largest remainder), at least one
  // each while N allows.
  std::vector<int> distribute() const {
    int total = 0;
    for (int p = 0; p < opt_.prefectures; ++p) total += kMunicipalities[p];
    std::vector<int> counts(opt_.prefectures, 0);
    std::vector<long long> remainder(opt_.prefectures, 0);
    int assigned = 0;
    for (int p = 0; p < opt_.prefectures; ++p) {
      long long scaled = static_cast<long long>(kMunicipalities[p]) * opt_.municipalities;
      counts[p] = static_cast<int>(scaled / total);
      remainder[p] = scaled % total;
      assigned += counts[p];
    }
    while (assigned < opt_.municipalities) {
      int best = 0;
      for (int p = 1; p < opt_.prefectures; ++p)
        if (remainder[p] > remainder[best]) best = p;
      ++counts[best], ++assigned, remainder[best] = -1;
    }
    return counts;
  }

  int years() const { return opt_.last_year - opt_.first_year + 1; }
  int clamp_year(int y) const {
    return y < opt_.first_year ? opt_.first_year : y > opt_.last_year ? opt_.last_year : y;
  }

  size_t add_region(Region region) {
    regions_.push_back(std::move(region));
    return regions_.size() - 1;
  }

  Session& add_session(size_t region, int year, bool counted) {
    sessions_.push_back(Session{});
    Session& s = sessions_.back();
    s.region = region, s.year = year, s.counted = counted;
    Region& r = regions_[region];
    if (!r.first_year || year < r.first_year) r.first_year = year;
    if (counted && (!r.first_counted || year < r.first_counted)) r.first_counted = year;
    return s;
  }

  void add_link(size_t from, size_t to, const char* kind, int year, std::string note) {
    links_.push_back(Link{from, to, kind, year, std::move(note)});
  }

  long long draw_population(Rng& rng, bool city) {
    static const long long kBands[] = {800,   2000,   5000,   10000, 20000,
                                       50000, 100000, 200000, 400000};
    int band = city ? rng.between(4, 7) : rng.below(7);
    long long lo = kBands[band], hi = kBands[band + 1];
    return (lo + static_cast<long long>(rng.next() % static_cast<uint64_t>(hi - lo))) / 100 * 100;
  }

  // Adoption year: later years are likelier (usually the later of two uniform draws).
  int draw_adoption(Rng& rng, int earliest) {
    int span = opt_.last_year - earliest + 1;
    int a = rng.below(span), b = rng.below(span);
    return earliest + (a > b || rng.percent(35) ? a : b);
  }

  void municipal_series(Rng& rng, size_t region, int first);
  void build_prefecture(int p, int count);
  void add_cross_prefecture_links();

  Options opt_;
  std::vector<Region> regions_;
  std::vector<Session> sessions_;
  std::vector<Link> links_;
  std::vector<size_t> adopters_;  // every region with municipal sessions, in registry order
};

// One municipality's (or ward's) sessions from its first year on: a standard introductory course
// most years, sometimes a leader-like first run, sometimes a series of short counted meetings,
// and for some separate face-to-face meetings that the matrix leaves out.
void Generator::municipal_series(Rng& rng, size_t region, int first) {
  int style = rng.below(100);
  bool leader_first = style < 12;
  bool connect_only = style >= 12 && style < 17;
  bool thin_data = rng.percent(10);  // no lengths recorded at all
  int ordinal = 0;
  for (int year = first; year <= opt_.last_year; ++year) {
    int held = year == first ? 1 : (rng.percent(83) ? (rng.percent(14) ? 2 : 1) : 0);
    held *= opt_.per_year;
    for (int k = 0; k < held; ++k) {
      Session& s = add_session(region, year, true);
      s.ordinal = ++ordinal;
      // Decided by the session's place, not the random stream, so other sessions stay as they are.
      if (opt_.unnumbered > 0 &&
          static_cast<int>(mix(opt_.seed, 7000000 + sessions_.size()) % 100) < opt_.unnumbered)
        s.ordinal = 0;
      s.era_form = rng.percent(4);
      if (connect_only) {
        s.hours10 = rng.percent(50) ? 20 : 30;
      } else if (leader_first && ordinal == 1) {
        s.days10 = rng.percent(50) ? 40 : 30;
        s.field_hours = 32;
        if (rng.percent(50)) s.function = "leader";
      } else if (!thin_data) {
        static const int kDays[] = {5, 10, 15, 15, 20, 20};
        s.days10 = kDays[rng.below(6)];
        if (rng.percent(45)) s.field_hours = 8;
      }
      if (rng.percent(4)) s.note = kCellNotes[rng.below(8)];
      if (rng.percent(2)) s.organizers = {"大学", "地区医師会"};
    }
  }
  // Separate 顔の見える関係会議: weekday evenings, two hours, a few a year (uncounted).
  if (!connect_only && rng.percent(22)) {
    for (int year = first + 1; year <= opt_.last_year; ++year) {
      if (!rng.percent(70)) continue;
      int meetings = rng.between(2, 4);
      for (int k = 0; k < meetings; ++k) {
        Session& s = add_session(region, year, false);
        s.hours10 = 20;
        if (rng.percent(30)) s.scope = "community";
        s.note = "顔の見える関係会議";
      }
    }
  }
}

void Generator::build_prefecture(int p, int count) {
  const std::string& pref = tenkai::registry::prefecture_names()[p];
  const int code = p + 1;
  const std::string cc = pad(code, 2);
  Rng rng(mix(opt_.seed, static_cast<uint64_t>(code)));
  // How the programme reached this prefecture: led by the prefecture (leader training, alumni in
  // the municipalities), started by a pioneer municipality and taken up prefecture-wide later,
  // or municipalities only. The first three prefectures take one each so that each mode occurs
  // even in small registries.
  enum Mode { kPrefectureLed, kPioneer, kMunicipal };
  Mode mode = p < 3 ? static_cast<Mode>(p)
                    : (rng.percent(40)   ? kPrefectureLed
                       : rng.percent(50) ? kPioneer
                                         : kMunicipal);
  std::string head = pref.substr(pref.size() - 3);  // 都, 道, 府 or 県 (3 bytes in UTF-8)
  if (count == 0) return;

  size_t pref_region = SIZE_MAX;
  if (mode != kMunicipal) {
    Region r;
    r.id = "pref-" + cc, r.name = pref, r.prefecture = pref, r.level = "prefecture";
    r.code = with_check_digit(code * 1000);
    r.organizers = {head, head + "医師会"};
    pref_region = add_region(std::move(r));
  }

  // Wide areas (a district medical association's area), about one per 18 municipalities.
  int wide_count = count / 18;
  std::vector<size_t> wide;
  for (int w = 0; w < wide_count; ++w) {
    Region r;
    r.id = "w" + cc + "-" + std::to_string(w + 1), r.name = "第" + std::to_string(w + 1) + "地区";
    r.prefecture = pref, r.level = "wide_area";
    r.within = pref_region == SIZE_MAX ? "" : regions_[pref_region].id;
    r.organizers = {"第" + std::to_string(w + 1) + "地区医師会"};
    wide.push_back(add_region(std::move(r)));
  }

  // Municipalities, designated cities first (each followed by its wards).
  std::vector<const DesignatedCity*> cities;
  for (const auto& city : kDesignatedCities)
    if (city.prefecture == code) cities.push_back(&city);
  int special_wards = code == 13 ? count * 23 / 62 : 0;
  std::vector<size_t> municipal;  // municipalities and wards that may hold sessions
  for (int i = 0; i < count; ++i) {
    Region r;
    r.id = "m" + cc + "-" + pad(i + 1, 3), r.prefecture = pref, r.level = "municipality";
    const DesignatedCity* city = i < static_cast<int>(cities.size()) ? cities[i] : nullptr;
    std::string kind = city || i < special_wards ? (code == 13 && !city ? "区" : "市")
                       : rng.percent(40)         ? "市"
                       : rng.percent(78)         ? "町"
                                                 : "村";
    r.name = city ? city->name : "第" + std::to_string(i + 1) + kind;
    int serial = (city || kind == "区" ? 100 : 200) + i + 1;  // synthetic, unique per prefecture
    if (serial < 1000) r.code = with_check_digit(code * 1000 + serial);
    r.population = city             ? 700000 + rng.below(30) * 100000
                   : kind == "区"   ? 60000 + rng.below(85) * 10000
                   : rng.percent(8) ? -1
                                    : draw_population(rng, kind == "市");
    if (!wide.empty() && !city && i >= special_wards)
      r.within = regions_[wide[i % wide.size()]].id;
    else if (pref_region != SIZE_MAX)
      r.within = regions_[pref_region].id;
    std::string office = kind == "区" ? "区" : kind;
    int org = rng.below(10);
    r.organizers =
        org < 5   ? std::vector<std::string>{office, "地区医師会"}
        : org < 8 ? std::vector<std::string>{"地区医師会"}
        : org < 9 ? std::vector<std::string>{office, "地区医師会", "訪問看護ステーション連絡会"}
                  : std::vector<std::string>{"在宅ケアネット"};
    if (rng.percent(2)) r.note = "（" + head + "内より傍聴受入）";
    size_t index = add_region(std::move(r));
    // Wards scale with the registry (all of them at the national size).
    int wards = city ? std::min(city->wards, city->wards * opt_.municipalities / 1741) : 0;
    if (wards == 0) municipal.push_back(index);
    for (int k = 0; k < wards; ++k) {
      Region w;
      w.id = regions_[index].id + "-w" + pad(k + 1, 2);
      w.name = std::string(city->name) + "第" + std::to_string(k + 1) + "区";
      w.prefecture = pref, w.level = "ward", w.within = regions_[index].id;
      w.population = 80000 + rng.below(200) * 1000;
      w.organizers = {"区", "区医師会"};
      municipal.push_back(add_region(std::move(w)));
    }
  }

  // The prefecture layer and the year municipalities may start.
  int pioneer_first = 0, pref_first = 0;
  size_t pioneer = SIZE_MAX;
  if (mode == kPioneer || (mode == kMunicipal && rng.percent(60))) {
    pioneer = municipal[rng.below(static_cast<int>(municipal.size()))];
    pioneer_first = clamp_year(opt_.first_year + rng.below(4));
  }
  if (mode == kPrefectureLed) pref_first = clamp_year(opt_.first_year + 1 + rng.below(6));
  if (mode == kPioneer) pref_first = clamp_year(pioneer_first + 2 + rng.below(3));

  // Municipal sessions.
  std::vector<size_t> adopters;
  for (size_t index : municipal) {
    const Region& r = regions_[index];
    int chance = r.population < 0        ? 33
                 : r.population < 5000   ? 23
                 : r.population < 20000  ? 30
                 : r.population < 100000 ? 40
                 : r.population < 400000 ? 55
                                         : 70;
    int first = 0;
    if (index == pioneer) {
      first = pioneer_first;
    } else if (rng.percent(chance)) {
      int earliest = mode == kPrefectureLed && rng.percent(80) ? pref_first
                     : pioneer != SIZE_MAX                     ? pioneer_first + 1
                                                               : opt_.first_year;
      first = draw_adoption(rng, clamp_year(earliest));
    }
    if (!first) continue;
    municipal_series(rng, index, first);
    adopters.push_back(index);
  }

  // The prefecture's own sessions: leader training when it leads, an introductory course taken
  // up prefecture-wide when a pioneer led; counted in the table or not, as secretariats differ.
  if (pref_region != SIZE_MAX) {
    bool counted = rng.percent(70);
    int ordinal = 0;
    for (int year = pref_first; year <= opt_.last_year; ++year) {
      if (year != pref_first && !rng.percent(55)) continue;
      Session& s = add_session(pref_region, year, counted);
      s.ordinal = ++ordinal;
      if (mode == kPrefectureLed) {
        s.function = "leader";
        s.days10 = rng.percent(50) ? 10 : 20;
        if (year == pref_first) s.note = counted ? "※" + head + "リーダー研修" : "";
      } else {
        s.days10 = 10;
      }
    }
    if (mode == kPrefectureLed) {
      int alumni = 0, wanted = rng.between(2, 6);
      for (size_t a : adopters) {
        if (alumni == wanted || regions_[a].first_year < pref_first) continue;
        add_link(pref_region, a, "leader_alumni", regions_[a].first_year,
                 "リーダー研修受講者が開催");
        ++alumni;
      }
    }
  }

  // Wide areas: some run leader training whose alumni hold municipal sessions (P2), some an
  // introductory course (pattern none), some nothing.
  for (size_t w : wide) {
    int kind = rng.below(10);
    if (kind >= 6) continue;
    int first = draw_adoption(rng, opt_.first_year);
    bool leader = kind < 2;
    int ordinal = 0;
    for (int year = first; year <= opt_.last_year; ++year) {
      if (year != first && !rng.percent(50)) continue;
      Session& s = add_session(w, year, true);
      s.ordinal = ++ordinal;
      s.days10 = leader ? 30 : 15;
    }
    if (!leader) continue;
    int alumni = 0;
    for (size_t a : adopters) {
      if (alumni == 3 || regions_[a].within != regions_[w].id || regions_[a].first_year < first)
        continue;
      add_link(w, a, "leader_alumni", regions_[a].first_year, "地区リーダー研修受講者が開催");
      ++alumni;
    }
  }

  // A pioneer passes on its know-how: to the prefecture, then to municipalities that start later.
  if (pioneer != SIZE_MAX) {
    if (mode == kPioneer && pref_region != SIZE_MAX)
      add_link(pioneer, pref_region, "know_how", pref_first, "開催ノウハウを普及・開催支援");
    int spread = 0, wanted = rng.between(1, 3);
    for (size_t a : adopters) {
      if (spread == wanted || a == pioneer || regions_[a].first_year <= pioneer_first) continue;
      add_link(pioneer, a, "spread", regions_[a].first_year, "");
      ++spread;
    }
  }
  adopters_.insert(adopters_.end(), adopters.begin(), adopters.end());
}

// Small municipalities of different prefectures exchanging know-how: an exchange meeting, then
// visits and lecturers (R3).
void Generator::add_cross_prefecture_links() {
  std::vector<size_t> small;
  for (size_t a : adopters_) {
    const Region& r = regions_[a];
    if (r.level == "municipality" && r.population >= 0 && r.population <= 100000)
      small.push_back(a);
  }
  if (small.size() < 2) return;
  Rng rng(mix(opt_.seed, 1000));
  int wanted = opt_.prefectures / 2 + 1, made = 0;
  for (int attempt = 0; attempt < wanted * 4 && made < wanted; ++attempt) {
    size_t a = small[rng.below(static_cast<int>(small.size()))];
    size_t b = small[rng.below(static_cast<int>(small.size()))];
    if (regions_[a].prefecture == regions_[b].prefecture) continue;
    int year = clamp_year(std::max(regions_[a].first_year, regions_[b].first_year));
    add_link(a, b, "exchange", year, "同規模自治体で意見交換");
    if (rng.percent(60)) add_link(b, a, "visit", clamp_year(year + 1), "視察");
    if (rng.percent(50)) add_link(a, b, "lecturer", clamp_year(year + 1), "研修会講師");
    ++made;
  }
}

// ---- YAML output -------------------------------------------------------------------------------

std::string quoted(const std::string& text) {
  return "\"" + text + "\"";
}  // no quotes or escapes occur

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
  return out + "]";
}

std::string tenths(int value) {
  return std::to_string(value / 10) + "." + std::to_string(value % 10);
}

std::string Generator::yaml() const {
  std::string out;
  out.reserve(1 << 20);
  out += "# Synthetic national-scale registry written by tenkai-gen-national (seed " +
         std::to_string(opt_.seed) + ", " + std::to_string(opt_.municipalities) +
         " municipalities, " + std::to_string(opt_.prefectures) + " prefectures). Not real data.\n";
  out +=
      "tenkai: 1\nregistry:\n  title: "
      "\"在宅医療推進のための地域における多職種連携研修会（全国規模の合成データ）\"\n";
  out += "  as_of: " + std::to_string(opt_.last_year + 1) + "-03-31\n";
  out += "  caveat: \"合成データ。実在の地域・開催状況とは無関係\"\n";
  out += "  years: [" + std::to_string(opt_.first_year) + ", " + std::to_string(opt_.last_year) +
         "]\n";
  out += "regions:\n";
  for (const Region& r : regions_) {
    out += "  - {id: " + r.id + ", name: " + quoted(r.name) +
           ", prefecture: " + quoted(r.prefecture) + ", level: " + r.level;
    if (r.population >= 0) out += ", population: " + std::to_string(r.population);
    if (!r.code.empty()) out += ", code: \"" + r.code + "\"";
    if (!r.within.empty()) out += ", within: " + r.within;
    if (!r.organizers.empty()) out += ", organizers: " + list(r.organizers);
    if (!r.note.empty()) out += ", note: " + quoted(r.note);
    out += "}\n";
  }
  out += "sessions:\n";
  for (const Session& s : sessions_) {
    out += "  - {region: " + regions_[s.region].id + ", fiscal_year: ";
    out += s.era_form ? quoted(s.year % 2 ? tenkai::registry::era_short_label(s.year)
                                          : tenkai::registry::era_year_label(s.year))
                      : std::to_string(s.year);
    if (s.ordinal) out += ", ordinal: " + std::to_string(s.ordinal);
    if (s.function) out += std::string(", function: ") + s.function;
    if (s.scope) out += std::string(", scope: ") + s.scope;
    if (s.days10 >= 0) out += ", days: " + tenths(s.days10);
    if (s.hours10 >= 0) out += ", hours: " + tenths(s.hours10);
    if (s.field_hours >= 0) out += ", field_hours: " + std::to_string(s.field_hours);
    if (!s.organizers.empty()) out += ", organizers: " + list(s.organizers);
    if (!s.note.empty()) out += ", note: " + quoted(s.note);
    if (!s.counted) out += ", counted: false";
    out += "}\n";
  }
  out += "links:\n";
  for (const Link& l : links_) {
    out += "  - {from: " + regions_[l.from].id + ", to: " + regions_[l.to].id +
           ", kind: " + l.kind + ", fiscal_year: " + std::to_string(l.year);
    if (!l.note.empty()) out += ", note: " + quoted(l.note);
    out += "}\n";
  }
  return out;
}

// ---- Command line ------------------------------------------------------------------------------

const char kUsage[] =
    "usage: tenkai-gen-national [--municipalities N] [--prefectures P] [--seed S]\n"
    "                           [--first-year Y] [--last-year Y] [--per-year K]\n"
    "                           [--unnumbered PCT] [-o FILE]\n"
    "Writes a synthetic national-scale tenkai registry (YAML) to stdout or FILE.\n"
    "  --municipalities N  municipalities in all (default 1741), spread over the prefectures\n"
    "  --prefectures P     use the first P prefectures in code order (default 47)\n"
    "  --seed S            generator seed (default 20151016)\n"
    "  --first-year Y      first fiscal year (default 2011)\n"
    "  --last-year Y       last fiscal year (default 2025)\n"
    "  --per-year K        K times the sessions a municipality holds in an active year (default "
    "1)\n"
    "  --unnumbered PCT    percent of municipal sessions without an ordinal (default 0)\n";

bool parse_number(const char* text, long long lo, long long hi, long long& value) {
  char* end = nullptr;
  long long v = std::strtoll(text, &end, 10);
  if (!*text || *end || v < lo || v > hi) return false;
  value = v;
  return true;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "tenkai-gen-national: %s\n%s", message.c_str(), kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) return usage_error("unknown option or missing value: " + arg);
    const char* value = argv[++i];
    long long n = 0;
    if (arg == "--municipalities" && parse_number(value, 1, 100000, n))
      opt.municipalities = static_cast<int>(n);
    else if (arg == "--prefectures" && parse_number(value, 1, 47, n))
      opt.prefectures = static_cast<int>(n);
    else if (arg == "--seed" && parse_number(value, 0, INT64_MAX, n))
      opt.seed = static_cast<uint64_t>(n);
    else if (arg == "--first-year" && parse_number(value, 1989, 2099, n))
      opt.first_year = static_cast<int>(n);
    else if (arg == "--last-year" && parse_number(value, 1989, 2099, n))
      opt.last_year = static_cast<int>(n);
    else if (arg == "--per-year" && parse_number(value, 1, 20, n))
      opt.per_year = static_cast<int>(n);
    else if (arg == "--unnumbered" && parse_number(value, 0, 100, n))
      opt.unnumbered = static_cast<int>(n);
    else if (arg == "-o" || arg == "--output")
      opt.output = value;
    else
      return usage_error("bad option or value: " + arg + " " + value);
  }
  if (opt.last_year < opt.first_year) return usage_error("--last-year is before --first-year");
  if (opt.municipalities < opt.prefectures) opt.prefectures = opt.municipalities;

  Generator generator(opt);
  generator.run();
  std::string text = generator.yaml();
  FILE* out = opt.output.empty() ? stdout : std::fopen(opt.output.c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "tenkai-gen-national: cannot write %s\n", opt.output.c_str());
    return 1;
  }
  bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  ok = (out == stdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "tenkai-gen-national: write failed\n");
    return 1;
  }
  return 0;
}
