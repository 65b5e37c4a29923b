#include "adcov/report/vector_outputs.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "adcov/report/output_names.hpp"
#include "adcov/report/outputs.hpp"
#include "support/support.hpp"
#include "synthetic.hpp"

using namespace adcov;
namespace fs = std::filesystem;

namespace {

struct Closer {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset open_vector(const fs::path& p) {
  GDALAllRegister();
  return Dataset(GDALDataset::FromHandle(
      GDALOpenEx(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

// The synthetic scenario with two salvos (a launch disc with a route, a fixed
// launch point), three targets (one named, one shared) and an EW zone.
model::Scenario scenario_with_salvos() {
  model::Scenario s = test::synthetic_scenario();
  s.systems["iris_t_slm"].name = "IRIS-T SLM";
  model::Salvo a;
  a.id = "wave-1";
  a.threat = "shahed136";
  a.count = 40;
  a.launch_area = model::LaunchArea{{33.0, 52.0}, 30};
  a.route = {{32.0, 51.0}};
  a.targets = {{{30.52, 50.45}, 2, "city centre"}, {{30.40, 50.40}, 1, ""}};
  model::Salvo b;
  b.id = "wave-2";
  b.threat = "kh101";
  b.count = 6;
  b.launch = geo::LonLat{36.0, 47.0};
  b.targets = {{{30.52, 50.45}, 1, ""}};
  s.salvos = {a, b};
  model::EwZone z;
  z.id = "ew-1";
  z.center = {31.0, 50.8};
  z.radius_km = 25;
  z.strength = 0.5;
  s.ew = {z};
  return s;
}

}  // namespace

TEST(VectorOutputs, CoverageGeojsonHasOneFeaturePerClassInWgs84) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto file = tmp.path / "coverage_12.5m.geojson";
  report::write_coverage_geojson(file, cov.grid, cov.altitudes[1].count, cov.in_region);
  auto ds = open_vector(file);
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 1);
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_TRUE(layer->GetSpatialRef()->IsGeographic());
  // Reaches of 25 km around two batteries 47 km apart: classes 1 and 2 only.
  std::map<int, double> area_km2;
  for (auto& f : *layer) {
    OGRGeometry* g = f->GetGeometryRef();
    ASSERT_TRUE(g);
    const auto type = wkbFlatten(g->getGeometryType());
    EXPECT_TRUE(type == wkbMultiPolygon || type == wkbPolygon) << type;
    // Back in the grid's CRS the polygons cover exactly the cells of the class.
    OGRSpatialReference laea;
    laea.importFromProj4("+proj=laea +lat_0=50.45 +lon_0=30.5 +R=6371000 +units=m +no_defs");
    laea.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    g->transformTo(&laea);
    area_km2[f->GetFieldAsInteger("count")] = OGR_G_Area(OGRGeometry::ToHandle(g)) / 1e6;
  }
  std::map<int, int> cells;
  for (int r = 5; r < 75; ++r)
    for (int c = 5; c < 95; ++c)
      if (const int k = cov.altitudes[1].count[r * 100 + c]) ++cells[std::min(k, 5)];
  ASSERT_EQ(area_km2.size(), cells.size());
  for (const auto& [k, n] : cells) EXPECT_NEAR(area_km2[k], n, 0.01 * n) << "class " << k;
}

TEST(VectorOutputs, CoverageOfFiveAndMoreIsOneClass) {
  auto cov = test::synthetic_coverage();
  coverage::CountMap& count = cov.altitudes[0].count;
  for (std::size_t i = 0; i < count.size(); ++i)
    for (int k = count[i] ? count[i] : 7; k < 7; ++k) count.add_one(i);  // 7 where covered
  test::TempDir tmp;
  const auto file = tmp.path / "c.geojson";
  report::write_coverage_geojson(file, cov.grid, cov.altitudes[0].count, cov.in_region);
  auto ds = open_vector(file);
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  ASSERT_EQ(layer->GetFeatureCount(), 1);
  auto f = std::unique_ptr<OGRFeature>(layer->GetNextFeature());
  EXPECT_EQ(f->GetFieldAsInteger("count"), 5);
}

TEST(VectorOutputs, ScenarioLayersHoldTheirFeaturesAndAttributes) {
  const auto s = scenario_with_salvos();
  auto sim = test::synthetic_simulation();
  sim.leakers_by_target = {{{30.52, 50.45}, 3.5}, {{30.40, 50.40}, 0.25}};
  test::TempDir tmp;
  report::OutputStage stage(tmp.path / "out");
  const auto names = report::write_scenario_geojson(stage, s, &sim);
  EXPECT_EQ(names.size(), 5u);
  stage.commit();
  const fs::path out = tmp.path / "out";

  auto bat = open_vector(out / "batteries.geojson");
  ASSERT_TRUE(bat);
  OGRLayer* bl = bat->GetLayer(0);
  ASSERT_EQ(bl->GetFeatureCount(), 1);
  auto b = std::unique_ptr<OGRFeature>(bl->GetNextFeature());
  EXPECT_STREQ(b->GetFieldAsString("id"), "kyiv-1");
  EXPECT_STREQ(b->GetFieldAsString("system"), "iris_t_slm");
  EXPECT_STREQ(b->GetFieldAsString("system_name"), "IRIS-T SLM");
  EXPECT_STREQ(b->GetFieldAsString("operator"), "ukraine");
  EXPECT_STREQ(b->GetFieldAsString("role"), "shooter");
  EXPECT_DOUBLE_EQ(b->GetGeometryRef()->toPoint()->getX(), 30.2);

  auto tg = open_vector(out / "targets.geojson");
  ASSERT_TRUE(tg);
  OGRLayer* tl = tg->GetLayer(0);
  ASSERT_EQ(tl->GetFeatureCount(), 2);  // the shared target once
  auto t0 = std::unique_ptr<OGRFeature>(tl->GetNextFeature());
  EXPECT_STREQ(t0->GetFieldAsString("name"), "city centre");
  EXPECT_DOUBLE_EQ(t0->GetFieldAsDouble("weight"), 3);
  EXPECT_STREQ(t0->GetFieldAsString("salvos"), "wave-1,wave-2");
  EXPECT_DOUBLE_EQ(t0->GetFieldAsDouble("leakers_mean"), 3.5);
  auto t1 = std::unique_ptr<OGRFeature>(tl->GetNextFeature());
  EXPECT_DOUBLE_EQ(t1->GetFieldAsDouble("leakers_mean"), 0.25);

  auto la = open_vector(out / "launch_areas.geojson");
  ASSERT_TRUE(la);
  OGRLayer* ll = la->GetLayer(0);
  ASSERT_EQ(ll->GetFeatureCount(), 2);
  auto l0 = std::unique_ptr<OGRFeature>(ll->GetNextFeature());
  EXPECT_STREQ(l0->GetFieldAsString("salvo"), "wave-1");
  EXPECT_STREQ(l0->GetFieldAsString("threat"), "shahed136");
  EXPECT_EQ(l0->GetFieldAsInteger("count"), 40);
  EXPECT_EQ(wkbFlatten(l0->GetGeometryRef()->getGeometryType()), wkbPolygon);
  auto l1 = std::unique_ptr<OGRFeature>(ll->GetNextFeature());
  EXPECT_EQ(wkbFlatten(l1->GetGeometryRef()->getGeometryType()), wkbPoint);

  auto rt = open_vector(out / "routes.geojson");
  ASSERT_TRUE(rt);
  OGRLayer* rl = rt->GetLayer(0);
  ASSERT_EQ(rl->GetFeatureCount(), 3);  // one line per salvo and target
  auto r0 = std::unique_ptr<OGRFeature>(rl->GetNextFeature());
  EXPECT_STREQ(r0->GetFieldAsString("target"), "city centre");
  const OGRLineString* line = r0->GetGeometryRef()->toLineString();
  EXPECT_GT(line->getNumPoints(), 5);  // densified along the great circles
  EXPECT_DOUBLE_EQ(line->getX(0), 33.0);
  EXPECT_DOUBLE_EQ(line->getX(line->getNumPoints() - 1), 30.52);

  auto ew = open_vector(out / "ew_zones.geojson");
  ASSERT_TRUE(ew);
  ASSERT_EQ(ew->GetLayer(0)->GetFeatureCount(), 1);
}

TEST(VectorOutputs, PlannedRoutesCarryTheirKillProbabilityAndLengths) {
  auto s = scenario_with_salvos();
  model::Salvo& w = s.salvos[0];
  w.route_kind = model::RouteKind::least_exposure;
  w.route.clear();
  for (std::size_t i = 0; i < w.targets.size(); ++i)
    w.planned.push_back({{{31.5, 50.2 + 0.1 * static_cast<double>(i)}},
                         0.25 + 0.5 * static_cast<double>(i),
                         480e3,
                         420e3});
  test::TempDir tmp;
  report::OutputStage stage(tmp.path / "out");
  report::write_scenario_geojson(stage, s, nullptr);
  stage.commit();
  auto rt = open_vector(tmp.path / "out/routes.geojson");
  ASSERT_TRUE(rt);
  OGRLayer* rl = rt->GetLayer(0);
  auto r0 = std::unique_ptr<OGRFeature>(rl->GetNextFeature());
  EXPECT_STREQ(r0->GetFieldAsString("route"), "least_exposure");
  EXPECT_DOUBLE_EQ(r0->GetFieldAsDouble("kill_probability"), 0.25);
  EXPECT_DOUBLE_EQ(r0->GetFieldAsDouble("length_km"), 480);
  EXPECT_DOUBLE_EQ(r0->GetFieldAsDouble("great_circle_km"), 420);
  const OGRLineString* line = r0->GetGeometryRef()->toLineString();
  bool via = false;  // the line passes the planned waypoint, not the (cleared) drawn one
  for (int k = 0; k < line->getNumPoints(); ++k)
    via = via || (line->getX(k) == 31.5 && line->getY(k) == 50.2);
  EXPECT_TRUE(via);
  for (auto f = std::unique_ptr<OGRFeature>(rl->GetNextFeature()); f; f.reset(rl->GetNextFeature()))
    if (std::string(f->GetFieldAsString("salvo")) == "wave-2") {
      EXPECT_STREQ(f->GetFieldAsString("route"), "waypoints");
      EXPECT_FALSE(
          f->IsFieldSetAndNotNull(f->GetFieldIndex("kill_probability")));  // a drawn route: unknown
    }
}

TEST(VectorOutputs, TargetsHaveNoLeakersWithoutASimulationAndNoEwFileWithoutZones) {
  auto s = scenario_with_salvos();
  s.ew.clear();
  test::TempDir tmp;
  report::OutputStage stage(tmp.path / "out");
  EXPECT_EQ(report::write_scenario_geojson(stage, s, nullptr).size(), 4u);
  stage.commit();
  EXPECT_FALSE(fs::exists(tmp.path / "out/ew_zones.geojson"));
  auto tg = open_vector(tmp.path / "out/targets.geojson");
  ASSERT_TRUE(tg);
  EXPECT_LT(tg->GetLayer(0)->GetLayerDefn()->GetFieldIndex("leakers_mean"), 0);
}

TEST(VectorOutputs, KmlHoldsEveryLayerOfTheFolder) {
  const auto s0 = scenario_with_salvos();
  auto s = s0;
  s.coverage.altitudes_m = {50, 12.5};
  const auto cov = test::synthetic_coverage();
  const auto sim = test::synthetic_simulation();
  report::RenderOptions opt;
  test::TempDir tmp;
  {
    report::OutputStage stage(tmp.path / "out");
    report::write_coverage_outputs(stage, s, cov, opt);
    stage.commit();
  }
  // A later simulate into the same folder keeps the coverage layers in the KML.
  {
    report::OutputStage stage(tmp.path / "out");
    report::write_engagement_outputs(stage, s, sim);
    stage.commit();
  }
  auto kml = open_vector(tmp.path / "out/adcov.kml");
  ASSERT_TRUE(kml);
  std::map<std::string, GIntBig> features;
  for (int i = 0; i < kml->GetLayerCount(); ++i)
    features[kml->GetLayer(i)->GetName()] = kml->GetLayer(i)->GetFeatureCount();
  EXPECT_EQ(features.size(), 7u);
  EXPECT_GT(features["coverage_50m"], 0);
  EXPECT_GT(features["coverage_12.5m"], 0);
  EXPECT_EQ(features["batteries"], 1);
  EXPECT_EQ(features["targets"], 2);
  EXPECT_EQ(features["launch_areas"], 2);
  EXPECT_EQ(features["routes"], 3);
  EXPECT_EQ(features["ew_zones"], 1);
  OGRLayer* targets = kml->GetLayerByName("targets");
  ASSERT_TRUE(targets);
  EXPECT_GE(targets->GetLayerDefn()->GetFieldIndex("leakers_mean"), 0);
}

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `layer` of `src` written by OGR's `driver` with `options`, as text.
std::string ogr_text(const fs::path& src, const char* driver, const fs::path& dst,
                     std::vector<const char*> options, const char* layer_name) {
  auto in = open_vector(src);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  Dataset out(drv->Create(dst.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  options.push_back(nullptr);
  EXPECT_TRUE(out->CopyLayer(in->GetLayer(0), layer_name, const_cast<char**>(options.data())));
  out.reset();
  return slurp(dst);
}

// The Schema and Folder of `layer` in KML text.
std::string kml_layer(const std::string& kml, const std::string& layer) {
  const std::size_t schema = kml.find("<Schema name=\"" + layer + "\"");
  const std::size_t schema_end = kml.find("</Schema>\n", schema) + 10;
  const std::size_t folder = kml.find("<Folder><name>" + layer + "</name>");
  const std::size_t folder_end = kml.find("</Folder>\n", folder) + 10;
  if (schema == std::string::npos || folder == std::string::npos) return "";
  return kml.substr(schema, schema_end - schema) + kml.substr(folder, folder_end - folder);
}

}  // namespace

// The coverage GeoJSON is written as text (polygon_text.hpp); it must be the
// very bytes OGR's GeoJSON driver writes for the same polygons (RFC 7946
// orientation, 6 decimals, a one-patch class as a Polygon).
TEST(VectorOutputs, CoverageGeojsonIsTheTextOgrWrites) {
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  for (std::size_t a = 0; a < cov.altitudes.size(); ++a) {
    const auto file = tmp.path / ("c" + std::to_string(a) + ".geojson");
    report::write_coverage_geojson(file, cov.grid, cov.altitudes[a].count, cov.in_region);
    const std::string ours = slurp(file);
    ASSERT_NE(ours.find("\"coordinates\""), std::string::npos) << "no polygon at altitude " << a;
    // OGR copies the features' ids, which a fresh layer does not have.
    const std::string ogr = std::regex_replace(
        ogr_text(file, "GeoJSON", tmp.path / ("ogr" + std::to_string(a) + ".geojson"),
                 {"RFC7946=YES", "COORDINATE_PRECISION=6"}, "coverage"),
        std::regex("\"id\": [0-9]+, "), "");
    EXPECT_EQ(ours, ogr) << "altitude " << a;
  }
  const coverage::CountMap none(cov.altitudes[0].count.size(), 2);  // nothing covered: no feature
  report::write_coverage_geojson(tmp.path / "none.geojson", cov.grid, none, cov.in_region);
  EXPECT_EQ(slurp(tmp.path / "none.geojson"),
            ogr_text(tmp.path / "none.geojson", "GeoJSON", tmp.path / "ogr-none.geojson",
                     {"RFC7946=YES", "COORDINATE_PRECISION=6"}, "coverage"));
}

// The KML's coverage folders are made from that text without parsing a
// number: the same Schema and Folder as OGR's KML driver writes from the file.
TEST(VectorOutputs, KmlCoverageFoldersAreWhatOgrWritesFromTheGeojson) {
  auto s = scenario_with_salvos();
  s.coverage.altitudes_m = {50, 12.5};
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  {
    report::OutputStage stage(tmp.path / "out");
    report::write_coverage_outputs(stage, s, cov, report::RenderOptions{});
    stage.commit();
  }
  const std::string kml = slurp(tmp.path / "out/adcov.kml");
  for (const std::string layer : {"coverage_50m", "coverage_12.5m"}) {
    const std::string want = kml_layer(ogr_text(tmp.path / "out" / (layer + ".geojson"), "KML",
                                                tmp.path / (layer + ".kml"), {}, layer.c_str()),
                                       layer);
    ASSERT_FALSE(want.empty()) << layer;
    EXPECT_EQ(kml_layer(kml, layer), want) << layer;
  }
}

// The polygons' jobs make the coverage layers' KML folders beside the other
// maps (coverage_map_jobs); the KML must be the one made by reading the staged
// GeoJSON back once every job is done, byte for byte.
TEST(VectorOutputs, KmlFromTheFoldersTheJobsMadeIsTheKmlReadBack) {
  auto s = scenario_with_salvos();
  s.coverage.altitudes_m = {50, 12.5};
  const auto cov = test::synthetic_coverage();
  const report::RenderOptions opt;
  test::TempDir tmp;
  report::KmlFolders made;
  {
    report::OutputStage stage(tmp.path / "jobs");
    const auto jobs = report::coverage_map_jobs(s, cov, opt, &made);
    report::write_jobs(stage, jobs);
    report::finish_coverage_outputs(stage, s, cov, opt, jobs, made);
    stage.commit();
  }
  {
    report::OutputStage stage(tmp.path / "read_back");
    const auto jobs = report::coverage_map_jobs(s, cov, opt);
    report::write_jobs(stage, jobs);
    report::finish_coverage_outputs(stage, s, cov, opt, jobs);
    stage.commit();
  }
  ASSERT_EQ(made.size(), 2u);
  for (const std::string layer : {"coverage_50m", "coverage_12.5m"})
    EXPECT_NE(made[layer].find("<Folder><name>" + layer + "</name>"), std::string::npos) << layer;
  const std::string kml = slurp(tmp.path / "jobs/adcov.kml");
  EXPECT_NE(kml.find("<Placemark>"), std::string::npos);
  EXPECT_EQ(kml, slurp(tmp.path / "read_back/adcov.kml"));
}

TEST(VectorOutputs, KmlLayerNameIsTheFileNameWithoutItsExtension) {
  EXPECT_EQ(report::kml_layer_name("coverage_12.5m.geojson"), "coverage_12.5m");
  EXPECT_EQ(report::kml_layer_name("batteries.geojson"), "batteries");
  EXPECT_EQ(report::kml_layer_name("notes.txt"), "notes.txt");
}

// A coverage GeoJSON laid out otherwise (another tool's, or an older adcov's,
// left in the folder) still reaches the KML, through OGR.
TEST(VectorOutputs, KmlTakesACoverageGeojsonOfAnotherLayoutThroughOgr) {
  const auto s = scenario_with_salvos();
  const auto cov = test::synthetic_coverage();
  test::TempDir tmp;
  const auto ours = tmp.path / "ours.geojson";
  report::write_coverage_geojson(ours, cov.grid, cov.altitudes[0].count, cov.in_region);
  fs::create_directories(tmp.path / "out");
  const auto other = tmp.path / "out" / report::coverage_geojson_name(s.coverage.altitudes_m.at(0));
  ogr_text(ours, "GeoJSON", other, {"COORDINATE_PRECISION=5", "WRITE_BBOX=YES"},
           "coverage");  // another layout
  const GIntBig features = open_vector(other)->GetLayer(0)->GetFeatureCount();
  ASSERT_GT(features, 0);
  {
    report::OutputStage stage(tmp.path / "out");
    report::write_kml(stage, s);
    stage.commit();
  }
  auto kml = open_vector(tmp.path / "out/adcov.kml");
  ASSERT_TRUE(kml);
  const std::string layer = other.stem().string();
  ASSERT_TRUE(kml->GetLayerByName(layer.c_str())) << layer;
  EXPECT_EQ(kml->GetLayerByName(layer.c_str())->GetFeatureCount(), features);
}
