#!/usr/bin/env bash
# An installation stands on its own: install into a temporary prefix, move the prefix elsewhere,
# hide the source and build trees (a private mount namespace when root, else only the move and a
# scan of the program for their paths) and run the default job from / in a clean environment.
# usage: tests/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d /tmp/tenkai-install.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --strip as a package would: debug information names the build folder by design.
cmake --install "$build_dir" --prefix "$work/staged" --strip >/dev/null
mv "$work/staged" "$work/prefix"
prefix=$work/prefix

for program in "$prefix/bin/tenkai" "$prefix/bin/tenkai-gen-national"; do
  [ -x "$program" ] || fail "$program not installed"
  # A path compiled in to find resources would be one of these strings (sanitizer builds also
  # name their source files, which is not a way to find anything).
  python3 - "$program" "$source_dir" "$build_dir" <<'PY' || fail "$program contains a path of the checkout"
import sys
data = open(sys.argv[1], "rb").read()
source, build = sys.argv[2].encode(), sys.argv[3].encode()
needles = [source + b"\0", build + b"\0"] + [source + b"/" + d for d in (b"fixtures", b"layouts", b"schemas")]
found = [n for n in needles if n in data]
if found:
    print("found:", found, file=sys.stderr)
    sys.exit(1)
PY
done
for file in share/tenkai/layouts/forum-2015.yaml share/tenkai/layouts/ministry-report.yaml \
  share/tenkai/fixtures/ipw-2015/registry.yaml share/tenkai/schemas/deck.schema.json \
  share/man/man1/tenkai.1 share/man/ja/man1/tenkai.1 share/bash-completion/completions/tenkai \
  share/locale/ja/LC_MESSAGES/tenkai.mo; do
  [ -s "$prefix/$file" ] || fail "$file not installed"
done

# Every command the help lists is in the man page and the completion.
commands=$("$prefix/bin/tenkai" --help | sed -n 's/^  tenkai \([a-z][a-z-]*\) .*/\1/p' | sort -u)
[ -n "$commands" ] || fail "no commands in --help"
for command in $commands; do
  grep -q "^\.SS $command\$" "$prefix/share/man/man1/tenkai.1" || fail "man page lacks $command"
  grep -q "^    $command) options=" "$prefix/share/bash-completion/completions/tenkai" ||
    fail "completion lacks $command"
done
completion=$prefix/share/bash-completion/completions/tenkai
bash -n "$completion" || fail "completion is not valid bash"
complete_words() {
  (cd "$prefix/share/tenkai/layouts" && bash -c 'source "$1"; shift; COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1)); _tenkai; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@" | sort | tr '\n' ' ')
}
[ "$(complete_words tenkai "")" = "$(printf '%s\n' --help --version $commands | sort | tr '\n' ' ')" ] ||
  fail "completion of commands: $(complete_words tenkai "")"
[ "$(complete_words tenkai matrix --format "")" = "csv json text " ] || fail "completion of --format"
[ "$(complete_words tenkai build "")" = "forum-2015.yaml ministry-report.yaml national.yaml " ] ||
  fail "completion of spec files: $(complete_words tenkai build "")"

# The default job, from /, with nothing of the checkout reachable and a clean environment (but
# a sanitizer build's options, with its suppressions copied out of the checkout).
sanitizer_env=()
for name in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  value=${!name-}
  [ -n "$value" ] || continue
  if [[ $value =~ suppressions=([^:]+) ]] && [ -f "${BASH_REMATCH[1]}" ]; then
    cp "${BASH_REMATCH[1]}" "$work/$name.supp"
    value=${value/"${BASH_REMATCH[1]}"/"$work/$name.supp"}
  fi
  sanitizer_env+=("$name=$value")
done
quoted_env=""
[ ${#sanitizer_env[@]} -eq 0 ] || quoted_env=$(printf '%q ' "${sanitizer_env[@]}")
printf 'cd / && exec env -i PATH=/usr/bin:/bin HOME=%q LC_ALL=C.UTF-8 %s %q build --out %q\n' \
  "$work" "$quoted_env" "$prefix/bin/tenkai" "$work/out" >"$work/job.sh"
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  unshare -m bash -c 'mount -t tmpfs none "$1" && [ ! -e "$1/CMakeLists.txt" ] && bash "$2"' \
    _ "$source_dir" "$work/job.sh" 2>"$work/err" || fail "default job: $(cat "$work/err")"
else
  bash "$work/job.sh" 2>"$work/err" || fail "default job: $(cat "$work/err")"
fi
[ ! -s "$work/err" ] || fail "stderr not empty when not a terminal: $(cat "$work/err")"
pages=$(pdfinfo "$work/out/forum-2015.pdf" | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 10 ] || fail "forum-2015.pdf has ${pages:-no} pages"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).testzip() is None or sys.exit(1)' \
  "$work/out/ministry-report.xlsx" || fail "ministry-report.xlsx is not a valid workbook"

# Japanese under a Japanese locale (even one not generated here), English otherwise.
LANG=ja_JP.UTF-8 LC_ALL= LANGUAGE= "$prefix/bin/tenkai" build --help | grep -q '^使い方: tenkai build' ||
  fail "no Japanese help under LANG=ja_JP.UTF-8"
LANG=C LC_ALL= LANGUAGE= "$prefix/bin/tenkai" build --help | grep -q '^usage: tenkai build' ||
  fail "no English help under LANG=C"

# The defaults come from the prefix: without share/tenkai the default job fails, and
# TENKAI_HOME brings them back from elsewhere.
mv "$prefix/share/tenkai" "$work/home"
if (cd / && "$prefix/bin/tenkai" check 2>/dev/null); then fail "defaults found without share/tenkai"; fi
(cd / && TENKAI_HOME="$work/home" "$prefix/bin/tenkai" check) || fail "TENKAI_HOME not honoured"
echo "install test passed: $pages pages"
