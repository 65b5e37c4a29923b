#!/usr/bin/env bash
# The sanitizer test job: AddressSanitizer + UndefinedBehaviorSanitizer build
# (ADCOV_SANITIZE=ON) of the library, the CLI and the unit tests, then every
# test except the slow end-to-end runs of whole scenarios. Catches memory and
# UB errors in the parsers (malformed YAML), rasters and engines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DADCOV_SANITIZE=ON -DADCOV_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E 'ShippedScenario|Calibration'
