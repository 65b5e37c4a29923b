#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install everything, build, run
# every test, then the smoke of the robustness jobs: 30 s of each fuzz
# harness (scripts/fuzz.sh) and the ASan + UBSan build of the fastest test
# binaries, the parsers' and the rasters' (scripts/test-sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" 2>&1 | tee build/ctest.log
bash scripts/fuzz.sh 30
bash scripts/test-sanitize.sh model_tests geo_tests
# The suite's count again, last, so that it closes the log.
total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' build/ctest.log | tail -1)
echo "ctest: ${total} passed, 0 failed"
