#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [HARNESS...]: builds the libFuzzer harnesses of
# tests/fuzz/ with clang (build-fuzz/, ADCOV_FUZZ=ON: ASan + UBSan, coverage
# feedback from the geo and model libraries) and runs each HARNESS (default:
# all, scenario and dem) for SECONDS (default 60), all at once, one core each.
# Seeds: tests/fuzz/corpus/<harness>/ (read only); new inputs go to
# build-fuzz/corpus/<harness>/, crash, leak and timeout inputs to
# build-fuzz/artifacts/, the log to build-fuzz/logs/<harness>.log. libFuzzer
# runs in fork mode and goes on after a finding, so a long run collects them
# all. Exits 1 when any harness found something. Reproduce one finding with
#   build-fuzz/tests/fuzz/<harness>_fuzz build-fuzz/artifacts/<harness>-crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(scenario dem)
declare -A max_len=([scenario]=16384 [dem]=4096)
for h in "${harnesses[@]}"; do
  [ -n "${max_len[$h]:-}" ] || { echo "fuzz.sh: no harness '$h' (scenario, dem)" >&2; exit 2; }
done

bash scripts/install-deps.sh
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DADCOV_FUZZ=ON -DADCOV_BUILD_TESTS=OFF -DADCOV_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${harnesses[@]/%/_fuzz}"

mkdir -p build-fuzz/artifacts build-fuzz/logs
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
stamp=build-fuzz/artifacts/.start
touch "$stamp"
pids=()
for h in "${harnesses[@]}"; do
  mkdir -p "build-fuzz/corpus/$h"
  args=(-max_total_time="$secs" -max_len="${max_len[$h]}" -timeout=10 -rss_limit_mb=2048
        -artifact_prefix="build-fuzz/artifacts/$h-" -print_final_stats=1
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  [ -f "tests/fuzz/$h.dict" ] && args+=(-dict="tests/fuzz/$h.dict")
  echo "fuzz.sh: $h for ${secs} s (log: build-fuzz/logs/$h.log)"
  "build-fuzz/tests/fuzz/${h}_fuzz" "${args[@]}" "build-fuzz/corpus/$h" "tests/fuzz/corpus/$h" \
    >"build-fuzz/logs/$h.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!harnesses[@]}"; do
  h=${harnesses[$i]}
  rc=0
  wait "${pids[$i]}" || rc=$?
  # Fork mode's last status line: "#<runs>: cov: .. oom/timeout/crash: a/b/c time: ..".
  status=$(grep -E '^#[0-9]+: ' "build-fuzz/logs/$h.log" | tail -1 || true)
  runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$status")
  found=$(find build-fuzz/artifacts -name "$h-*" -newer "$stamp" | sort)
  if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
    failed=1
    echo "fuzz.sh: $h FOUND A PROBLEM (exit $rc, ${runs:-?} runs): see build-fuzz/logs/$h.log" >&2
    [ -z "$found" ] || echo "$found" >&2
  else
    echo "fuzz.sh: $h clean, ${runs:-?} runs in ${secs} s"
  fi
done
exit "$failed"
