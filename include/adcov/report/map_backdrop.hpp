#pragma once
/// \file
/// What every map of a scenario draws around its data (borders, sea,
/// protect zones, labelled cities), read once for all of them.

#include <memory>

#include "adcov/model/scenario.hpp"
#include "adcov/report/render_options.hpp"

namespace adcov::report {

/// Reads the vector layers of `opt` and the scenario's protect zones,
/// projected into the CRS of its grid (coverage::scenario_projection), and
/// the cities `opt` labels. Every map of `s` drawn with `opt.backdrop` set to
/// the result draws them instead of reading its own: 10-20 ms a map with the
/// shipped data, taken off the maps when read while the terrain loads
/// (run/scenario_run.cpp). Files `opt` names that do not exist are skipped,
/// as the maps skip them.
/// \throws Error if a vector file exists but GDAL cannot read it.
std::shared_ptr<const MapBackdrop> read_map_backdrop(const model::Scenario& s, const RenderOptions& opt);

}  // namespace adcov::report
