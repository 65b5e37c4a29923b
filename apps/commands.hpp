#pragma once
// The adcov subcommands. main (adcov.cpp) parses the command line into these
// structs and calls one function; each lives in apps/cmd_<name>.cpp, is thin
// (calls the run layer, prints) and returns the exit code or throws
// adcov::InputError (exit 2) / adcov::Error (exit 1).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adcov/report/report_provenance.hpp"
#include "adcov/run/ranks.hpp"

namespace adcov::app {

struct Common {
  int threads = 0;     ///< 0 = all cores
  bool quiet = false;  ///< no progress output
  report::ReportProvenance provenance;  ///< version and command line, for report.html (set by main)
};

struct RunArgs {
  std::vector<std::string> scenarios;
  std::string out_dir;  ///< empty = out/<name>/
  std::optional<int> trials;
  std::optional<std::uint64_t> seed;
  Common common;
};

struct CoverageArgs {
  std::string scenario;
  std::string out_dir;
  std::vector<double> altitudes_m;  ///< empty = scenario's
  std::optional<double> resolution_m;
  Common common;
};

struct SimulateArgs {
  std::string scenario;
  std::string out_dir;
  std::optional<int> trials;
  std::optional<std::uint64_t> seed;
  Common common;
};

struct SweepArgs {
  std::string scenario;
  std::string out_dir;
  std::optional<int> trials;
  std::optional<std::uint64_t> seed;
  Common common;
};

struct UncertaintyArgs {
  std::string scenario;
  std::string out_dir;
  std::optional<int> samples;
  std::optional<int> trials;  ///< per model run
  std::optional<std::uint64_t> seed;
  Common common;
};

/// `adcov site` (docs/siting.md).
struct SiteArgs {
  std::string scenario;
  std::string out_dir;
  std::vector<std::string> add;  ///< SYSTEM:COUNT, in order
  std::string op = "ukraine";
  double spacing_km = 10;
  std::string candidates;  ///< empty = lattice
  std::optional<double> altitude_m;
  std::string objective = "area";
  std::optional<int> trials;
  Common common;
};

int cmd_validate(const std::vector<std::string>& files);
int cmd_library(const std::string& what, const std::string& format);
int cmd_info(const std::vector<std::string>& rasters);
int cmd_coverage(const CoverageArgs& a, const run::Ranks& ranks);
/// run, simulate, sweep and uncertainty split their work across `ranks` (MPI); only rank 0 prints.
int cmd_simulate(const SimulateArgs& a, const run::Ranks& ranks);
int cmd_run(const RunArgs& a, const run::Ranks& ranks);
int cmd_sweep(const SweepArgs& a, const run::Ranks& ranks);
int cmd_uncertainty(const UncertaintyArgs& a, const run::Ranks& ranks);
struct BenchArgs {
  std::string scenario = "scenarios/kyiv-night-raid.yaml";
  int trials = 10000;
  Common common;
};
int cmd_bench(const BenchArgs& a);
/// Runs on rank 0 alone under mpirun.
int cmd_site(const SiteArgs& a);

}  // namespace adcov::app
