#!/usr/bin/env bash
# Times least-exposure route planning on the Kyiv raid (issue 16): the
# planning stage alone (`adcov bench`, row "least-exposure routes"), and the
# whole `adcov run` of scenarios/kyiv-least-exposure.yaml beside the same
# raid on drawn routes (scenarios/kyiv-night-raid.yaml), in the same run and
# with the same trials: the ratio is what planning the routes adds to a run.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/routes.sh                     # BUILD=build, TRIALS=1000
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TRIALS=${TRIALS:-1000}
ADCOV=$BUILD/adcov
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

load0=$(cut -d' ' -f1 /proc/loadavg)
"$ADCOV" bench scenarios/kyiv-least-exposure.yaml --trials 20 > "$T/bench"
routes=$(awk '/least-exposure routes/ { print $3 " s for " $4 " routes (salvo x target)" }' "$T/bench")
timed() { /usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null; cat "$T/time"; }
read -r planned_s planned_kb < <(timed "$ADCOV" run scenarios/kyiv-least-exposure.yaml -o "$T/le" --trials "$TRIALS" -q)
read -r drawn_s drawn_kb < <(timed "$ADCOV" run scenarios/kyiv-night-raid.yaml -o "$T/dr" --trials "$TRIALS" -q)
load1=$(cut -d' ' -f1 /proc/loadavg)

echo "Kyiv raid, $(nproc) cores, $TRIALS trials; load average $load0 before, $load1 after"
echo "Planning alone (adcov bench): $routes"
echo
echo "| whole \`adcov run\` | wall (s) | peak RSS (MiB) |"
echo "|---|---|---|"
printf "| kyiv-night-raid (drawn routes, baseline) | %.2f | %.0f |\n" "$drawn_s" "$(echo "$drawn_kb / 1024" | bc -l)"
printf "| kyiv-least-exposure (planned routes) | %.2f | %.0f |\n" "$planned_s" "$(echo "$planned_kb / 1024" | bc -l)"
printf "| ratio | %.2fx | |\n" "$(echo "$planned_s / $drawn_s" | bc -l)"
