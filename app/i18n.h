// Messages in the user's language through gettext (domain "tenkai"), English when there is no
// catalogue for it. Mark a literal with tr()/trf()/trn() where it is used, or with N_() where it
// is stored and translated later with tr(); po/update-pot.sh extracts exactly these keywords.
#pragma once

#include <initializer_list>
#include <string>

#define N_(text) text

namespace tenkai::app {

// Takes messages and the character set from the environment (LC_ALL, LC_MESSAGES, LANG,
// LANGUAGE) but keeps the C locale for numbers, so outputs never depend on the user's locale.
// The catalogue is looked up next to the executable: <prefix>/share/locale when installed,
// <build>/locale in a build tree.
void init_i18n();

// The translation of msgid, or msgid itself.
const char* tr(const char* msgid);

// tr(msgid) with {1}, {2}, ... replaced by args (translations may reorder them).
std::string trf(const char* msgid, std::initializer_list<std::string> args);

// Singular or plural form for n, with {1} replaced by n.
std::string trn(const char* singular, const char* plural, unsigned long n);

// The folder holding the running executable ("" when unknown).
std::string executable_dir();

}  // namespace tenkai::app
