// Atomic output: write to a temporary file beside the target, then rename over it, so a failed
// run never leaves a half-written or clobbered file.
#pragma once

#include <string>

namespace tenkai::renderers {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string target);
  ~AtomicOutput();  // removes the temporary file unless commit() succeeded
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Where to write; in the same folder as the target so rename() is atomic.
  const std::string& temporary_path() const { return temporary_; }
  const std::string& target_path() const { return target_; }

  // Renames the temporary file onto the target; false (with errno-based `error`) on failure.
  bool commit(std::string& error);

 private:
  std::string target_;
  std::string temporary_;
  bool committed_ = false;
};

// Writes `bytes` atomically; false with a message on failure.
bool write_file_atomically(const std::string& target, const std::string& bytes, std::string& error);

}  // namespace tenkai::renderers
