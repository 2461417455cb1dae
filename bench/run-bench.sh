#!/usr/bin/env bash
# Benchmarks tenkai in one run against the bare cairo+pango floor and the peer scripts of
# ../shared/bench, on the seed, the national registry and a registry ten times its size, and
# prints medians of paired whole-process runs (A B A B ..., CPU time = user + sys from
# /usr/bin/time) with the ratio taken pair by pair.
# usage: bench/run-bench.sh [RUNS]   (default 5; the national matplotlib peer runs at most 3)
# env:   TENKAI_PEERS=DIR   peer scripts (default ../shared/bench); TENKAI_BENCH_PEERS=0 skips
#                           the Python peers
#        TENKAI_BASE=DIR    a built checkout of an older tenkai: the full seed build is compared
#                           with that checkout's build of its own layouts/forum-2015.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peers=${TENKAI_PEERS:-$root/../shared/bench}
runs=${1:-5}
work=$(mktemp -d /tmp/tenkai-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

scripts/ensure-packages.sh build
for package in python3-matplotlib python3-xlsxwriter python3-yaml time gcc; do
  dpkg -s "$package" >/dev/null 2>&1 || apt-get install -y -qq "$package" >/dev/null
done
[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build build/release -j"$(nproc)" --target tenkai tenkai-gen-national >/dev/null
tenkai=$root/build/release/tenkai
gen=$root/build/release/tenkai-gen-national
seed=$root/fixtures/ipw-2015/registry.yaml
table_spec=$root/bench/table-only.yaml
book_spec=$root/layouts/ministry-report.yaml
deck_spec=$root/layouts/forum-2015.yaml
"$gen" >"$work/national.yaml"
# The national registry with half its municipal sessions unnumbered, and ten times as much of
# it: 3.3x the municipalities and wards, 4x the sessions in each active year (FY2011-2025 kept,
# so the table still fits its slide).
"$gen" --unnumbered 50 >"$work/national-1x.yaml"
"$gen" --municipalities 5800 --per-year 4 --unnumbered 50 >"$work/national-10x.yaml"

floor=""
if [ -f "$peers/floor/floor.c" ]; then
  gcc -O2 "$peers/floor/floor.c" -o "$work/floor" $(pkg-config --cflags --libs pangocairo) &&
    floor=$work/floor
fi

# One run: prints "cpu_seconds wall_seconds peak_kib" of the command.
once() {
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" >/dev/null 2>&1 || {
    echo "FAILED: $*" >&2
    exit 1
  }
  awk '{printf "%.3f %.3f %d\n", $1 + $2, $3, $4}' "$work/time"
}

# Paired runs of A and B, n times in turn: prints the medians of A's CPU, B's CPU, A/B per pair,
# A's peak and B's peak.
paired() {
  local n=$1 a=$2 b=$3
  for _ in $(seq "$n"); do
    read -r ca _ ma < <(eval "once $a")
    read -r cb _ mb < <(eval "once $b")
    echo "$ca $cb $ma $mb"
  done | awk '
    function median(v, k,   i, j, t) {
      for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
      return k % 2 ? v[(k+1)/2] : (v[k/2] + v[k/2+1]) / 2
    }
    { a[NR] = $1; b[NR] = $2; r[NR] = ($2 > 0 ? $1 / $2 : 0); ma[NR] = $3; mb[NR] = $4 }
    END { printf "%.3f %.3f %.3f %.1f %.1f\n", median(a, NR), median(b, NR), median(r, NR),
          median(ma, NR) / 1024, median(mb, NR) / 1024 }'
}

row() {  # name runs 'A command' 'B command'
  local name=$1 n=$2
  read -r ca cb ratio ma mb < <(paired "$n" "$3" "$4")
  printf "| %-44s | %7.3f s %6.1f MB | %7.3f s %6.1f MB | %6.2f |\n" "$name" "$ca" "$ma" "$cb" "$mb" \
    "$ratio"
}

q() { printf "%q" "$1"; }
T=$(q "$tenkai")
out=$(q "$work/out")

echo "CPU time (user + sys), medians of $runs paired runs; ratio = A / B, pair by pair."
echo
echo "| case (A vs B) | A | B | ratio |"
echo "|---|---|---|---|"
if [ -n "$floor" ]; then
  for reg in seed national; do
    file=$seed; [ $reg = national ] && file=$work/national.yaml
    /usr/bin/python3 "$peers/floor/to_tsv.py" "$file" >"$work/$reg.tsv"
    row "table-only deck PDF, $reg (vs floor)" "$runs" \
      "$T build $(q "$table_spec") --data $(q "$file") --out $out" \
      "$(q "$floor") $(q "$work/$reg.tsv") $(q "$work/floor.pdf") 18"
  done
fi
if [ "${TENKAI_BENCH_PEERS:-1}" != 0 ]; then
  for reg in seed national; do
    file=$seed; [ $reg = national ] && file=$work/national.yaml
    peer_runs=$runs; [ $reg = national ] && peer_runs=$(( runs < 3 ? runs : 3 ))
    row "table-only deck PDF, $reg (vs matplotlib)" "$peer_runs" \
      "$T build $(q "$table_spec") --data $(q "$file") --out $out" \
      "/usr/bin/python3 $(q "$peers/matplotlib_table.py") $(q "$file") $(q "$work/peer.pdf")"
    row "workbook, $reg (vs XlsxWriter)" "$runs" \
      "$T build $(q "$book_spec") --data $(q "$file") --out $out" \
      "/usr/bin/python3 $(q "$peers/xlsxwriter_book.py") $(q "$file") $(q "$work/peer.xlsx")"
  done
fi
one=$(q "$work/national-1x.yaml") ten=$(q "$work/national-10x.yaml")
row "table-only deck, 10x national (vs 1x)" "$runs" \
  "$T build $(q "$table_spec") --data $ten --out $out" \
  "$T build $(q "$table_spec") --data $one --out $out"
row "matrix --format json, 10x national (vs 1x)" "$runs" \
  "$T matrix --format json --data $ten" "$T matrix --format json --data $one"
row "classify --format json, 10x national (vs 1x)" "$runs" \
  "$T classify --format json --data $ten" "$T classify --format json --data $one"
# PPTX beside the PDF: the same pages written as PresentationML (no peer writes editable PPTX).
deck_pdf=$work/forum-pdf.yaml deck_pptx=$work/forum-pptx.yaml
sed 's/^  formats: .*/  formats: [pdf]/' "$deck_spec" >"$deck_pdf"
sed 's/^  formats: .*/  formats: [pptx]/' "$deck_spec" >"$deck_pptx"
for reg in seed national; do
  file=$seed; [ $reg = national ] && file=$work/national.yaml
  row "table-only deck PPTX, $reg (vs PDF)" "$runs" \
    "$T build $(q "$root/bench/table-only-pptx.yaml") --data $(q "$file") --out $out" \
    "$T build $(q "$table_spec") --data $(q "$file") --out $out"
  row "forum deck PPTX, $reg (vs PDF)" "$runs" \
    "$T build $(q "$deck_pptx") --data $(q "$file") --out $out" \
    "$T build $(q "$deck_pdf") --data $(q "$file") --out $out"
done
if [ -n "${TENKAI_BASE:-}" ]; then
  row "full seed build (vs the older PDF-only build)" "$runs" \
    "$T build $(q "$deck_spec") $(q "$book_spec") --data $(q "$seed") --out $out" \
    "$(q "$TENKAI_BASE/build/release/tenkai") build $(q "$TENKAI_BASE/layouts/forum-2015.yaml") --data $(q "$TENKAI_BASE/fixtures/ipw-2015/registry.yaml") --out $(q "$work/base")"
fi
echo
"$tenkai" build "$deck_spec" --data "$seed" --out "$work/out" >/dev/null 2>&1
echo "seed deck PDF: $(wc -c <"$work/out/forum-2015.pdf") bytes"
echo "registries: national $(grep -c 'fiscal_year: ' "$work/national.yaml") sessions+links," \
  "10x $(grep -c 'fiscal_year: ' "$work/national-10x.yaml") sessions+links"
