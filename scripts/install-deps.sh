#!/usr/bin/env bash
# Installs every build, test and run dependency of adcov from Debian 12 packages.
# Idempotent and non-interactive; returns in about a second when all is present.
set -euo pipefail
pkgs=(cmake g++ make pkg-config
      libgdal-dev gdal-bin libtbb-dev libcli11-dev libyaml-cpp-dev
      libgtest-dev libgmock-dev libbenchmark-dev python3
      nlohmann-json3-dev libfmt-dev libcairo2-dev libpango1.0-dev libpng-dev fonts-dejavu-core
      libboost-dev
      chromium  # tests/apps/browser_test.cpp: report.html in a headless browser
      clang libclang-rt-14-dev)  # scripts/fuzz.sh: libFuzzer harnesses (clang 14, Debian 12)
# The optional MPI build (cmake -DADCOV_WITH_MPI=ON): ADCOV_WITH_MPI=1 adds Open MPI.
if [ "${ADCOV_WITH_MPI:-0}" = 1 ]; then pkgs+=(libopenmpi-dev openmpi-bin); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "adcov: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
