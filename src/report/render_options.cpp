#include "adcov/report/render_options.hpp"

namespace adcov::report {

std::vector<std::string> check_render_inputs(RenderOptions& opt) {
  std::vector<std::string> notes;
  auto check = [&](std::optional<std::filesystem::path>& p, const char* what) {
    if (p && !std::filesystem::exists(*p)) {
      notes.push_back(std::string(what) + " file " + p->string() + " not found: maps drawn without it");
      p.reset();
    }
  };
  check(opt.admin0_geojson, "national border");
  check(opt.admin1_geojson, "oblast border");
  check(opt.sea_geojson, "sea");
  check(opt.places_csv, "cities");
  return notes;
}

}  // namespace adcov::report
