#include "adcov/run/scenario_run.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <tbb/task_group.h>

#include "adcov/engage/least_exposure.hpp"
#include "adcov/error.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/map_backdrop.hpp"
#include "adcov/report/map_layout.hpp"
#include "adcov/report/outputs.hpp"
#include "adcov/report/report_html.hpp"
#include "adcov/run/coverage_split.hpp"
#include "adcov/run/output_split.hpp"
#include "adcov/run/trials_split.hpp"

namespace adcov::run {
namespace {

void add_written(ScenarioRunOutput& out, const report::WrittenOutputs& w) {
  for (const auto& f : w.files)
    if (std::find(out.files.begin(), out.files.end(), f) == out.files.end()) out.files.push_back(f);
  out.notes.insert(out.notes.end(), w.notes.begin(), w.notes.end());
}

engage::SimulationOptions simulation_options(const model::Scenario& s, const ScenarioRunOptions& opt) {
  engage::SimulationOptions so;
  so.trials = opt.trials.value_or(s.simulation.trials);
  so.seed = opt.seed.value_or(s.seed);
  so.progress = [hooks = opt.progress](std::int64_t done, std::int64_t) { report_done(hooks, done); };
  return so;
}

// The trials of `s` on the prepared batteries: split across the ranks,
// merged on rank 0 (nullopt elsewhere).
std::optional<engage::SimulationResult> trials(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                               const std::vector<coverage::BatteryGeometry>& batteries,
                                               const ScenarioRunOptions& opt) {
  const engage::SimulationOptions so = simulation_options(s, opt);
  begin_stage(opt.progress, "trials", so.trials);
  return simulate_split(opt.ranks, s, terrain, batteries, so);
}

// What the maps draw from the run besides the coverage: the relief of a real
// DEM (flat ground has none to shade) and, after trials, the leakers per target.
report::RenderOptions map_options(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                  const engage::SimulationResult* sim, const ScenarioRunOptions& opt) {
  report::RenderOptions render = opt.render;
  if (s.coverage.hillshade && !s.terrain.flat_m) render.terrain = &terrain;
  if (sim) render.leakers = sim->leakers_by_target;
  return render;
}

// `s` with its least_exposure routes planned against `batteries`, so that the
// trials, the maps and routes.geojson use the same routes.
model::Scenario with_routes(const model::Scenario& s, const geo::TerrainGrid& terrain,
                            const std::vector<coverage::BatteryGeometry>& batteries) {
  model::Scenario out = s;
  if (engage::needs_route_planning(out)) engage::plan_routes(out, terrain, batteries);
  return out;
}

// The maps' hillshade taken now, from the coverage's grid and region (the
// maps' layout), so that the terrain can be freed before the maps are drawn.
void take_relief(report::RenderOptions& render, const coverage::CoverageResult& r, const geo::TerrainGrid& terrain) {
  if (!render.terrain) return;
  render.relief = std::make_shared<const report::MapRelief>(report::map_relief(r, render, terrain));
  render.terrain = nullptr;
}

// The maps' borders, sea and cities (10-20 ms a map: read_map_backdrop),
// read on a worker while this thread loads the terrain, which leaves a core
// idle; only by the rank that draws the maps. take() waits for them.
class BackdropReader {
 public:
  BackdropReader(const model::Scenario& s, const report::RenderOptions& opt, bool draws_maps) {
    if (draws_maps) group_.run([this, &s, &opt] { backdrop_ = report::read_map_backdrop(s, opt); });
  }
  BackdropReader(const BackdropReader&) = delete;
  BackdropReader& operator=(const BackdropReader&) = delete;
  ~BackdropReader() {
    try {
      group_.wait();
    } catch (...) {  // leaving by another error: that one is reported
    }
  }
  /// Sets render.backdrop (rethrows the reader's error).
  void take(report::RenderOptions& render) {
    group_.wait();
    render.backdrop = backdrop_;
  }

 private:
  tbb::task_group group_;
  std::shared_ptr<const report::MapBackdrop> backdrop_;
};

}  // namespace

std::optional<ScenarioRunOutput> run_coverage(const model::Scenario& s, const std::filesystem::path& out_dir,
                                              const ScenarioRunOptions& opt) {
  std::optional<report::OutputStage> stage;  // rank 0 locks the folder; the others write into it (output_split)
  open_stage(opt.ranks, out_dir, stage);
  begin_stage(opt.progress, "loading terrain");
  BackdropReader backdrop(s, opt.render, opt.ranks.writer());
  // Routes are planned outside the region; the maps need the region only.
  std::optional<geo::TerrainGrid> terrain = coverage::load_scenario_terrain(
      s, engage::needs_route_planning(s) ? coverage::TerrainExtent::reach : coverage::TerrainExtent::region);
  begin_stage(opt.progress, "computing coverage");
  ScenarioRunOutput out;
  Ranks ranks = opt.ranks;
  model::Scenario routed;
  report::RenderOptions render;
  if (engage::needs_route_planning(s)) {
    // Least-exposure routes need every window after the maps: one process keeps them.
    if (!ranks.writer()) return std::nullopt;
    ranks = Ranks{};
    out.coverage = coverage::compute_coverage(s, *terrain, {});
    routed = with_routes(s, *terrain, out.coverage->batteries);
    render = map_options(routed, *terrain, nullptr, opt);
    take_relief(render, *out.coverage, *terrain);
    terrain.reset();
  } else {
    // Windows folded in and freed one by one, the batteries split across the
    // ranks; the terrain freed before the maps are finished (the floor's
    // 0.54 GB at 100 m over Ukraine comes then) and written.
    coverage::CoverageOptions cov;
    cov.keep_windows = false;
    coverage::CoverageFold fold = coverage_split(ranks, s, *terrain, cov);
    routed = s;
    render = map_options(routed, *terrain, nullptr, opt);
    take_relief(render, fold.result, *terrain);
    terrain.reset();
    out.coverage = coverage::finish_coverage(std::move(fold));
  }
  begin_stage(opt.progress, "writing maps");
  if (ranks.writer()) backdrop.take(render);
  const std::optional<report::WrittenOutputs> written =
      write_coverage_split(ranks, stage ? &*stage : nullptr, out_dir, routed, *out.coverage, render);
  if (!written) return std::nullopt;  // another rank than 0: its files went into rank 0's folder
  add_written(out, *written);
  return out;
}

std::optional<ScenarioRunOutput> run_simulation(const model::Scenario& s, const std::filesystem::path& out_dir,
                                                const ScenarioRunOptions& opt) {
  std::optional<report::OutputStage> stage;  // only the writing rank touches the folder
  open_stage(opt.ranks, out_dir, stage);
  begin_stage(opt.progress, "loading terrain");
  const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
  const std::vector<coverage::BatteryGeometry> batteries = coverage::prepare_batteries(s, terrain);
  const model::Scenario routed = with_routes(s, terrain, batteries);
  ScenarioRunOutput out;
  out.simulation = trials(routed, terrain, batteries, opt);
  if (!out.simulation) return std::nullopt;  // another rank than 0: its trials went to rank 0
  add_written(out, report::write_engagement_outputs(*stage, routed, *out.simulation));
  stage->commit();
  return out;
}

std::optional<ScenarioRunOutput> run_scenario(const model::Scenario& s, const std::filesystem::path& out_dir,
                                              const ScenarioRunOptions& opt) {
  // Lock the folder before any work: a second run into it stops at once.
  // A failure below leaves the folder as it was (the stage removes its
  // temporaries).
  std::optional<report::OutputStage> stage;
  open_stage(opt.ranks, out_dir, stage);
  begin_stage(opt.progress, s.name + ": terrain + coverage");
  BackdropReader backdrop(s, opt.render, opt.ranks.writer());
  const geo::TerrainGrid terrain = coverage::load_scenario_terrain(s);
  ScenarioRunOutput out;
  // A contributing rank needs the batteries (visibility) for the engagement
  // windows, not the combined coverage maps.
  std::vector<coverage::BatteryGeometry> contributed;
  if (opt.ranks.writer())
    out.coverage = coverage::compute_coverage(s, terrain, {});
  else
    contributed = coverage::prepare_batteries(s, terrain);
  const auto& batteries = out.coverage ? out.coverage->batteries : contributed;
  const model::Scenario routed = with_routes(s, terrain, batteries);
  out.simulation = trials(routed, terrain, batteries, opt);
  if (!opt.ranks.writer()) return std::nullopt;
  if (!out.simulation) throw Error("run_scenario: the trials produced no result on the writing process");

  report::RenderOptions render = map_options(routed, terrain, &*out.simulation, opt);
  backdrop.take(render);
  add_written(out, report::write_coverage_outputs(*stage, routed, *out.coverage, render));
  add_written(out, report::write_engagement_outputs(*stage, routed, *out.simulation));
  report::write_report_html(*stage, routed, &*out.coverage, &*out.simulation, nullptr, opt.provenance);
  add_written(out, {{"report.html"}, {}});
  stage->commit();
  return out;
}

}  // namespace adcov::run
