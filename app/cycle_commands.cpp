// import and diff: the yearly cycle of new sessions (CONTRACT.md §6).
#include <glib.h>
#include <iconv.h>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/commands.h"
#include "core/cycle/csv_import.h"
#include "core/cycle/registry_diff.h"
#include "renderers/output_file.h"

namespace tenkai::app {
namespace {

std::optional<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// 1-based line and column (in characters) of byte `offset` of UTF-8 or CP932 text.
SourcePos position_of(const std::string& path, const std::string& bytes, size_t offset) {
  SourcePos pos{path, 1, 1};
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++pos.col;
    }
  }
  return pos;
}

// Windows-31J (CP932) to UTF-8 through glibc's iconv, whose CP932 table maps 0x8160 to U+FF5E
// (～) as Excel means it, where plain Shift_JIS tables give U+301C.
std::optional<std::string> cp932_to_utf8(const std::string& path, const std::string& bytes,
                                         Diagnostics& diagnostics) {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    diagnostics.error({path, 0, 0}, "this system's iconv has no CP932 converter");
    return std::nullopt;
  }
  std::string out;
  std::string input = bytes;
  char* in = input.data();
  size_t in_left = input.size();
  char buffer[4096];
  while (in_left > 0) {
    char* o = buffer;
    size_t o_left = sizeof buffer;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buffer, static_cast<size_t>(o - buffer));
    if (r == static_cast<size_t>(-1) && errno != E2BIG) {
      size_t offset = static_cast<size_t>(in - input.data());
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(*in));
      SourcePos pos{path, 1, 1};
      pos.line = 1 + static_cast<int>(std::count(input.begin(),
                                                 input.begin() + static_cast<long>(offset), '\n'));
      diagnostics.error(pos, std::string("byte ") + hex + " is not CP932 text",
                        "save the CSV from Excel as CSV (UTF-8) or CSV (comma delimited)");
      iconv_close(cd);
      return std::nullopt;
    }
  }
  iconv_close(cd);
  return out;
}

// The CSV as UTF-8: a BOM or valid UTF-8 is UTF-8, anything else is read as CP932.
std::optional<std::string> decode_csv(const std::string& path, const std::string& bytes,
                                      const std::string& encoding, Diagnostics& diagnostics) {
  const gchar* end = nullptr;
  bool valid = g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), &end);
  bool has_bom = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  if (encoding == "utf-8" || (encoding.empty() && (has_bom || valid))) {
    if (!valid) {
      diagnostics.error(position_of(path, bytes, static_cast<size_t>(end - bytes.data())),
                        "invalid UTF-8", "pass --encoding cp932 for a CSV saved by Japanese Excel");
      return std::nullopt;
    }
    return bytes;
  }
  return cp932_to_utf8(path, bytes, diagnostics);
}

std::string years_text(std::pair<int, int> years) {
  if (years.first == 0) return "none";
  return std::to_string(years.first) + "–" + std::to_string(years.second);
}

nlohmann::ordered_json years_json(std::pair<int, int> years) {
  if (years.first == 0) return nlohmann::ordered_json::array();
  return {years.first, years.second};
}

}  // namespace

int run_import(const Options& options) {
  const std::string& csv_path = options.files.at(0);
  auto registry_bytes = read_all(options.data);
  auto loaded =
      registry::parse_registry(registry_bytes ? *registry_bytes : std::string(), options.data);
  if (!registry_bytes) {
    std::cerr << options.data << ":0:0: error: cannot read registry\n";
    return kExitInvalidInput;
  }
  report(loaded.diagnostics);
  if (!loaded.registry) return kExitInvalidInput;
  Diagnostics diagnostics;
  auto csv_bytes = read_all(csv_path);
  if (!csv_bytes) {
    std::cerr << csv_path << ":0:0: error: cannot read the CSV file\n";
    return kExitInvalidInput;
  }
  auto text = decode_csv(csv_path, *csv_bytes, options.encoding, diagnostics);
  std::optional<cycle::ImportPlan> plan;
  if (text) {
    auto records = cycle::parse_csv(*text, csv_path, diagnostics);
    if (!diagnostics.has_errors())
      plan = cycle::plan_import(*registry_bytes, *loaded.registry, records,
                                {csv_path, options.extend_years}, diagnostics);
  }
  report(diagnostics);
  if (!plan) return kExitInvalidInput;

  std::ostringstream summary;
  summary << (options.dry_run ? "would add " : "added ") << plan->added_sessions
          << (plan->added_sessions == 1 ? " session" : " sessions");
  if (!plan->added_regions.empty())
    summary << " and " << plan->added_regions.size()
            << (plan->added_regions.size() == 1 ? " region" : " regions");
  summary << " to " << options.data << "\n";
  for (const auto& r : plan->added_regions) summary << "  new region: " << r << "\n";
  if (plan->years_before != plan->years_after)
    summary << "  years: " << years_text(plan->years_before) << " -> "
            << years_text(plan->years_after)
            << (plan->years_rewritten ? " (registry.years updated)" : "") << "\n";
  if (options.dry_run) {
    std::cout << summary.str() << "\n";
    for (const auto& line : plan->added_lines) std::cout << line << "\n";
    return kExitOk;
  }
  std::string error;
  if (!renderers::write_file_atomically(options.data, plan->edited_text, error)) {
    std::cerr << options.data << ":0:0: error: " << error << "\n";
    return kExitInvalidInput;
  }
  std::cout << summary.str();
  return kExitOk;
}

int run_diff(const Options& options) {
  auto old_loaded = registry::load_registry(options.files.at(0));
  auto new_loaded = registry::load_registry(options.files.at(1));
  report(old_loaded.diagnostics);
  report(new_loaded.diagnostics);
  if (!old_loaded.registry || !new_loaded.registry) return kExitInvalidInput;
  auto old_class = analysis::classify(*old_loaded.registry);
  auto new_class = analysis::classify(*new_loaded.registry);
  auto diff =
      cycle::diff_registries(*old_loaded.registry, old_class, *new_loaded.registry, new_class);
  if (options.format == "json") {
    using json = nlohmann::ordered_json;
    json patterns = json::array();
    for (const auto& p : diff.patterns)
      patterns.push_back({{"region", p.region},
                          {"old", p.old_pattern ? json(*p.old_pattern) : json()},
                          {"new", p.new_pattern ? json(*p.new_pattern) : json()}});
    json rollouts = json::array();
    for (const auto& r : diff.rollouts)
      rollouts.push_back(
          {{"prefecture", r.prefecture}, {"old", r.old_rollouts}, {"new", r.new_rollouts}});
    json doc = {
        {"years", {{"old", years_json(diff.old_years)}, {"new", years_json(diff.new_years)}}},
        {"regions", {{"added", json(diff.regions_added)}, {"removed", json(diff.regions_removed)}}},
        {"sessions", {{"added", diff.sessions_added}, {"removed", diff.sessions_removed}}},
        {"patterns", {{"changed", patterns}}},
        {"rollouts", {{"changed", rollouts}}}};
    std::cout << doc.dump(2) << "\n";
    return kExitOk;
  }
  const auto& reg = *new_loaded.registry;
  const auto& old_reg = *old_loaded.registry;
  std::ostringstream out;
  out << "years: " << years_text(diff.old_years);
  if (diff.old_years != diff.new_years) out << " -> " << years_text(diff.new_years);
  out << "\n";
  out << "regions added: " << diff.regions_added.size() << "\n";
  for (const auto& id : diff.regions_added)
    out << "  + " << id << " (" << reg.find_region(id)->label << ")\n";
  out << "regions removed: " << diff.regions_removed.size() << "\n";
  for (const auto& id : diff.regions_removed)
    out << "  - " << id << " (" << old_reg.find_region(id)->label << ")\n";
  out << "sessions: " << diff.sessions_added << " added, " << diff.sessions_removed << " removed\n";
  out << "patterns changed: " << diff.patterns.size() << "\n";
  for (const auto& p : diff.patterns)
    out << "  " << p.region << " (" << reg.find_region(p.region)->label
        << "): " << p.old_pattern.value_or("-") << " -> " << p.new_pattern.value_or("-") << "\n";
  out << "rollouts changed: " << diff.rollouts.size() << "\n";
  auto list = [](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
    return s.empty() ? std::string("none") : s;
  };
  for (const auto& r : diff.rollouts)
    out << "  " << r.prefecture << ": " << list(r.old_rollouts) << " -> " << list(r.new_rollouts)
        << "\n";
  std::cout << out.str();
  return kExitOk;
}

}  // namespace tenkai::app
