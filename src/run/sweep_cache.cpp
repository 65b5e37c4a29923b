#include "sweep_cache.hpp"

#include <sstream>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/report/number_text.hpp"

namespace adcov::run::detail {
namespace {

// Shortest round-trip text: equal keys mean equal values.
using report::number_text;

// What the terrain grid depends on: DEM, region, resolution and the batteries'
// positions and reach (the grid grows to cover them).
std::string terrain_key(const model::Scenario& s) {
  std::ostringstream k;
  for (const auto& f : s.terrain.dem_files) k << f.string() << ';';
  k << '|' << (s.terrain.flat_m ? number_text(*s.terrain.flat_m) : "-") << '|' << number_text(s.region.bbox.west)
    << ',' << number_text(s.region.bbox.south) << ',' << number_text(s.region.bbox.east) << ','
    << number_text(s.region.bbox.north) << '|' << number_text(s.resolution_m);
  for (const auto& b : s.batteries) {
    const auto sys = model::effective_system(s, b);
    k << '|' << number_text(b.position.lon_deg) << ',' << number_text(b.position.lat_deg) << ','
      << number_text(coverage::battery_reach_m(s, sys));
  }
  return k.str();
}

// What the per-battery visibility depends on beyond the terrain: antenna
// height, elevation floor, sector, sensor kind, reach and the refraction factor.
std::string visibility_key(const model::Scenario& s) {
  std::ostringstream k;
  k << terrain_key(s) << '|' << number_text(s.k_factor);
  for (const auto& b : s.batteries) {
    const auto sys = model::effective_system(s, b);
    k << '|' << b.system << ',' << number_text(sys.radar.height_m) << ','
      << number_text(sys.radar.min_elevation_deg) << ',' << number_text(sys.radar.sector_deg) << ','
      << number_text(b.azimuth_deg) << ',' << model::to_string(sys.radar.kind);
  }
  return k.str();
}

}  // namespace

void refresh(SweepCache& cache, const model::Scenario& p) {
  const std::string tk = terrain_key(p);
  if (tk != cache.terrain_key) {
    cache.terrain = coverage::load_scenario_terrain(p);
    cache.terrain_key = tk;
    cache.visibility_key.clear();
    ++cache.terrain_loads;
  }
  const std::string vk = visibility_key(p);
  if (vk != cache.visibility_key) {
    cache.batteries = coverage::prepare_batteries(p, cache.terrain);
    cache.visibility_key = vk;
    ++cache.visibility_passes;
    return;
  }
  for (auto& b : cache.batteries) b.system = model::effective_system(p, p.batteries[b.battery_index]);
}

}  // namespace adcov::run::detail
