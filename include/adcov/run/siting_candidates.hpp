#pragma once
/// \file
/// Candidate sites of `adcov site` (docs/siting.md, "Candidate sites"): a
/// square lattice over the region, or the points of a file.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "adcov/geo/geodesy.hpp"
#include "adcov/model/scenario.hpp"

namespace adcov::run {

/// Most candidate sites one command considers: a 1 km lattice over a
/// 300 x 300 km region; more is a typo in --spacing-km (each site costs a
/// visibility sweep).
inline constexpr std::size_t kMaxCandidateSites = 100000;

struct CandidateSite {
  geo::LonLat at;
  std::string where;  ///< "lattice" or the file's "file:line" / "file: feature n"
};

/// The nodes of a square lattice of `spacing_km` in the scenario's analysis
/// projection (LAEA about the region's centre, whose node is the centre
/// itself) that lie inside the region's lon/lat box, north to south, then
/// west to east.
/// \throws InputError for spacing_km <= 0, or when the lattice has no node
///         in the region or more than kMaxCandidateSites.
std::vector<CandidateSite> lattice_sites(const model::Scenario& s, double spacing_km);

/// The points of `file` (geo::read_points: CSV with lon,lat or GeoJSON
/// Points), in file order. \throws InputError naming the file and line for
/// a bad file, a point outside the region's box, or more than
/// kMaxCandidateSites points.
std::vector<CandidateSite> file_sites(const model::Scenario& s, const std::filesystem::path& file);

}  // namespace adcov::run
