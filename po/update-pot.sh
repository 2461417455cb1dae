#!/usr/bin/env bash
# Extracts the translatable messages of app/ into po/tenkai.pot and merges them into every
# po/<lang>.po (msgmerge keeps existing translations; new or changed ones are marked fuzzy).
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trf --keyword=trn:1,2 \
  --keyword=N_ --package-name=tenkai --no-location --sort-output --add-comments=TRANSLATORS: \
  -o po/tenkai.pot app/*.cpp app/*.h
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-location --sort-output "$po" po/tenkai.pot
done
