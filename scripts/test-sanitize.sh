#!/usr/bin/env bash
# scripts/test-sanitize.sh [TEST_BINARY...]: the sanitizer test job.
# An AddressSanitizer + UndefinedBehaviorSanitizer build (ADCOV_SANITIZE=ON,
# build-asan/) of the library, the CLI and the unit tests, then every test
# except the slow end-to-end runs of whole scenarios. Catches memory and UB
# errors in the parsers (malformed YAML), rasters and engines.
# With TEST_BINARY names (e.g. model_tests geo_tests), builds and runs only
# those binaries. `--no-binary` first (what scripts/test.sh runs in CI) also
# leaves out the adcov binary, and with it the run and apps layers' compile,
# and the tests that start it (ValidateCommand.*, which the full job and
# ctest cover).
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
skip='*ShippedScenario*:*Calibration*'
binary=adcov
if [ "$1" = --no-binary ]; then
  shift
  binary=
  skip="$skip:ValidateCommand.*"
fi
cmake --build build-asan -j"$(nproc)" --target $binary "$@"
for t in "$@"; do
  echo "test-sanitize.sh: $t"
  ADCOV_BIN="$PWD/build-asan/adcov" "build-asan/tests/$t" --gtest_brief=1 --gtest_filter="-$skip"
done
