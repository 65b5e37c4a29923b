#!/usr/bin/env bash
# Times `adcov site` (docs/siting.md) on the shipped siting question, whole
# process: wall time, peak memory (GNU time), candidate sites and candidate
# evaluations. Beside it, in the same run, the baseline a planner would
# otherwise script: one `adcov coverage` of the scenario with one more battery
# per candidate evaluation (timed once on scenario_sited.yaml at the same
# altitude, times the evaluations); the ratio is the product's time over that.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/siting.sh        # BUILD=build, SCENARIO=scenarios/ukraine-west-siting.yaml, ADD=iris_t_slm:3
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SCENARIO=${SCENARIO:-scenarios/ukraine-west-siting.yaml}
ADD=${ADD:-iris_t_slm:3}
ADCOV=$BUILD/adcov
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }

load0=$(load)
/usr/bin/time -f '%e %M' -o "$T/time" "$ADCOV" site "$SCENARIO" --add "$ADD" -o "$T/site" > "$T/stdout"
read -r wall rss_kb < "$T/time"
sites=$(sed -n 's/.*; \([0-9]*\) candidate sites, \([0-9]*\) evaluations/\1/p' "$T/stdout")
evals=$(sed -n 's/.*; \([0-9]*\) candidate sites, \([0-9]*\) evaluations/\2/p' "$T/stdout")
alt=$(sed -n 's/.*covered at \([0-9.]*\) m).*/\1/p' "$T/stdout")

t0=$(now)
"$ADCOV" coverage "$T/site/scenario_sited.yaml" --altitude "$alt" -o "$T/cov" -q >/dev/null
t1=$(now)
one=$(echo "$t1 - $t0" | bc -l)
load1=$(load)

printf '| scenario | --add | candidate sites | evaluations | adcov site (wall) | peak memory | %s x one `adcov coverage` | ratio |\n' "$evals"
printf '|---|---|---|---|---|---|---|---|\n'
awk -v s="$(basename "$SCENARIO" .yaml)" -v a="$ADD" -v n="$sites" -v e="$evals" -v w="$wall" -v m="$rss_kb" -v one="$one" \
  'BEGIN { printf "| %s | %s | %d | %d | %.1f s | %.0f MiB | %.0f s | %.4f |\n", s, a, n, e, w, m / 1024, one * e, w / (one * e) }'
echo "load average before/after: $load0 / $load1 ($(nproc) cores)"
sed -n '2,$p' "$T/stdout" | head -6
