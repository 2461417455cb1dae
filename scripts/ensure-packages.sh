#!/usr/bin/env bash
# Installs the Debian packages tenkai needs, only when some are missing (idempotent, quick).
# usage: scripts/ensure-packages.sh build|test
set -euo pipefail

build_packages=(cmake ninja-build g++ pkg-config libyaml-cpp-dev libyaml-dev libcairo2-dev libpango1.0-dev
  libxlsxwriter-dev libqrencode-dev nlohmann-json3-dev doctest-dev fonts-noto-cjk libicu-dev
  libqpdf-dev libharfbuzz-dev libfreetype-dev libglib2.0-dev libminizip-dev libjpeg-dev gettext
  dpkg-dev fonts-morisawa-bizud-gothic libgoogle-perftools-dev)
# Independent readers the tests check our artefacts with.
test_packages=(poppler-utils qpdf python3 python3-openpyxl python3-jsonschema python3-yaml
  libreoffice-calc-nogui libreoffice-impress-nogui fontconfig)

wanted=("${build_packages[@]}")
[ "${1:-build}" = test ] && wanted+=("${test_packages[@]}")

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
