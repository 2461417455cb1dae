// Argument parsing and dispatch. Usage errors exit 2 with a hint to --help.
#include "app/cli.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "app/commands.h"
#include "app/i18n.h"
#include "app/progress.h"
#include "core/text/utf8.h"

namespace tenkai::app {
namespace {

namespace fs = std::filesystem;

// The main help in three parts: the title and the notes are translated; the usage lines are
// the same in every language (add a command's line there). The man page and the shell
// completion are generated from this output, so they follow it.
const char* const kMainTitle =
    N_("tenkai — rollout tables, pattern diagrams and ministry workbooks from a registry\n");
const char* const kMainHelp =
    "usage:\n"
    "  tenkai build    [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n"
    "  tenkai check    [SPEC.yaml ...] [--data REGISTRY.yaml]\n"
    "  tenkai matrix   [--data REGISTRY.yaml] [--format text|csv|json]\n"
    "  tenkai classify [--data REGISTRY.yaml] [--format text|json]\n"
    "  tenkai scene    [SPEC.yaml] [--data REGISTRY.yaml]\n"
    "  tenkai import   FILE.csv [--data REGISTRY.yaml] [--extend-years] [--dry-run]\n"
    "                  [--encoding utf-8|cp932]\n"
    "  tenkai diff     OLD.yaml NEW.yaml [--format text|json]\n"
    "  tenkai watch    [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n"
    "  tenkai --help | --version\n"
    "  tenkai COMMAND --help\n";
const char* const kMainNotes =
    N_("Every command also takes --quiet (-q): no progress lines on the terminal. Progress and\n"
       "colours appear only when stderr is a terminal, never in a pipe or a file.\n"
       "\n"
       "Defaults: --data fixtures/ipw-2015/registry.yaml, specs layouts/forum-2015.yaml and\n"
       "layouts/ministry-report.yaml (both found from any working directory), --out out/.\n"
       "Exit codes: 0 success, 1 invalid registry or layout, 2 usage error.\n"
       "\n"
       "Environment: TENKAI_HOME names the folder holding fixtures/ and layouts/ (default:\n"
       "share/tenkai beside the installed program, or the checkout of a build tree);\n"
       "NO_COLOR turns colours off; LANGUAGE, LC_ALL, LC_MESSAGES and LANG choose the\n"
       "language of messages (Japanese or English).\n");

std::string main_help() {
  return std::string(tr(kMainTitle)) + "\n" + kMainHelp + "\n" + tr(kMainNotes);
}

struct CommandSpec {
  const char* help;
  bool takes_specs;
  bool takes_out;
  std::vector<std::string> formats;  // empty: no --format
  size_t files = 0;                  // file arguments required (import 1, diff 2)
  std::vector<std::string> flags;    // boolean options the command accepts
};

const std::map<std::string, CommandSpec>& command_table() {
  static const std::map<std::string, CommandSpec> table = {
      {"build",
       {N_("usage: tenkai build [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n\n"
           "Builds every output the layout specs describe (default: the forum deck and the "
           "ministry\n"
           "workbook) into DIR (default out/). Files are written to a temporary name and renamed,\n"
           "so a failed build leaves earlier outputs intact.\n"),
        true,
        true,
        {},
        0,
        {}}},
      {"check",
       {N_("usage: tenkai check [SPEC.yaml ...] [--data REGISTRY.yaml]\n\n"
           "Validates the registry and the layout specs and reports every problem as\n"
           "PATH:LINE:COL: error: MESSAGE. Writes nothing. Exit 0 when valid, 1 otherwise.\n"),
        true,
        false,
        {},
        0,
        {}}},
      {"matrix",
       {N_("usage: tenkai matrix [--data REGISTRY.yaml] [--format text|csv|json]\n\n"
           "Prints the spread matrix (region × fiscal year) with active, new and cumulative\n"
           "totals. text (default) is an aligned table, csv one line per region, json the\n"
           "document described in CONTRACT.md. --excel (with --format csv) writes the CSV for\n"
           "Japanese Excel: a UTF-8 byte order mark, CRLF line ends and Japanese headers.\n"),
        false,
        false,
        {"text", "csv", "json"},
        0,
        {"--excel"}}},
      {"classify",
       {N_("usage: tenkai classify [--data REGISTRY.yaml] [--format text|json]\n\n"
           "Prints each session's training function, each area's holding pattern (P1, P2, P3,\n"
           "none) and each prefecture's rollout procedures (R1, R2, R3), each with its reason.\n"),
        false,
        false,
        {"text", "json"},
        0,
        {}}},
      {"scene",
       {N_("usage: tenkai scene [SPEC.yaml] [--data REGISTRY.yaml]\n\n"
           "Lays out one deck spec (default: the forum deck) exactly as build would and prints "
           "its\n"
           "pages as JSON: every painted line with its box, size and block, and the meaningful\n"
           "items (text blocks, tables, charts, shapes, connectors, images, links). See\n"
           "docs/scene.md.\n"),
        true,
        false,
        {},
        0,
        {}}},
      {"import",
       {N_("usage: tenkai import FILE.csv [--data REGISTRY.yaml] [--extend-years] [--dry-run]\n"
           "                     [--encoding utf-8|cp932]\n\n"
           "Appends the sessions of FILE.csv (UTF-8 with or without BOM, or CP932 as Japanese\n"
           "Excel saves it; detected unless --encoding says) to the registry, editing it as text "
           "so\n"
           "its comments and layout stay. Rows for regions not in the registry add them. Every "
           "bad\n"
           "row is reported as FILE.csv:ROW:COL and nothing is changed. A session outside the\n"
           "registry's years is an error unless --extend-years widens them. --dry-run prints what\n"
           "would be added and changes nothing. Columns: see docs/import.md.\n"),
        false,
        false,
        {},
        1,
        {"--extend-years", "--dry-run"}}},
      {"diff",
       {N_("usage: tenkai diff OLD.yaml NEW.yaml [--format text|json]\n\n"
           "Says what changed between two registries: the reporting years, regions added and\n"
           "removed, sessions added and removed, and the holding patterns and rollout procedures\n"
           "that changed.\n"),
        false,
        false,
        {"text", "json"},
        2,
        {}}},
      {"watch",
       {N_("usage: tenkai watch [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n\n"
           "Builds once, then rebuilds whenever the registry or a spec changes, rewriting only "
           "the\n"
           "outputs whose inputs changed. A failed rebuild prints its diagnostics and keeps the "
           "last\n"
           "good outputs. Stops with exit 0 on Ctrl-C (SIGINT) or SIGTERM.\n"),
        true,
        true,
        {},
        0,
        {}}},
  };
  return table;
}

int usage_error(const std::string& message, const std::string& command = {}) {
  std::cerr << "tenkai: " << text::printable(message) << "\n"
            << trf("Try '{1}'.", {"tenkai " + (command.empty() ? "" : command + " ") + "--help"})
            << "\n";
  return kExitUsage;
}

bool is_dir_with_fixtures(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "fixtures/ipw-2015/registry.yaml", ec);
}

// Value of "--name VALUE" or "--name=VALUE"; advances i past a separate value.
std::optional<std::string> option_value(const std::string& arg, const std::string& name, int& i,
                                        int argc, char** argv, bool& missing) {
  if (arg == name) {
    if (i + 1 >= argc) {
      missing = true;
      return std::nullopt;
    }
    return std::string(argv[++i]);
  }
  if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  return std::nullopt;
}

}  // namespace

std::string resource_root() {
  if (const char* home = std::getenv("TENKAI_HOME"); home && *home) return home;
  // Found from the executable, never from a path compiled in: <prefix>/bin/tenkai uses
  // <prefix>/share/tenkai; a build tree inside a checkout uses the checkout above it.
  std::string exe_dir = executable_dir();
  if (exe_dir.empty()) return "share/tenkai";
  fs::path installed = fs::path(exe_dir).parent_path() / "share/tenkai";
  if (is_dir_with_fixtures(installed)) return installed.string();
  for (fs::path dir = exe_dir; !dir.empty(); dir = dir.parent_path()) {
    if (is_dir_with_fixtures(dir)) return dir.string();
    if (dir == dir.root_path()) break;
  }
  return installed.string();  // missing: the loader then names the path it tried
}

std::string default_registry_path() {
  return resource_root() + "/fixtures/ipw-2015/registry.yaml";
}

std::vector<std::string> default_spec_paths() {
  std::string root = resource_root();
  std::vector<std::string> specs;
  for (const char* name : {"layouts/forum-2015.yaml", "layouts/ministry-report.yaml"}) {
    std::error_code ec;
    if (fs::exists(root + "/" + name, ec)) specs.push_back(root + "/" + name);
  }
  return specs;
}

int run_cli(int argc, char** argv) {
  init_i18n();
  if (argc < 2) {
    std::cerr << main_help();
    return kExitUsage;
  }
  // Arguments (file names among them) end up in messages, JSON and workbook properties: each
  // must be valid UTF-8 without control characters, reported with the first bad byte.
  for (int i = 1; i < argc; ++i) {
    if (auto problem = text::check_text(argv[i])) {
      return usage_error("argument " + std::to_string(i) + " ('" + text::printable(argv[i]) +
                         "') has " + problem->message + " at byte " +
                         std::to_string(problem->offset + 1));
    }
  }
  std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    std::cout << main_help();
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "tenkai " << TENKAI_VERSION << "\n";
    return kExitOk;
  }
  auto found = command_table().find(first);
  if (found == command_table().end()) {
    std::vector<std::string> names;
    for (const auto& [name, spec] : command_table()) names.push_back(name);
    std::string hint = closest_match(first, names);
    return usage_error(hint.empty()
                           ? trf("unknown command '{1}'", {first})
                           : trf("unknown command '{1}' (did you mean '{2}'?)", {first, hint}));
  }
  const CommandSpec& spec = found->second;
  Options options;
  options.command = first;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    bool missing = false;
    if (arg == "--help" || arg == "-h") {
      std::cout << tr(spec.help);
      return kExitOk;
    }
    if (arg == "--quiet" || arg == "-q") {
      options.quiet = true;
    } else if (auto v = option_value(arg, "--data", i, argc, argv, missing)) {
      options.data = *v;
    } else if (auto v = option_value(arg, "--out", i, argc, argv, missing); v && spec.takes_out) {
      options.out_dir = *v;
    } else if (auto v = option_value(arg, "--format", i, argc, argv, missing);
               v && !spec.formats.empty()) {
      options.format = *v;
    } else if (auto v = option_value(arg, "--encoding", i, argc, argv, missing);
               v && first == "import") {
      options.encoding = *v;
      if (options.encoding != "utf-8" && options.encoding != "cp932")
        return usage_error("unknown encoding '" + options.encoding + "' (utf-8 or cp932)", first);
    } else if (std::find(spec.flags.begin(), spec.flags.end(), arg) != spec.flags.end()) {
      if (arg == "--extend-years") options.extend_years = true;
      if (arg == "--dry-run") options.dry_run = true;
      if (arg == "--excel") options.excel = true;
    } else if (missing) {
      return usage_error(trf("option '{1}' needs a value", {arg}), first);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error(trf("unknown option '{1}' for '{2}'", {arg, first}), first);
    } else if (spec.takes_specs) {
      options.specs.push_back(arg);
    } else if (options.files.size() < spec.files) {
      options.files.push_back(arg);
    } else {
      return usage_error(trf("'{1}' takes no file arguments (got '{2}')", {first, arg}), first);
    }
    if (missing) return usage_error(trf("option '{1}' needs a value", {arg}), first);
    if ((arg == "--data" || arg.rfind("--data=", 0) == 0) && options.data.empty()) {
      return usage_error(tr("--data needs a non-empty path"), first);
    }
  }
  if (options.files.size() < spec.files)
    return usage_error("'" + first + "' needs " +
                           (spec.files == 1 ? std::string("a CSV file") : "OLD.yaml and NEW.yaml"),
                       first);
  if (!spec.formats.empty()) {
    if (options.format.empty()) options.format = spec.formats.front();
    bool known = false;
    for (const auto& f : spec.formats) known = known || f == options.format;
    if (!known)
      return usage_error(trf("unknown format '{1}' for '{2}'", {options.format, first}), first);
  }
  if (options.excel && options.format != "csv")
    return usage_error("--excel goes with --format csv", first);
  if (options.data.empty()) options.data = default_registry_path();
  if (spec.takes_out && options.out_dir.empty()) options.out_dir = "out";
  if (spec.takes_specs && options.specs.empty()) {
    options.specs = default_spec_paths();
    if (first == "scene" && options.specs.size() > 1) options.specs.resize(1);  // the deck only
  }
  progress().configure(options.quiet);

  if (first == "check") return run_check(options);
  if (first == "matrix") return run_matrix(options);
  if (first == "classify") return run_classify(options);
  if (first == "scene") return run_scene(options);
  if (first == "import") return run_import(options);
  if (first == "diff") return run_diff(options);
  if (first == "watch") return run_watch(options);
  return run_build(options);
}

}  // namespace tenkai::app
