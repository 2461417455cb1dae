#!/usr/bin/env bash
# Benchmarks tenkai against the peer scripts of ../shared/bench on the seed and on the national
# registry, in one run, and prints ratios (tenkai / peer) of wall time and peak memory.
# usage: bench/run-bench.sh [RUNS]   (median of RUNS whole-process runs each, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peers=${TENKAI_PEERS:-$root/../shared/bench}
runs=${1:-5}
work=$(mktemp -d /tmp/tenkai-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

scripts/ensure-packages.sh build
for package in python3-matplotlib python3-xlsxwriter python3-yaml time; do
  dpkg -s "$package" >/dev/null 2>&1 || apt-get install -y -qq "$package" >/dev/null
done
[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
tenkai=$root/build/release/tenkai
build/release/tenkai-gen-national >"$work/national.yaml"
seed=$root/fixtures/ipw-2015/registry.yaml
table_spec=$root/bench/table-only.yaml
book_spec=$root/layouts/ministry-report.yaml

# Prints "median_seconds median_kib" over $runs runs of the command.
measure() {
  local n=$1; shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
    cat "$work/time"
  done | sort -n | awk '{t[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); print t[i], m[i]}'
}

row() {  # name tenkai-cmd... -- peer-cmd...
  local name=$1 n=$2; shift 2
  local ours=() theirs=()
  while [ "$1" != "--" ]; do ours+=("$1"); shift; done; shift
  theirs=("$@")
  read -r t1 m1 < <(measure "$n" "${ours[@]}")
  read -r t2 m2 < <(measure "$n" "${theirs[@]}")
  awk -v n="$name" -v t1="$t1" -v m1="$m1" -v t2="$t2" -v m2="$m2" 'BEGIN {
    printf "| %-34s | %7.3f s %7.1f MB | %7.3f s %7.1f MB | %6.3f | %5.2f |\n",
      n, t1, m1/1024, t2, m2/1024, (t2>0 ? t1/t2 : 0), (m2>0 ? m1/m2 : 0) }'
}

echo "| case | tenkai | peer | time ratio | memory ratio |"
echo "|---|---|---|---|---|"
for reg in seed national; do
  file=$seed; [ $reg = national ] && file=$work/national.yaml
  peer_runs=$runs; [ $reg = national ] && peer_runs=$(( runs < 3 ? runs : 3 ))
  row "table PDF, $reg (vs matplotlib)" "$peer_runs" \
    "$tenkai" build "$table_spec" --data "$file" --out "$work/t" -- \
    /usr/bin/python3 "$peers/matplotlib_table.py" "$file" "$work/peer.pdf"
  row "workbook, $reg (vs XlsxWriter)" "$runs" \
    "$tenkai" build "$book_spec" --data "$file" --out "$work/t" -- \
    /usr/bin/python3 "$peers/xlsxwriter_book.py" "$file" "$work/peer.xlsx"
done
echo
# PPTX beside the PDF: the same pages, written as PresentationML (no peer writes editable PPTX).
echo "| case (tenkai only) | PDF | PPTX |"
echo "|---|---|---|"
pptx_spec=$root/bench/table-only-pptx.yaml
deck_spec=$root/layouts/forum-2015.yaml
sed 's/^  formats: .*/  formats: [pdf]/' "$deck_spec" >"$work/forum-pdf.yaml"
sed 's/^  formats: .*/  formats: [pptx]/' "$deck_spec" >"$work/forum-pptx.yaml"
for reg in seed national; do
  file=$seed; [ $reg = national ] && file=$work/national.yaml
  read -r t1 m1 < <(measure "$runs" "$tenkai" build "$table_spec" --data "$file" --out "$work/p")
  read -r t2 m2 < <(measure "$runs" "$tenkai" build "$pptx_spec" --data "$file" --out "$work/p")
  printf "| table, %-8s | %7.3f s %7.1f MB | %7.3f s %7.1f MB |\n" "$reg" "$t1" "$(echo "$m1/1024" | bc -l)" "$t2" "$(echo "$m2/1024" | bc -l)"
  read -r t1 m1 < <(measure "$runs" "$tenkai" build "$work/forum-pdf.yaml" --data "$file" --out "$work/p")
  read -r t2 m2 < <(measure "$runs" "$tenkai" build "$work/forum-pptx.yaml" --data "$file" --out "$work/p")
  printf "| forum deck, %-8s | %7.3f s %7.1f MB | %7.3f s %7.1f MB |\n" "$reg" "$t1" "$(echo "$m1/1024" | bc -l)" "$t2" "$(echo "$m2/1024" | bc -l)"
done
read -r t m < <(measure "$runs" "$tenkai" matrix --format json --data "$work/national.yaml")
echo
echo "tenkai matrix --format json, national registry: $t s wall, $((m / 1024)) MB peak (median of $runs)"
