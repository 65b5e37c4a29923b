#!/usr/bin/env bash
# The ThreadSanitizer job: a TSan build (ADCOV_SANITIZE=thread) of the test
# binaries of the layers that run parallel loops (coverage, engage, run: TBB
# loops, the thread ranks of tests/run/thread_ranks.hpp), then those tests,
# except the slow end-to-end runs of whole scenarios. Any data race fails it.
# TBB and GDAL are not instrumented; tests/tsan.supp lists what that costs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DADCOV_SANITIZE=thread -DADCOV_BUILD_BENCH=OFF >/dev/null
bins=(coverage_tests engage_tests run_tests)
cmake --build build-tsan -j"$(nproc)" --target "${bins[@]}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp"
for b in "${bins[@]}"; do
  echo "test-tsan.sh: $b"
  "build-tsan/tests/$b" --gtest_brief=1 --gtest_filter='-*ShippedScenario*:*Calibration*'
done
