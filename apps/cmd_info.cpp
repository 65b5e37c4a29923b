// adcov info RASTER...: describe DEM rasters (the logic is geo::describe_raster).
#include <cstdio>

#include "adcov/geo/raster_info.hpp"
#include "commands.hpp"

namespace adcov::app {

int cmd_info(const std::vector<std::string>& rasters) {
  for (std::size_t i = 0; i < rasters.size(); ++i) {
    const std::string text = geo::format_raster_info(geo::describe_raster(rasters[i]));
    std::fputs(((i ? "\n" : "") + text).c_str(), stdout);
  }
  return 0;
}

}  // namespace adcov::app
