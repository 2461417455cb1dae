// The transactional output set: private staging folder, journaled commit, recovery.
//
// Layout on disk while a run lives:
//   OUT/.tenkai-staging-XXXXXX/        (or in OUT's nearest existing ancestor when OUT is new)
//       NAME ...                       staged outputs
//       .old.NAME ...                  hard links to the outputs being replaced (for undo)
//       .tenkai-journal                the list of names, renamed to OUT/.tenkai-journal to commit
// The journal's rename into OUT is the commit point: before it the old set stands, after it a
// run (this one, or the next one after a kill) moves every staged file into place.
#include "renderers/output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text/utf8.h"

namespace tenkai::renderers {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStagingPrefix = ".tenkai-staging-";
constexpr const char* kJournal = ".tenkai-journal";
constexpr const char* kBackupPrefix = ".old.";

std::string errno_text() {
  return std::strerror(errno);
}

// An open descriptor closed on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int value = -1) : fd(value) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

int open_dir(const std::string& path) {
  return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

bool fsync_dir(const std::string& path) {
  Fd dir(open_dir(path));
  return dir.fd >= 0 && ::fsync(dir.fd) == 0;
}

bool fsync_file_at(int dirfd, const std::string& name) {
  Fd file(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  return file.fd >= 0 && ::fsync(file.fd) == 0;
}

bool exists_at(int dirfd, const std::string& name, struct stat* info = nullptr) {
  struct stat local {};
  return ::fstatat(dirfd, name.c_str(), info ? info : &local, AT_SYMLINK_NOFOLLOW) == 0;
}

// The nearest existing ancestor of `path` (the path itself when it exists).
fs::path nearest_existing(const fs::path& path) {
  std::error_code ec;
  fs::path at = fs::absolute(path, ec);
  if (ec) at = path;
  while (!at.empty() && !fs::exists(at, ec)) {
    if (at == at.parent_path()) break;
    at = at.parent_path();
  }
  return at.empty() ? fs::path(".") : at;
}

mode_t current_umask() {
  mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// Journal text: a header line, then one output name per line (names hold no control chars).
std::string journal_text(const std::vector<std::string>& names) {
  std::string text = "tenkai-journal 1\n";
  for (const auto& name : names) text += name + "\n";
  return text;
}

bool read_journal(const std::string& path, std::vector<std::string>& names) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line != "tenkai-journal 1") return false;
  while (std::getline(in, line)) {
    std::string why;
    if (!is_plain_file_name(line, why)) return false;
    names.push_back(line);
  }
  return true;
}

bool write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Removes staging folders in `dir` whose owner is gone (nobody holds their lock), and with
// `legacy`, the .NAME.tmp-PID files older tenkai versions left in an out folder.
void remove_stale_staging(const std::string& dir, bool legacy) {
  Fd parent(open_dir(dir));
  if (parent.fd < 0) return;
  // Exclusive against runs making their staging folder here (they hold it shared meanwhile).
  ::flock(parent.fd, LOCK_EX);
  DIR* listing = ::fdopendir(::dup(parent.fd));
  if (!listing) return;
  std::vector<std::string> stale;
  while (dirent* entry = ::readdir(listing)) {
    std::string name = entry->d_name;
    if (name.rfind(kStagingPrefix, 0) == 0) {
      Fd staged(::openat(parent.fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (staged.fd >= 0 && ::flock(staged.fd, LOCK_EX | LOCK_NB) == 0) stale.push_back(name);
    } else if (legacy && name.size() > 1 && name[0] == '.' &&
               name.find(".tmp-") != std::string::npos) {
      // Temporary files of older tenkai versions: .NAME.tmp-PID, of a process that is gone.
      std::string pid = name.substr(name.rfind(".tmp-") + 5);
      bool digits =
          !pid.empty() && pid.size() < 10 &&
          std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits && ::kill(std::atoi(pid.c_str()), 0) != 0 && errno == ESRCH) {
        ::unlinkat(parent.fd, name.c_str(), 0);
      }
    }
  }
  ::closedir(listing);
  for (const auto& name : stale) {
    std::error_code ec;
    fs::remove_all(fs::path(dir) / name, ec);
  }
}

}  // namespace

bool is_plain_file_name(const std::string& name, std::string& why) {
  if (name.empty()) {
    why = "an output name must not be empty";
  } else if (name.find('\0') != std::string::npos) {
    why = "an output name must not contain a NUL byte";
  } else if (name.find('/') != std::string::npos) {
    why = "an output name must be a plain file name, without '/'";
  } else if (name == "." || name == "..") {
    why = "an output name must be a file name, not '" + name + "'";
  } else if (auto problem = text::check_text(name)) {
    why = "an output name has " + problem->message;
  } else if (name.size() > 255) {
    why = "an output name must be at most 255 bytes";
  } else if (name.rfind(kStagingPrefix, 0) == 0 || name.rfind(kJournal, 0) == 0) {
    why = "output names starting with '" + name.substr(0, 8) + "' are reserved";
  } else {
    return true;
  }
  return false;
}

int create_exclusive(const std::string& dir, const std::string& name, std::string& error) {
  std::string path = (fs::path(dir) / name).string();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) error = "cannot create " + path + ": " + errno_text();
  return fd;
}

OutputSet::OutputSet(std::string out_dir) : out_dir_(std::move(out_dir)) {}

OutputSet::~OutputSet() {
  if (!committed_) remove_staging();
  if (staging_lock_ >= 0) ::close(staging_lock_);
}

void OutputSet::remove_staging() {
  if (staging_.empty()) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

bool OutputSet::make_staging(std::string& error) {
  if (!staging_.empty()) return true;
  std::error_code ec;
  out_existed_ = fs::is_directory(out_dir_, ec);
  if (!out_existed_ && fs::exists(fs::symlink_status(out_dir_, ec))) {
    error = "cannot write to " + out_dir_ + ": it exists and is not a folder";
    return false;
  }
  fs::path home = out_existed_ ? fs::path(out_dir_) : nearest_existing(out_dir_);
  Fd parent(open_dir(home.string()));
  if (parent.fd < 0) {
    error = "cannot write to " + home.string() + ": " + errno_text();
    return false;
  }
  ::flock(parent.fd, LOCK_SH);  // a recovering run waits until our folder is locked
  std::string pattern = (home / (std::string(kStagingPrefix) + "XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (!::mkdtemp(buffer.data())) {
    error = "cannot create a staging folder in " + home.string() + ": " + errno_text();
    return false;
  }
  staging_ = buffer.data();
  staging_lock_ = open_dir(staging_);
  if (staging_lock_ < 0 || ::flock(staging_lock_, LOCK_EX) != 0) {
    error = "cannot lock " + staging_ + ": " + errno_text();
    remove_staging();
    staging_.clear();
    return false;
  }
  return true;
}

bool OutputSet::reserved(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string OutputSet::target_path(const std::string& name) const {
  return (fs::path(out_dir_) / name).string();
}

std::string OutputSet::reserve(const std::string& name, std::string& error) {
  std::string why;
  if (!is_plain_file_name(name, why)) {
    error = why;
    return {};
  }
  if (reserved(name)) {
    error = "two outputs of this run are named " + text::printable(target_path(name));
    return {};
  }
  if (!make_staging(error)) return {};
  names_.push_back(name);
  return (fs::path(staging_) / name).string();
}

int OutputSet::open_exclusive(const std::string& name, std::string& error) {
  std::string path = reserve(name, error);
  if (path.empty()) return -1;
  return create_exclusive(staging_, name, error);
}

bool OutputSet::commit(std::string& error) {
  if (committed_) return true;
  if (names_.empty()) {
    committed_ = true;
    return true;
  }
  Fd staging(open_dir(staging_));
  if (staging.fd < 0) {
    error = "cannot open " + staging_ + ": " + errno_text();
    return false;
  }
  for (const auto& name : names_) {
    if (!exists_at(staging.fd, name)) {
      error = "cannot write " + target_path(name) + ": it was not written";
      return false;
    }
    if (!fsync_file_at(staging.fd, name)) {
      error = "cannot write " + target_path(name) + ": " + errno_text();
      return false;
    }
  }
  std::error_code ec;
  if (!out_existed_ && !fs::exists(fs::symlink_status(out_dir_, ec))) {
    // A new out folder: the staging folder itself becomes it, in one rename.
    fs::create_directories(fs::absolute(out_dir_, ec).parent_path(), ec);
    ::fchmod(staging.fd, 0777 & ~current_umask());
    ::fsync(staging.fd);
    if (::rename(staging_.c_str(), out_dir_.c_str()) == 0) {
      fsync_dir(fs::absolute(out_dir_, ec).parent_path().string());
      committed_ = true;
      return true;
    }
    error = "cannot create " + out_dir_ + ": " + errno_text();
    return false;
  }
  if (!out_existed_) {
    // The folder appeared meanwhile; stage again inside it on a later run.
    error = "cannot write to " + out_dir_ + ": it was created by someone else during this run";
    return false;
  }
  Fd out(open_dir(out_dir_));
  if (out.fd < 0) {
    error = "cannot open " + out_dir_ + ": " + errno_text();
    return false;
  }
  ::flock(out.fd, LOCK_EX);  // one commit or recovery at a time in this folder
  // Everything that can be checked is checked before the first output moves.
  for (const auto& name : names_) {
    struct stat info {};
    if (exists_at(out.fd, name, &info) && !S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode)) {
      error = "cannot write " + target_path(name) + ": " +
              (S_ISDIR(info.st_mode) ? "a folder is in the way"
                                     : "something other than a file is there");
      return false;
    }
  }
  for (const auto& name : names_) {
    struct stat info {};
    if (exists_at(out.fd, name, &info) && S_ISREG(info.st_mode)) {
      // A second name for the old file, to put it back if a later rename fails.
      ::linkat(out.fd, name.c_str(), staging.fd, (kBackupPrefix + name).c_str(), 0);
    }
  }
  Fd journal(
      ::openat(staging.fd, kJournal, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (journal.fd < 0 || !write_all(journal.fd, journal_text(names_)) || ::fsync(journal.fd) != 0) {
    error = "cannot write the journal in " + staging_ + ": " + errno_text();
    return false;
  }
  ::fsync(staging.fd);
  // The commit point: from here on the new set is the one that stands, even after a kill.
  std::string staging_name = fs::path(staging_).filename().string();
  std::string journal_name =
      std::string(kJournal) + "-" + staging_name.substr(std::strlen(kStagingPrefix));
  if (::renameat(staging.fd, kJournal, out.fd, journal_name.c_str()) != 0) {
    error = "cannot write the journal in " + out_dir_ + ": " + errno_text();
    return false;
  }
  ::fsync(out.fd);
  for (size_t i = 0; i < names_.size(); ++i) {
    if (::renameat(staging.fd, names_[i].c_str(), out.fd, names_[i].c_str()) == 0) continue;
    error = "cannot write " + target_path(names_[i]) + ": " + errno_text();
    // Undo: put the old files back, remove the new ones that had no old file.
    for (size_t j = 0; j < i; ++j) {
      std::string backup = kBackupPrefix + names_[j];
      if (::renameat(staging.fd, backup.c_str(), out.fd, names_[j].c_str()) != 0) {
        ::unlinkat(out.fd, names_[j].c_str(), 0);
      }
    }
    ::fsync(out.fd);
    ::unlinkat(out.fd, journal_name.c_str(), 0);
    ::fsync(out.fd);
    return false;
  }
  ::fsync(out.fd);
  ::unlinkat(out.fd, journal_name.c_str(), 0);
  ::fsync(out.fd);
  committed_ = true;
  remove_staging();
  return true;
}

bool recover_output_folder(const std::string& out_dir, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(out_dir, ec)) {
    Fd out(open_dir(out_dir));
    if (out.fd < 0) return true;
    ::flock(out.fd, LOCK_EX);
    std::vector<std::string> journals;
    if (DIR* listing = ::fdopendir(::dup(out.fd))) {
      while (dirent* entry = ::readdir(listing)) {
        std::string name = entry->d_name;
        if (name.rfind(std::string(kJournal) + "-", 0) == 0) journals.push_back(name);
      }
      ::closedir(listing);
    }
    std::sort(journals.begin(), journals.end());
    for (const auto& journal : journals) {
      // Complete the commit: every staged file still in the staging folder moves into place.
      std::string suffix = journal.substr(std::strlen(kJournal) + 1);
      std::string staging = (fs::path(out_dir) / (kStagingPrefix + suffix)).string();
      std::vector<std::string> names;
      if (!read_journal((fs::path(out_dir) / journal).string(), names)) {
        error = "cannot complete the interrupted build in " + out_dir + ": its journal " + journal +
                " is damaged; remove it";
        return false;
      }
      Fd staged(open_dir(staging));
      for (const auto& name : names) {
        if (staged.fd >= 0 && exists_at(staged.fd, name) &&
            ::renameat(staged.fd, name.c_str(), out.fd, name.c_str()) != 0) {
          error = "cannot complete the interrupted build in " + out_dir + ": " + errno_text();
          return false;
        }
      }
      ::fsync(out.fd);
      ::unlinkat(out.fd, journal.c_str(), 0);
      ::fsync(out.fd);
      fs::remove_all(staging, ec);
    }
    ::flock(out.fd, LOCK_UN);
    remove_stale_staging(out_dir, true);
  }
  // A run that started before the out folder existed staged in its nearest existing ancestor.
  remove_stale_staging(nearest_existing(fs::absolute(out_dir, ec).parent_path()).string(), false);
  return true;
}

bool write_file_atomically(const std::string& target, const std::string& bytes,
                           std::string& error) {
  fs::path path(target);
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  Fd file(::mkostemp(buffer.data(), O_CLOEXEC));  // O_CREAT|O_EXCL: never through a symlink
  if (file.fd < 0) {
    error = "cannot write " + target + ": " + errno_text();
    return false;
  }
  std::string temporary = buffer.data();
  ::fchmod(file.fd, 0666 & ~current_umask());
  if (!write_all(file.fd, bytes) || ::fsync(file.fd) != 0 ||
      ::rename(temporary.c_str(), target.c_str()) != 0) {
    error = "cannot write " + target + ": " + errno_text();
    ::unlink(temporary.c_str());
    return false;
  }
  fsync_dir(dir.string());
  return true;
}

}  // namespace tenkai::renderers
