// Micro-benchmarks of the coverage engine: the visibility sweep and the R3
// reference (cells/s), on the SRTM3 fixture resampled to the LAEA grid, and
// the full compute_coverage reduction on flat ground.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/visibility.hpp"
#include "adcov/geo/terrain.hpp"

namespace {

using namespace adcov;

const geo::TerrainGrid& srtm_grid(double cell_m) {
  static std::map<double, geo::TerrainGrid> cache;
  auto it = cache.find(cell_m);
  if (it == cache.end()) {
    const std::string dir = std::string(ADCOV_SOURCE_DIR) + "/data/dem/srtm3_fixture_greece_not_ukraine/";
    const geo::GridSpec g = geo::make_grid_xy(geo::Laea{{22.0, 40.5}}, -50000, -50000, 50000, 50000, cell_m);
    it = cache.emplace(cell_m, geo::load_terrain({{dir + "N40E021.hgt", dir + "N40E022.hgt"}, std::nullopt}, g)).first;
  }
  return it->second;
}

coverage::Observer centre_observer(const geo::TerrainGrid& t) {
  coverage::Observer o;
  o.pos = t.grid.cell_center(t.grid.width / 2, t.grid.height / 2);
  o.antenna_agl_m = 20;
  o.reach_m = 45000;
  o.min_elevation_deg = -90;
  return o;
}

/// Sweep on one battery's window; arg = cell size in metres.
void BM_Visibility(benchmark::State& st) {
  const geo::TerrainGrid& t = srtm_grid(static_cast<double>(st.range(0)));
  const coverage::Observer o = centre_observer(t);
  std::int64_t cells = 0;
  for (auto _ : st) {
    const coverage::VisibilityWindow v = coverage::compute_visibility(t, o, 4.0 / 3.0);
    benchmark::DoNotOptimize(v.min_visible_h_m.data());
    cells += static_cast<std::int64_t>(v.min_visible_h_m.size());
  }
  st.SetItemsProcessed(cells);
}
BENCHMARK(BM_Visibility)->Arg(90)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The R3 reference on the same window (for the accuracy/speed trade-off).
void BM_VisibilityR3(benchmark::State& st) {
  const geo::TerrainGrid& t = srtm_grid(static_cast<double>(st.range(0)));
  coverage::Observer o = centre_observer(t);
  o.reach_m = 20000;
  std::int64_t cells = 0;
  for (auto _ : st) {
    const coverage::VisibilityWindow v = coverage::compute_visibility_r3(t, o, 4.0 / 3.0);
    benchmark::DoNotOptimize(v.min_visible_h_m.data());
    cells += static_cast<std::int64_t>(v.min_visible_h_m.size());
  }
  st.SetItemsProcessed(cells);
}
BENCHMARK(BM_VisibilityR3)->Arg(90)->Unit(benchmark::kMillisecond)->UseRealTime();

/// compute_coverage for 12 batteries on flat ground, 3 altitudes + floor; arg = cell size.
void BM_Coverage12(benchmark::State& st) {
  model::Scenario s;
  s.name = "bench";
  s.terrain.flat_m = 100;
  s.region.bbox = {29.0, 49.5, 31.0, 50.9};
  s.resolution_m = static_cast<double>(st.range(0));
  model::SystemType sys;
  sys.id = "r";
  sys.radar = {60, 15, 0, 1};
  sys.engagement = {1, 40, 20, 15000};
  sys.pk = {0.9, 0.9, 0};
  s.systems["r"] = sys;
  for (int i = 0; i < 12; ++i) {
    model::Battery b;
    // (b.id = "b" + std::to_string(i) and b.system = "r" trip a GCC 12
    // -Wrestrict false positive in std::string's inlined copy.)
    char id[16];
    std::snprintf(id, sizeof id, "b%d", i);
    b.id = id;
    b.system = sys.id;
    b.position = {29.3 + 0.13 * i, 49.8 + 0.09 * (i % 5)};
    b.op.group = static_cast<model::OperatorGroup>(i % 3);
    s.batteries.push_back(b);
  }
  const geo::TerrainGrid t = coverage::load_scenario_terrain(s);
  for (auto _ : st) {
    const coverage::CoverageResult r = coverage::compute_coverage(s, t, {});
    benchmark::DoNotOptimize(r.altitudes.data());
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(t.grid.cells()));
}
BENCHMARK(BM_Coverage12)->Arg(250)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
