#!/usr/bin/env bash
# Every test: install what is missing, build under AddressSanitizer + UBSan, run ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh test
[ -f build/asan-ubsan/build.ninja ] || cmake --preset asan-ubsan >/dev/null
cmake --build build/asan-ubsan -j"$(nproc)"
ctest --preset asan-ubsan -j"$(nproc)"
