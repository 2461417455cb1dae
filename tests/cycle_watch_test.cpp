// `tenkai watch` through the real binary, bounded in time: it builds once, rebuilds the one
// output whose spec changed, keeps the last good output when the registry breaks, picks up the
// fix, and exits 0 on SIGTERM.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/support.h"

using namespace tenkai::testing;

namespace {

namespace fs = std::filesystem;

// Polls `done` every 100 ms for up to `seconds`.
template <typename Done>
bool wait_for(Done done, int seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

}  // namespace

TEST_CASE("watch: rebuilds on a change, survives a broken registry, stops on SIGTERM") {
  ScratchDir dir;
  std::string registry = dir.file("registry.yaml");
  std::string good = read_file(source_path("fixtures/test/small.yaml"));
  write_file(registry, good);
  std::string spec = dir.file("book.yaml");
  write_file(spec, read_file(source_path("layouts/ministry-report.yaml")));
  std::string out = dir.file("out");
  std::string log = dir.file("watch.log");
  std::string pid_file = dir.file("watch.pid");
  // Started in the background under timeout(1), so a hung watch cannot hang the suite.
  std::string command = "timeout 120 " + shell_quote(TENKAI_BINARY) + " watch " +
                        shell_quote(spec) + " --data " + shell_quote(registry) + " --out " +
                        shell_quote(out) + " 2>" + shell_quote(log) + " & echo $! > " +
                        shell_quote(pid_file) + "; wait $!; echo $? > " +
                        shell_quote(dir.file("rc"));
  std::thread runner([&] { run(command); });
  auto log_has = [&](const std::string& text, size_t count = 1) {
    return count_occurrences(read_file(log), text) >= count;
  };
  std::string book = out + "/ministry-report.xlsx";
  bool built = wait_for([&] { return log_has("tenkai watch: watching"); }, 60);
  CHECK(built);
  CHECK(fs::exists(book));
  std::string first = fs::exists(book) ? read_file(book) : "";

  // A broken registry: diagnostics, and the last good workbook stays.
  write_file(registry, good + "bogus_key: 1\n");
  CHECK(wait_for([&] { return log_has("failed; the last good outputs are kept"); }, 30));
  CHECK(log_has(registry + ":"));
  CHECK(read_file(book) == first);

  // The fix is picked up: a changed registry gives a changed workbook.
  std::string changed = good;
  auto at = changed.find("note: ※区全域");
  REQUIRE(at != std::string::npos);
  changed.insert(at + std::string("note: ※区全域").size(), "（改訂）");
  write_file(registry, changed);
  CHECK(wait_for([&] { return log_has("tenkai watch: rebuilt"); }, 30));
  CHECK(read_file(book) != first);

  run("kill -TERM $(cat " + shell_quote(pid_file) + ")");
  runner.join();
  CHECK(read_file(dir.file("rc")).rfind("0", 0) == 0);
  CHECK(log_has("tenkai watch: stopped"));
}
