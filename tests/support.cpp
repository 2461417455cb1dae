// Test helpers; see support.h.
#include "tests/support.h"

#include <unistd.h>

#include <sys/wait.h>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace tenkai::testing {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

size_t count_occurrences(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string small_registry_argument() {
  return shell_quote(source_path("fixtures/test/small.yaml"));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("tenkai-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult run(const std::string& command) {
  ScratchDir scratch;
  std::string out_file = scratch.file("stdout"), err_file = scratch.file("stderr");
  std::string full = command + " >" + shell_quote(out_file) + " 2>" + shell_quote(err_file);
  int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  return result;
}

CommandResult run_tenkai(const std::string& arguments) {
  return run(shell_quote(TENKAI_BINARY) + " " + arguments);
}

std::string source_path(const std::string& relative) {
  return std::string(TENKAI_SOURCE_DIR) + "/" + relative;
}

int pdf_page_count(const std::string& pdf) {
  auto info = run("pdfinfo " + shell_quote(pdf));
  auto at = info.out.find("Pages:");
  if (info.exit_code != 0 || at == std::string::npos) return -1;
  return std::stoi(info.out.substr(at + 6));
}

std::vector<std::string> pdf_page_texts(const std::string& pdf, bool raw) {
  auto text =
      run(std::string("pdftotext ") + (raw ? "-raw " : "-layout ") + shell_quote(pdf) + " -");
  std::vector<std::string> pages;
  if (text.exit_code != 0) return pages;
  size_t start = 0;
  for (size_t at = text.out.find('\f'); at != std::string::npos; at = text.out.find('\f', start)) {
    pages.push_back(text.out.substr(start, at - start));
    start = at + 1;
  }
  return pages;
}

}  // namespace tenkai::testing
