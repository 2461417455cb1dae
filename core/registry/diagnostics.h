// Input problems as values: collected while loading, reported together as PATH:LINE:COL.
#pragma once

#include <string>
#include <vector>

namespace tenkai {

// A position in an input file; line and column are 1-based, 0 means unknown.
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string message;
  std::string hint;  // e.g. "did you mean 'organizers'?"; empty when none
};

// "PATH:LINE:COL: error: MESSAGE (HINT)"
std::string format_diagnostic(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void error(const SourcePos& pos, std::string message, std::string hint = {});
  void warning(const SourcePos& pos, std::string message, std::string hint = {});
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// Closest candidate by edit distance, or empty when nothing is close enough to suggest.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace tenkai
