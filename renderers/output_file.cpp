// Temporary-then-rename output files.
#include "renderers/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tenkai::renderers {

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
  std::filesystem::path path(target_);
  temporary_ =
      (path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(getpid())))
          .string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) std::remove(temporary_.c_str());
}

bool AtomicOutput::commit(std::string& error) {
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
    error = "cannot write " + target_ + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

bool write_file_atomically(const std::string& target, const std::string& bytes,
                           std::string& error) {
  AtomicOutput output(target);
  {
    std::ofstream out(output.temporary_path(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      error = "cannot write " + output.temporary_path() + ": " + std::strerror(errno);
      return false;
    }
  }
  return output.commit(error);
}

}  // namespace tenkai::renderers
