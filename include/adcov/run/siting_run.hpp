#pragma once
/// \file
/// `adcov site` (docs/siting.md): places new batteries one at a time, each at
/// the candidate site that adds most to an objective (greedy), and writes the
/// ranked sites, a map and the scenario with the batteries appended.
///
/// Objectives: covered area at one altitude inside the protect polygons (or
/// the region), or mean interceptions of the scenario's salvos. Covered area
/// is monotone and submodular in the set of sites, so the greedy set is within
/// (1 - 1/e) of the best set of its size (Nemhauser, Wolsey & Fisher, Math.
/// Programming 14, 1978); interceptions are not submodular in general (a
/// second battery can make the first one's shots count), so no such bound
/// holds there. Every candidate's gain is computed in parallel (TBB) and the
/// best is taken with ties to the earlier candidate, so the result does not
/// depend on the thread count. Under mpirun the command runs on rank 0 alone.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "adcov/model/scenario.hpp"
#include "adcov/report/render_options.hpp"
#include "adcov/report/siting_result.hpp"
#include "adcov/run/progress.hpp"

namespace adcov::run {

/// Most batteries one --add places.
inline constexpr int kMaxSitedPerRequest = 100;

/// One `--add SYSTEM:COUNT`.
struct SiteRequest {
  std::string system;
  int count = 1;
  std::string text;  ///< as written, for messages
};

/// Parses `SYSTEM:COUNT` (COUNT a whole number in [1, kMaxSitedPerRequest]).
/// \throws InputError `--add iris_t_slm:x: COUNT must be a whole number from 1 to 100, got 'x'`.
SiteRequest parse_site_request(const std::string& text);

struct SitingOptions {
  std::vector<SiteRequest> add;  ///< placed in this order
  std::string op = "ukraine";    ///< operator of the new batteries, as in YAML
  double spacing_km = 10;        ///< lattice spacing when no candidates file is given
  std::optional<std::filesystem::path> candidates_file;  ///< CSV (lon,lat) or GeoJSON Points
  std::optional<double> altitude_m;  ///< default: the scenario's lowest coverage altitude
  report::SitingObjective objective = report::SitingObjective::area;
  std::optional<int> trials;  ///< interceptions: trials per candidate (default simulation.trials)
  ProgressHooks progress;
  report::RenderOptions render;  ///< map data for siting.png
};

/// The placement and the sited scenario's coverage (no files).
/// \throws InputError for an unknown system, a bad operator, altitude,
///         trials or candidates file, more batteries than candidate sites,
///         or the interceptions objective on a scenario without salvos.
report::SitingResult run_siting(const model::Scenario& s, const SitingOptions& opt);

/// What siting_into wrote.
struct SitingOutput {
  report::SitingResult result;
  std::vector<std::string> notes;  ///< e.g. a map data file that was not found
};

/// `adcov site`: run_siting, then siting.csv, siting.geojson, siting.png and
/// scenario_sited.yaml into `out_dir`, all or nothing. The options are
/// checked before the folder is touched.
SitingOutput siting_into(const std::filesystem::path& out_dir, const model::Scenario& s,
                         const SitingOptions& opt);

}  // namespace adcov::run
