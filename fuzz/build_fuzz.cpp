// End-to-end libFuzzer target: a registry, a deck spec and a workbook spec, in one input split at
// lines reading `#@@`, go through `tenkai build` exactly as the command line runs it: loaders,
// analysis, layout, and every renderer (PDF with tags, SVG, PNG, PPTX, XLSX). A missing part
// falls back to the shipped default spec, so a lone registry is fuzzed through the full forum
// deck and workbook.
//
// Checked on every input:
//   - the run ends with exit 0 or 1, never a crash, a hang or a usage error;
//   - on exit 1 the output folder is byte for byte what it was;
//   - on exit 0 every output is non-empty, with its format's signature, and nothing is left
//     staged.
//
// Files are written under a private folder made once per process (TMPDIR, /dev/shm when
// available): libxlsxwriter and the PDF post-pass open files by name.
//
//   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DTENKAI_FUZZ=ON
//   cmake --build build/fuzz --target build_fuzz
//   build/fuzz/build_fuzz -max_len=16384 -timeout=60 -close_fd_mask=3 fuzz/corpus/build
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli.h"

namespace {

namespace fs = std::filesystem;

const fs::path& work_folder() {
  static const fs::path folder = [] {
    const char* base = std::getenv("TMPDIR");
    std::string root = base && *base ? base : (fs::is_directory("/dev/shm") ? "/dev/shm" : "/tmp");
    std::string pattern = root + "/tenkai-build-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) __builtin_trap();
    // Removed at exit; kept in a copy that is never destroyed, as atexit handlers run after the
    // function-local static itself is gone.
    static const std::string* removed_at_exit = new std::string(pattern);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(*removed_at_exit, ec);
    });
    return fs::path(pattern);
  }();
  return folder;
}

// The input's parts, split at lines that read exactly "#@@" (a YAML comment, so a corpus file
// stays readable YAML in each part).
std::vector<std::string_view> split_parts(std::string_view input) {
  constexpr std::string_view separator = "\n#@@\n";
  std::vector<std::string_view> parts;
  while (parts.size() < 2) {
    size_t at = input.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(input.substr(0, at + 1));
    input.remove_prefix(at + separator.size());
  }
  parts.push_back(input);
  return parts;
}

void write_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) __builtin_trap();
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every entry of the output folder (names starting with '.' included) with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& folder) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::exists(folder, ec)) return files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    files[name] = entry.is_regular_file() ? read_bytes(entry.path()) : std::string("<folder>");
  }
  return files;
}

bool starts_with(const std::string& bytes, std::string_view signature) {
  return bytes.compare(0, signature.size(), signature) == 0;
}

// Traps unless every file the build wrote is a whole file of its format.
void require_complete_outputs(const std::map<std::string, std::string>& files) {
  for (const auto& [name, bytes] : files) {
    if (name.empty() || name[0] == '.') __builtin_trap();  // staging or journal left behind
    if (bytes.empty() || bytes == "<folder>") __builtin_trap();
    std::string extension = fs::path(name).extension().string();
    if (extension == ".pdf" && (!starts_with(bytes, "%PDF-") || bytes.find("%%EOF") == bytes.npos))
      __builtin_trap();
    if ((extension == ".pptx" || extension == ".xlsx") && !starts_with(bytes, "PK\x03\x04"))
      __builtin_trap();
    if (extension == ".png" && !starts_with(bytes, "\x89PNG\r\n\x1a\n")) __builtin_trap();
    if (extension == ".svg" && bytes.find("</svg>") == bytes.npos) __builtin_trap();
  }
}

int run_build(const std::vector<std::string>& arguments) {
  std::vector<std::string> storage = arguments;
  std::vector<char*> argv;
  for (auto& argument : storage) argv.push_back(argument.data());
  argv.push_back(nullptr);
  return tenkai::app::run_cli(static_cast<int>(storage.size()), argv.data());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts = split_parts(input);
  const fs::path& folder = work_folder();
  fs::path registry = folder / "registry.yaml";
  fs::path out = folder / "out";
  write_bytes(registry, parts[0]);

  std::vector<std::string> arguments = {"tenkai",          "build", "--quiet",   "--data",
                                        registry.string(), "--out", out.string()};
  const std::vector<std::string> defaults = tenkai::app::default_spec_paths();
  for (size_t i = 1; i < 3; ++i) {
    if (i < parts.size()) {
      fs::path spec = folder / (i == 1 ? "deck.yaml" : "workbook.yaml");
      write_bytes(spec, parts[i]);
      arguments.push_back(spec.string());
    } else if (i - 1 < defaults.size()) {
      arguments.push_back(defaults[i - 1]);
    }
  }

  auto before = snapshot(out);
  int exit_code = run_build(arguments);
  auto after = snapshot(out);
  if (exit_code == 1) {
    if (after != before) __builtin_trap();  // a failed run changed the outputs
  } else if (exit_code == 0) {
    if (after.empty()) __builtin_trap();
    require_complete_outputs(after);
  } else {
    __builtin_trap();  // the arguments are well-formed: no usage error, no other code
  }
  return 0;
}
