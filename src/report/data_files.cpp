#include "adcov/report/data_files.hpp"

#include <cstdlib>
#include <system_error>

namespace adcov::report {

namespace fs = std::filesystem;

std::vector<fs::path> data_search_dirs() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("ADCOV_DATA_DIR"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    candidates.push_back(bin / ".." / "data");
    candidates.push_back(bin / ".." / "share" / "adcov");
  }
  std::vector<fs::path> out;
  for (const auto& c : candidates)
    if (fs::is_directory(c, ec)) out.push_back(fs::weakly_canonical(c, ec));
  return out;
}

std::optional<fs::path> find_data_file(const std::string& relative) {
  std::error_code ec;
  for (const auto& d : data_search_dirs())
    if (fs::exists(d / relative, ec)) return d / relative;
  return std::nullopt;
}

RenderOptions default_render_options() {
  auto file = [](const std::string& rel) { return find_data_file(rel).value_or(fs::path(rel)); };
  RenderOptions opt;
  opt.admin0_geojson = file("boundaries/ukraine_admin0_ne10m_dissolved.geojson");
  opt.admin1_geojson = file("boundaries/ukraine_admin1_oblasts_ne10m.geojson");
  opt.sea_geojson = file("boundaries/blacksea_azov_ocean_ne10m.geojson");
  opt.places_csv = file("places/ukraine_cities_geonames15000.csv");
  return opt;
}

}  // namespace adcov::report
