#pragma once
/// \file
/// An up-front estimate of the peak memory a scenario needs (docs/commands.md,
/// "Memory check"), computed from the scenario alone: the grid is sized the
/// way load_scenario_terrain() sizes it, without allocating it and without
/// opening the DEM (so it is an upper bound: the real grid may be clipped to
/// the DEM's extent).

#include <cstdint>

#include "adcov/model/scenario.hpp"

namespace adcov::coverage {

/// Bytes per grid cell of the arrays a run holds at once: terrain (float 4),
/// cells outside the DEM (1, with a DEM), region mask (1), protect mask (1,
/// with protect:), a count and operator-group bits per altitude
/// (count_bytes + 1 each; count_bytes more with detection maps), the floor (float 4, with floor:
/// true), the one output raster being written (4), the RGBA map image of the
/// cells (4), GDAL's write buffers (4) and, for each threat type a `route:
/// least_exposure` salvo flies, its exposure field (12). An upper bound: the
/// maps cover only the grid's window over the region, and `adcov coverage`
/// holds one window per thread (docs/coverage.md, "Memory"). Measured: a
/// flat 2860 x 2675 grid (3 altitudes, floor) peaked at 248.5 MiB RSS in
/// `adcov coverage`, 75 MiB of it the base below, i.e. 24 bytes per cell
/// against the 27 counted then.
double bytes_per_cell(const model::Scenario& s);

/// Bytes of one cell's count of batteries or sensors (CountMap): 1 for up to
/// 255 batteries, else 2.
double count_bytes(const model::Scenario& s);

/// Bytes per trial: its row (TrialOutcome, 32) and its line of trials.csv (64).
inline constexpr double kBytesPerTrial = 96;
/// Bytes per trial and battery: when its magazine emptied (a float, for
/// engagement.by_battery's median).
inline constexpr double kBytesPerTrialBattery = 4;
/// Bytes per trial and salvo: its counts (12) and autonomous-rerun
/// interceptions (4), and, while the rates are summarised, the per-trial
/// counts of up to three groups holding it (salvo, threat type, class: 3 x 24).
inline constexpr double kBytesPerTrialSalvo = 16 + 3 * 24;
/// Bytes per threat launched in one trial: its plan entry (16) and, on each
/// of up to 4 worker threads, its battle state (48) and events (16).
/// Measured: 10^6 threats, 1 trial (one worker) added 59 MiB, 62 bytes each.
inline constexpr double kBytesPerThreat = 16 + 4 * (48 + 16);
/// Bytes per DEM pixel that geo::load_terrain reads under the grid: its
/// Float32 height, and the void filling's tile and to-do bytes
/// (src/geo/terrain.cpp, fill_voids). Held with the terrain's own cells
/// while the terrain loads, freed before anything else is.
inline constexpr double kBytesPerDemWindowPixel = 4 + 2;
/// Bytes per sweep point kept until the end (values, rates, row of sweep.csv).
inline constexpr double kBytesPerSweepPoint = 512;
/// What the process holds whatever the scenario: code, libraries, GDAL's and
/// the map renderer's buffers (two maps drawn at once). Measured: 103 MiB RSS
/// for `adcov coverage` of the national baseline on a 20 km grid (7 maps),
/// 95 MiB for the Kyiv raid on the same grid.
inline constexpr double kBaseBytes = 110.0 * 1024 * 1024;

struct MemoryEstimate {
  // Doubles: a 10^12-cell grid must be representable, not overflow.
  double grid_width = 0, grid_height = 0;  ///< cells
  double grid_cells = 0;
  double resolution_m = 0;  ///< of the grid counted (a swept value may differ from the file's)
  double bytes_per_cell = 0;
  double grid_bytes = 0;     ///< grid_cells * bytes_per_cell
  double window_bytes = 0;   ///< every battery's visibility window (float per cell within its reach)
  double trials = 0;
  double trial_bytes = 0;    ///< trials * (kBytesPerTrial + batteries * kBytesPerTrialBattery + salvos * kBytesPerTrialSalvo)
  double threats = 0;        ///< threats launched per trial (sum of the salvos' counts)
  double threat_bytes = 0;   ///< threats * kBytesPerThreat
  /// estimate_coverage_memory only (0 otherwise): the grid's window over the
  /// region, where `adcov coverage` holds its maps (the grid above is then
  /// the terrain alone), and what each of its cells holds when the maps are
  /// finished: region (and protect) mask and floor.
  double map_cells = 0;
  double map_bytes_per_cell = 0;
  double map_bytes = 0;
  /// estimate_coverage_memory only: the 4 KiB pages of the count, group,
  /// detection and floor-key arrays under the batteries' map reach (the
  /// folds write no other; the rest stays unbacked).
  double reached_bytes = 0;
  double mask_bytes = 0;  ///< estimate_coverage_memory only: the region (and protect) masks
  /// estimate_coverage_memory only: the map files being written at once
  /// (polygon classes and the tracer's marks where the batteries reach, and
  /// GDAL's block cache).
  double writer_bytes = 0;
  /// estimate_coverage_memory only: the two phases, whose larger is counted.
  /// Folding: terrain, masks, reached pages, windows; writing (the terrain
  /// freed): masks and floor, reached pages, files being written.
  double fold_bytes = 0;
  double write_bytes = 0;
  double sweep_points = 0;   ///< 0 without a sweep (or when not asked for)
  double sweep_bytes = 0;    ///< sweep_points * kBytesPerSweepPoint
  /// The DEM read at its own resolution under the grid while the terrain
  /// loads (geo::dem_window_pixels; 0 for flat ground), which is freed
  /// before the windows, trials and threats are held: the larger counts.
  /// A DEM much finer than the grid (Copernicus GLO-30 under a 100 m grid)
  /// makes it the largest part.
  double dem_window_pixels = 0;
  double dem_window_bytes = 0;  ///< dem_window_pixels * kBytesPerDemWindowPixel
  /// estimate_coverage_memory only: the phase before folding, the terrain's
  /// cells and that DEM window.
  double load_bytes = 0;
  double base_bytes = kBaseBytes;
  double total_bytes = 0;    ///< the sum of the parts
};

/// The estimate for `s` as it stands (apply command-line overrides such as
/// --resolution or --trials to `s` first). With `sweep`, the sweep's points
/// are counted and each sweep value is applied in turn: the grid, window,
/// trial and threat parts are the largest any value gives.
MemoryEstimate estimate_memory(const model::Scenario& s, bool sweep = false);

/// Terrain bytes per grid cell: heights (float 4) and, with a DEM, the
/// cells outside it (1).
double terrain_bytes_per_cell(const model::Scenario& s);

/// Bytes per reached map cell (reached_bytes of a byte array) of one map
/// file being written: its polygon classes (1) and the polygon tracer's
/// corner marks (1, geo::class_patches), both written only where a class is
/// (their other pages stay unbacked; the tracer's row runs and rings grow
/// with the boundaries, not the cells).
inline constexpr double kWriterBytesPerCell = 2;
/// Bytes per map cell of one GeoTIFF being written: it is masked a band of
/// 256 rows at a time (geo::write_geotiff_rows), so no full-grid copy, but
/// its overviews are held until the base is written, a fifteenth of the
/// raster (4 / 15 B a cell for the floor's Float32), and a band is 256 rows.
/// Measured: a flat 192 M-cell grid peaked at 1.05 GiB, estimated 1.16 GiB.
inline constexpr double kWriterDenseBytesPerCell = 0.3;

/// `adcov coverage`'s estimate (docs/commands.md, "Memory check"): without
/// least-exposure routes its terrain grid is TerrainExtent::region's, it
/// folds each battery's window into the maps and frees it
/// (coverage::CoverageOptions::keep_windows = false), and it frees the
/// terrain before it finishes the maps (run/scenario_run.cpp). The largest of
/// three phases: loading (terrain and the DEM window), folding (terrain,
/// region mask, the map pages the batteries
/// reach, the `threads` largest windows at their map reach) and writing
/// (region mask and floor, the same pages, up to `threads` map files and
/// GDAL's block cache, geo::block_cache_bytes(), but no more than those
/// files' rasters and overviews). With routes it is estimate_memory().
/// Measured with 2 threads, the national baseline: at 100 m 1.17 GiB RSS
/// (estimated 2.0 GiB), at 30 m 10.3 GiB (estimated 17.1 GiB).
MemoryEstimate estimate_coverage_memory(const model::Scenario& s, int threads);

}  // namespace adcov::coverage
