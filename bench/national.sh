#!/usr/bin/env bash
# Theatre scale (issue 14): the national 2025 baseline's coverage at RES metres
# (default 100 and 30), whole `adcov coverage` process (wall, peak RSS), beside
# the baseline GDAL needs merely to put the DEM on the same grid: gdalwarp of
# the ETOPO5 DEM onto the grid adcov writes (the region's window of the LAEA
# grid, read back from floor.tif), bilinear, Float32, DEFLATE, 2 threads,
# timed in the same run. Prints a markdown table with the ratios.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/national.sh                  # BUILD=build, RES="100 30", BUILD_MPI=build-mpi
#   REPEAT=3 RES=100 bench/national.sh # the best of 3 interleaved rounds of each
#
# REPEAT (default 1): rounds, each timing adcov then gdalwarp; the best time
# of each tool is kept (the largest peak RSS), so a burst of load from
# elsewhere, or memory the machine has to fault in afresh, does not decide
# the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
RES=${RES:-100 30}
REPEAT=${REPEAT:-1}
ADCOV=$BUILD/adcov
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
command -v gdalwarp >/dev/null || { echo "gdalwarp not on PATH" >&2; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
DEM=$PWD/data/dem/etopo5_ukraine_10E-50E_38N-60N.tif
load() { cut -d' ' -f1 /proc/loadavg; }

echo "| resolution | grid written | \`adcov coverage\` | peak RSS | gdalwarp, same grid | ratio | load before/after |"
echo "|---|---|---|---|---|---|---|"
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
for res in $RES; do
  sed "s/^resolution_m: .*/resolution_m: $res/; s#\.\./data/#$PWD/data/#" scenarios/ukraine-2025-baseline.yaml > "$T/n.yaml"
  l0=$(load)
  fastest=""; warp=""; rss_kb=0
  for round in $(seq "$REPEAT"); do
    rm -rf "$T/out$res"
    rc=0
    /usr/bin/time -f '%e %M' -o "$T/time" "$ADCOV" coverage "$T/n.yaml" -o "$T/out$res" -q > "$T/stdout" 2> "$T/stderr" || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "| $res m | refused (exit $rc) | $(head -c 300 "$T/stderr" | tr '\n|' ' /') | | | | $l0 |"
      continue 2
    fi
    read -r wall kb < <(tail -1 "$T/time")
    fastest=$(min "$fastest" "$wall"); rss_kb=$((kb > rss_kb ? kb : rss_kb))
    if [ "$round" = 1 ]; then  # the grid adcov wrote, for gdalwarp
      info=$(gdalinfo "$T/out$res/floor.tif")
      size=$(sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1 \2/p' <<<"$info")
      read -r w h <<<"$size"
      x0=$(sed -n 's/^Origin = (\([-0-9.]*\),\([-0-9.]*\))/\1/p' <<<"$info")
      y1=$(sed -n 's/^Origin = (\([-0-9.]*\),\([-0-9.]*\))/\2/p' <<<"$info")
      srs=$(gdalsrsinfo -o proj4 "$T/out$res/floor.tif" | tr -d "'" | grep proj)
      x1=$(echo "$x0 + $w * $res" | bc -l); y0=$(echo "$y1 - $h * $res" | bc -l)
    fi
    rm -rf "$T/out$res"
    t0=$(date +%s.%N)
    gdalwarp -q -overwrite -multi -wo NUM_THREADS=2 -t_srs "$srs" -te "$x0" "$y0" "$x1" "$y1" -tr "$res" "$res" \
      -r bilinear -ot Float32 -co COMPRESS=DEFLATE -co TILED=YES -co NUM_THREADS=2 "$DEM" "$T/warp.tif"
    t1=$(date +%s.%N)
    warp=$(min "$warp" "$(echo "$t1 - $t0" | bc -l)")
    rm -f "$T/warp.tif"
  done
  printf "| %s m | %s x %s = %s M cells | %.1f s | %.2f GB | %.1f s | **%.2fx** | %s / %s |\n" "$res" "$w" "$h" \
    "$(echo "$w * $h / 1000000" | bc)" "$fastest" "$(echo "$rss_kb / 1048576" | bc -l)" "$warp" "$(echo "$fastest / $warp" | bc -l)" \
    "$l0" "$(load)"
done
echo
echo "$(nproc) cores; $(gdalinfo --version); the DEM is ETOPO5 (~9 km), resampled bilinearly in both; best of $REPEAT round(s)."

# With an MPI build (BUILD_MPI, default build-mpi): coverage at 250 m split over 2 ranks of one thread each,
# beside one rank of one thread, whole mpirun process, best of 2; the outputs are compared byte for byte.
BUILD_MPI=${BUILD_MPI:-build-mpi}
if [ -x "$BUILD_MPI/adcov" ] && command -v mpirun >/dev/null; then
  sed "s/^resolution_m: .*/resolution_m: 250/; s#\.\./data/#$PWD/data/#" scenarios/ukraine-2025-baseline.yaml > "$T/m.yaml"
  best() { local b=""; for _ in 1 2; do rm -rf "$T/m$1"; local t0; t0=$(date +%s.%N)
      mpirun --allow-run-as-root --oversubscribe -n "$1" "$BUILD_MPI/adcov" coverage "$T/m.yaml" -o "$T/m$1" -q \
        --threads 1 >/dev/null
      local t; t=$(echo "$(date +%s.%N) - $t0" | bc -l); b=$(awk -v a="$b" -v t="$t" 'BEGIN { print (a == "" || t < a) ? t : a }')
    done; echo "$b"; }
  one=$(best 1); two=$(best 2)
  same=yes; for f in "$T"/m1/*; do cmp -s "$f" "$T/m2/$(basename "$f")" || same=no; done
  printf "\nMPI, 250 m, one thread per rank: -n 1 %.1f s, -n 2 %.1f s, ratio %.2fx (target <= 0.9x); same bytes: %s\n" \
    "$one" "$two" "$(echo "$two / $one" | bc -l)" "$same"
fi
