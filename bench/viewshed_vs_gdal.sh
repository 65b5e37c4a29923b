#!/usr/bin/env bash
# Times the product, whole `adcov coverage` processes of a 1-radar and a
# 12-radar scenario, against gdal_viewshed end to end (process start, DEM
# read, computation, GeoTIFF write) on the same DEM and the same parameters
# (12 sequential gdal_viewshed runs; adcov computes the 12 in one process, in
# parallel); then the engine alone (bench/viewshed_tool). Prints markdown
# tables with ratios measured in this run.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/viewshed_vs_gdal.sh            # BUILD=build by default
#
# Environment: BUILD (build folder), CELL (m, default 30), HALF (m, grid
# half-size, default 50000), REACH (m, default 40000), REPEAT (default 3:
# REPEAT rounds, each running the four cases in turn; the best time of each
# case is reported, with the load average before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TOOL=$BUILD/bench/viewshed_tool
CELL=${CELL:-30}
HALF=${HALF:-50000}
REACH=${REACH:-40000}
REPEAT=${REPEAT:-3}
ANT=20; TZ=50; K=1.3333333333; LON0=22.0; LAT0=40.5
command -v gdal_viewshed >/dev/null || { echo "gdal_viewshed not on PATH" >&2; exit 1; }
[ -x "$TOOL" ] || { echo "$TOOL not built (cmake --build $BUILD --target viewshed_tool)" >&2; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
DEM_DIR=data/dem/srtm3_fixture_greece_not_ukraine

# One DEM for both: the SRTM3 mosaic on the LAEA grid, voids filled.
"$TOOL" export $LON0 $LAT0 $HALF $CELL "$T/dem.tif" $DEM_DIR/N40E021.hgt $DEM_DIR/N40E022.hgt >/dev/null
CELLS=$(gdalinfo "$T/dem.tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1*\2/p' | bc)

now() { date +%s.%N; }
secs() { # wall time in seconds of one run of "$@"
  local t0; t0=$(now); "$@" >/dev/null 2>&1; local t1; t1=$(now); echo "$t1 - $t0" | bc -l; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

# Observer positions: the same as viewshed_tool's (centre, then a ring at HALF/3), snapped to cell centres.
pos() { awk -v i="$1" -v n="$2" -v h="$HALF" -v c="$CELL" 'BEGIN {
  if (i == 0) { x = 0; y = 0 } else { a = 2 * atan2(0, -1) * (i - 1) / (n > 1 ? n - 1 : 1); x = h / 3 * cos(a); y = h / 3 * sin(a) }
  x0 = -h; y0 = h;  # grid edges (multiples of the cell size)
  col = int((x - x0) / c); row = int((y0 - y) / c); if (x - x0 < 0) col--; if (y0 - y < 0) row--;
  printf "%.3f %.3f", x0 + (col + 0.5) * c, y0 - (row + 0.5) * c }'; }

# Positions and -cc computed before timing: only gdal_viewshed itself is timed.
CC=$(echo "1/$K" | bc -l)
for n in 1 12; do for i in $(seq 0 $((n - 1))); do pos "$i" "$n"; echo; done >"$T/pos_$n"; done
gdal_n() { # N sequential gdal_viewshed runs
  local i=0 x y; while read -r x y; do
    gdal_viewshed -q -oz $ANT -tz $TZ -md $REACH -cc "$CC" -ox "$x" -oy "$y" "$T/dem.tif" "$T/gv_$i.tif"
    i=$((i + 1))
  done <"$T/pos_$1"; }
adcov_n() { "$TOOL" run "$T/dem.tif" $LON0 $LAT0 $HALF $CELL "$1" $ANT $REACH $TZ $K "$T/adcov_$1.tif"; }

# The product: a scenario of N radars on the same DEM, timed as `adcov coverage` (whole process: scenario,
# terrain, visibility, the coverage map at TZ, every output file). Radar positions as above, in lon/lat; the
# region is a lon/lat box centred on (LON0, LAT0), so adcov's LAEA projection is the DEM's own. Its cells
# are the DEM's, and the DEM is read as it is, when HALF is a multiple of CELL; otherwise (the defaults:
# 50000 m and 30 or 90 m) adcov's cell edges, at multiples of CELL, lie part of a cell from the DEM's and
# it resamples the DEM bilinearly (measured: the same times either way). min_elevation -90: gdal_viewshed
# has no elevation floor.
ADCOV=${ADCOV:-$BUILD/adcov}
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
scenario() { # N -> $T/scen_N.yaml
  local d; d=$(echo "0.9 * $HALF / 111194.93" | bc -l)
  local e; e=$(awk -v d="$d" -v l="$LAT0" 'BEGIN { print d / cos(l * atan2(0, -1) / 180) }')
  {
    echo "name: vs$1"
    echo "terrain: { dem: $T/dem.tif }"
    echo "region: { bbox: [$(echo "$LON0 - $e" | bc -l), $(echo "$LAT0 - $d" | bc -l), $(echo "$LON0 + $e" | bc -l), $(echo "$LAT0 + $d" | bc -l)] }"
    echo "resolution_m: $CELL"
    echo "earth: { k_factor: $K }"
    echo "systems:"
    echo "  vs_radar: { name: viewshed radar, radar: { range_km: $(echo "$REACH / 1000" | bc -l), height_m: $ANT, min_elevation_deg: -90 },"
    echo "              engagement: { max_range_km: $(echo "$REACH / 1000" | bc -l), max_alt_m: 100000 }, interceptor: { speed_mps: 1000 },"
    echo "              magazine: 1, pk: { drone: 1 } }"
    echo "coverage: { altitudes_m: [$TZ], floor: false, hillshade: false }"
    echo "batteries:"
    local i=0 x y lon lat
    while read -r x y; do
      read -r lon lat _ < <(echo "$x $y" | gdaltransform -s_srs "+proj=laea +lat_0=$LAT0 +lon_0=$LON0 +R=6371000" -t_srs EPSG:4326)
      echo "  - { id: r$i, system: vs_radar, position: [$lon, $lat] }"
      i=$((i + 1))
    done <"$T/pos_$1"
  } >"$T/scen_$1.yaml"
}
scenario 1; scenario 12
product_n() { "$ADCOV" coverage "$T/scen_$1.yaml" -o "$T/prod_$1" -q; }
for n in 1 12; do  # a failing scenario would be timed as a fast one: run each once, loudly, first
  "$ADCOV" coverage "$T/scen_$n.yaml" -o "$T/prod_$n" -q >"$T/prod_$n.out" || { cat "$T/scen_$n.yaml" >&2; exit 1; }
done
grep -h "^ *$TZ m" "$T/prod_1.out" "$T/prod_12.out" >&2 || true
P1=""; P12=""

# The four commands take turns, REPEAT rounds, and the best of each is kept:
# a burst of load from elsewhere hits both tools alike.
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
G1=""; A1=""; G12=""; A12=""
for _ in $(seq "$REPEAT"); do
  G1=$(min "$G1" "$(secs gdal_n 1)"); A1=$(min "$A1" "$(secs adcov_n 1)")
  G12=$(min "$G12" "$(secs gdal_n 12)"); A12=$(min "$A12" "$(secs adcov_n 12)")
  P1=$(min "$P1" "$(secs product_n 1)"); P12=$(min "$P12" "$(secs product_n 12)")
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "DEM: SRTM3 N40E021+N40E022 on LAEA, ${CELL} m cells, $CELLS cells; reach ${REACH} m; $(nproc) cores; $(gdalinfo --version)"
echo "Outputs: gdal_viewshed one Byte GeoTIFF per radar (255 visible / 0), adcov one Byte GeoTIFF of counts; both uncompressed."
echo "Best of $REPEAT interleaved rounds; load average before: $LOAD0, after: $LOAD1"
echo
echo "The product, whole \`adcov coverage\` process (all its outputs: GeoTIFF, PNG map, GeoJSON, KML, summary.json):"
echo
echo "| radars | gdal_viewshed (s) | adcov coverage (s) | ratio (adcov / gdal) | target |"
echo "|---|---|---|---|---|"
printf "| 1 | %.3f | %.3f | %.2fx | <= 1.0x |\n" "$G1" "$P1" "$(echo "$P1 / $G1" | bc -l)"
printf "| 12 | %.3f | %.3f | %.2fx | <= 0.25x |\n" "$G12" "$P12" "$(echo "$P12 / $G12" | bc -l)"
echo
echo "The engine alone (bench/viewshed_tool: DEM read, sweeps, one Byte GeoTIFF of counts):"
echo
echo "| radars | gdal_viewshed (s) | adcov (s) | speed-up |"
echo "|---|---|---|---|"
printf "| 1 | %.3f | %.3f | %.2fx |\n" "$G1" "$A1" "$(echo "$G1 / $A1" | bc -l)"
printf "| 12 | %.3f | %.3f | %.2fx |\n" "$G12" "$A12" "$(echo "$G12 / $A12" | bc -l)"
