// Argument parsing and dispatch. Usage errors exit 2 with a hint to --help.
#include "app/cli.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "app/commands.h"
#include "core/text/utf8.h"

namespace tenkai::app {
namespace {

namespace fs = std::filesystem;

const char* const kMainHelp =
    "tenkai — rollout tables, pattern diagrams and ministry workbooks from a registry\n"
    "\n"
    "usage:\n"
    "  tenkai build    [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n"
    "  tenkai check    [SPEC.yaml ...] [--data REGISTRY.yaml]\n"
    "  tenkai matrix   [--data REGISTRY.yaml] [--format text|csv|json]\n"
    "  tenkai classify [--data REGISTRY.yaml] [--format text|json]\n"
    "  tenkai --help | --version\n"
    "  tenkai COMMAND --help\n"
    "\n"
    "Defaults: --data fixtures/ipw-2015/registry.yaml, specs layouts/forum-2015.yaml and\n"
    "layouts/ministry-report.yaml (both found from any working directory), --out out/.\n"
    "Exit codes: 0 success, 1 invalid registry or layout, 2 usage error.\n";

struct CommandSpec {
  const char* help;
  bool takes_specs;
  bool takes_out;
  std::vector<std::string> formats;  // empty: no --format
};

const std::map<std::string, CommandSpec>& command_table() {
  static const std::map<std::string, CommandSpec> table = {
      {"build",
       {"usage: tenkai build [SPEC.yaml ...] [--data REGISTRY.yaml] [--out DIR]\n\n"
        "Builds every output the layout specs describe (default: the forum deck and the ministry\n"
        "workbook) into DIR (default out/). Files are written to a temporary name and renamed,\n"
        "so a failed build leaves earlier outputs intact.\n",
        true,
        true,
        {}}},
      {"check",
       {"usage: tenkai check [SPEC.yaml ...] [--data REGISTRY.yaml]\n\n"
        "Validates the registry and the layout specs and reports every problem as\n"
        "PATH:LINE:COL: error: MESSAGE. Writes nothing. Exit 0 when valid, 1 otherwise.\n",
        true,
        false,
        {}}},
      {"matrix",
       {"usage: tenkai matrix [--data REGISTRY.yaml] [--format text|csv|json]\n\n"
        "Prints the spread matrix (region × fiscal year) with active, new and cumulative\n"
        "totals. text (default) is an aligned table, csv one line per region, json the\n"
        "document described in CONTRACT.md.\n",
        false,
        false,
        {"text", "csv", "json"}}},
      {"classify",
       {"usage: tenkai classify [--data REGISTRY.yaml] [--format text|json]\n\n"
        "Prints each session's training function, each area's holding pattern (P1, P2, P3,\n"
        "none) and each prefecture's rollout procedures (R1, R2, R3), each with its reason.\n",
        false,
        false,
        {"text", "json"}}},
  };
  return table;
}

int usage_error(const std::string& message, const std::string& command = {}) {
  std::cerr << "tenkai: " << text::printable(message) << "\n"
            << "Try 'tenkai " << (command.empty() ? "" : command + " ") << "--help'.\n";
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
  // Next to or above the executable (a build tree inside the checkout, or an install prefix).
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (is_dir_with_fixtures(dir)) return dir.string();
      if (is_dir_with_fixtures(dir / "share/tenkai")) return (dir / "share/tenkai").string();
      if (dir == dir.root_path()) break;
    }
  }
  return TENKAI_SOURCE_DIR;
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
  if (argc < 2) {
    std::cerr << kMainHelp;
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
    std::cout << kMainHelp;
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
    return usage_error("unknown command '" + first + "'" +
                       (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
  const CommandSpec& spec = found->second;
  Options options;
  options.command = first;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    bool missing = false;
    if (arg == "--help" || arg == "-h") {
      std::cout << spec.help;
      return kExitOk;
    }
    if (auto v = option_value(arg, "--data", i, argc, argv, missing)) {
      options.data = *v;
    } else if (auto v = option_value(arg, "--out", i, argc, argv, missing); v && spec.takes_out) {
      options.out_dir = *v;
    } else if (auto v = option_value(arg, "--format", i, argc, argv, missing);
               v && !spec.formats.empty()) {
      options.format = *v;
    } else if (missing) {
      return usage_error("option '" + arg + "' needs a value", first);
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "' for '" + first + "'", first);
    } else if (spec.takes_specs) {
      options.specs.push_back(arg);
    } else {
      return usage_error("'" + first + "' takes no file arguments (got '" + arg + "')", first);
    }
    if (missing) return usage_error("option '" + arg + "' needs a value", first);
    if ((arg == "--data" || arg.rfind("--data=", 0) == 0) && options.data.empty()) {
      return usage_error("--data needs a non-empty path", first);
    }
  }
  if (!spec.formats.empty()) {
    if (options.format.empty()) options.format = spec.formats.front();
    bool known = false;
    for (const auto& f : spec.formats) known = known || f == options.format;
    if (!known)
      return usage_error("unknown format '" + options.format + "' for '" + first + "'", first);
  }
  if (options.data.empty()) options.data = default_registry_path();
  if (spec.takes_out && options.out_dir.empty()) options.out_dir = "out";
  if (spec.takes_specs && options.specs.empty()) options.specs = default_spec_paths();

  if (first == "check") return run_check(options);
  if (first == "matrix") return run_matrix(options);
  if (first == "classify") return run_classify(options);
  return run_build(options);
}

}  // namespace tenkai::app
