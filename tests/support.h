// Shared test helpers: paths into the source tree, running the real binary, scratch folders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tenkai::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` through /bin/sh, capturing stdout and stderr separately.
CommandResult run(const std::string& command);

// Runs the built tenkai binary with `arguments` (already shell-quoted where needed).
CommandResult run_tenkai(const std::string& arguments);

std::string source_path(const std::string& relative);  // path inside the repository
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// A fresh empty directory under the system temp dir, removed when the object dies.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string shell_quote(const std::string& text);

// How often `needle` occurs in `haystack`, overlapping occurrences included.
size_t count_occurrences(const std::string& haystack, const std::string& needle);

// A PDF's page count, from poppler's pdfinfo (-1 when it cannot read the file).
int pdf_page_count(const std::string& pdf);

// The text of each page, from poppler's pdftotext; `raw` keeps the content stream's order (a
// label wrapped over two lines of its cell reads as one), else the layout mode is used. Empty
// when pdftotext fails.
std::vector<std::string> pdf_page_texts(const std::string& pdf, bool raw = false);

// The small test registry (fixtures/test/small.yaml), shell-quoted for run_tenkai.
std::string small_registry_argument();

}  // namespace tenkai::testing
