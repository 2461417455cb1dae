// `tenkai watch`: build once, then rebuild on every change of the registry or a spec. Folders are
// watched rather than files, because editors save by writing a new file and renaming it over the
// old one, which ends a watch on the file itself.
#include <gio/gio.h>
#include <glib-unix.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "app/commands.h"

namespace tenkai::app {
namespace {

namespace fs = std::filesystem;

// Quiet time after the last change before rebuilding: an editor's save is several events.
constexpr guint kSettleMilliseconds = 250;

std::string absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

std::string content_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "\x01(unreadable)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Watch {
  Options options;
  GMainLoop* loop = nullptr;
  std::string registry;                          // absolute path
  std::vector<std::string> specs;                // absolute paths, in the order given
  std::map<std::string, std::string> last_seen;  // path -> bytes last built from
  std::set<std::string> dirty;                   // inputs changed since the last build
  guint timer = 0;
  std::vector<GFileMonitor*> monitors;
};

void build(Watch& watch, const std::vector<std::string>& specs, const char* what) {
  Options options = watch.options;
  options.specs = specs;
  std::string names;
  for (const auto& s : specs)
    names += (names.empty() ? "" : ", ") + fs::path(s).filename().string();
  int code = run_build(options);
  if (code == kExitOk)
    std::cerr << "tenkai watch: " << what << " " << names << "\n";
  else
    std::cerr << "tenkai watch: build of " << names << " failed; the last good outputs are kept\n";
}

gboolean rebuild(gpointer data) {
  auto& watch = *static_cast<Watch*>(data);
  watch.timer = 0;
  bool registry_changed = false;
  std::set<std::string> specs_changed;
  for (const auto& path : watch.dirty) {
    std::string bytes = content_of(path);
    if (watch.last_seen[path] == bytes) continue;  // touched or saved unchanged
    watch.last_seen[path] = bytes;
    if (path == watch.registry)
      registry_changed = true;
    else
      specs_changed.insert(path);
  }
  watch.dirty.clear();
  std::vector<std::string> specs;
  for (const auto& s : watch.specs)
    if (registry_changed || specs_changed.count(s)) specs.push_back(s);
  if (!specs.empty()) build(watch, specs, "rebuilt");
  return G_SOURCE_REMOVE;
}

void on_change(GFileMonitor*, GFile* file, GFile* other, GFileMonitorEvent event, gpointer data) {
  auto& watch = *static_cast<Watch*>(data);
  switch (event) {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      break;
    default:
      return;
  }
  bool relevant = false;
  for (GFile* f : {file, other}) {
    if (!f) continue;
    char* path = g_file_get_path(f);
    if (!path) continue;
    std::string p = absolute(path);
    g_free(path);
    if (watch.last_seen.count(p)) {
      watch.dirty.insert(p);
      relevant = true;
    }
  }
  if (!relevant) return;
  if (watch.timer) g_source_remove(watch.timer);
  watch.timer = g_timeout_add(kSettleMilliseconds, rebuild, &watch);
}

gboolean on_signal(gpointer data) {
  g_main_loop_quit(static_cast<GMainLoop*>(data));
  return G_SOURCE_CONTINUE;
}

}  // namespace

int run_watch(const Options& options) {
  Watch watch;
  watch.options = options;
  watch.registry = absolute(options.data);
  for (const auto& s : options.specs) watch.specs.push_back(absolute(s));
  watch.last_seen[watch.registry] = content_of(watch.registry);
  for (const auto& s : watch.specs) watch.last_seen[s] = content_of(s);

  watch.loop = g_main_loop_new(nullptr, FALSE);
  g_unix_signal_add(SIGINT, on_signal, watch.loop);
  g_unix_signal_add(SIGTERM, on_signal, watch.loop);

  std::set<std::string> folders;
  for (const auto& [path, bytes] : watch.last_seen) folders.insert(fs::path(path).parent_path());
  for (const auto& folder : folders) {
    GFile* dir = g_file_new_for_path(folder.c_str());
    GError* error = nullptr;
    GFileMonitor* monitor =
        g_file_monitor_directory(dir, G_FILE_MONITOR_WATCH_MOVES, nullptr, &error);
    g_object_unref(dir);
    if (!monitor) {
      std::cerr << folder << ":0:0: error: cannot watch this folder: "
                << (error ? error->message : "unknown error") << "\n";
      if (error) g_error_free(error);
      continue;
    }
    g_signal_connect(monitor, "changed", G_CALLBACK(on_change), &watch);
    watch.monitors.push_back(monitor);
  }
  if (watch.monitors.empty()) {
    g_main_loop_unref(watch.loop);
    return kExitInvalidInput;
  }

  build(watch, watch.specs, "built");
  std::cerr << "tenkai watch: watching " << options.data << " and " << watch.specs.size()
            << (watch.specs.size() == 1 ? " spec" : " specs") << "; Ctrl-C stops\n";
  g_main_loop_run(watch.loop);

  if (watch.timer) g_source_remove(watch.timer);
  for (GFileMonitor* m : watch.monitors) {
    g_file_monitor_cancel(m);
    g_object_unref(m);
  }
  g_main_loop_unref(watch.loop);
  std::cerr << "tenkai watch: stopped\n";
  return kExitOk;
}

}  // namespace tenkai::app
