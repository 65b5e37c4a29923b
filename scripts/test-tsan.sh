#!/usr/bin/env bash
# The ThreadSanitizer job: a TSan build (ADCOV_SANITIZE=thread) of the test
# binaries of the layers that run parallel loops (coverage, engage, run: TBB
# loops, the thread ranks of tests/run/thread_ranks.hpp), then those tests,
# except the slow end-to-end runs of whole scenarios. Any report fails it.
# Debian's libtbb is not built with TSan, so TSan cannot see its scheduler's
# hand-offs: every parallel_for reports dozens of "races" between the thread
# that made a task and the worker that ran it (115 in coverage_tests alone,
# all through TBB's start_for/partitioner). The tests therefore run on one CPU
# (taskset), where TBB's default arena has one thread; what TSan checks is the
# concurrency adcov makes itself: std::thread (the thread ranks of run_tests),
# mutexes, atomics, call_once. A TSan-built oneTBB would lift this.
# GDAL is not instrumented either; tests/tsan.supp says what that costs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DADCOV_SANITIZE=thread -DADCOV_BUILD_BENCH=OFF >/dev/null
bins=(coverage_tests engage_tests run_tests)
cmake --build build-tsan -j"$(nproc)" --target "${bins[@]}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp"
for b in "${bins[@]}"; do
  echo "test-tsan.sh: $b"
  taskset -c "$(cut -d, -f1 <<<"$(taskset -cp $$ | sed 's/.*: //')" | cut -d- -f1)" \
    "build-tsan/tests/$b" --gtest_brief=1 --gtest_filter='-*ShippedScenario*:*Calibration*'
done
