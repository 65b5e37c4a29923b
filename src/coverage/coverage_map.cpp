// Coverage maps: per-cell battery counts at each altitude, the coverage floor
// and the operator areas (docs/model.md, "Coverage at altitude h", "Coverage floor",
// "Operator contribution").
//
// Each battery's engageable heights over a cell form one interval [lo, hi]
// (engage_interval), so counts at any altitude, the floor (min lo over
// batteries with lo <= hi) and the group shares come from one pass over the
// batteries' windows. Rows are reduced in parallel; every cell is written by
// exactly one task with integer counts and a min, and areas are integer cell
// counts times cell_m^2, so results do not depend on the thread count.
// LAEA is equal-area: every cell covers exactly cell_m^2 of the sphere, so
// km^2 are true at every latitude (up to the sphere-vs-WGS84 difference).
#include "adcov/coverage/coverage_map.hpp"

#include "adcov/geo/dem_check.hpp"

#include <fmt/format.h>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "adcov/coverage/battery_cover.hpp"
#include "adcov/error.hpp"
#include "adcov/geo/polygon_mask.hpp"
#include "interval_row.hpp"

namespace adcov::coverage {

namespace {

constexpr int kGroups = 3;

int group_index(model::OperatorGroup g) { return static_cast<int>(g); }

std::string where(const model::Scenario& s, const model::SourceLoc& loc) {
  return loc.file.empty() ? s.file.string() : loc.str();
}

/// Where a window of the terrain grid starts on it, in cells.
struct CellOffset {
  int col = 0, row = 0;
};

/// Integer tallies of one row (or of the whole grid after the ordered sum).
struct Tally {
  std::int64_t region = 0, covered = 0, detected = 0;
  std::array<std::int64_t, kGroups> by{}, marginal{};
  Tally& operator+=(const Tally& o) {
    region += o.region, covered += o.covered, detected += o.detected;
    for (int g = 0; g < kGroups; ++g) by[g] += o.by[g], marginal[g] += o.marginal[g];
    return *this;
  }
};

AreaStats to_stats(const Tally& t, double cell_km2, bool detection) {
  AreaStats a;
  if (detection) a.detected_km2 = static_cast<double>(t.detected) * cell_km2;
  a.region_km2 = static_cast<double>(t.region) * cell_km2;
  a.covered_km2 = static_cast<double>(t.covered) * cell_km2;
  a.covered_fraction = t.region ? static_cast<double>(t.covered) / static_cast<double>(t.region) : 0.0;
  for (model::OperatorGroup g : model::kOperatorGroups) {
    const std::string name(model::to_string(g));
    a.by_operator_km2[name] = static_cast<double>(t.by[group_index(g)]) * cell_km2;
    a.marginal_by_operator_km2[name] = static_cast<double>(t.marginal[group_index(g)]) * cell_km2;
  }
  return a;
}

/// Each battery's envelope against the reference target (docs/scenario.md, coverage.threat),
/// or, without one, against its own rcs_ref with any class it can kill; and
/// its detection envelope (docs/coverage.md, "Detection maps"): slant range
/// 0 .. detection range, heights 0 .. inf (acoustic: 0 .. max_alt_m).
struct Ref {
  SlantEnvelope env;
  bool can_kill = false;
  SlantEnvelope det;
  bool can_detect = false;
};

/// The maps' envelopes of a battery of `sys`: the kill envelope of the
/// maps' reference target (battery_cover.hpp, which adcov site shares) and
/// the detection envelope. `ref` is reference_threat(s).
Ref map_envelopes(const model::Scenario& s, const model::ThreatType* ref, const model::SystemType& sys) {
  const ReferenceEnvelope kill = reference_envelope(s, sys);
  Ref out;
  out.env = kill.env;
  out.can_kill = kill.can_kill;
  const bool acoustic = sys.radar.kind == model::SensorKind::acoustic;
  out.det.min_range_m = 0;
  out.det.max_range_m = detection_range_m(sys, kill.rcs_m2);  // acoustic: range_km
  out.det.min_alt_m = 0;
  out.det.max_alt_m = acoustic ? sys.radar.max_alt_m : std::numeric_limits<double>::infinity();
  // An acoustic node hears drones only (the default reference target is any class, so it counts there too).
  out.can_detect = sys.radar.range_km > 0 && (!acoustic || !ref || ref->cls == model::ThreatClass::drone);
  return out;
}

bool inside(const geo::LonLatBox& bb, geo::LonLat ll, double margin_deg = 0) {
  return ll.lon_deg >= bb.west + margin_deg && ll.lon_deg <= bb.east - margin_deg &&
         ll.lat_deg >= bb.south + margin_deg && ll.lat_deg <= bb.north - margin_deg;
}

/// The rectangle of `g` that holds every cell of the region: its projected
/// box grown by a cell and 100 m, clipped to the grid (at least one cell).
/// Outputs show the region's cells only (report/cell_window.hpp), so the
/// coverage is computed there and nowhere else of the terrain grid.
struct Crop {
  CellOffset at;
  int width = 0, height = 0;
};

Crop region_crop(const geo::LonLatBox& bb, const geo::GridSpec& g) {
  const geo::ProjectedBox box = geo::projected_box(g.projection, bb.west, bb.south, bb.east, bb.north);
  const double pad = g.cell_m + 100;
  const int c0 = std::clamp(static_cast<int>(std::floor(g.col_of(box.xmin_m - pad))), 0, g.width - 1);
  const int c1 = std::clamp(static_cast<int>(std::ceil(g.col_of(box.xmax_m + pad))) + 1, c0 + 1, g.width);
  const int r0 = std::clamp(static_cast<int>(std::floor(g.row_of(box.ymax_m + pad))), 0, g.height - 1);
  const int r1 = std::clamp(static_cast<int>(std::ceil(g.row_of(box.ymin_m - pad))) + 1, r0 + 1, g.height);
  return {{c0, r0}, c1 - c0, r1 - r0};
}

/// 1 for the cells whose centre lies in the scenario's region (a lon/lat box).
/// Exact, but without unprojecting every cell of a fine grid: cells outside
/// the region's projected box (grown by a cell and 100 m) are out; inside it,
/// blocks of about 2 km a side whose four corners lie inside the box by 1e-4
/// degrees (7-11 m) are wholly in, and those whose four corners all lie
/// beyond one edge by as much are wholly out, since lon and lat stray from
/// linear by under 1 m across 3 km (curvature radius of a parallel in LAEA
/// over Ukraine: > 5,000 km); every other cell is unprojected. A block's
/// corners are the first cells of it and of its neighbours east, south and
/// south-east (a lattice unprojected once, one point a block; the rectangle
/// they span holds the block). The same bits as testing every cell. At 100 m
/// over Ukraine, unprojecting every cell took 1.0 s and four corners of each
/// block's own 0.38 s (the box's curved edges leave wide strips of the
/// projected box outside it); at 250 m on one thread, four corners of its
/// own took 0.32 s and the shared lattice 0.08 s.
std::vector<std::uint8_t> region_mask(const geo::LonLatBox& bb, const geo::GridSpec& g) {
  std::vector<std::uint8_t> in_region(g.cells(), 0);
  const Crop crop = region_crop(bb, g);  // every cell outside it is out
  const int c0 = crop.at.col, c1 = crop.at.col + crop.width, r0 = crop.at.row, r1 = crop.at.row + crop.height;
  const int block = std::max(1, static_cast<int>(2000 / g.cell_m));
  const auto at = [&](int c, int r) { return geo::unproject(g.projection, g.cell_center(c, r)); };
  const auto in = [&](geo::LonLat p, double margin) { return inside(bb, p, margin); };
  const int blocks_across = (c1 - c0 + block - 1) / block, blocks_down = (r1 - r0 + block - 1) / block;
  const auto lattice_width = static_cast<std::size_t>(blocks_across) + 1;
  std::vector<geo::LonLat> lattice(block > 1 ? lattice_width * (static_cast<std::size_t>(blocks_down) + 1) : 0);
  if (block > 1)
    tbb::parallel_for(0, blocks_down + 1, [&](int j) {
      for (int i = 0; i <= blocks_across; ++i)
        lattice[static_cast<std::size_t>(j) * lattice_width + i] = at(c0 + i * block, r0 + j * block);
    });
  // Beyond one edge of the box by the margin: the block's corners all west
  // of it, or all east, north or south.
  const auto beyond = [&](const std::array<geo::LonLat, 4>& k) {
    const auto all = [&](auto past) { return past(k[0]) && past(k[1]) && past(k[2]) && past(k[3]); };
    constexpr double m = 1e-4;
    return all([&](geo::LonLat p) { return p.lon_deg < bb.west - m; }) ||
           all([&](geo::LonLat p) { return p.lon_deg > bb.east + m; }) ||
           all([&](geo::LonLat p) { return p.lat_deg < bb.south - m; }) ||
           all([&](geo::LonLat p) { return p.lat_deg > bb.north + m; });
  };
  tbb::parallel_for(0, std::max(0, blocks_down), [&](int bj) {
    const int ra = r0 + bj * block, rb = std::min(r1, ra + block);
    for (int bi = 0; bi < blocks_across; ++bi) {
      const int ca = c0 + bi * block, cb = std::min(c1, ca + block);
      bool whole = false;
      if (block > 1) {
        const std::size_t k = static_cast<std::size_t>(bj) * lattice_width + bi;
        const std::array<geo::LonLat, 4> corners{lattice[k], lattice[k + 1], lattice[k + lattice_width],
                                                 lattice[k + lattice_width + 1]};
        if (beyond(corners)) continue;  // all 0
        whole = std::all_of(corners.begin(), corners.end(), [&](geo::LonLat p) { return in(p, 1e-4); });
      }
      for (int r = ra; r < rb; ++r) {
        std::uint8_t* row = in_region.data() + static_cast<std::size_t>(r) * g.width;
        if (whole)
          std::fill(row + ca, row + cb, std::uint8_t{1});
        else
          for (int c = ca; c < cb; ++c) row[c] = in(at(c, r), 0);
      }
    }
  });
  return in_region;
}

/// The per-row tallies of each altitude summed in row order, as areas.
void add_area_stats(const std::vector<Tally>& row_region, const std::vector<Tally>& row_protect, bool has_protect,
                    const geo::GridSpec& g, CoverageResult& res) {
  const std::size_t na = res.altitudes.size();
  const double cell_km2 = g.cell_m * g.cell_m * 1e-6;
  for (std::size_t a = 0; a < na; ++a) {
    Tally reg, prot;
    for (int r = 0; r < g.height; ++r) reg += row_region[r * na + a], prot += row_protect[r * na + a];
    const bool detection = !res.altitudes[a].detected.empty();
    res.altitudes[a].region = to_stats(reg, cell_km2, detection);
    if (has_protect) res.altitudes[a].protect = to_stats(prot, cell_km2, detection);
  }
}

/// What the battery windows are folded into besides the result's counts and
/// floor: per altitude, the operator groups whose batteries engage at each
/// cell (bit g; a cell is lost without group g when g's bit is the only
/// one), and where res.grid starts on the terrain grid.
struct FoldState {
  CellOffset at;                     ///< res.grid's first cell on the terrain grid
  geo::ZeroedVector<std::uint8_t> groups;  ///< altitude a, cell i at a * cells + i
  geo::ZeroedVector<std::uint32_t> floor_key;  ///< floor_key() per cell; empty when the floor is off
};

/// Adds battery `bi`'s window to the counts, group bits, floor and detection
/// counts of the cells it reaches in res.grid. Rows in parallel: each cell is
/// written by one task, and counts, bits and minima do not depend on the
/// order the batteries come in, so neither do the results.
void fold_battery(const model::Scenario& s, const geo::TerrainGrid& terrain, const Ref& ref, const BatteryGeometry& b,
                  const std::vector<double>& alts, CoverageResult& res, FoldState& st) {
  const geo::GridSpec& tg = terrain.grid;
  const geo::GridSpec& g = res.grid;
  const std::size_t na = alts.size();
  const bool kill = ref.can_kill, detect = ref.can_detect && na > 0 && !res.altitudes[0].detected.empty();
  if (!kill && !detect) return;
  const VisibilityWindow& v = b.vis;
  const int tr0 = std::max(v.row0, st.at.row), tr1 = std::min(v.row0 + v.height, st.at.row + g.height);
  const int wc0 = std::max(0, st.at.col - v.col0), wc1 = std::min(v.width, st.at.col + g.width - v.col0);
  const std::uint8_t bit = static_cast<std::uint8_t>(1u << group_index(b.group));
  if (wc1 <= wc0) return;
  // Each column's distance east of the battery, as cell_center gives it.
  std::vector<double> dx(static_cast<std::size_t>(wc1 - wc0));
  for (int wc = wc0; wc < wc1; ++wc) dx[wc - wc0] = tg.cell_center(v.col0 + wc, 0).x_m - b.pos.x_m;
  const int n = wc1 - wc0;
  // The heights the counts ask about: a cell seen only from above all of them
  // adds to no count (its interval starts higher), so its interval is not
  // computed, unless the floor wants it.
  const double highest =
      alts.empty() ? -std::numeric_limits<double>::infinity() : *std::max_element(alts.begin(), alts.end());
  const bool floor = !st.floor_key.empty();
  const double kill_wanted = floor ? std::numeric_limits<double>::infinity() : highest;
  tbb::parallel_for(tbb::blocked_range<int>(tr0, std::max(tr0, tr1), 8), [&](const tbb::blocked_range<int>& rows) {
    std::vector<double> lo(kill ? n : 0), hi(kill ? n : 0), det_lo(detect ? n : 0), det_hi(detect ? n : 0);
    for (int tr = rows.begin(); tr != rows.end(); ++tr) {
      // Cell i of res.grid for window column wc0 + k.
      const std::size_t i0 = static_cast<std::size_t>(tr - st.at.row) * g.width + (v.col0 + wc0 - st.at.col);
      const float* vis = v.min_visible_h_m.data() + static_cast<std::size_t>(tr - v.row0) * v.width + wc0;
      const float* ground = terrain.ground_m.data() + static_cast<std::size_t>(tr) * tg.width + v.col0 + wc0;
      const double dy = tg.cell_center(0, tr).y_m - b.pos.y_m;
      if (kill) {
        detail::engage_interval_row(ref.env, vis, dx.data(), dy, ground, v.antenna_z_m, s.k_factor, kill_wanted, n,
                                    lo.data(), hi.data());
        for (int k = 0; k < n; ++k) {
          if (!(lo[k] <= hi[k])) continue;  // not engageable at any height
          const std::size_t i = i0 + k;
          if (floor) st.floor_key[i] = std::max(st.floor_key[i], floor_key(static_cast<float>(lo[k])));
          for (std::size_t a = 0; a < na; ++a)
            if (lo[k] <= alts[a] && alts[a] <= hi[k])
              res.altitudes[a].count.add_one(i), st.groups[a * g.cells() + i] |= bit;
        }
      }
      if (detect) {
        detail::engage_interval_row(ref.det, vis, dx.data(), dy, ground, v.antenna_z_m, s.k_factor, highest, n,
                                    det_lo.data(), det_hi.data());
        for (int k = 0; k < n; ++k) {
          if (!(det_lo[k] <= det_hi[k])) continue;
          for (std::size_t a = 0; a < na; ++a)
            if (det_lo[k] <= alts[a] && alts[a] <= det_hi[k]) res.altitudes[a].detected.add_one(i0 + k);
        }
      }
    }
  });
}

/// Tallies one altitude's row: cells where `in` is set (and `in_too`, when
/// kInToo: the protect polygons within the region), and of those the
/// detected (kDetected), the covered, and per group the covered by it and
/// those only it covers. Branch-free sums over plain pointers, every cell
/// read, so the loop vectorises.
template <class Count, bool kInToo, bool kDetected>
void tally_cells(const std::uint8_t* in, const std::uint8_t* in_too, const Count* count, const Count* detected,
                 const std::uint8_t* bits, int n, Tally& t) {
  int region = 0, covered = 0, seen = 0;
  std::array<int, kGroups> by{}, only{};
  for (int c = 0; c < n; ++c) {
    int here = in[c] != 0;
    if constexpr (kInToo) here &= in_too[c] != 0;
    const int cov = here & (count[c] != 0);
    region += here, covered += cov;
    if constexpr (kDetected) seen += here & (detected[c] != 0);
    for (int g = 0; g < kGroups; ++g) {
      by[g] += cov & (bits[c] >> g);
      only[g] += cov & (bits[c] == (1u << g));
    }
  }
  t.region += region, t.covered += covered, t.detected += seen;
  for (int g = 0; g < kGroups; ++g) t.by[g] += by[g], t.marginal[g] += only[g];
}

/// tally_cells for what is given: `in_too` and `detected` may be null.
template <class Count>
void tally_row(const std::uint8_t* in, const std::uint8_t* in_too, const Count* count, const Count* detected,
               const std::uint8_t* bits, int n, Tally& t) {
  if (in_too && detected) return tally_cells<Count, true, true>(in, in_too, count, detected, bits, n, t);
  if (in_too) return tally_cells<Count, true, false>(in, in_too, count, detected, bits, n, t);
  if (detected) return tally_cells<Count, false, true>(in, in_too, count, detected, bits, n, t);
  tally_cells<Count, false, false>(in, in_too, count, detected, bits, n, t);
}

/// After the last battery: the per-row tallies (row r, altitude a at
/// r * na + a), counts and detection counts zeroed outside the region, and
/// the floor from its keys, NaN where nothing engages or outside the region
/// (res.floor_m: fresh, every cell written). Counts already zero are not
/// written: a map page that no battery reached stays the shared zero page.
void finish_rows(const FoldState& st, CoverageResult& res, std::vector<Tally>& row_region,
                 std::vector<Tally>& row_protect) {
  const geo::GridSpec& g = res.grid;
  const std::size_t na = res.altitudes.size();
  const bool has_protect = !res.in_protect.empty();
  tbb::parallel_for(tbb::blocked_range<int>(0, g.height, 8), [&](const tbb::blocked_range<int>& rows) {
    for (int r = rows.begin(); r != rows.end(); ++r) {
      const std::size_t at = static_cast<std::size_t>(r) * g.width;
      const std::uint8_t* in = res.in_region.data() + at;
      for (std::size_t a = 0; a < na; ++a) {
        AltitudeCoverage& alt = res.altitudes[a];
        if (!alt.detected.empty() && alt.detected.wide() != alt.count.wide())
          throw std::logic_error("coverage maps: detection counts and counts of different widths");
        alt.count.visit([&](auto count) {
          using Count = typename decltype(count)::value_type;
          Count* n = count.data() + at;
          // The detection counts have the counts' width (checked above).
          Count* nd = alt.detected.empty() ? nullptr : alt.detected.template cells<Count>() + at;
          const std::uint8_t* bits = st.groups.data() + a * g.cells() + at;
          tally_row<Count>(in, nullptr, n, nd, bits, g.width, row_region[r * na + a]);
          if (has_protect)
            tally_row<Count>(in, res.in_protect.data() + at, n, nd, bits, g.width, row_protect[r * na + a]);
          for (int c = 0; c < g.width; ++c) {
            if (in[c]) continue;
            if (n[c]) n[c] = 0;
            if (nd && nd[c]) nd[c] = 0;
          }
        });
      }
      if (res.floor_m.empty()) continue;
      float* f = res.floor_m.data() + at;
      const std::uint32_t* key = st.floor_key.data() + at;
      for (int c = 0; c < g.width; ++c) {
        const float v = floor_of_key(key[c]);
        f[c] = in[c] && v < kNeverVisible ? v : std::numeric_limits<float>::quiet_NaN();
      }
    }
  });
}

}  // namespace

void check_scenario_terrain(const model::Scenario& s) {
  if (s.terrain.flat_m || s.terrain.dem_files.empty()) return;
  const geo::LonLatBox& bb = s.region.bbox;
  // The region's edges and a lattice inside (a mosaic may have gaps), then the batteries, then each launch and
  // the same launch with lon and lat swapped.
  constexpr int kN = 16;
  std::vector<geo::LonLat> points;
  for (int i = 0; i <= kN; ++i)
    for (int j = 0; j <= kN; ++j)
      points.push_back({bb.west + (bb.east - bb.west) * i / kN, bb.south + (bb.north - bb.south) * j / kN});
  const std::size_t first_battery = points.size();
  for (const model::Battery& b : s.batteries) points.push_back(b.position);
  const std::size_t first_launch = points.size();
  std::vector<const model::Salvo*> launched;
  for (const model::Salvo& v : s.salvos) {
    if (!v.launch && !v.launch_area) continue;
    const geo::LonLat p = v.launch ? *v.launch : v.launch_area->center;
    launched.push_back(&v);
    points.push_back(p);
    points.push_back({p.lat_deg, p.lon_deg});
  }
  geo::DemCheck dem;
  try {
    dem = geo::check_dem(s.terrain.dem_files, points);
  } catch (const InputError& e) {
    throw InputError(where(s, s.terrain.loc) + ": " + e.what());
  }
  const auto covers = [&](const geo::LonLatBox& c) {
    return fmt::format("the DEM covers lon {:.4f}..{:.4f}, lat {:.4f}..{:.4f}", c.west, c.east, c.south, c.north);
  };
  for (std::size_t i = 0; i < first_battery; ++i)
    if (!dem.covered[i])
      throw InputError(where(s, s.region.loc) +
                       fmt::format(": region [{}, {}, {}, {}] extends outside the DEM: no elevation at ({:.4f}, "
                                   "{:.4f}); {}",
                                   bb.west, bb.south, bb.east, bb.north, points[i].lon_deg, points[i].lat_deg,
                                   covers(dem.lonlat)));
  std::vector<std::string> errors;
  for (std::size_t k = 0; k < s.batteries.size(); ++k)
    if (!dem.covered[first_battery + k]) {
      const model::Battery& b = s.batteries[k];
      errors.push_back(where(s, b.loc) + fmt::format(": battery '{}' at ({:.5f}, {:.5f}) is outside the DEM; {}", b.id,
                                                     b.position.lon_deg, b.position.lat_deg, covers(dem.lonlat)));
    }
  // A launch may lie off the DEM (it is only a start point), so only the clear mistake is an error: off every
  // DEM file while the swapped numbers lie on one and nearer the region (docs/terrain.md, "Checked up front").
  const geo::LonLat centre = scenario_projection(s).origin;  // the region's centre
  for (std::size_t k = 0; k < launched.size(); ++k) {
    const std::size_t i = first_launch + 2 * k;
    const geo::LonLat p = points[i], q = points[i + 1];
    const double p_km = geo::distance_m(centre, p) / 1000, q_km = geo::distance_m(centre, q) / 1000;
    if (dem.covered[i] || !dem.covered[i + 1] || q_km >= p_km) continue;
    const model::Salvo& v = *launched[k];
    errors.push_back(where(s, v.launch_loc.file.empty() ? v.loc : v.launch_loc) +
                     fmt::format(": salvo '{}': {} [{}, {}] is outside the DEM, {:.0f} km from the region's centre; "
                                 "{}; did you swap lon/lat? [{}, {}] would lie on the DEM, {:.0f} km from it",
                                 v.id, v.launch ? "launch" : "launch_area.center", p.lon_deg, p.lat_deg, p_km,
                                 covers(dem.lonlat), q.lon_deg, q.lat_deg, q_km));
  }
  if (!errors.empty()) throw InputError(errors);
}

geo::Laea scenario_projection(const model::Scenario& s) {
  const geo::LonLatBox& bb = s.region.bbox;
  return geo::Laea{{0.5 * (bb.west + bb.east), 0.5 * (bb.south + bb.north)}};
}

geo::ProjectedBox scenario_terrain_box(const model::Scenario& s, TerrainExtent extent) {
  const geo::LonLatBox& bb = s.region.bbox;
  const geo::Laea p = scenario_projection(s);
  geo::ProjectedBox box = geo::projected_box(p, bb.west, bb.south, bb.east, bb.north);
  const auto grow = [&](geo::XY q, double by_m) {
    box.xmin_m = std::min(box.xmin_m, q.x_m - by_m), box.xmax_m = std::max(box.xmax_m, q.x_m + by_m);
    box.ymin_m = std::min(box.ymin_m, q.y_m - by_m), box.ymax_m = std::max(box.ymax_m, q.y_m + by_m);
  };
  if (extent == TerrainExtent::region) {
    // region_crop's window (a cell and 100 m beyond the box) and two cells
    // more: the hillshade's 3x3 neighbours of its edge cells.
    const double pad = 3 * s.resolution_m + 100;
    box.xmin_m -= pad, box.xmax_m += pad, box.ymin_m -= pad, box.ymax_m += pad;
  }
  for (const model::Battery& b : s.batteries) {
    if (!s.systems.count(b.system)) continue;  // the loader reports unknown systems
    const geo::XY q = geo::project(p, b.position);
    grow(q, extent == TerrainExtent::reach ? battery_reach_m(s, model::effective_system(s, b)) : 2 * s.resolution_m);
  }
  return box;
}

geo::TerrainGrid load_scenario_terrain(const model::Scenario& s, TerrainExtent extent) {
  const geo::LonLatBox& bb = s.region.bbox;
  const geo::Laea p = scenario_projection(s);
  const geo::ProjectedBox region_box = geo::projected_box(p, bb.west, bb.south, bb.east, bb.north);
  geo::ProjectedBox box = scenario_terrain_box(s, extent);
  const geo::DemSource src{s.terrain.dem_files, s.terrain.flat_m};
  if (!src.flat_m) {
    // Cap the margin to the DEM; the region itself must lie on it (checked below).
    const geo::DemFootprint fp = geo::dem_footprint(src.files, p);
    box.xmin_m = std::max(box.xmin_m, std::min(fp.grid.xmin_m, region_box.xmin_m));
    box.ymin_m = std::max(box.ymin_m, std::min(fp.grid.ymin_m, region_box.ymin_m));
    box.xmax_m = std::min(box.xmax_m, std::max(fp.grid.xmax_m, region_box.xmax_m));
    box.ymax_m = std::min(box.ymax_m, std::max(fp.grid.ymax_m, region_box.ymax_m));
  }
  const geo::GridSpec grid = geo::make_grid_xy(p, box.xmin_m, box.ymin_m, box.xmax_m, box.ymax_m, s.resolution_m);
  geo::TerrainGrid t;
  try {
    t = geo::load_terrain(src, grid, geo::TerrainOptions{.allow_outside = true});
  } catch (const InputError& e) {
    throw InputError(where(s, s.terrain.loc) + ": " + e.what());
  }
  if (!t.outside_dem.empty()) {
    // The region must lie on the DEM: report the first region cell that does not.
    for (int r = 0; r < grid.height; ++r)
      for (int c = 0; c < grid.width; ++c) {
        if (!t.outside_dem[static_cast<std::size_t>(r) * grid.width + c]) continue;
        const geo::LonLat ll = geo::unproject(grid.projection, grid.cell_center(c, r));
        if (ll.lon_deg < bb.west || ll.lon_deg > bb.east || ll.lat_deg < bb.south || ll.lat_deg > bb.north) continue;
        const geo::DemFootprint fp = geo::dem_footprint(src.files, p);
        throw InputError(where(s, s.region.loc) +
                         fmt::format(": region [{}, {}, {}, {}] extends outside the DEM: no elevation at ({:.4f}, "
                                     "{:.4f}); the DEM covers lon {:.4f}..{:.4f}, lat {:.4f}..{:.4f}",
                                     bb.west, bb.south, bb.east, bb.north, ll.lon_deg, ll.lat_deg, fp.lonlat.west,
                                     fp.lonlat.east, fp.lonlat.south, fp.lonlat.north));
      }
  }
  return t;
}

bool wants_detection_maps(const model::Scenario& s) {
  if (s.c2.mode != model::C2Mode::autonomous) return true;
  for (const model::Battery& b : s.batteries)
    if (auto it = s.systems.find(b.system); it != s.systems.end() && it->second.role == model::Role::sensor) return true;
  return false;
}

namespace {

/// The result before any battery is folded in: its grid (the terrain grid or
/// its window over the region), masks, zeroed counts and, when the floor is
/// on, zero floor keys (+inf: nothing engages yet).
CoverageResult empty_result(const model::Scenario& s, const geo::TerrainGrid& terrain, const CoverageOptions& opt,
                            FoldState& st) {
  const geo::GridSpec& tg = terrain.grid;
  const Crop crop = opt.crop_to_region ? region_crop(s.region.bbox, tg) : Crop{{0, 0}, tg.width, tg.height};
  CoverageResult res;
  res.grid = tg;
  res.grid.x0_m = tg.x0_m + crop.at.col * tg.cell_m;
  res.grid.y0_m = tg.y0_m - crop.at.row * tg.cell_m;
  res.grid.width = crop.width, res.grid.height = crop.height;
  const geo::GridSpec& g = res.grid;
  res.voids_filled = terrain.voids_filled;
  res.terrain_description = terrain.description;
  res.terrain_source_resolution_m = terrain.source_resolution_m;
  res.in_region = region_mask(s.region.bbox, g);
  if (s.region.protect) res.in_protect = geo::rasterize_polygons(*s.region.protect, g);
  const std::vector<double> alts = opt.altitudes_m.empty() ? s.coverage.altitudes_m : opt.altitudes_m;
  const bool detection = wants_detection_maps(s);
  res.altitudes.resize(alts.size());
  for (std::size_t a = 0; a < alts.size(); ++a) {
    res.altitudes[a].altitude_m = alts[a];
    // Zeros of fresh pages: faulted in where the folds write, in parallel. A
    // cell counts each battery (or sensor, all of which are batteries) once.
    res.altitudes[a].count = CountMap(g.cells(), s.batteries.size());
    if (detection) res.altitudes[a].detected = CountMap(g.cells(), s.batteries.size());
  }
  // Zero keys, +inf: nothing engages yet (floor_key). res.floor_m comes at the finish.
  if (s.coverage.floor) st.floor_key = geo::ZeroedVector<std::uint32_t>(g.cells());
  st.at = crop.at;
  st.groups = geo::ZeroedVector<std::uint8_t>(alts.size() * g.cells());
  return res;
}

std::vector<double> altitudes_of(const CoverageResult& res) {
  std::vector<double> alts;
  for (const AltitudeCoverage& a : res.altitudes) alts.push_back(a.altitude_m);
  return alts;
}

/// The batteries of share `share` of `count`: the largest windows first, each
/// to the share with the fewest window cells so far (ties to the lower share;
/// Graham's LPT rule), so that shares take about equal work. Every share
/// computes the same assignment. Returned largest window first: the window
/// memory a worker is handed then never grows, so fresh pages are faulted in
/// (and zeroed by the kernel) once, not at every larger window. The folds are
/// sums, minima and unions, so their order does not change the maps.
std::vector<std::size_t> battery_share(const geo::GridSpec& g, const std::vector<double>& reach_m, int share,
                                       int count) {
  std::vector<double> cells(reach_m.size());
  for (std::size_t i = 0; i < reach_m.size(); ++i) {
    const double side = 2 * reach_m[i] / g.cell_m + 1;
    cells[i] = std::min(side, static_cast<double>(g.width)) * std::min(side, static_cast<double>(g.height));
  }
  std::vector<std::size_t> order(reach_m.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cells[a] > cells[b]; });
  std::vector<double> load(static_cast<std::size_t>(std::max(1, count)), 0.0);
  std::vector<std::size_t> mine;
  for (std::size_t i : order) {
    const auto least = static_cast<int>(std::min_element(load.begin(), load.end()) - load.begin());
    load[static_cast<std::size_t>(least)] += cells[i];
    if (least == share) mine.push_back(i);
  }
  return mine;
}

/// How far battery `b`'s window must reach for the maps: their kill and
/// detection envelopes' ranges (map_envelopes), at most battery_reach_m.
/// battery_reach_m reaches for every threat the scenario flies (the widest
/// RCS of any salvo, Swerling cover beyond R50), which the engagements need
/// and the maps do not: the national baseline's largest window at 100 m was
/// 110 M cells.
double map_reach_m(const model::Scenario& s, const Ref& r, const model::SystemType& sys, bool detection,
                   double cell_m) {
  double reach = 0;
  if (r.can_kill) reach = std::max(reach, r.env.max_range_m);
  if (r.can_detect && detection) reach = std::max(reach, r.det.max_range_m);
  return std::min(battery_reach_m(s, sys), std::max(reach, cell_m));
}

/// Folds the share's batteries (battery_share) into `res`,
/// one window per worker thread at a time: computed, folded in, freed
/// (docs/coverage.md, "Memory" under "Engageability and the maps"). Every
/// battery is placed and checked, folded or not.
void fold_streaming(const model::Scenario& s, const geo::TerrainGrid& terrain, int share, int count,
                    CoverageResult& res, FoldState& st) {
  const model::ThreatType* ref = reference_threat(s);
  const std::vector<double> alts = altitudes_of(res);
  res.batteries = prepare_batteries(s, terrain, false);  // placed and checked, no windows yet
  const bool detection = !res.altitudes.empty() && !res.altitudes[0].detected.empty();
  std::vector<Ref> envelopes;  // each battery's, for its window's reach and its fold
  std::vector<double> reach_m;
  for (const BatteryGeometry& b : res.batteries) {
    envelopes.push_back(map_envelopes(s, ref, b.system));
    reach_m.push_back(map_reach_m(s, envelopes.back(), b.system, detection, terrain.grid.cell_m));
  }
  const std::vector<std::size_t> mine = battery_share(terrain.grid, reach_m, share, count);
  const int threads = std::max(1, tbb::this_task_arena::max_concurrency());
  // Batteries are swept a chunk at a time, each on its own threads, and
  // folded one after another (a fold fills its rows in parallel; two folds
  // would race on the same cells). With two threads or more, chunk k + 1 is
  // swept while chunk k is folded: half as many per chunk, so the windows
  // held stay `threads` (what estimate_coverage_memory counts). The folds
  // keep their order, so the maps do not depend on the thread count.
  const bool pipelined = threads > 1;
  const std::size_t chunk = static_cast<std::size_t>(pipelined ? std::max(1, threads / 2) : 1);
  // One window's memory per slot, handed from battery to battery
  // (prepare_battery_into), released at the end.
  std::vector<VisibilityWindow> memory((pipelined ? 2 : 1) * chunk);
  const auto slot = [&](std::size_t k) { return (pipelined ? (k / chunk) % 2 * chunk : 0) + k % chunk; };
  const auto sweep = [&](std::size_t first) {
    const std::size_t last = std::min(mine.size(), first + chunk);
    tbb::parallel_for(first, last, [&](std::size_t k) {
      const std::size_t i = mine[k];
      BatteryGeometry one;
      one.vis = std::move(memory[slot(k)]);
      prepare_battery_into(s, s.batteries[i], i, terrain, one, reach_m[i]);
      res.batteries[i].vis = std::move(one.vis);
    });
  };
  const auto fold = [&](std::size_t first) {
    for (std::size_t k = first; k < std::min(mine.size(), first + chunk); ++k) {
      BatteryGeometry& b = res.batteries[mine[k]];
      fold_battery(s, terrain, envelopes[mine[k]], b, alts, res, st);
      memory[slot(k)] = std::move(b.vis);
      b.vis = VisibilityWindow{};
    }
  };
  if (mine.empty()) return;
  sweep(0);
  for (std::size_t first = 0; first < mine.size(); first += chunk) {
    const std::size_t next = first + chunk;
    if (!pipelined || next >= mine.size()) {
      fold(first);
      if (next < mine.size()) sweep(next);
    } else {
      tbb::parallel_invoke([&] { fold(first); }, [&] { sweep(next); });
    }
  }
}

}  // namespace

// Floats to unsigned in their order (sign bit set for positives, every bit
// flipped for negatives), counted down from +inf's: exact both ways.
constexpr std::uint32_t kInfinityOrder = 0xFF800000u;  // +inf in that order

std::uint32_t floor_key(float floor_m) {
  const auto u = std::bit_cast<std::uint32_t>(floor_m);
  return kInfinityOrder - ((u & 0x80000000u) ? ~u : (u | 0x80000000u));
}

float floor_of_key(std::uint32_t key) {
  const std::uint32_t order = kInfinityOrder - key;
  return std::bit_cast<float>((order & 0x80000000u) ? (order & 0x7FFFFFFFu) : ~order);
}

double map_window_reach_m(const model::Scenario& s, const model::SystemType& sys, double cell_m) {
  return map_reach_m(s, map_envelopes(s, reference_threat(s), sys), sys, wants_detection_maps(s), cell_m);
}

CoverageFold fold_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain, const CoverageOptions& opt,
                           int share, int count) {
  FoldState st;
  CoverageFold f{empty_result(s, terrain, opt, st), {}, {}};
  fold_streaming(s, terrain, share, count, f.result, st);
  f.groups = std::move(st.groups);
  f.floor_key = std::move(st.floor_key);
  f.col0 = st.at.col, f.row0 = st.at.row;
  return f;
}

CoverageResult finish_coverage(CoverageFold fold) {
  FoldState st{{fold.col0, fold.row0}, std::move(fold.groups), std::move(fold.floor_key)};
  CoverageResult& res = fold.result;
  if (!st.floor_key.empty()) {
    res.floor_m = geo::ZeroedVector<float>(res.grid.cells());
    geo::advise_huge_pages(res.floor_m.data(), res.floor_m.size() * sizeof(float));  // when large: every cell is written
  }
  const std::size_t na = res.altitudes.size();
  std::vector<Tally> row_region(static_cast<std::size_t>(res.grid.height) * na), row_protect(row_region.size());
  finish_rows(st, res, row_region, row_protect);
  add_area_stats(row_region, row_protect, !res.in_protect.empty(), res.grid, res);
  return std::move(fold.result);
}

CoverageResult compute_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain, const CoverageOptions& opt) {
  if (opt.keep_windows) return compute_coverage(s, terrain, prepare_batteries(s, terrain), opt);
  return finish_coverage(fold_coverage(s, terrain, opt, 0, 1));
}

CoverageResult compute_coverage(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                std::vector<BatteryGeometry> batteries, const CoverageOptions& opt) {
  FoldState st;
  CoverageFold f{empty_result(s, terrain, opt, st), {}, {}};
  f.result.batteries = std::move(batteries);
  const model::ThreatType* ref = reference_threat(s);
  const std::vector<double> alts = altitudes_of(f.result);
  for (const BatteryGeometry& b : f.result.batteries)
    fold_battery(s, terrain, map_envelopes(s, ref, b.system), b, alts, f.result, st);
  f.groups = std::move(st.groups);
  f.floor_key = std::move(st.floor_key);
  f.col0 = st.at.col, f.row0 = st.at.row;
  return finish_coverage(std::move(f));
}

}  // namespace adcov::coverage
