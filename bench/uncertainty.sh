#!/usr/bin/env bash
# Times `adcov uncertainty` on the Kyiv night raid (parameters: library, the
# scenario's own samples and trials), whole process: wall time, peak memory,
# model runs and time per run. Beside it, in the same run, the baseline a
# planner would otherwise script: one `adcov simulate` process per model run
# (timed once with the same trials, times the number of runs); the ratio is
# the product's time over that.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/uncertainty.sh                 # BUILD=build, SCENARIO=scenarios/kyiv-night-raid.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SCENARIO=${SCENARIO:-scenarios/kyiv-night-raid.yaml}
ADCOV=$BUILD/adcov
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }

load0=$(load)
/usr/bin/time -f '%e %M' -o "$T/time" "$ADCOV" uncertainty "$SCENARIO" -o "$T/unc" -q > "$T/stdout"
read -r wall rss_kb < "$T/time"
runs=$(($(wc -l < "$T/unc/uncertainty.csv") - 1))
params=$(sed -n 's/.*(\([0-9]*\) model runs of \([0-9]*\) trials, \([0-9]*\) parameters).*/\3/p' "$T/stdout")
trials=$(sed -n 's/.*model runs of \([0-9]*\) trials.*/\1/p' "$T/stdout")

t0=$(now)
"$ADCOV" simulate "$SCENARIO" -o "$T/sim" --trials "$trials" -q >/dev/null
t1=$(now)
one=$(echo "$t1 - $t0" | bc -l)
load1=$(load)

printf '| scenario | parameters | model runs x trials | adcov uncertainty (wall) | peak memory | per run | %s x one `adcov simulate --trials %s` | ratio |\n' "$runs" "$trials"
printf '|---|---|---|---|---|---|---|---|\n'
awk -v s="$(basename "$SCENARIO" .yaml)" -v k="$params" -v r="$runs" -v tr="$trials" -v w="$wall" -v m="$rss_kb" -v one="$one" \
  'BEGIN { printf "| %s | %d | %d x %d | %.1f s | %.0f MiB | %.3f s | %.0f s | %.2f |\n", s, k, r, tr, w, m / 1024, w / r, one * r, w / (one * r) }'
echo "load average before/after: $load0 / $load1 ($(nproc) cores)"
head -1 "$T/stdout"
