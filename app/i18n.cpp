// gettext set-up and small formatting helpers for translated messages.
#include "app/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>

namespace tenkai::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDomain = "tenkai";

std::string substitute(std::string text, std::initializer_list<std::string> args) {
  size_t index = 1;
  for (const std::string& arg : args) {
    std::string key = "{" + std::to_string(index++) + "}";
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + arg.size()))
      text.replace(at, key.size(), arg);
  }
  return text;
}

}  // namespace

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

void init_i18n() {
  if (!std::setlocale(LC_MESSAGES, "")) {
    // The user's locale is not generated on this system (a minimal server or container, where
    // LANG=ja_JP.UTF-8 is set but not installed): messages still follow it, through LANGUAGE.
    const char* wanted = nullptr;
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* value = std::getenv(name);
      if (value && *value) {
        wanted = value;
        break;
      }
    }
    if (wanted && std::setlocale(LC_MESSAGES, "C.UTF-8")) {
      std::string language(wanted);
      language = language.substr(0, language.find_first_of(".@"));
      const char* chosen = std::getenv("LANGUAGE");
      if (language != "C" && language != "POSIX" && !(chosen && *chosen))
        setenv("LANGUAGE", language.c_str(), 1);
    }
  }
  std::string dir = executable_dir();
  if (!dir.empty()) {
    std::error_code ec;
    fs::path build_tree = fs::path(dir) / "locale";
    fs::path installed = fs::path(dir).parent_path() / "share/locale";
    fs::path chosen = fs::is_directory(build_tree, ec) ? build_tree : installed;
    bindtextdomain(kDomain, chosen.c_str());
  }
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
}

const char* tr(const char* msgid) {
  return dgettext(kDomain, msgid);
}

std::string trf(const char* msgid, std::initializer_list<std::string> args) {
  return substitute(tr(msgid), args);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
  return substitute(dngettext(kDomain, singular, plural, n), {std::to_string(n)});
}

}  // namespace tenkai::app
