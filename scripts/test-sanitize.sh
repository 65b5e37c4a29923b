#!/usr/bin/env bash
# scripts/test-sanitize.sh [TEST_BINARY...]: the sanitizer test job.
# An AddressSanitizer + UndefinedBehaviorSanitizer build (ADCOV_SANITIZE=ON,
# build-asan/) of the library, the CLI and the unit tests, then every test
# except the slow end-to-end runs of whole scenarios. Catches memory and UB
# errors in the parsers (malformed YAML), rasters and engines.
# With TEST_BINARY names (e.g. model_tests geo_tests, what scripts/test.sh
# runs in CI), builds and runs only those binaries and their layers, not the
# CLI: their tests that run the adcov program (ValidateCommand, CliLibrary) are left to
# the full job and to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DADCOV_SANITIZE=ON -DADCOV_BUILD_BENCH=OFF >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if [ $# -eq 0 ]; then
  cmake --build build-asan -j"$(nproc)"
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E 'ShippedScenario|Calibration'
  exit
fi
cmake --build build-asan -j"$(nproc)" --target "$@"
for t in "$@"; do
  echo "test-sanitize.sh: $t"
  "build-asan/tests/$t" --gtest_brief=1 --gtest_filter='-*ShippedScenario*:*Calibration*:ValidateCommand.*:CliLibrary.*'
done
