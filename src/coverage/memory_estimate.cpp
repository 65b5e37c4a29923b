// The up-front memory estimate (docs/commands.md, "Memory check"). The grid is
// sized as load_scenario_terrain() sizes it (coverage_map.cpp: the region's
// projected box grown by each battery's reach, or for `coverage` by a few
// cells and the batteries' cells, snapped to resolution_m), but in doubles
// and without the DEM clip, so it never allocates and never
// overflows. The per-cell and per-item figures are what the pipeline holds
// today (coverage_map.cpp, terrain.cpp, visibility.cpp, simulation.cpp).
#include "adcov/coverage/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <vector>
#include <string>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/engageability.hpp"
#include "adcov/error.hpp"
#include "adcov/geo/dem_check.hpp"
#include "adcov/geo/grid.hpp"
#include "adcov/geo/raster_writer.hpp"
#include "adcov/model/scenario_loader.hpp"

namespace adcov::coverage {

double count_bytes(const model::Scenario& s) {
  return CountMap(0, s.batteries.size()).wide() ? 2.0 : 1.0;  // as the maps size them (coverage_map.cpp)
}

double bytes_per_cell(const model::Scenario& s) {
  double b = 4;                                    // terrain heights (float)
  if (!s.terrain.flat_m) b += 1;                   // cells outside the DEM
  b += 1;                                          // region mask
  if (s.region.protect) b += 1;                    // protect mask
  const double count = count_bytes(s);
  b += (count + 1) * static_cast<double>(s.coverage.altitudes_m.size());  // counts and group bits (1) per altitude
  if (wants_detection_maps(s)) b += count * static_cast<double>(s.coverage.altitudes_m.size());  // detection counts
  if (s.coverage.floor) b += 4;                    // floor (float)
  b += 4;                                          // the output raster being written
  b += 4;                                          // the RGBA map image of the cells
  b += 4;                                          // GDAL's write buffers
  // Least-exposure routes (engage/exposure.hpp): a rate (float) and a zone set (8 bytes) per cell for each
  // threat type a least_exposure salvo flies, held together while the routes are planned.
  std::set<std::string> routed;
  for (const model::Salvo& v : s.salvos)
    if (v.route_kind == model::RouteKind::least_exposure) routed.insert(v.threat);
  b += 12.0 * static_cast<double>(routed.size());
  return b;
}

double terrain_bytes_per_cell(const model::Scenario& s) { return s.terrain.flat_m ? 4.0 : 5.0; }

namespace {

// make_grid_xy(), in doubles: the cells of `box` snapped to `cell` (and
// the grid's west and north edges, when asked).
void grid_of(const geo::ProjectedBox& box, double cell, double& width, double& height, double* x0_m = nullptr,
             double* y0_m = nullptr) {
  if (cell > 0 && std::isfinite(cell)) {
    const double x0 = std::floor(box.xmin_m / cell) * cell, y0 = std::ceil(box.ymax_m / cell) * cell;
    width = std::max(1.0, std::ceil((box.xmax_m - x0) / cell - 1e-9));
    height = std::max(1.0, std::ceil((y0 - box.ymin_m) / cell - 1e-9));
    if (x0_m) *x0_m = x0;
    if (y0_m) *y0_m = y0;
  } else {
    width = height = HUGE_VAL;
  }
}

MemoryEstimate estimate_one(const model::Scenario& s) {
  MemoryEstimate e;
  const double cell = s.resolution_m;
  for (const model::Battery& b : s.batteries) {
    if (!s.systems.count(b.system)) continue;
    // Its window: the cells within reach (a square of side 2 reach + 1 cell), at most the grid.
    const double side = std::ceil(2.0 * battery_reach_m(s, model::effective_system(s, b)) / cell) + 1;
    e.window_bytes += 4.0 * side * side;
  }
  grid_of(scenario_terrain_box(s, TerrainExtent::reach), cell, e.grid_width, e.grid_height);
  e.grid_cells = e.grid_width * e.grid_height;
  e.resolution_m = cell;
  e.bytes_per_cell = bytes_per_cell(s);
  e.grid_bytes = e.grid_cells * e.bytes_per_cell;
  e.window_bytes = std::min(e.window_bytes, e.grid_cells * 4.0 * static_cast<double>(s.batteries.size()));
  e.trials = s.simulation.trials;
  e.trial_bytes = e.trials * (kBytesPerTrial + kBytesPerTrialBattery * static_cast<double>(s.batteries.size()) +
                              kBytesPerTrialSalvo * static_cast<double>(s.salvos.size()));
  for (const model::Salvo& v : s.salvos) e.threats += v.count;
  e.threat_bytes = e.threats * kBytesPerThreat;
  return e;
}

// The DEM window for e's grid (its cells at e.resolution_m).
void add_dem_window(const model::Scenario& s, MemoryEstimate& e) {
  if (s.terrain.flat_m || s.terrain.dem_files.empty()) return;
  try {
    e.dem_window_pixels = geo::dem_window_pixels(s.terrain.dem_files, e.grid_cells * e.resolution_m * e.resolution_m,
                                                 scenario_projection(s).origin.lat_deg);
  } catch (const InputError&) {
    return;  // the terrain check reports it, with the scenario's line
  }
  e.dem_window_bytes = e.dem_window_pixels * kBytesPerDemWindowPixel;
}

// estimate_memory's total (estimate_coverage_memory counts its three phases).
void add_up(MemoryEstimate& e) {
  // The DEM window is freed once the terrain is on the grid, before the rest.
  e.total_bytes = e.base_bytes + e.grid_bytes +
                  std::max(e.dem_window_bytes, e.window_bytes + e.trial_bytes + e.threat_bytes) + e.sweep_bytes;
}

// The region's window of the grid (coverage_map.cpp, region_crop: the
// region's projected box and a cell and 100 m on each side): the maps' grid.
struct MapWindow {
  geo::Laea projection;
  double x0_m = 0, y0_m = 0, cell_m = 0, width = 0, height = 0;  // edges and cell (m), cells
};

MapWindow map_window(const model::Scenario& s) {
  const geo::LonLatBox& bb = s.region.bbox;
  MapWindow m;
  m.projection = scenario_projection(s);
  geo::ProjectedBox box = geo::projected_box(m.projection, bb.west, bb.south, bb.east, bb.north);
  const double pad = s.resolution_m + 100;
  box.xmin_m -= pad, box.xmax_m += pad, box.ymin_m -= pad, box.ymax_m += pad;
  m.cell_m = s.resolution_m;
  grid_of(box, s.resolution_m, m.width, m.height, &m.x0_m, &m.y0_m);
  return m;
}

// A battery on the maps: its centre (column, row, fractional) and its map
// reach (map_window_reach_m), which its window and the cells it writes
// reach no farther than.
struct Disc {
  double col = 0, row = 0, reach_m = 0;
};

std::vector<Disc> map_discs(const model::Scenario& s, const MapWindow& m) {
  std::vector<Disc> discs;
  for (const model::Battery& b : s.batteries) {
    if (!s.systems.count(b.system)) continue;
    const geo::XY p = geo::project(m.projection, b.position);
    discs.push_back({(p.x_m - m.x0_m) / m.cell_m, (m.y0_m - p.y_m) / m.cell_m,
                     map_window_reach_m(s, model::effective_system(s, b), m.cell_m)});
  }
  return discs;
}

// The bytes of a map array of `cell_bytes` a cell that the folds can write:
// the 4 KiB pages under the batteries' discs (a cell no battery reaches is
// never written, and its page stays unbacked: geo::ZeroedVector), at most
// the whole array. Pages marked in a bitmap of at most 2^24 pages (64 GiB
// of map), with at most 2^27 rows and pages visited (a fraction of a
// second); past either, the whole array.
double reached_bytes(const MapWindow& m, const std::vector<Disc>& discs, double cell_bytes) {
  constexpr double kPage = 4096;
  const double whole = m.width * m.height * cell_bytes;
  if (discs.empty()) return 0;
  const auto radius = [&](const Disc& d) { return d.reach_m / m.cell_m + 1; };  // cells, a cell wider
  double work = 0;  // rows visited and pages marked, at most
  for (const Disc& d : discs) {
    const double side = 2 * radius(d) + 2;
    work += std::min(m.height, side) * (2 + std::min(m.width, side) * cell_bytes / kPage);
  }
  if (!(whole / kPage <= double(1 << 24)) || !(work <= double(1 << 27))) return whole;
  std::vector<bool> hit(static_cast<std::size_t>(std::ceil(whole / kPage)));
  for (const Disc& d : discs) {
    const double rad = radius(d);
    const double r0 = std::max(0.0, std::floor(d.row - rad));
    const double r1 = std::min(m.height - 1, std::ceil(d.row + rad));
    for (double r = r0; r <= r1; ++r) {
      const double dy = r + 0.5 - d.row, half2 = rad * rad - dy * dy;
      if (half2 < 0) continue;
      const double half = std::sqrt(half2);
      const double c0 = std::max(0.0, std::floor(d.col - half)), c1 = std::min(m.width - 1, std::ceil(d.col + half));
      if (c0 > c1) continue;
      const auto p0 = static_cast<std::size_t>((r * m.width + c0) * cell_bytes / kPage);
      const auto p1 = static_cast<std::size_t>(((r * m.width + c1 + 1) * cell_bytes - 1) / kPage);
      for (std::size_t p = p0; p <= p1 && p < hit.size(); ++p) hit[p] = true;
    }
  }
  return std::min(whole, kPage * static_cast<double>(std::count(hit.begin(), hit.end(), true)));
}

// The `n` largest battery windows (float per cell within its map reach, at most the grid).
double largest_windows_bytes(const std::vector<Disc>& discs, int n, double grid_cells, double cell_m) {
  std::vector<double> bytes;
  for (const Disc& d : discs) {
    const double side = std::ceil(2.0 * d.reach_m / cell_m) + 1;
    bytes.push_back(4.0 * std::min(side * side, grid_cells));
  }
  std::sort(bytes.begin(), bytes.end(), std::greater<>());
  double sum = 0;
  for (std::size_t i = 0; i < bytes.size() && i < static_cast<std::size_t>(std::max(1, n)); ++i) sum += bytes[i];
  return sum;
}

}  // namespace

MemoryEstimate estimate_memory(const model::Scenario& s, bool sweep) {
  MemoryEstimate e = estimate_one(s);
  if (sweep && !s.sweep.empty()) {
    e.sweep_points = static_cast<double>(model::sweep_point_count(s));
    e.sweep_bytes = e.sweep_points * kBytesPerSweepPoint;
    // A point may sweep resolution_m, the region, trials or counts: take the
    // largest of each part over the values (one axis at a time; the loader
    // has already checked that every value applies).
    if (s.source && model::sweep_point_count(s) <= model::kMaxSweepPoints)
      for (const model::SweepAxis& axis : s.sweep)
        for (const std::string& v : axis.values) {
          MemoryEstimate one;
          try {
            one = estimate_one(model::apply_sweep_value(s, axis, v));
          } catch (const InputError&) {
            continue;  // validate reports it
          }
          if (one.grid_bytes > e.grid_bytes) {
            e.grid_width = one.grid_width, e.grid_height = one.grid_height, e.grid_cells = one.grid_cells;
            e.resolution_m = one.resolution_m;
            e.bytes_per_cell = one.bytes_per_cell, e.grid_bytes = one.grid_bytes;
          }
          e.window_bytes = std::max(e.window_bytes, one.window_bytes);
          if (one.trial_bytes > e.trial_bytes) e.trials = one.trials, e.trial_bytes = one.trial_bytes;
          if (one.threat_bytes > e.threat_bytes) e.threats = one.threats, e.threat_bytes = one.threat_bytes;
        }
  }
  add_dem_window(s, e);  // under the largest grid the sweep gives
  add_up(e);
  return e;
}

MemoryEstimate estimate_coverage_memory(const model::Scenario& s, int threads) {
  for (const model::Salvo& v : s.salvos)  // routes need every window after the maps (run/scenario_run.cpp)
    if (v.route_kind == model::RouteKind::least_exposure) return estimate_memory(s);
  MemoryEstimate e = estimate_one(s);
  // Its terrain grid reaches the region's cells and the batteries, not their reach (TerrainExtent::region).
  grid_of(scenario_terrain_box(s, TerrainExtent::region), s.resolution_m, e.grid_width, e.grid_height);
  e.grid_cells = e.grid_width * e.grid_height;
  e.bytes_per_cell = terrain_bytes_per_cell(s);
  e.grid_bytes = e.grid_cells * e.bytes_per_cell;
  const MapWindow m = map_window(s);
  e.map_cells = std::min(e.grid_cells, m.width * m.height);
  // Written everywhere: the region (and protect) masks; after the fold, the floor.
  const double masks = s.region.protect ? 2 : 1;
  e.map_bytes_per_cell = masks + (s.coverage.floor ? 4 : 0);
  e.map_bytes = e.map_cells * e.map_bytes_per_cell;
  // Written where the batteries reach: per altitude a count and group bits
  // (and a detection count), and the floor's keys while folding.
  const std::vector<Disc> discs = map_discs(s, m);
  const double altitudes = static_cast<double>(s.coverage.altitudes_m.size());
  const double count = count_bytes(s), byte_pages = reached_bytes(m, discs, 1);
  const double count_pages = count == 1 ? byte_pages : reached_bytes(m, discs, count);
  e.reached_bytes = altitudes * (count_pages + byte_pages) + (wants_detection_maps(s) ? altitudes * count_pages : 0) +
                    (s.coverage.floor ? reached_bytes(m, discs, 4) : 0);
  // Up to `threads` map files are written at once (report/output_job.hpp): one per altitude, detection map, floor.
  const int files = static_cast<int>(s.coverage.altitudes_m.size()) * (wants_detection_maps(s) ? 2 : 1) +
                    (s.coverage.floor ? 1 : 0);
  const int writers = std::min(std::max(1, threads), std::max(1, files));
  // GDAL's block cache holds blocks of the GeoTIFFs open at once, and no more
  // than they hold: 4 bytes a cell at most (the Float32 floor) and a third
  // more for overviews. A small grid never fills the cache (5 % of RAM).
  const double cached = std::min(geo::block_cache_bytes(), e.map_cells * 4.0 * 4.0 / 3.0 * writers);
  e.writer_bytes = (kWriterBytesPerCell * byte_pages + kWriterDenseBytesPerCell * e.map_cells) * writers + cached;
  e.window_bytes = largest_windows_bytes(discs, threads, e.grid_cells, m.cell_m);
  e.trials = 0, e.trial_bytes = 0;  // no trials, no threats flown
  e.threats = 0, e.threat_bytes = 0;
  // Loading the terrain: its cells and the DEM read under them. Folding:
  // terrain, masks, what the batteries reach, windows. Then the terrain goes
  // and the floor comes (run/scenario_run.cpp), and the files are written:
  // the largest of the three.
  e.mask_bytes = e.map_cells * masks;
  add_dem_window(s, e);
  e.load_bytes = e.grid_bytes + e.dem_window_bytes;
  e.fold_bytes = e.grid_bytes + e.mask_bytes + e.reached_bytes + e.window_bytes;
  e.write_bytes = e.map_bytes + e.reached_bytes + e.writer_bytes;
  e.total_bytes = e.base_bytes + std::max({e.load_bytes, e.fold_bytes, e.write_bytes});
  return e;
}

}  // namespace adcov::coverage
