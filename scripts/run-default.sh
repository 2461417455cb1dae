#!/usr/bin/env bash
# The main job: install what is missing, build (release), and build the default outputs into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh build
[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build build/release -j"$(nproc)"
build/release/tenkai check
build/release/tenkai matrix
build/release/tenkai build --out out
ls -l out
