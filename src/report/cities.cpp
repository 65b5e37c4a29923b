#include "cities.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"

namespace adcov::report {
namespace {

// Present-day Ukrainian spellings for the GeoNames ASCII names the maps show.
std::string ukrainian_spelling(const std::string& n) {
  static const std::map<std::string, std::string> kFix = {
      {"Kiev", "Kyiv"},       {"Odessa", "Odesa"},           {"Dnipropetrovsk", "Dnipro"},
      {"L'viv", "Lviv"},      {"Zaporizhzhya", "Zaporizhzhia"}, {"Mykolayiv", "Mykolaiv"},
      {"Vinnytsya", "Vinnytsia"}, {"Khmel'nyts'kyy", "Khmelnytskyi"}, {"Kirovohrad", "Kropyvnytskyi"}};
  const auto it = kFix.find(n);
  return it == kFix.end() ? n : it->second;
}

// A field read as a number; false when it is empty or not a number (GDAL's
// CSV driver reads every column as text unless told otherwise).
bool number_field(const OGRFeature& f, int i, double& out) {
  const char* text = f.GetFieldAsString(i);
  char* end = nullptr;
  out = std::strtod(text, &end);
  return end != text && *end == '\0';
}

}  // namespace

std::vector<City> read_cities(const std::filesystem::path& file, double min_population) {
  geo::gdal::ErrorCapture err;
  geo::gdal::register_drivers();
  const char* const csv_only[] = {"CSV", nullptr};
  geo::gdal::Dataset ds(GDALDataset::FromHandle(GDALOpenEx(
      file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, csv_only, nullptr, nullptr)));
  if (!ds || ds->GetLayerCount() < 1) throw Error(err.message(file, "cannot open the cities table"));
  OGRLayer& layer = *ds->GetLayer(0);
  const OGRFeatureDefn& defn = *layer.GetLayerDefn();
  const int c_name = defn.GetFieldIndex("asciiname"), c_lat = defn.GetFieldIndex("latitude"),
            c_lon = defn.GetFieldIndex("longitude"), c_pop = defn.GetFieldIndex("population");
  if (std::min({c_name, c_lat, c_lon, c_pop}) < 0) return {};
  std::vector<City> out;
  while (OGRFeature* raw = layer.GetNextFeature()) {
    const std::unique_ptr<OGRFeature> f(raw);
    City c;
    if (!number_field(*f, c_pop, c.population) || !number_field(*f, c_lat, c.at.lat_deg) ||
        !number_field(*f, c_lon, c.at.lon_deg))
      continue;  // a malformed row is skipped: the map is still useful without it
    if (c.population < min_population) continue;
    c.name = ukrainian_spelling(f->GetFieldAsString(c_name));
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const City& a, const City& b) { return a.population > b.population; });
  return out;
}

}  // namespace adcov::report
