// adcov site: greedy placement (docs/siting.md).
//
// Notation: T the target cells (region cells, inside the protect polygons
// when the scenario has them), C the cells of T covered so far at the
// altitude, E(c) the cells of T candidate c can engage there
// (coverage/battery_cover.hpp). Area gain of c: |E(c) \ C| cells of
// cell_m^2 each (LAEA is equal-area). Interception gain: mean interceptions
// with c added minus without, both over the same trials (the scenario's seed:
// common random numbers, so the difference is paired and its noise small).
#include "adcov/run/siting_run.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <memory>
#include <mutex>
#include <set>

#include "adcov/coverage/battery_cover.hpp"
#include "adcov/coverage/coverage_map.hpp"
#include "adcov/engage/ground_track.hpp"
#include "adcov/engage/simulation.hpp"
#include "adcov/error.hpp"
#include "adcov/model/added_batteries.hpp"
#include "adcov/model/value_rules.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/siting_outputs.hpp"
#include "adcov/run/siting_candidates.hpp"

namespace adcov::run {
namespace {

using report::SitingObjective;

/// Uncovered target cells are looked for in blocks of this many cells a side:
/// a candidate farther than its engagement range from every block that holds
/// one cannot add area and is skipped before its visibility sweep.
constexpr int kBlockCells = 32;

/// What every placement step shares.
struct Study {
  model::Scenario base;
  std::vector<CandidateSite> sites;
  double altitude_m = 0;
  geo::TerrainGrid terrain;           ///< covers every candidate's reach
  std::vector<std::uint8_t> target;   ///< T on terrain.grid
  std::vector<std::uint8_t> covered;  ///< C (area objective)
  std::vector<std::uint8_t> used;     ///< per site: holds a sited battery
  double cell_km2 = 0;
};

double default_altitude_m(const model::Scenario& s) {
  return s.coverage.altitudes_m.empty()
             ? 500.0
             : *std::min_element(s.coverage.altitudes_m.begin(), s.coverage.altitudes_m.end());
}

void check_options(const model::Scenario& s, const SitingOptions& opt) {
  if (opt.add.empty())
    throw InputError("--add: give at least one SYSTEM:COUNT (e.g. --add iris_t_slm:3)");
  for (const SiteRequest& r : opt.add)
    if (const std::string p = model::system_problem(s, r.system); !p.empty())
      throw InputError("--add " + r.text + ": " + p + " (adcov library systems lists them)");
  if (const std::string p = model::operator_problem(opt.op); !p.empty())
    throw InputError("--operator: " + p);
  if (opt.altitude_m)
    if (const std::string p = model::altitude_problem(*opt.altitude_m); !p.empty())
      throw InputError("--altitude: " + p);
  if (opt.trials)
    if (const std::string p = model::trials_problem(*opt.trials); !p.empty())
      throw InputError("--trials: " + p);
  if (opt.objective == SitingObjective::interceptions && s.salvos.empty())
    throw InputError("--objective interceptions: " + s.file.filename().string() +
                     " has no salvos: (nothing to intercept); use --objective area");
}

model::Battery site_battery(const std::string& system, const model::Operator& op, geo::LonLat at,
                            const std::string& id) {
  model::Battery b;
  b.id = id;
  b.system = system;
  b.op = op;
  b.position = at;
  return b;
}

/// The operator as the loader reads it (checked by operator_problem).
model::Operator parse_op(const std::string& text) {
  model::Operator op;
  const auto colon = text.find(':');
  if (colon == std::string::npos) return op;
  op.group = text.substr(0, colon) == "allied" ? model::OperatorGroup::allied
                                               : model::OperatorGroup::contractor;
  op.detail = text.substr(colon + 1);
  return op;
}

/// One grid for every step: the region grown by the reach of the scenario's
/// batteries and of every requested system at every site.
geo::TerrainGrid study_terrain(const model::Scenario& s, const std::vector<CandidateSite>& sites,
                               const SitingOptions& opt) {
  model::Scenario wide = s;
  std::set<std::string> systems;
  for (const SiteRequest& r : opt.add) systems.insert(r.system);
  for (const std::string& sys : systems)
    for (const CandidateSite& c : sites)
      wide.batteries.push_back(site_battery(sys, {}, c.at, "candidate"));
  return coverage::load_scenario_terrain(wide);
}

std::vector<CandidateSite> candidate_sites(const model::Scenario& s, const SitingOptions& opt) {
  return opt.candidates_file ? file_sites(s, *opt.candidates_file)
                             : lattice_sites(s, opt.spacing_km);
}

Study make_study(const model::Scenario& s, std::vector<CandidateSite> sites,
                 const SitingOptions& opt, report::SitingResult& res) {
  Study st;
  st.base = s;
  st.sites = std::move(sites);
  std::size_t wanted = 0;
  for (const SiteRequest& r : opt.add) wanted += static_cast<std::size_t>(r.count);
  if (wanted > st.sites.size())
    throw InputError(fmt::format(
        "--add: {} batteries to place but only {} candidate site{} (each site takes one)", wanted,
        st.sites.size(), st.sites.size() == 1 ? "" : "s"));
  st.altitude_m = opt.altitude_m.value_or(default_altitude_m(s));
  begin_stage(opt.progress, "loading terrain");
  st.terrain = study_terrain(s, st.sites, opt);
  const geo::GridSpec& g = st.terrain.grid;
  st.cell_km2 = g.cell_m * g.cell_m * 1e-6;  // as compute_coverage's areas
  const coverage::CoverageResult before =
      coverage::compute_coverage(s, st.terrain, {.altitudes_m = {st.altitude_m}, .crop_to_region = false});
  st.target.assign(g.cells(), 0);
  st.covered.assign(g.cells(), 0);
  std::int64_t target_cells = 0, covered_cells = 0;
  for (std::size_t i = 0; i < g.cells(); ++i) {
    st.target[i] = before.in_region[i] && (before.in_protect.empty() || before.in_protect[i]);
    st.covered[i] = st.target[i] && before.altitudes[0].count[i] > 0;
    target_cells += st.target[i], covered_cells += st.covered[i];
  }
  st.used.assign(st.sites.size(), 0);
  res.altitude_m = st.altitude_m;
  res.target = before.in_protect.empty() ? "region" : "protect polygons";
  res.target_km2 = static_cast<double>(target_cells) * st.cell_km2;
  res.candidates = st.sites.size();
  if (opt.objective == SitingObjective::area)
    res.objective_before = static_cast<double>(covered_cells) * st.cell_km2;
  return st;
}

/// Per site: can a battery with engagement range `range_m` there reach a
/// target cell not yet covered? (Distance to the box of each block's cell
/// centres, a lower bound of the distance to any of its cells.)
std::vector<std::uint8_t> sites_that_can_add(const Study& st, double range_m) {
  const geo::GridSpec& g = st.terrain.grid;
  struct Box {
    double x0, x1, y0, y1;
  };
  std::vector<Box> open;
  for (int r0 = 0; r0 < g.height; r0 += kBlockCells)
    for (int c0 = 0; c0 < g.width; c0 += kBlockCells) {
      const int r1 = std::min(g.height, r0 + kBlockCells), c1 = std::min(g.width, c0 + kBlockCells);
      bool any = false;
      for (int r = r0; r < r1 && !any; ++r)
        for (int c = c0; c < c1 && !any; ++c) {
          const std::size_t i = static_cast<std::size_t>(r) * g.width + c;
          any = st.target[i] && !st.covered[i];
        }
      if (!any) continue;
      const geo::XY a = g.cell_center(c0, r1 - 1), b = g.cell_center(c1 - 1, r0);
      open.push_back({a.x_m, b.x_m, a.y_m, b.y_m});
    }
  std::vector<std::uint8_t> out(st.sites.size(), 0);
  for (std::size_t k = 0; k < st.sites.size(); ++k) {
    const geo::XY p = geo::project(g.projection, st.sites[k].at);
    for (const Box& b : open) {
      const double dx = std::max({b.x0 - p.x_m, 0.0, p.x_m - b.x1}),
                   dy = std::max({b.y0 - p.y_m, 0.0, p.y_m - b.y1});
      if (dx * dx + dy * dy <= range_m * range_m) {
        out[k] = 1;
        break;
      }
    }
  }
  return out;
}

/// E(c) as runs of consecutive cell indices [begin, end): a disc is one run
/// per row, so a site costs a few kB however many cells it covers (a sorted
/// index list of a long-range system over a whole region would cost MBs).
struct CellRun {
  std::uint32_t begin, end;
};

std::vector<CellRun> runs_of(const std::vector<std::uint32_t>& sorted_cells) {
  std::vector<CellRun> out;
  for (const std::uint32_t i : sorted_cells) {
    if (!out.empty() && out.back().end == i)
      ++out.back().end;
    else
      out.push_back({i, i + 1});
  }
  out.shrink_to_fit();
  return out;
}

/// The first unused site of largest value (ties to the earlier site).
std::size_t best_site(const Study& st, const std::vector<double>& value) {
  std::size_t best = st.sites.size();
  for (std::size_t k = 0; k < st.sites.size(); ++k)
    if (!st.used[k] && (best == st.sites.size() || value[k] > value[best])) best = k;
  return best;
}

/// Places one request's batteries by area: E(c) once per site, then each step
/// is set differences against C.
void place_by_area(Study& st, const SiteRequest& req, const model::Operator& op,
                   const SitingOptions& opt, std::vector<model::Battery>& placed,
                   report::SitingResult& res) {
  const model::SystemType& sys = st.base.systems.at(req.system);
  const coverage::ReferenceEnvelope ref = coverage::reference_envelope(st.base, sys);
  const std::vector<std::uint8_t> useful = ref.can_kill
                                               ? sites_that_can_add(st, ref.env.max_range_m)
                                               : std::vector<std::uint8_t>(st.sites.size(), 0);
  const std::int64_t n_useful = std::count(useful.begin(), useful.end(), 1);
  begin_stage(opt.progress, fmt::format("{}: engageable cells per site", req.system), n_useful);
  std::vector<std::vector<CellRun>> cells(st.sites.size());
  std::atomic<std::int64_t> done{0};
  std::mutex progress_mutex;
  tbb::parallel_for(std::size_t{0}, st.sites.size(), [&](std::size_t k) {
    if (!useful[k]) return;
    const model::Battery b = site_battery(req.system, op, st.sites[k].at, "candidate");
    const coverage::BatteryGeometry geom =
        coverage::prepare_battery(st.base, b, st.base.batteries.size(), st.terrain);
    cells[k] = runs_of(
        coverage::engageable_cells(st.base, st.terrain, geom, ref, st.altitude_m, st.target));
    std::lock_guard lock(progress_mutex);
    report_done(opt.progress, ++done);
  });
  res.evaluated += static_cast<std::size_t>(n_useful);
  double objective = res.placed.empty() ? res.objective_before : res.placed.back().objective;
  std::vector<double> gain(st.sites.size());
  for (int n = 0; n < req.count; ++n) {
    tbb::parallel_for(std::size_t{0}, st.sites.size(), [&](std::size_t k) {
      std::int64_t g = 0;
      for (const CellRun& run : cells[k])
        for (std::uint32_t i = run.begin; i < run.end; ++i) g += !st.covered[i];
      gain[k] = static_cast<double>(g);
    });
    const std::size_t k = best_site(st, gain);
    for (const CellRun& run : cells[k])
      std::fill(st.covered.begin() + run.begin, st.covered.begin() + run.end, std::uint8_t{1});
    st.used[k] = 1;
    const double gain_km2 = gain[k] * st.cell_km2;
    std::int64_t covered = 0;
    for (const std::uint8_t c : st.covered) covered += c;
    objective = static_cast<double>(covered) * st.cell_km2;
    placed.push_back(site_battery(req.system, op, st.sites[k].at, ""));
    res.placed.push_back(
        {0, "", req.system, opt.op, st.sites[k].at, st.sites[k].where, gain_km2, objective});
  }
}

/// Mean interceptions per trial of `s` with `batteries` (prepared on st.terrain).
double mean_interceptions(const Study& st, const model::Scenario& s,
                          const std::vector<coverage::BatteryGeometry>& batteries,
                          const engage::SimulationOptions& so) {
  return engage::simulate(s, st.terrain, batteries, so).overall.intercepted_mean;
}

/// Places one request's batteries by interceptions: every unused site is
/// tried at every step (each trial set with the same seed).
void place_by_interceptions(Study& st, const SiteRequest& req, const model::Operator& op,
                            const SitingOptions& opt, const engage::SimulationOptions& so,
                            model::Scenario& current, std::vector<coverage::BatteryGeometry>& geoms,
                            std::vector<model::Battery>& placed, report::SitingResult& res) {
  for (int n = 0; n < req.count; ++n) {
    const double now = res.placed.empty() ? res.objective_before : res.placed.back().objective;
    std::vector<double> value(st.sites.size(), 0.0);
    const std::int64_t open = std::count(st.used.begin(), st.used.end(), 0);
    begin_stage(opt.progress,
                fmt::format("{} {}/{}: trials per site", req.system, n + 1, req.count), open);
    std::atomic<std::int64_t> done{0};
    std::mutex progress_mutex;
    tbb::parallel_for(std::size_t{0}, st.sites.size(), [&](std::size_t k) {
      if (st.used[k]) return;
      model::Scenario with = current;
      with.batteries.push_back(site_battery(req.system, op, st.sites[k].at, "candidate"));
      std::vector<coverage::BatteryGeometry> g = geoms;
      g.push_back(coverage::prepare_battery(with, with.batteries.back(), with.batteries.size() - 1,
                                            st.terrain));
      value[k] = mean_interceptions(st, with, g, so);
      std::lock_guard lock(progress_mutex);
      report_done(opt.progress, ++done);
    });
    res.evaluated += static_cast<std::size_t>(open);
    const std::size_t k = best_site(st, value);
    st.used[k] = 1;
    current.batteries.push_back(site_battery(req.system, op, st.sites[k].at, "sited"));
    geoms.push_back(coverage::prepare_battery(current, current.batteries.back(),
                                              current.batteries.size() - 1, st.terrain));
    placed.push_back(site_battery(req.system, op, st.sites[k].at, ""));
    res.placed.push_back(
        {0, "", req.system, opt.op, st.sites[k].at, st.sites[k].where, value[k] - now, value[k]});
  }
}

/// The covered km^2 of the target at the altitude, as `adcov coverage` reports it.
double covered_km2(const coverage::CoverageResult& r) {
  const coverage::AltitudeCoverage& a = r.altitudes.at(0);
  return a.protect ? a.protect->covered_km2 : a.region.covered_km2;
}

struct Sited {
  report::SitingResult result;
  model::Scenario scenario;  ///< the input with the sited batteries, as scenario_sited.yaml loads
  geo::TerrainGrid terrain;  ///< its analysis grid
};

/// The area objective's table measured again on the sited scenario's own
/// grid, the one `adcov coverage scenario_sited.yaml` uses. The choices were
/// made on the study grid, which is larger (every candidate's reach), and
/// GDAL's warp of the DEM (terrain.cpp) onto grids of different extent can
/// give ground heights that differ in their last bits, which moves a cell or
/// two at a window's edge (seen at 50 m on the national baseline). Re-measured, the gains still add
/// up, the cumulative objective never decreases and its last value is adcov coverage's to the bit.
void remeasure_on_sited_grid(Sited& out, const coverage::CoverageResult& before) {
  report::SitingResult& res = out.result;
  const coverage::CoverageResult& after = res.sited_coverage;
  const geo::GridSpec& g = after.grid;
  std::vector<std::uint8_t> target(g.cells()), covered(g.cells());
  std::int64_t n = 0;
  for (std::size_t i = 0; i < g.cells(); ++i) {
    target[i] = after.in_region[i] && (after.in_protect.empty() || after.in_protect[i]);
    covered[i] = target[i] && before.altitudes[0].count[i] > 0;
    n += covered[i];
  }
  const double cell_km2 = g.cell_m * g.cell_m * 1e-6;  // as compute_coverage's areas
  res.objective_before = static_cast<double>(n) * cell_km2;
  const std::size_t first = after.batteries.size() - res.placed.size();
  for (std::size_t k = 0; k < res.placed.size(); ++k) {
    const coverage::BatteryGeometry& b = after.batteries[first + k];
    const coverage::ReferenceEnvelope ref = coverage::reference_envelope(out.scenario, b.system);
    std::int64_t gain = 0;
    for (const std::uint32_t i :
         coverage::engageable_cells(out.scenario, out.terrain, b, ref, res.altitude_m, target))
      if (!covered[i]) covered[i] = 1, ++gain;
    n += gain;
    res.placed[k].gain = static_cast<double>(gain) * cell_km2;
    res.placed[k].objective = static_cast<double>(n) * cell_km2;
  }
}

/// Ids, the sited scenario (rebuilt by the loader), its coverage and the YAML text.
void finish(const model::Scenario& s, std::vector<model::Battery>& placed, const SitingOptions& opt,
            Sited& out) {
  report::SitingResult& res = out.result;
  std::vector<model::NewBattery> added;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    ids.push_back(model::free_battery_id(s, ids, "sited", static_cast<int>(i) + 1));
    res.placed[i].rank = static_cast<int>(i) + 1;
    res.placed[i].id = ids.back();
    added.push_back({ids.back(), placed[i].system, opt.op, placed[i].position});
  }
  begin_stage(opt.progress, "coverage of the sited scenario");
  out.scenario = model::with_batteries(s, added);
  out.terrain = coverage::load_scenario_terrain(out.scenario);
  std::vector<coverage::BatteryGeometry> geoms =
      coverage::prepare_batteries(out.scenario, out.terrain);
  const std::vector<coverage::BatteryGeometry> given(geoms.begin(),
                                                     geoms.begin() + s.batteries.size());
  res.sited_coverage =
      coverage::compute_coverage(out.scenario, out.terrain, std::move(geoms),
                                 {.altitudes_m = {res.altitude_m}, .crop_to_region = false});
  const coverage::CoverageResult before =
      coverage::compute_coverage(s, out.terrain, given, {.altitudes_m = {res.altitude_m}, .crop_to_region = false});
  res.covered_before.resize(before.grid.cells());
  for (std::size_t i = 0; i < res.covered_before.size(); ++i)
    res.covered_before[i] = before.altitudes[0].count[i] > 0;
  res.sited_covered_km2 = covered_km2(res.sited_coverage);
  res.before_covered_km2 = covered_km2(before);
  if (opt.objective == SitingObjective::area) remeasure_on_sited_grid(out, before);
  std::string list;
  for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
  res.sited_yaml = model::scenario_yaml_text(
      out.scenario,
      fmt::format("Written by adcov site from {}:\nthe input scenario with the batteries it placed "
                  "appended ({}; objective {}, docs/siting.md).\nRelative paths of the input are "
                  "written absolute; its comments are not kept.",
                  s.file.string(), list, report::to_string(opt.objective)));
}

Sited site(const model::Scenario& s, std::vector<CandidateSite> sites, const SitingOptions& opt) {
  Sited out;
  report::SitingResult& res = out.result;
  res.objective = opt.objective;
  res.seed = s.seed;
  Study st = make_study(s, std::move(sites), opt, res);
  const model::Operator op = parse_op(opt.op);
  std::vector<model::Battery> placed;
  if (opt.objective == SitingObjective::area) {
    for (const SiteRequest& req : opt.add) place_by_area(st, req, op, opt, placed, res);
  } else {
    engage::GroundTrackCache tracks(
        st.terrain);  // the paths never move: projected once for every candidate
    engage::SimulationOptions so;
    so.trials = opt.trials.value_or(s.simulation.trials);
    so.seed = s.seed;  // common random numbers
    so.operator_effects = false;
    so.tracks = &tracks;
    res.trials = so.trials;
    model::Scenario current = s;
    std::vector<coverage::BatteryGeometry> geoms = coverage::prepare_batteries(current, st.terrain);
    begin_stage(opt.progress, "trials of the scenario as given");
    res.objective_before = mean_interceptions(st, current, geoms, so);
    for (const SiteRequest& req : opt.add)
      place_by_interceptions(st, req, op, opt, so, current, geoms, placed, res);
  }
  finish(s, placed, opt, out);
  return out;
}

}  // namespace

SiteRequest parse_site_request(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw InputError("--add " + text + ": expected SYSTEM:COUNT (e.g. iris_t_slm:3)");
  SiteRequest r;
  r.text = text;
  r.system = text.substr(0, colon);
  const std::string count = text.substr(colon + 1);
  int n = 0;
  const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
  if (count.empty() || ec != std::errc() || end != count.data() + count.size() || n < 1 ||
      n > kMaxSitedPerRequest)
    throw InputError(fmt::format("--add {}: COUNT must be a whole number from 1 to {}, got '{}'",
                                 text, kMaxSitedPerRequest, count));
  r.count = n;
  return r;
}

report::SitingResult run_siting(const model::Scenario& s, const SitingOptions& opt) {
  check_options(s, opt);
  return site(s, candidate_sites(s, opt), opt).result;
}

SitingOutput siting_into(const std::filesystem::path& out_dir, const model::Scenario& s,
                         const SitingOptions& opt) {
  check_options(s, opt);  // the options and the candidates before the folder is created
  std::vector<CandidateSite> sites = candidate_sites(s, opt);
  report::OutputStage stage(out_dir);
  Sited r = site(s, std::move(sites), opt);
  report::RenderOptions render = opt.render;
  if (s.coverage.hillshade && !s.terrain.flat_m) render.terrain = &r.terrain;
  begin_stage(opt.progress, "writing");
  SitingOutput out;
  out.notes = report::write_siting_outputs(stage, r.scenario, r.result, render);
  stage.commit();
  out.result = std::move(r.result);
  return out;
}

}  // namespace adcov::run
