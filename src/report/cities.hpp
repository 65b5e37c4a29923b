#pragma once
// The cities the maps label (private to report), from a GeoNames-style
// table (data/places/, docs/outputs.md).

#include <filesystem>
#include <string>
#include <vector>

#include "adcov/geo/geodesy.hpp"

namespace adcov::report {

struct City {
  std::string name;  ///< present-day Ukrainian spelling ("Kyiv", not "Kiev")
  geo::LonLat at;
  double population = 0;
};

/// The cities of `file` with at least `min_population` people, largest
/// first. The table needs the columns asciiname, latitude, longitude and
/// population (GeoNames' names); a table without them gives no cities, a
/// row with unreadable numbers is skipped.
/// \throws Error if GDAL cannot open the file.
std::vector<City> read_cities(const std::filesystem::path& file, double min_population);

}  // namespace adcov::report
