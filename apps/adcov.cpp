// adcov: the command line. Parses, calls one command, maps exceptions to exit
// codes (docs/commands.md: 0 ok, 2 bad usage or input, 1 anything else).
// Under mpirun (MPI build) every rank parses and validates the same files;
// run, simulate and sweep split their work (run/mpi_session.hpp), the other
// commands run on rank 0 alone; only rank 0 prints and writes.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <sstream>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_group.h>

#include "adcov/error.hpp"
#include "adcov/geo/warm_up.hpp"
#include "adcov/model/library.hpp"
#include "adcov/model/value_rules.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "interrupt_cleanup.hpp"
#include "adcov/run/mpi_session.hpp"

namespace {

/// A command-line value the scenario file's rules refuse: exit 2, naming the flag.
void refuse(const char* flag, const std::string& problem) {
  if (!problem.empty()) throw adcov::InputError(std::string(flag) + ": " + problem);
}

void add_common(CLI::App* c, adcov::app::Common& common) {
  c->add_option("--threads", common.threads, "Cap on worker threads (default: all cores; results never depend on it)")
      ->check(CLI::NonNegativeNumber);
  c->add_flag("--quiet,-q", common.quiet, "No progress output");
}

/// Waits for a task group's tasks (which never throw) when leaving a scope,
/// also by an exception.
struct WaitOnExit {
  tbb::task_group& group;
  ~WaitOnExit() { group.wait(); }
};

int main_impl(int argc, char** argv, const adcov::run::Ranks& ranks) {
  using namespace adcov::app;
  CLI::App app{"adcov: air-defense coverage and engagement simulator.\n"
               "Which parts of the sky are covered, and how many drones and missiles get through?"};
  app.set_version_flag("--version", std::string("adcov ") + ADCOV_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  RunArgs run;
  auto* c_run = app.add_subcommand("run", "Validate, then coverage + simulation + report for each scenario");
  c_run->add_option("scenarios", run.scenarios, "Scenario YAML files")->required();
  c_run->add_option("-o,--out", run.out_dir, "Output folder (default out/<name>/; one sub-folder per scenario when several)");
  c_run->add_option("--trials", run.trials, "Monte Carlo trials (overrides simulation.trials)");
  std::optional<std::string> run_seed, sim_seed, sw_seed;  // text: checked by model::seed_problem
  c_run->add_option("--seed", run_seed, "Random seed (overrides seed)");
  add_common(c_run, run.common);

  CoverageArgs cov;
  auto* c_cov = app.add_subcommand("coverage", "Coverage heatmaps and coverage floor");
  c_cov->add_option("scenario", cov.scenario, "Scenario YAML file")->required();
  c_cov->add_option("-o,--out", cov.out_dir, "Output folder (default out/<name>/)");
  c_cov->add_option("--altitude", cov.altitudes_m, "Target altitude above ground in metres (repeatable)");
  c_cov->add_option("--resolution", cov.resolution_m, "Grid cell size in metres (overrides resolution_m)");
  add_common(c_cov, cov.common);

  SimulateArgs sim;
  auto* c_sim = app.add_subcommand("simulate", "Monte Carlo engagement of the salvos");
  c_sim->add_option("scenario", sim.scenario, "Scenario YAML file")->required();
  c_sim->add_option("-o,--out", sim.out_dir, "Output folder (default out/<name>/)");
  c_sim->add_option("--trials", sim.trials, "Monte Carlo trials");
  c_sim->add_option("--seed", sim_seed, "Random seed");
  add_common(c_sim, sim.common);

  SweepArgs sw;
  auto* c_sw = app.add_subcommand("sweep", "Run the cartesian product of the scenario's sweep: block");
  c_sw->add_option("scenario", sw.scenario, "Scenario YAML file")->required();
  c_sw->add_option("-o,--out", sw.out_dir, "Output folder (default out/<name>-sweep/)");
  c_sw->add_option("--trials", sw.trials, "Monte Carlo trials per point");
  c_sw->add_option("--seed", sw_seed, "Random seed");
  add_common(c_sw, sw.common);

  UncertaintyArgs unc;
  std::optional<std::string> unc_seed;
  auto* c_unc = app.add_subcommand(
      "uncertainty", "Spread of the interception rate over the uncertain parameters, and Sobol' sensitivity");
  c_unc->add_option("scenario", unc.scenario, "Scenario YAML file")->required();
  c_unc->add_option("-o,--out", unc.out_dir, "Output folder (default out/<name>-uncertainty/)");
  c_unc->add_option("--samples", unc.samples, "Base sample size N (N (k + 2) model runs for k parameters)");
  c_unc->add_option("--trials", unc.trials, "Monte Carlo trials per model run");
  c_unc->add_option("--seed", unc_seed, "Random seed (trials and design)");
  add_common(c_unc, unc.common);

  SiteArgs site;
  auto* c_site = app.add_subcommand(
      "site", "Place new batteries one at a time where they add most covered area (or interceptions)");
  c_site->add_option("scenario", site.scenario, "Scenario YAML file")->required();
  c_site->add_option("--add", site.add, "SYSTEM:COUNT batteries to place (repeatable, placed in order)")
      ->required()
      ->allow_extra_args(false);  // one value per --add, so the scenario may follow it
  c_site->add_option("--operator", site.op, "Operator of the new batteries (default ukraine)");
  c_site->add_option("--spacing-km", site.spacing_km, "Candidate lattice spacing in km (default 10)");
  c_site->add_option("--candidates", site.candidates, "Candidate sites: CSV with lon,lat columns or GeoJSON Points");
  c_site->add_option("--altitude", site.altitude_m,
                     "Target altitude above ground in metres (default: the scenario's lowest coverage altitude)");
  c_site->add_option("--objective", site.objective, "area | interceptions (default area)")
      ->check(CLI::IsMember({"area", "interceptions"}));
  c_site->add_option("--trials", site.trials, "Monte Carlo trials per candidate (interceptions; default simulation.trials)");
  c_site->add_option("-o,--out", site.out_dir, "Output folder (default out/<name>-siting/)");
  add_common(c_site, site.common);

  std::vector<std::string> validate_files;
  auto* c_val = app.add_subcommand("validate", "Check scenario files; report every error as file:line:col");
  c_val->add_option("scenarios", validate_files, "Scenario YAML files")->required();

  std::string lib_what = "all", lib_format = "table";
  auto* c_lib = app.add_subcommand("library", "List the built-in systems and threats");
  c_lib->add_option("what", lib_what, "systems | threats (default: both)")
      ->check(CLI::IsMember({"all", "systems", "threats"}));
  c_lib->add_option("--format", lib_format, "table | json")->check(CLI::IsMember({"table", "json"}));

  std::vector<std::string> rasters;
  auto* c_info = app.add_subcommand("info", "Describe DEM rasters: size, CRS, resolution, bounds, voids");
  c_info->add_option("rasters", rasters, "Raster files")->required();

  BenchArgs bench;
  auto* c_bench = app.add_subcommand(
      "bench", "Time each stage (terrain, visibility, coverage, trials) on a scenario; "
               "bench/viewshed_vs_gdal.sh compares with gdal_viewshed");
  c_bench->add_option("scenario", bench.scenario, "Scenario YAML file (default: the Kyiv night raid)");
  c_bench->add_option("--trials", bench.trials, "Monte Carlo trials to time");
  add_common(c_bench, bench.common);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream sink;  // every rank parses the same line: rank 0 speaks
    const int rc = ranks.writer() ? app.exit(e) : app.exit(e, sink, sink);
    return rc == 0 ? 0 : 2;
  }

  // The values a scenario also sets are checked by the scenario file's rules
  // (model/value_rules.hpp), before anything is read or written.
  for (const auto* t : {&run.trials, &sim.trials, &sw.trials, &unc.trials, &site.trials})
    if (*t) refuse("--trials", adcov::model::trials_problem(**t));
  if (c_bench->parsed()) refuse("--trials", adcov::model::trials_problem(bench.trials));
  if (unc.samples && (*unc.samples < 2 || *unc.samples > adcov::model::kMaxUncertaintySamples))
    refuse("--samples", fmt::format("{} is not in [2, {}]", *unc.samples, adcov::model::kMaxUncertaintySamples));
  for (double h : cov.altitudes_m) refuse("--altitude", adcov::model::altitude_problem(h));
  refuse("--altitude", adcov::model::altitudes_problem(cov.altitudes_m));
  if (site.altitude_m) refuse("--altitude", adcov::model::altitude_problem(*site.altitude_m));
  if (cov.resolution_m) refuse("--resolution", adcov::model::resolution_problem(*cov.resolution_m));
  const std::pair<std::optional<std::string>*, std::optional<std::uint64_t>*> seeds[] = {
      {&run_seed, &run.seed}, {&sim_seed, &sim.seed}, {&sw_seed, &sw.seed}, {&unc_seed, &unc.seed}};
  for (const auto& [text, seed] : seeds)
    if (*text) {
      std::uint64_t v = 0;
      refuse("--seed", adcov::model::seed_problem(**text, v));
      *seed = v;
    }

  if (!ranks.writer()) {
    // Not split across ranks: rank 0 runs them alone.
    if (!c_run->parsed() && !c_cov->parsed() && !c_sim->parsed() && !c_sw->parsed() && !c_unc->parsed()) return 0;
    for (auto* c : {&run.common, &cov.common, &sim.common, &sw.common, &unc.common}) c->quiet = true;
  }

  // report.html says which adcov and which command line made it (written_utc: stamped when written).
  const adcov::report::ReportProvenance provenance{ADCOV_VERSION, command_line_text(argc, argv), ""};
  for (auto* c : {&run.common, &cov.common, &sim.common, &sw.common, &unc.common, &bench.common, &site.common})
    c->provenance = provenance;

  // --threads caps TBB for the whole process (oneTBB global_control).
  int threads = 0;
  for (auto* c : {&run.common, &cov.common, &sim.common, &sw.common, &unc.common, &bench.common, &site.common})
    if (c->threads > 0) threads = c->threads;
  std::unique_ptr<tbb::global_control> cap;
  if (threads > 0)
    cap = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                static_cast<std::size_t>(threads));

  // Two first-use costs of every scenario command that do not depend on each
  // other: parsing the built-in library's YAML (~25 ms), and PROJ's database
  // with a first transformation (~10 ms; per thread: so on this one). Then
  // a worker pays PROJ's cost too (GeoTIFFs are written on workers) while
  // this thread loads the scenario and its DEM; waited for before returning.
  tbb::task_group worker_first_use;
  const WaitOnExit wait_for{worker_first_use};
  if (!c_lib->parsed() && !c_info->parsed()) {
    tbb::task_group first_use;
    first_use.run([] { (void)adcov::model::builtin_library(); });
    adcov::geo::warm_up_gdal();
    first_use.wait();
    worker_first_use.run([] {
      try {
        adcov::geo::warm_up_gdal();
      } catch (...) {  // only a head start: a real failure shows where PROJ is used
      }
    });
  }

  if (c_run->parsed()) return cmd_run(run, ranks);
  if (c_cov->parsed()) return cmd_coverage(cov, ranks);
  if (c_sim->parsed()) return cmd_simulate(sim, ranks);
  if (c_sw->parsed()) return cmd_sweep(sw, ranks);
  if (c_unc->parsed()) return cmd_uncertainty(unc, ranks);
  if (c_val->parsed()) return cmd_validate(validate_files);
  if (c_lib->parsed()) return cmd_library(lib_what, lib_format);
  if (c_info->parsed()) return cmd_info(rasters);
  if (c_bench->parsed()) return cmd_bench(bench);
  if (c_site->parsed()) return cmd_site(site);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const adcov::app::InterruptCleanup interrupts;     // first: before any thread starts
  const adcov::run::MpiSession mpi(&argc, &argv);  // MPI_Init .. MPI_Finalize in the MPI build
  const bool speak = mpi.ranks().writer();          // errors are the same on every rank
  try {
    return main_impl(argc, argv, mpi.ranks());
  } catch (const adcov::InputError& e) {
    if (speak) std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    if (speak) std::fprintf(stderr, "adcov: error: %s\n", e.what());
    return 1;
  }
}
