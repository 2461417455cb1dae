#!/usr/bin/env bash
# Builds the default workbook from a registry and checks it with independent readers:
# openpyxl (every cell of 波及状況 against `tenkai matrix --format json`, one row per session) and
# headless LibreOffice (recalculated totals equal the matrix totals); then builds it again and
# compares the bytes.  usage: scripts/check-workbook.sh [REGISTRY.yaml]
set -euo pipefail
cd "$(dirname "$0")/.."
registry=${1:-fixtures/ipw-2015/registry.yaml}
tenkai=build/release/tenkai
[ -x "$tenkai" ] || { cmake --preset release >/dev/null && cmake --build build/release -j2 >/dev/null; }
work=$(mktemp -d /tmp/tenkai-workbook.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$tenkai" build layouts/ministry-report.yaml --data "$registry" --out "$work/a"
"$tenkai" build layouts/ministry-report.yaml --data "$registry" --out "$work/b"
"$tenkai" matrix --format json --data "$registry" >"$work/matrix.json"
sessions=$("$tenkai" classify --format json --data "$registry" |
  /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["sessions"]))')
book=$work/a/ministry-report.xlsx

echo "openpyxl read-back against the matrix and $sessions sessions:"
/usr/bin/python3 tests/xlsx_readback.py "$book" "$work/matrix.json" "$sessions"
echo "LibreOffice recalculation against the matrix totals:"
/usr/bin/python3 scripts/libreoffice_recalc.py "$book" "$work/matrix.json"
echo "two builds:"
cmp "$book" "$work/b/ministry-report.xlsx" && echo "byte-identical"
