#!/usr/bin/env bash
# The Debian package: built by cpack from this build, with library dependencies found by
# dpkg-shlibdeps and the data packages named, and every installed piece under /usr.
# usage: tests/deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d /tmp/tenkai-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
(cd "$build_dir" && cpack -G DEB -B "$work" >"$work/log" 2>&1) || fail "cpack: $(cat "$work/log")"
deb=$(ls "$work"/tenkai_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb written"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libxlsxwriter libyaml-cpp libyaml-0-2 libqrencode libicu libqpdf \
  libharfbuzz-subset0 libfreetype6 libminizip1 libjpeg62-turbo libglib2.0-0 libstdc++6 libc6 fonts-noto-cjk \
  fonts-morisawa-bizud-gothic; do
  grep -q "$package" <<<"$depends" || fail "Depends lacks $package"
done
# The allocator, where the build links it (not under the sanitizers).
if ldd "$build_dir/tenkai" | grep -q libtcmalloc_minimal; then
  grep -q libtcmalloc-minimal4 <<<"$depends" || fail "Depends lacks libtcmalloc-minimal4"
fi
# Every font family a default layout names (or the theme's default) comes from a package the
# .deb depends on, so a layout naming a new font cannot ship without its package.
families=$( (grep -rhoE '^ *font(_family)?: *[^,}#]+' "$source_dir/layouts" | sed 's/^[^:]*: *//'
  echo "Noto Sans CJK JP") | sed 's/ *$//' | sort -u)
while IFS= read -r family; do
  [ -n "$family" ] || continue
  match=$(fc-match -f '%{family}|%{file}' "$family")
  grep -qF "$family" <<<"${match%%|*}" || fail "font '$family' is not installed here"
  package=$(dpkg -S "${match#*|}" | cut -d: -f1)
  grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "font '$family' is in $package, not in Depends"
done <<<"$families"
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for file in ./usr/bin/tenkai ./usr/bin/tenkai-gen-national ./usr/share/tenkai/layouts/forum-2015.yaml \
  ./usr/share/tenkai/fixtures/ipw-2015/registry.yaml ./usr/share/man/man1/tenkai.1 \
  ./usr/share/bash-completion/completions/tenkai ./usr/share/locale/ja/LC_MESSAGES/tenkai.mo \
  ./usr/share/doc/tenkai/README.ja.md; do
  grep -qxF "$file" "$work/files" || fail "$file not in the package"
done
echo "deb test passed: $(basename "$deb")"
