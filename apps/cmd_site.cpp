// adcov site: place new batteries greedily at the candidate sites that add
// most covered area (or interceptions); writes siting.csv, siting.geojson,
// siting.png and scenario_sited.yaml (docs/siting.md). Runs on rank 0 alone
// under mpirun.

#include <fmt/format.h>

#include <cstdio>

#include "adcov/coverage/coverage_map.hpp"
#include "adcov/coverage/memory_estimate.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "adcov/report/data_files.hpp"
#include "adcov/run/memory_check.hpp"
#include "adcov/run/siting_run.hpp"
#include "commands.hpp"
#include "output_dir.hpp"
#include "progress_bar.hpp"

namespace adcov::app {
namespace {

std::string result_table(const report::SitingResult& r) {
  const bool area = r.objective == report::SitingObjective::area;
  const char* unit = area ? "km2" : "interceptions";
  std::string text = fmt::format(
      "objective: {} ({}); {} candidate sites, {} evaluations\n", report::to_string(r.objective),
      area ? fmt::format("{} covered at {} m", r.target, r.altitude_m)
           : fmt::format("mean per night over {} trials, seed {}", r.trials, r.seed),
      r.candidates, r.evaluated);
  text +=
      fmt::format("  {:>4}  {:<10} {:<20} {:>10} {:>10} {:>16} {:>18}\n", "rank", "id", "system",
                  "lon", "lat", fmt::format("gain {}", unit), fmt::format("objective {}", unit));
  text += fmt::format("  {:>4}  {:<10} {:<20} {:>10} {:>10} {:>16} {:>18.1f}\n", 0, "(as given)",
                      "", "", "", "", r.objective_before);
  for (const report::SitedBattery& b : r.placed)
    text += fmt::format("  {:>4}  {:<10} {:<20} {:>10.4f} {:>10.4f} {:>16.1f} {:>18.1f}\n", b.rank,
                        b.id, b.system, b.at.lon_deg, b.at.lat_deg, b.gain, b.objective);
  text += fmt::format(
      "coverage of scenario_sited.yaml at {} m: {:.1f} of {:.1f} km2 of the {} covered (was "
      "{:.1f})\n",
      r.altitude_m, r.sited_covered_km2, r.target_km2, r.target, r.before_covered_km2);
  return text;
}

}  // namespace

int cmd_site(const SiteArgs& a) {
  const model::Scenario s = model::load_scenario(a.scenario);
  run::SitingOptions opt;
  for (const std::string& text : a.add) opt.add.push_back(run::parse_site_request(text));
  opt.op = a.op;
  opt.spacing_km = a.spacing_km;
  if (!a.candidates.empty()) opt.candidates_file = a.candidates;
  opt.altitude_m = a.altitude_m;
  opt.objective = a.objective == "interceptions" ? report::SitingObjective::interceptions
                                                 : report::SitingObjective::area;
  opt.trials = a.trials;
  // The study grid reaches as far as a new battery at any corner of the region would.
  model::Scenario est = s;
  const geo::LonLatBox& bb = s.region.bbox;
  for (const run::SiteRequest& r : opt.add)
    for (const geo::LonLat at : {geo::LonLat{bb.west, bb.south}, {bb.east, bb.north}})
      if (s.systems.count(r.system)) {
        model::Battery b;
        b.system = r.system;
        b.position = at;
        est.batteries.push_back(b);
      }
  run::check_memory(a.scenario, coverage::estimate_memory(est));
  coverage::check_scenario_terrain(s);  // as validate: the DEM against region, batteries, launches
  ProgressBar bar(progress_wanted(a.common.quiet));
  opt.progress = bar.hooks();
  opt.render = report::default_render_options();
  const auto dir = output_dir(a.out_dir, s.name, 1, "-siting");
  const run::SitingOutput out = run::siting_into(dir, s, opt);
  if (a.common.quiet) return 0;  // --quiet: nothing but errors (docs/commands.md)
  std::string text = result_table(out.result);
  for (const auto& n : out.notes) text += fmt::format("note: {}\n", n);
  text += fmt::format(
      "wrote siting.csv, siting.geojson, siting.png and scenario_sited.yaml to {}\n", dir.string());
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace adcov::app
