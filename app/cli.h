// The command-line driver: parse arguments, load, analyse, lay out, render, report.
#pragma once

#include <string>
#include <vector>

namespace tenkai::app {

// Exit codes (CONTRACT.md §3).
constexpr int kExitOk = 0;
constexpr int kExitInvalidInput = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::string command;             // build | check | matrix | classify | import | diff | watch
  std::vector<std::string> specs;  // layout specs; empty means the defaults
  std::string data;                // registry path (default resolved)
  std::string out_dir;             // build output folder
  std::string format;              // matrix/classify output format
  std::vector<std::string> files;  // import: the CSV; diff: OLD and NEW registries
  bool extend_years = false;       // import --extend-years
  bool dry_run = false;            // import --dry-run
  std::string encoding;            // import --encoding utf-8|cp932 (empty: detect)
  bool excel = false;              // matrix --format csv --excel
  bool quiet = false;              // --quiet: no progress on the terminal
};

int run_cli(int argc, char** argv);

// Where the shipped fixtures and layouts live, found from any working directory.
std::string resource_root();
std::string default_registry_path();
std::vector<std::string> default_spec_paths();

}  // namespace tenkai::app
