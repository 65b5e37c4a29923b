// adcov site's files (docs/outputs.md, "Siting"). The GeoJSON goes through
// OGR's driver like every other vector output (RFC 7946, 6 decimals).
#include "adcov/report/siting_outputs.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "adcov/error.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/report/number_text.hpp"
#include "adcov/report/text_file.hpp"
#include "csv_cell.hpp"

namespace adcov::report {
namespace {

namespace gdal = geo::gdal;

const char* unit(SitingObjective o) { return o == SitingObjective::area ? "km2" : "interceptions"; }

struct FeatureDestroy {
  void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};

void write_siting_geojson(const std::filesystem::path& file, const SitingResult& r) {
  gdal::ErrorCapture err;
  std::error_code ec;
  std::filesystem::remove(
      file, ec);  // the stage's empty placeholder: the driver refuses a file that exists
  gdal::Dataset ds(gdal::driver("GeoJSON").Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw Error(err.message(file, "cannot create vector file"));
  OGRSpatialReference wgs = gdal::wgs84();
  const char* opts[] = {"RFC7946=YES", "COORDINATE_PRECISION=6", nullptr};
  OGRLayer* layer = ds->CreateLayer("siting", &wgs, wkbPoint, const_cast<char**>(opts));
  if (!layer) throw Error(err.message(file, "cannot create layer"));
  const std::string gain = fmt::format("gain_{}", unit(r.objective)),
                    total = fmt::format("objective_{}", unit(r.objective));
  const std::pair<const char*, OGRFieldType> fields[] = {
      {"rank", OFTInteger},    {"id", OFTString},        {"system", OFTString},
      {"operator", OFTString}, {"candidate", OFTString}, {gain.c_str(), OFTReal},
      {total.c_str(), OFTReal}};
  for (const auto& [name, type] : fields) {
    OGRFieldDefn def(name, type);
    if (layer->CreateField(&def) != OGRERR_NONE)
      throw Error(err.message(file, std::string("cannot add field ") + name));
  }
  for (const SitedBattery& b : r.placed) {
    const std::unique_ptr<OGRFeature, FeatureDestroy> f(
        OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("rank", b.rank);
    f->SetField("id", b.id.c_str());
    f->SetField("system", b.system.c_str());
    f->SetField("operator", b.op.c_str());
    f->SetField("candidate", b.candidate.c_str());
    f->SetField(gain.c_str(), b.gain);
    f->SetField(total.c_str(), b.objective);
    OGRPoint p(b.at.lon_deg, b.at.lat_deg);
    f->SetGeometry(&p);
    if (layer->CreateFeature(f.get()) != OGRERR_NONE)
      throw Error(err.message(file, "cannot write feature"));
  }
  err.clear();
  ds.reset();
  if (err.failed()) throw Error(err.message(file, "cannot finish vector file"));
}

}  // namespace

const char* to_string(SitingObjective o) {
  return o == SitingObjective::area ? "area" : "interceptions";
}

std::string siting_csv(const SitingResult& r) {
  // Areas are whole cells (exact); interceptions are means over trials, to 2
  // decimals as sweep.csv writes means (the digits beyond are sampling noise).
  const auto number = [&](double v) {
    return r.objective == SitingObjective::area ? number_text(v) : rounded_text(v, 2);
  };
  std::string out =
      fmt::format("rank,id,system,operator,lon,lat,gain_{0},objective_{0}\n", unit(r.objective));
  out += fmt::format("0,,,,,,,{}\n", number(r.objective_before));
  for (const SitedBattery& b : r.placed)
    out += fmt::format("{},{},{},{},{:.6f},{:.6f},{},{}\n", b.rank, csv_cell(b.id),
                       csv_cell(b.system), csv_cell(b.op), b.at.lon_deg, b.at.lat_deg,
                       number(b.gain), number(b.objective));
  return out;
}

std::vector<std::string> write_siting_outputs(OutputStage& stage, const model::Scenario& sited,
                                              const SitingResult& r, RenderOptions opt) {
  std::vector<std::string> notes = check_render_inputs(opt);
  write_text_file(stage.path("siting.csv"), siting_csv(r));
  write_siting_geojson(stage.path("siting.geojson"), r);
  write_png(stage.path("siting.png"), render_siting_map(sited, r, opt));
  write_text_file(stage.path("scenario_sited.yaml"), r.sited_yaml);
  return notes;
}

}  // namespace adcov::report
