#pragma once
/// \file
/// Points read from a file (`adcov site --candidates`, docs/siting.md,
/// "Candidate sites"): a CSV table with `lon` and `lat` columns, or a GeoJSON
/// file of Point features in lon/lat (RFC 7946).

#include <filesystem>
#include <string>
#include <vector>

#include "adcov/geo/geodesy.hpp"

namespace adcov::geo {

/// One point and where the file gave it, for messages.
struct FilePoint {
  LonLat at;
  std::string where;  ///< "file:line" (CSV) or "file: feature n" (GeoJSON, 1-based)
};

/// The points of `file`, in file order. `.geojson` / `.json` files are read
/// by GDAL/OGR (every feature must be a Point, in lon/lat); anything else is
/// a CSV whose header names `lon` and `lat` (other columns are ignored,
/// empty lines skipped). Longitudes must lie in [-180, 180] and latitudes in
/// [-90, 90].
/// \throws InputError naming the file and the line or feature:
///   `cands.csv:3: lat 'x' is not a number`, `cands.csv: no points`.
std::vector<FilePoint> read_points(const std::filesystem::path& file);

}  // namespace adcov::geo
