// What the user sees on the terminal besides the results: progress lines and coloured
// diagnostics. Both appear only when stderr is a terminal (not in a pipe, a file or CI);
// --quiet turns progress off and NO_COLOR turns colours off. Outputs never change.
#pragma once

#include <chrono>
#include <string>

#include "core/registry/diagnostics.h"

namespace tenkai::app {

class Progress {
 public:
  // Decides once per run whether progress is shown: stderr is a terminal, TERM is not "dumb",
  // CI is unset, and not quiet.
  void configure(bool quiet);
  bool enabled() const { return enabled_; }

  // A passing status ("laying out forum-2015.yaml…"), replaced by whatever comes next.
  void status(const std::string& text);
  // An output file being written, with its page (or sheet) count when known (< 0: unknown).
  // The line stays, numbered, once the next output starts or the run finishes.
  void output(const std::string& path, long pages, bool sheets = false);
  // Ends the current line and prints the summary when outputs were written.
  void finish(bool succeeded);
  // Clears a passing status or settles the current output line (before diagnostics).
  void clear();

 private:
  bool enabled_ = false;
  bool transient_ = false;  // the last line is a status or an unfinished output
  std::string current_;     // the unfinished output's line
  int count_ = 0;
  long pages_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

// The one progress display of this process.
Progress& progress();

// True when text written to stderr may be coloured (a terminal, NO_COLOR and CI unset or empty,
// TERM not "dumb").
bool stderr_colours();

// The diagnostic with its common framing (message prefixes such as "invalid YAML:", the "did you
// mean" hint) in the user's language; the PATH:LINE:COL: error: frame itself never changes.
Diagnostic localized(Diagnostic diagnostic);

// A diagnostic line as format_diagnostic() writes it (localized), coloured like a compiler's
// when `colour`: the position in bold, "error:" in red, "warning:" in magenta.
std::string diagnostic_line(const Diagnostic& diagnostic, bool colour);

}  // namespace tenkai::app
