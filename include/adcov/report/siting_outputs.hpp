#pragma once
/// \file
/// `adcov site`'s outputs (docs/outputs.md, "Siting"): siting.csv,
/// siting.geojson, siting.png and scenario_sited.yaml.

#include <string>
#include <vector>

#include "adcov/model/scenario.hpp"
#include "adcov/report/atomic_output.hpp"
#include "adcov/report/picture.hpp"
#include "adcov/report/render_options.hpp"
#include "adcov/report/siting_result.hpp"

namespace adcov::report {

/// siting.csv text: `rank,id,system,operator,lon,lat,gain_<unit>,objective_<unit>`,
/// unit km2 or interceptions, then a row of rank 0 for the scenario as given
/// first (gain empty).
std::string siting_csv(const SitingResult& r);

/// The map (siting.png): coverage at r.altitude_m of the sited scenario
/// `sited`, the cells only the sited batteries cover in their own colour,
/// every battery's marker and each sited one ringed with its rank.
/// \throws Error if a vector file exists but GDAL cannot read it.
Picture render_siting_map(const model::Scenario& sited, const SitingResult& r,
                          const RenderOptions& opt);

/// Stages siting.csv, siting.geojson (one Point per placed battery, with
/// rank, id, system, operator, gain and objective), siting.png and
/// scenario_sited.yaml; returns the notes of the maps (missing map data).
/// \throws Error if a file cannot be written.
std::vector<std::string> write_siting_outputs(OutputStage& stage, const model::Scenario& sited,
                                              const SitingResult& r, RenderOptions opt);

}  // namespace adcov::report
