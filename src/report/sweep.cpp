#include "adcov/report/sweep.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/geo/error.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/progress.hpp"
#include "adcov/report/heatmap_png.hpp"
#include "adcov/report/output_names.hpp"
#include "sweep_plot.hpp"

namespace adcov::report {
namespace {

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// What the terrain grid depends on: DEM, region, resolution and the batteries'
// positions and reach (the grid grows to cover them).
std::string terrain_key(const model::Scenario& s) {
  std::ostringstream k;
  for (const auto& f : s.terrain.dem_files) k << f.string() << ';';
  k << '|' << (s.terrain.flat_m ? num(*s.terrain.flat_m) : "-") << '|' << num(s.region.bbox.west)
    << ',' << num(s.region.bbox.south) << ',' << num(s.region.bbox.east) << ','
    << num(s.region.bbox.north) << '|' << num(s.resolution_m);
  for (const auto& b : s.batteries) {
    const auto sys = model::effective_system(s, b);
    k << '|' << num(b.position.lon_deg) << ',' << num(b.position.lat_deg) << ','
      << num(coverage::battery_reach_m(s, sys));
  }
  return k.str();
}

// What the per-battery visibility depends on beyond the terrain: antenna
// height, elevation floor, reach and the refraction factor.
std::string visibility_key(const model::Scenario& s) {
  std::ostringstream k;
  k << terrain_key(s) << '|' << num(s.k_factor);
  for (const auto& b : s.batteries) {
    const auto sys = model::effective_system(s, b);
    k << '|' << b.system << ',' << num(sys.radar.height_m) << ',' << num(sys.radar.min_elevation_deg);
  }
  return k.str();
}

}  // namespace

SweepResult run_sweep(const model::Scenario& s, const SweepOptions& opt) {
  if (s.sweep.empty())
    throw InputError(s.file.string() + ": scenario '" + s.name + "' has no sweep: block to run");
  SweepResult res;
  for (const auto& a : s.sweep) res.axes.push_back(a.set);

  std::size_t total = 1;
  for (const auto& a : s.sweep) total *= a.values.size();

  const std::size_t ranks = std::max<std::size_t>(1, opt.ranks);
  if (opt.rank >= ranks) throw Error("run_sweep: rank " + std::to_string(opt.rank) + " of " + std::to_string(ranks));
  const std::size_t mine = total / ranks + (opt.rank < total % ranks ? 1 : 0);
  Progress progress("sweep points", static_cast<std::int64_t>(mine), progress_wanted(opt.quiet));
  std::string last_terrain_key, last_vis_key;
  geo::TerrainGrid terrain;
  std::vector<coverage::BatteryGeometry> batteries;

  for (std::size_t flat = opt.rank; flat < total; flat += ranks) {
    // Mixed-radix digits of `flat`: the last axis varies fastest.
    std::vector<std::size_t> digit(s.sweep.size());
    for (std::size_t i = s.sweep.size(), rest = flat; i-- > 0;) {
      digit[i] = rest % s.sweep[i].values.size();
      rest /= s.sweep[i].values.size();
    }
    model::Scenario p = s;
    SweepPoint pt;
    pt.index = flat;
    for (std::size_t i = 0; i < s.sweep.size(); ++i) {
      const std::string& v = s.sweep[i].values[digit[i]];
      p = model::apply_sweep_value(p, s.sweep[i], v);
      pt.values.push_back(v);
    }
    if (opt.seed) p.seed = *opt.seed;
    if (opt.trials) p.simulation.trials = *opt.trials;

    const std::string tk = terrain_key(p);
    if (tk != last_terrain_key) {
      terrain = coverage::load_scenario_terrain(p);
      last_terrain_key = tk;
      last_vis_key.clear();
      ++res.terrain_loads;
    }
    const std::string vk = visibility_key(p);
    if (vk != last_vis_key) {
      batteries = coverage::prepare_batteries(p, terrain);
      last_vis_key = vk;
      ++res.visibility_passes;
    } else {
      // Same geometry: keep the visibility, take the point's system values
      // (magazine, Pk, doctrine ...), which lookups read at query time.
      for (auto& b : batteries) b.system = model::effective_system(p, p.batteries[b.battery_index]);
    }
    const coverage::CoverageResult cov = coverage::compute_coverage(p, terrain, batteries, {});
    engage::SimulationOptions so;
    so.trials = p.simulation.trials;
    so.seed = p.seed;
    so.operator_effects = false;  // not reported per point
    const engage::SimulationResult sim = engage::simulate(p, terrain, batteries, so);

    pt.overall = sim.overall;
    for (const auto& a : cov.altitudes) {
      pt.altitudes_m.push_back(a.altitude_m);
      pt.covered_fraction.push_back(a.region.covered_fraction);
    }
    res.points.push_back(std::move(pt));
    progress.add();
  }
  progress.finish();
  return res;
}

}  // namespace adcov::report
