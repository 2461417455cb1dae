// Terminal progress and colours on stderr, shown only when stderr is an interactive terminal.
#include "app/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "app/i18n.h"

namespace tenkai::app {
namespace {

constexpr const char* kClearLine = "\r\033[K";

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

bool interactive_stderr() {
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

void write_err(const std::string& text) {
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace

void Progress::configure(bool quiet) {
  enabled_ = !quiet && interactive_stderr() && !env_set("CI");
  started_ = std::chrono::steady_clock::now();
}

void Progress::clear() {
  if (!transient_) return;
  if (current_.empty()) {
    write_err(kClearLine);
  } else {
    write_err(kClearLine + current_ + "\n");
    current_.clear();
  }
  transient_ = false;
}

void Progress::status(const std::string& text) {
  if (!enabled_) return;
  clear();
  write_err(text);
  transient_ = true;
}

void Progress::output(const std::string& path, long pages, bool sheets) {
  if (!enabled_) return;
  clear();
  ++count_;
  std::string line = "[" + std::to_string(count_) + "] " + path;
  if (pages >= 0) {
    pages_ += sheets ? 0 : pages;
    unsigned long n = static_cast<unsigned long>(pages);
    line += "  " + (sheets ? trn("{1} sheet", "{1} sheets", n) : trn("{1} page", "{1} pages", n));
  }
  current_ = line;
  write_err(line + " …");
  transient_ = true;
}

void Progress::finish(bool succeeded) {
  if (!enabled_) return;
  clear();
  if (succeeded && count_ > 0) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", seconds);
    std::string files =
        trn("{1} file written", "{1} files written", static_cast<unsigned long>(count_));
    std::string pages = trn("{1} page", "{1} pages", static_cast<unsigned long>(pages_));
    write_err((pages_ > 0 ? trf("{1} ({2}) in {3} s", {files, pages, elapsed})
                          : trf("{1} in {2} s", {files, elapsed})) +
              "\n");
  } else if (!succeeded && count_ > 0) {
    write_err(std::string(tr("no output file was changed")) + "\n");
  }
  count_ = 0;
  pages_ = 0;
  started_ = std::chrono::steady_clock::now();
}

Progress& progress() {
  static Progress instance;
  return instance;
}

bool stderr_colours() {
  return interactive_stderr() && !env_set("NO_COLOR") && !env_set("CI");
}

Diagnostic localized(Diagnostic d) {
  // The framing the loaders share, translated here so that core stays free of gettext:
  // message prefixes and the "did you mean" hint. The rest of a message stays as written.
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"invalid YAML: ", N_("invalid YAML: {1}")},
      {"cannot read registry: ", N_("cannot read registry: {1}")},
  };
  for (const auto& [prefix, msgid] : kPrefixes) {
    if (d.message.rfind(prefix, 0) == 0) {
      d.message = trf(msgid, {d.message.substr(std::strlen(prefix))});
      break;
    }
  }
  const std::string lead = "did you mean '", tail = "'?";
  if (d.hint.size() > lead.size() + tail.size() && d.hint.rfind(lead, 0) == 0 &&
      d.hint.compare(d.hint.size() - tail.size(), tail.size(), tail) == 0) {
    d.hint = trf("did you mean '{1}'?",
                 {d.hint.substr(lead.size(), d.hint.size() - lead.size() - tail.size())});
  }
  return d;
}

std::string diagnostic_line(const Diagnostic& diagnostic, bool colour) {
  std::string line = format_diagnostic(localized(diagnostic));
  if (!colour) return line;
  const bool error = diagnostic.severity == Severity::error;
  const std::string word = error ? ": error: " : ": warning: ";
  size_t at = line.find(word);
  if (at == std::string::npos) return line;
  const char* paint = error ? "\033[1;31m" : "\033[1;35m";
  return "\033[1m" + line.substr(0, at + 1) + "\033[0m " + paint + word.substr(2, word.size() - 3) +
         "\033[0m" + line.substr(at + word.size() - 1);
}

}  // namespace tenkai::app
