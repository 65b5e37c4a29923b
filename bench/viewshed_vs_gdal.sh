#!/usr/bin/env bash
# Times the product, whole `adcov coverage` processes of a 1-radar and a
# 12-radar scenario, against gdal_viewshed end to end (process start, DEM
# read, computation, GeoTIFF write) on the same DEM and the same parameters
# (12 sequential gdal_viewshed runs; adcov computes the 12 in one process, in
# parallel): on the SRTM3 fixture tiles warped to UTM (issue 14's test), and
# on the same tiles already on adcov's own grid. Then the engine alone
# (bench/viewshed_tool, on adcov's grid). Prints markdown tables with ratios
# measured in this run.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j
#   bench/viewshed_vs_gdal.sh            # BUILD=build by default
#
# Environment: BUILD (build folder), CELL (m, default 30), HALF (m, grid
# half-size, default 50000), REACH (m, default 40000), REPEAT (default 3:
# REPEAT rounds, each running the eight cases in turn; the best time of each
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

# The product: a scenario of N radars, timed as `adcov coverage` (whole process: scenario, terrain,
# visibility, the coverage map at TZ, every output file), on two DEMs of the same tiles:
#  - utm: the tiles warped to UTM zone 34N (EPSG:32634) at CELL m by gdalwarp, as issue 14 sets the test
#    (a user's projected DEM: adcov resamples it onto its own LAEA grid);
#  - grid: the DEM above, already on adcov's grid (its LAEA projection is the region's, centred on
#    (LON0, LAT0), and its cell edges are multiples of CELL, as adcov's), so adcov reads it as it is.
# The radars stand at the same lon/lat on both (the positions above, unprojected); gdal_viewshed gets
# them in the DEM's CRS. The region is a lon/lat box centred on (LON0, LAT0), inside both DEMs.
# min_elevation -90: gdal_viewshed has no elevation floor.
ADCOV=${ADCOV:-$BUILD/adcov}
[ -x "$ADCOV" ] || { echo "$ADCOV not built" >&2; exit 1; }
UTM=EPSG:32634
LAEA="+proj=laea +lat_0=$LAT0 +lon_0=$LON0 +R=6371000"
read -r UX UY _ < <(echo "$LON0 $LAT0" | gdaltransform -s_srs EPSG:4326 -t_srs $UTM)
gdalwarp -q -t_srs $UTM -tr "$CELL" "$CELL" -r bilinear -te "$(echo "$UX - $HALF" | bc -l)" "$(echo "$UY - $HALF" | bc -l)" \
  "$(echo "$UX + $HALF" | bc -l)" "$(echo "$UY + $HALF" | bc -l)" $DEM_DIR/N40E021.hgt $DEM_DIR/N40E022.hgt "$T/utm.tif"
for n in 1 12; do
  gdaltransform -s_srs "$LAEA" -t_srs EPSG:4326 <"$T/pos_$n" | cut -d' ' -f1,2 >"$T/lonlat_$n"
  gdaltransform -s_srs EPSG:4326 -t_srs $UTM <"$T/lonlat_$n" | cut -d' ' -f1,2 >"$T/pos_utm_$n"
done
scenario() { # N DEM -> $T/scen_DEM_N.yaml
  local d; d=$(echo "0.9 * $HALF / 111194.93" | bc -l)
  local e; e=$(awk -v d="$d" -v l="$LAT0" 'BEGIN { print d / cos(l * atan2(0, -1) / 180) }')
  {
    echo "name: vs$1"
    echo "terrain: { dem: $T/$2.tif }"
    echo "region: { bbox: [$(echo "$LON0 - $e" | bc -l), $(echo "$LAT0 - $d" | bc -l), $(echo "$LON0 + $e" | bc -l), $(echo "$LAT0 + $d" | bc -l)] }"
    echo "resolution_m: $CELL"
    echo "earth: { k_factor: $K }"
    echo "systems:"
    echo "  vs_radar: { name: viewshed radar, radar: { range_km: $(echo "$REACH / 1000" | bc -l), height_m: $ANT, min_elevation_deg: -90 },"
    echo "              engagement: { max_range_km: $(echo "$REACH / 1000" | bc -l), max_alt_m: 100000 }, interceptor: { speed_mps: 1000 },"
    echo "              magazine: 1, pk: { drone: 1 } }"
    echo "coverage: { altitudes_m: [$TZ], floor: false, hillshade: false }"
    echo "batteries:"
    local i=0 lon lat
    while read -r lon lat; do
      echo "  - { id: r$i, system: vs_radar, position: [$lon, $lat] }"
      i=$((i + 1))
    done <"$T/lonlat_$1"
  } >"$T/scen_$2_$1.yaml"
}
for n in 1 12; do scenario $n utm; scenario $n dem; done
product_n() { "$ADCOV" coverage "$T/scen_$2_$1.yaml" -o "$T/prod_$2_$1" -q; }
gdal_utm_n() { # N sequential gdal_viewshed runs on the UTM DEM
  local i=0 x y; while read -r x y; do
    gdal_viewshed -q -oz $ANT -tz $TZ -md $REACH -cc "$CC" -ox "$x" -oy "$y" "$T/utm.tif" "$T/gvu_$i.tif"
    i=$((i + 1))
  done <"$T/pos_utm_$1"; }
for n in 1 12; do  # a failing scenario would be timed as a fast one: run each once, loudly, first
  for dem in utm dem; do
    "$ADCOV" coverage "$T/scen_${dem}_$n.yaml" -o "$T/prod_${dem}_$n" -q >"$T/prod_${dem}_$n.out" ||
      { cat "$T/scen_${dem}_$n.yaml" >&2; exit 1; }
  done
done
grep -h "^ *$TZ m" "$T"/prod_*.out >&2 || true

# The eight commands take turns, REPEAT rounds, and the best of each is kept:
# a burst of load from elsewhere hits both tools alike.
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
G1=""; A1=""; G12=""; A12=""; GU1=""; GU12=""; PU1=""; PU12=""; P1=""; P12=""
for _ in $(seq "$REPEAT"); do
  G1=$(min "$G1" "$(secs gdal_n 1)"); A1=$(min "$A1" "$(secs adcov_n 1)")
  G12=$(min "$G12" "$(secs gdal_n 12)"); A12=$(min "$A12" "$(secs adcov_n 12)")
  P1=$(min "$P1" "$(secs product_n 1 dem)"); P12=$(min "$P12" "$(secs product_n 12 dem)")
  GU1=$(min "$GU1" "$(secs gdal_utm_n 1)"); PU1=$(min "$PU1" "$(secs product_n 1 utm)")
  GU12=$(min "$GU12" "$(secs gdal_utm_n 12)"); PU12=$(min "$PU12" "$(secs product_n 12 utm)")
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "DEM: SRTM3 N40E021+N40E022 on adcov's LAEA grid, ${CELL} m cells, $CELLS cells (and warped to UTM 34N, below); reach ${REACH} m; $(nproc) cores; $(gdalinfo --version)"
echo "Outputs: gdal_viewshed one Byte GeoTIFF per radar (255 visible / 0), adcov one Byte GeoTIFF of counts; both uncompressed."
echo "Best of $REPEAT interleaved rounds; load average before: $LOAD0, after: $LOAD1"
echo
UCELLS=$(gdalinfo "$T/utm.tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)/\1*\2/p' | bc)
echo "The product, whole \`adcov coverage\` process (all its outputs: GeoTIFF, PNG map, GeoJSON, KML, summary.json),"
echo "on the tiles warped to UTM 34N by gdalwarp ($UCELLS cells; issue 14's test) and on the DEM already on adcov's grid:"
echo
echo "| radars | DEM | gdal_viewshed (s) | adcov coverage (s) | ratio (adcov / gdal) | target |"
echo "|---|---|---|---|---|---|"
printf "| 1 | UTM | %.3f | %.3f | %.2fx | <= 1.0x |\n" "$GU1" "$PU1" "$(echo "$PU1 / $GU1" | bc -l)"
printf "| 12 | UTM | %.3f | %.3f | %.2fx | <= 0.25x |\n" "$GU12" "$PU12" "$(echo "$PU12 / $GU12" | bc -l)"
printf "| 1 | on adcov's grid | %.3f | %.3f | %.2fx | |\n" "$G1" "$P1" "$(echo "$P1 / $G1" | bc -l)"
printf "| 12 | on adcov's grid | %.3f | %.3f | %.2fx | |\n" "$G12" "$P12" "$(echo "$P12 / $G12" | bc -l)"
echo
echo "The engine alone (bench/viewshed_tool: DEM read, sweeps, one Byte GeoTIFF of counts):"
echo
echo "| radars | gdal_viewshed (s) | adcov (s) | speed-up |"
echo "|---|---|---|---|"
printf "| 1 | %.3f | %.3f | %.2fx |\n" "$G1" "$A1" "$(echo "$G1 / $A1" | bc -l)"
printf "| 12 | %.3f | %.3f | %.2fx |\n" "$G12" "$A12" "$(echo "$G12 / $A12" | bc -l)"
