// Engagement Monte Carlo throughput on a synthetic night raid over Kyiv:
// 500 threats (400 drones from 8 launch areas, 80 cruise missiles on routed
// paths, 20 ballistic missiles) against 40 batteries of five system types and
// three operator groups, on flat terrain with 500 m cells.
//
//   build-eng/bench/engage_bench --benchmark_filter=NightRaid
//
// BM_NightRaidWindows: the once-per-run precompute (paths, windows).
// BM_NightRaid/<trials>/<groups>: simulate() end to end; groups = 1 adds the
// three paired operator-group reruns (4 battles per trial). Reports trials/s.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "adcov/coverage/engageability.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/geo/grid.hpp"

namespace {

using namespace adcov;

model::SystemType system(const std::string& id, double radar_km, double max_km, double max_alt_m,
                         double v_mps, double cost, int magazine, int channels, double reaction_s,
                         model::PkTable pk, model::Doctrine doc) {
  model::SystemType s;
  s.id = id;
  s.radar = {radar_km, 10.0, 0.0, 1.0};
  s.engagement = {0.5, max_km, 20.0, max_alt_m};
  s.interceptor = {v_mps, cost};
  s.magazine = magazine;
  s.reload_s = 1800;
  s.fire_channels = channels;
  s.reaction_s = reaction_s;
  s.pk = pk;
  s.doctrine = doc;
  return s;
}

model::ThreatType threat(const std::string& id, model::ThreatClass cls, double v, double alt,
                         double rcs, double cost) {
  model::ThreatType t;
  t.id = id;
  t.cls = cls;
  t.speed_mps = v;
  t.altitude_m = alt;
  t.rcs_m2 = rcs;
  t.cost_usd = cost;
  return t;
}

struct Raid {
  model::Scenario s;
  geo::TerrainGrid terrain;
  std::vector<coverage::BatteryGeometry> batteries;
};

/// The raid; with `network`, as a networked defence: two early-warning
/// radars (P-18-like, 180 km against 1 m2, 10 s scan, 20 m mast),
/// detection.model swerling1 and c2.mode cued (docs/engagement.md,
/// "Detection and tracks").
Raid make_raid(bool network) {
  Raid r;
  model::Scenario& s = r.s;
  s.name = "bench-night-raid";
  s.seed = 1;
  s.resolution_m = 500;
  // Coarse public-order figures; for throughput only.
  s.systems["sam_long"] = system("sam_long", 150, 100, 25000, 1500, 4.0e6, 16, 9, 15,
                                 {0.9, 0.9, 0.7}, {2, 1});
  s.systems["sam_medium"] = system("sam_medium", 60, 40, 20000, 1000, 4.3e5, 8, 4, 10,
                                   {0.9, 0.85, 0.0}, {1, 2});
  s.systems["sam_short"] = system("sam_short", 40, 25, 15000, 1000, 1.0e6, 6, 3, 10,
                                  {0.85, 0.8, 0.0}, {1, 2});
  s.systems["gun"] = system("gun", 15, 4, 3000, 1100, 8.0e3, 40, 1, 5, {0.5, 0.2, 0.0}, {1, 2});
  s.systems["mobile_group"] = system("mobile_group", 8, 2, 2000, 800, 2.0e3, 60, 1, 5,
                                     {0.3, 0.05, 0.0}, {1, 3});
  s.threats["shahed"] = threat("shahed", model::ThreatClass::drone, 50, 150, 0.1, 35000);
  s.threats["kh101"] = threat("kh101", model::ThreatClass::cruise, 250, 50, 0.5, 1.3e6);
  s.threats["iskander"] = threat("iskander", model::ThreatClass::ballistic, 2000, 50000, 0.5, 3.0e6);

  const geo::LonLat kyiv{30.52, 50.45};
  // 40 batteries on rings around the city.
  struct Ring {
    const char* sys;
    int n;
    double radius_km;
    model::OperatorGroup g;
  };
  const Ring rings[] = {{"sam_long", 4, 15, model::OperatorGroup::allied},
                        {"sam_medium", 8, 35, model::OperatorGroup::ukraine},
                        {"sam_short", 8, 55, model::OperatorGroup::allied},
                        {"gun", 12, 75, model::OperatorGroup::ukraine},
                        {"mobile_group", 8, 95, model::OperatorGroup::contractor}};
  int id = 0;
  for (const Ring& ring : rings)
    for (int i = 0; i < ring.n; ++i) {
      model::Battery b;
      b.id = "b" + std::to_string(id++);
      b.system = ring.sys;
      b.op.group = ring.g;
      b.position = geo::destination(kyiv, 360.0 * (i + 0.5 * (ring.radius_km > 50)) / ring.n,
                                    ring.radius_km * 1000.0);
      s.batteries.push_back(b);
    }
  // 8 drone salvos of 50 from launch areas 250-350 km out, 3 weighted targets each.
  const std::vector<model::WeightedTarget> targets = {
      {kyiv, 3.0}, {{30.30, 50.50}, 1.0}, {{30.75, 50.40}, 1.0}};
  for (int k = 0; k < 8; ++k) {
    model::Salvo v;
    v.id = "drones" + std::to_string(k);
    v.threat = "shahed";
    v.count = 50;
    v.launch_area = model::LaunchArea{geo::destination(kyiv, 20.0 + 40.0 * k, 300000.0), 30};
    v.targets = targets;
    v.start_s = 600.0 * k;
    v.interval_s = 12;
    s.salvos.push_back(v);
  }
  for (int k = 0; k < 2; ++k) {
    model::Salvo v;
    v.id = "cruise" + std::to_string(k);
    v.threat = "kh101";
    v.count = 40;
    v.launch = geo::destination(kyiv, 100.0 + 60.0 * k, 600000.0);
    v.route = {geo::destination(kyiv, 160.0 + 60.0 * k, 150000.0)};
    v.targets = targets;
    v.start_s = 3000;
    v.interval_s = 6;
    s.salvos.push_back(v);
  }
  for (int k = 0; k < 2; ++k) {
    model::Salvo v;
    v.id = "ballistic" + std::to_string(k);
    v.threat = "iskander";
    v.count = 10;
    v.launch = geo::destination(kyiv, 60.0 + 30.0 * k, 400000.0);
    v.targets = {{kyiv, 1.0}};
    v.start_s = 5000;
    v.interval_s = 20;
    s.salvos.push_back(v);
  }
  if (network) {
    model::SystemType ew;
    ew.id = "early_warning";
    ew.role = model::Role::sensor;
    ew.radar = {180, 20, 0, 1};
    ew.radar.scan_s = 10;
    ew.radar.band = model::RadarBand::vhf;
    s.systems[ew.id] = ew;
    for (int k = 0; k < 2; ++k) {
      model::Battery b;
      b.id = "ew" + std::to_string(k);
      b.system = ew.id;
      b.position = geo::destination(kyiv, 90.0 + 180.0 * k, 40000.0);
      s.batteries.push_back(b);
    }
    s.detection.model = model::DetectionModel::swerling1;
    s.c2.mode = model::C2Mode::cued;
  }
  r.terrain.grid = geo::make_grid(29.5, 49.8, 31.5, 51.0, s.resolution_m, 150000.0);
  r.terrain.ground_m.assign(r.terrain.grid.cells(), 150.0f);
  r.batteries = coverage::prepare_batteries(s, r.terrain);
  return r;
}

const Raid& night_raid(bool network = false) {
  static const Raid plain = make_raid(false);
  static const Raid networked = make_raid(true);
  return network ? networked : plain;
}

void BM_NightRaidWindows(benchmark::State& st) {
  const Raid& r = night_raid();
  engage::SimulationOptions opt;
  opt.trials = 0;
  opt.operator_effects = false;
  for (auto _ : st) benchmark::DoNotOptimize(engage::simulate(r.s, r.terrain, r.batteries, opt));
}
BENCHMARK(BM_NightRaidWindows)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NightRaid(benchmark::State& st) {
  const Raid& r = night_raid(st.range(2) != 0);
  engage::SimulationOptions opt;
  opt.trials = static_cast<int>(st.range(0));
  opt.operator_effects = st.range(1) != 0;
  engage::SimulationResult res;
  for (auto _ : st) {
    res = engage::simulate(r.s, r.terrain, r.batteries, opt);
    benchmark::DoNotOptimize(res);
  }
  st.SetItemsProcessed(st.iterations() * st.range(0));
  st.counters["trials_per_s"] =
      benchmark::Counter(static_cast<double>(st.iterations() * st.range(0)), benchmark::Counter::kIsRate);
  st.counters["rate"] = res.overall.interception_rate;
}
// Args: trials, operator-group reruns, network (swerling1 + cued + 2 sensors).
// Measured on the 2-core development machine (README "Benchmarks"): 10,000
// trials in 6.8 s without the network and 8.2 s with it (target < 10 s each).
BENCHMARK(BM_NightRaid)
    ->Args({1000, 0, 0})
    ->Args({1000, 1, 0})
    ->Args({10000, 0, 0})
    ->Args({10000, 1, 0})
    ->Args({0, 0, 1})
    ->Args({1000, 0, 1})
    ->Args({10000, 0, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
