#include "adcov/report/vector_outputs.hpp"

#include <cpl_vsi.h>
#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <optional>

#include "adcov/error.hpp"
#include "adcov/geo/big_buffer.hpp"
#include "adcov/geo/class_patches.hpp"
#include "adcov/geo/gdal_edge.hpp"
#include "adcov/geo/geodesy.hpp"
#include "adcov/report/cell_window.hpp"
#include "adcov/report/output_names.hpp"
#include "adcov/report/text_file.hpp"
#include "polygon_text.hpp"

namespace adcov::report {

namespace {

namespace gdal = geo::gdal;

// Great-circle legs and disc outlines get a vertex at least every this many
// metres, so straight segments in lon/lat stay within ~30 m of the true
// curve at Ukraine's latitudes (sagitta of a 20 km chord).
constexpr double kDensifyM = 20000;
constexpr int kDiscVertices = 72;

struct FeatureDestroy {
  void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using Feature = std::unique_ptr<OGRFeature, FeatureDestroy>;

// A vector file written by `driver_name`; the stage's empty placeholder is
// replaced (drivers refuse or append to a file that exists).
gdal::Dataset create_vector(const std::filesystem::path& file, const char* driver_name, gdal::ErrorCapture& err) {
  GDALDriver& drv = gdal::driver(driver_name);
  std::error_code ec;
  std::filesystem::remove(file, ec);
  gdal::Dataset ds(drv.Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw Error(err.message(file, "cannot create vector file"));
  return ds;
}

// RFC 7946: lon/lat WGS84, counter-clockwise outer rings, no `crs` member;
// 6 decimals (~0.1 m) keep the files small.
OGRLayer& create_layer(GDALDataset& ds, const std::filesystem::path& file, const char* name,
                       OGRwkbGeometryType type, gdal::ErrorCapture& err) {
  OGRSpatialReference wgs = gdal::wgs84();
  const char* opts[] = {"RFC7946=YES", "COORDINATE_PRECISION=6", nullptr};
  OGRLayer* layer = ds.CreateLayer(name, &wgs, type, const_cast<char**>(opts));
  if (!layer) throw Error(err.message(file, "cannot create layer"));
  return *layer;
}

void add_field(OGRLayer& layer, const std::filesystem::path& file, const char* name, OGRFieldType type,
               gdal::ErrorCapture& err) {
  OGRFieldDefn def(name, type);
  if (layer.CreateField(&def) != OGRERR_NONE) throw Error(err.message(file, std::string("cannot add field ") + name));
}

void add_feature(OGRLayer& layer, const std::filesystem::path& file, Feature f, gdal::ErrorCapture& err) {
  if (layer.CreateFeature(f.get()) != OGRERR_NONE) throw Error(err.message(file, "cannot write feature"));
}

void finish(gdal::Dataset ds, const std::filesystem::path& file, gdal::ErrorCapture& err) {
  err.clear();
  ds.reset();
  if (err.failed()) throw Error(err.message(file, "cannot finish vector file"));
}

OGRPoint point(geo::LonLat p) { return OGRPoint(p.lon_deg, p.lat_deg); }

// A circle of `radius_km` on the sphere as a polygon of geodesic
// destinations (counter-clockwise: bearings decreasing).
OGRPolygon disc(geo::LonLat center, double radius_km) {
  OGRLinearRing ring;
  for (int i = 0; i <= kDiscVertices; ++i) {
    const geo::LonLat p = geo::destination(center, -360.0 * (i % kDiscVertices) / kDiscVertices, radius_km * 1000);
    ring.addPoint(p.lon_deg, p.lat_deg);
  }
  OGRPolygon poly;
  poly.addRing(&ring);
  return poly;
}

// Great-circle legs through `points`, a vertex at least every kDensifyM.
OGRLineString great_circle_path(const std::vector<geo::LonLat>& points) {
  OGRLineString line;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i == 0) {
      line.addPoint(points[0].lon_deg, points[0].lat_deg);
      continue;
    }
    const geo::LonLat a = points[i - 1], b = points[i];
    const int steps = std::max(1, static_cast<int>(std::ceil(geo::distance_m(a, b) / kDensifyM)));
    for (int k = 1; k <= steps; ++k) {
      const geo::LonLat p = k == steps ? b : geo::interpolate(a, b, static_cast<double>(k) / steps);
      line.addPoint(p.lon_deg, p.lat_deg);
    }
  }
  return line;
}

std::string target_label(const model::WeightedTarget& t, std::size_t index) {
  return t.name.empty() ? "target " + std::to_string(index + 1) : t.name;
}

void write_batteries(const std::filesystem::path& file, const model::Scenario& s) {
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_vector(file, "GeoJSON", err);
  OGRLayer& layer = create_layer(*ds, file, "batteries", wkbPoint, err);
  for (const char* f : {"id", "system", "system_name", "operator", "role"}) add_field(layer, file, f, OFTString, err);
  for (const model::Battery& b : s.batteries) {
    Feature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    const auto sys = s.systems.find(b.system);
    f->SetField("id", b.id.c_str());
    f->SetField("system", b.system.c_str());
    if (sys != s.systems.end()) {
      f->SetField("system_name", sys->second.name.c_str());
      f->SetField("role", std::string(model::to_string(sys->second.role)).c_str());
    }
    f->SetField("operator", b.op.str().c_str());
    OGRPoint p = point(b.position);
    f->SetGeometry(&p);
    add_feature(layer, file, std::move(f), err);
  }
  finish(std::move(ds), file, err);
}

// One feature per distinct target position, in the order the salvos first
// name it (the order of SimulationResult::leakers_by_target).
void write_targets(const std::filesystem::path& file, const model::Scenario& s, const engage::SimulationResult* sim) {
  struct Target {
    geo::LonLat at;
    std::string name, salvos;
    double weight = 0;
  };
  std::vector<Target> targets;
  for (const model::Salvo& sv : s.salvos)
    for (std::size_t i = 0; i < sv.targets.size(); ++i) {
      const model::WeightedTarget& t = sv.targets[i];
      auto it = std::find_if(targets.begin(), targets.end(), [&](const Target& x) { return x.at == t.at; });
      if (it == targets.end()) it = targets.insert(targets.end(), Target{t.at, {}, {}, 0});
      if (it->name.empty()) it->name = t.name;
      it->salvos += (it->salvos.empty() ? "" : ",") + sv.id;
      it->weight += t.weight;
    }
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_vector(file, "GeoJSON", err);
  OGRLayer& layer = create_layer(*ds, file, "targets", wkbPoint, err);
  add_field(layer, file, "name", OFTString, err);
  add_field(layer, file, "weight", OFTReal, err);
  add_field(layer, file, "salvos", OFTString, err);
  if (sim) add_field(layer, file, "leakers_mean", OFTReal, err);
  for (const Target& t : targets) {
    Feature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    if (!t.name.empty()) f->SetField("name", t.name.c_str());
    f->SetField("weight", t.weight);
    f->SetField("salvos", t.salvos.c_str());
    if (sim) {
      const auto& lb = sim->leakers_by_target;
      const auto hit = std::find_if(lb.begin(), lb.end(), [&](const engage::LeakersAtTarget& x) { return x.at == t.at; });
      f->SetField("leakers_mean", hit == lb.end() ? 0.0 : hit->mean);
    }
    OGRPoint p = point(t.at);
    f->SetGeometry(&p);
    add_feature(layer, file, std::move(f), err);
  }
  finish(std::move(ds), file, err);
}

void write_launch_areas(const std::filesystem::path& file, const model::Scenario& s) {
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_vector(file, "GeoJSON", err);
  OGRLayer& layer = create_layer(*ds, file, "launch_areas", wkbUnknown, err);
  add_field(layer, file, "salvo", OFTString, err);
  add_field(layer, file, "threat", OFTString, err);
  add_field(layer, file, "count", OFTInteger, err);
  add_field(layer, file, "radius_km", OFTReal, err);
  for (const model::Salvo& sv : s.salvos) {
    Feature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    f->SetField("salvo", sv.id.c_str());
    f->SetField("threat", sv.threat.c_str());
    f->SetField("count", sv.count);
    if (sv.launch_area) {
      f->SetField("radius_km", sv.launch_area->radius_km);
      OGRPolygon poly = disc(sv.launch_area->center, sv.launch_area->radius_km);
      f->SetGeometry(&poly);
    } else if (sv.launch) {
      f->SetField("radius_km", 0.0);
      OGRPoint p = point(*sv.launch);
      f->SetGeometry(&p);
    }
    add_feature(layer, file, std::move(f), err);
  }
  finish(std::move(ds), file, err);
}

void write_routes(const std::filesystem::path& file, const model::Scenario& s) {
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_vector(file, "GeoJSON", err);
  OGRLayer& layer = create_layer(*ds, file, "routes", wkbLineString, err);
  add_field(layer, file, "salvo", OFTString, err);
  add_field(layer, file, "threat", OFTString, err);
  add_field(layer, file, "target", OFTString, err);
  add_field(layer, file, "weight", OFTReal, err);
  add_field(layer, file, "route", OFTString, err);
  add_field(layer, file, "kill_probability", OFTReal, err);
  add_field(layer, file, "length_km", OFTReal, err);
  add_field(layer, file, "great_circle_km", OFTReal, err);
  for (const model::Salvo& sv : s.salvos) {
    // From the launch point, or the centre of the launch disc.
    const geo::LonLat start = sv.launch ? *sv.launch : sv.launch_area ? sv.launch_area->center : geo::LonLat{};
    for (std::size_t i = 0; i < sv.targets.size(); ++i) {
      std::vector<geo::LonLat> pts{start};
      const std::vector<geo::LonLat>& via = model::route_to(sv, i);
      pts.insert(pts.end(), via.begin(), via.end());
      pts.push_back(sv.targets[i].at);
      Feature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
      f->SetField("salvo", sv.id.c_str());
      f->SetField("threat", sv.threat.c_str());
      f->SetField("target", target_label(sv.targets[i], i).c_str());
      f->SetField("weight", sv.targets[i].weight);
      f->SetField("route", sv.route_kind == model::RouteKind::least_exposure ? "least_exposure" : "waypoints");
      if (!sv.planned.empty()) {  // a planned route knows its exposure; a drawn one is left null
        f->SetField("kill_probability", sv.planned[i].kill_probability);
        f->SetField("length_km", sv.planned[i].length_m / 1000);
        f->SetField("great_circle_km", sv.planned[i].great_circle_m / 1000);
      }
      OGRLineString line = great_circle_path(pts);
      f->SetGeometry(&line);
      add_feature(layer, file, std::move(f), err);
    }
  }
  finish(std::move(ds), file, err);
}

void write_ew_zones(const std::filesystem::path& file, const model::Scenario& s) {
  gdal::ErrorCapture err;
  gdal::Dataset ds = create_vector(file, "GeoJSON", err);
  OGRLayer& layer = create_layer(*ds, file, "ew_zones", wkbPolygon, err);
  add_field(layer, file, "id", OFTString, err);
  add_field(layer, file, "kind", OFTString, err);
  add_field(layer, file, "strength", OFTReal, err);
  add_field(layer, file, "radius_km", OFTReal, err);
  for (const model::EwZone& z : s.ew) {
    Feature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    f->SetField("id", z.id.c_str());
    f->SetField("kind", std::string(model::to_string(z.kind)).c_str());
    f->SetField("strength", z.strength);
    f->SetField("radius_km", z.radius_km);
    OGRPolygon poly = disc(z.center, z.radius_km);
    f->SetGeometry(&poly);
    add_feature(layer, file, std::move(f), err);
  }
  finish(std::move(ds), file, err);
}

}  // namespace

namespace {

/// The classes over the region's window, 0 outside the region and where
/// nothing covers (kTopCountClass for kTopCountClass and more), written only
/// in the pages (kClassPage cells) that hold a class: the rest stays the
/// shared zero page, so the raster costs memory where the coverage is (at
/// 30 m over Ukraine, where each of the 1.5 G cells written would be 1.4 GiB
/// a job, and two jobs run at once). Rows in parallel; each piece of a row
/// branch-free through restrict pointers and locals, so it vectorises.
constexpr int kClassPage = 4096;

template <class Count>
void class_piece(const Count* __restrict s, const std::uint8_t* __restrict in, int n, std::uint8_t* __restrict o) {
  const Count top = kTopCountClass;
  if (!in) {
    for (int c = 0; c < n; ++c) o[c] = static_cast<std::uint8_t>(std::min(s[c], top));
    return;
  }
  for (int c = 0; c < n; ++c) {
    const auto v = static_cast<std::uint8_t>(std::min(s[c], top));
    o[c] = in[c] != 0 ? v : std::uint8_t{0};
  }
}

template <class Count>
bool any_class(const Count* __restrict s, const std::uint8_t* __restrict in, int n) {
  Count any = 0;
  if (!in) {
    for (int c = 0; c < n; ++c) any |= s[c];
  } else {
    for (int c = 0; c < n; ++c) any |= static_cast<Count>(in[c] != 0 ? s[c] : Count{0});
  }
  return any != 0;
}

template <class Count>
geo::ZeroedVector<std::uint8_t> count_classes(const std::filesystem::path& file, const geo::GridSpec& grid,
                                              std::span<const Count> count, std::span<const std::uint8_t> in_region,
                                              CellWindow& w) {
  if (count.size() != grid.cells() || (!in_region.empty() && in_region.size() != grid.cells()))
    throw Error(file.string() + ": raster size does not match the grid");
  w = region_window(grid, in_region);
  geo::ZeroedVector<std::uint8_t> cls(static_cast<std::size_t>(w.width) * w.height);
  const CellWindow win = w;
  tbb::parallel_for(0, win.height, [&](int r) {
    const std::size_t at = static_cast<std::size_t>(r + win.row0) * grid.width + win.col0;
    std::uint8_t* o = cls.data() + static_cast<std::size_t>(r) * win.width;
    for (int c0 = 0; c0 < win.width; c0 += kClassPage) {
      const int n = std::min(kClassPage, win.width - c0);
      const Count* s = count.data() + at + c0;
      const std::uint8_t* in = in_region.empty() ? nullptr : in_region.data() + at + c0;
      if (any_class(s, in, n)) class_piece(s, in, n, o + c0);  // else its zeros are the fresh memory's
    }
  });
  return cls;
}

/// Only covered cells become polygons, one per connected patch of one class
/// (not one per cell), the rings GDALPolygonize makes.
std::string write_class_geojson(const std::filesystem::path& file, const geo::GridSpec& g,
                                geo::ZeroedVector<std::uint8_t> cls) {
  const std::vector<geo::ClassPatch> patches = geo::class_patches(cls, g.width, g.height);
  cls = {};

  // One MultiPolygon per class. Cell edges are straight in the LAEA plane;
  // a vertex at every cell corner keeps them within millimetres of it in lon/lat.
  std::map<int, std::vector<const geo::ClassPatch*>> by_class;
  for (const geo::ClassPatch& p : patches) by_class[p.value].push_back(&p);

  // Written as text (polygon_text.hpp), laid out as OGR's GeoJSON driver
  // writes it with RFC7946=YES and COORDINATE_PRECISION=6. Each patch's
  // coordinates on its own task (a vertex costs an inverse projection and
  // two numbers), joined in order: the same text on any thread count.
  std::vector<std::string> coordinates(patches.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, patches.size(), 16), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) append_patch_coordinates(coordinates[i], patches[i], g);
  });
  std::string text = "{\n\"type\": \"FeatureCollection\",\n\"name\": \"coverage\",\n\"features\": [\n";
  bool first = true;
  for (const auto& [k, mp] : by_class) {
    if (!first) text += ",\n";
    first = false;
    // OGR writes a class of one patch as a Polygon.
    const bool one = mp.size() == 1;
    text += fmt::format(
        "{{ \"type\": \"Feature\", \"properties\": {{ \"count\": {} }}, \"geometry\": {{ \"type\": "
        "\"{}\", \"coordinates\": ",
        k, one ? "Polygon" : "MultiPolygon");
    if (!one) text += "[ ";
    for (std::size_t i = 0; i < mp.size(); ++i) {
      if (i) text += ", ";
      std::string& c = coordinates[static_cast<std::size_t>(mp[i] - patches.data())];
      text += c;
      c = {};
    }
    if (!one) text += " ]";
    text += " } }";
  }
  text += "\n]\n}\n";
  write_text_file(file, text);
  return text;
}

}  // namespace

std::string write_coverage_geojson(const std::filesystem::path& file, const geo::GridSpec& grid,
                                   const coverage::CountMap& count, std::span<const std::uint8_t> in_region) {
  CellWindow w;
  geo::ZeroedVector<std::uint8_t> cls =
      count.visit([&](auto cells) { return count_classes(file, grid, cells, in_region, w); });
  return write_class_geojson(file, crop(grid, w), std::move(cls));
}

std::vector<std::string> write_scenario_geojson(OutputStage& stage, const model::Scenario& s,
                                                const engage::SimulationResult* sim) {
  write_batteries(stage.path(kBatteriesGeojson), s);
  write_targets(stage.path(kTargetsGeojson), s, sim);
  write_launch_areas(stage.path(kLaunchAreasGeojson), s);
  write_routes(stage.path(kRoutesGeojson), s);
  std::vector<std::string> names{kBatteriesGeojson, kTargetsGeojson, kLaunchAreasGeojson, kRoutesGeojson};
  if (!s.ew.empty()) {
    write_ew_zones(stage.path(kEwZonesGeojson), s);
    names.push_back(kEwZonesGeojson);
  }
  return names;
}

std::string write_kml(OutputStage& stage, const model::Scenario& s, const KmlFolders& ready) {
  std::vector<std::string> layers;
  for (const double h : s.coverage.altitudes_m) layers.push_back(coverage_geojson_name(h));
  for (const char* n : {kBatteriesGeojson, kTargetsGeojson, kLaunchAreasGeojson, kRoutesGeojson, kEwZonesGeojson})
    layers.push_back(n);
  const std::filesystem::path file = stage.path(kKmlFile);
  gdal::ErrorCapture err;
  // The KML driver writes plain KML 2.2 (one Folder per layer, attributes as
  // ExtendedData), which Google Earth and QGIS both read. Coverage polygons
  // that write_coverage_geojson wrote are turned into the same Folders from
  // their text instead (coverage_kml_folder), then put first in the document.
  const std::string mem = "/vsimem/" + file.filename().string();
  std::string coverage_folders;
  {
    gdal::Dataset ds = create_vector(mem, "KML", err);
    for (const std::string& name : layers) {
      std::optional<std::filesystem::path> src = stage.staged(name);
      if (!src && std::filesystem::exists(stage.final_path(name))) src = stage.final_path(name);
      if (!src) continue;
      const std::string layer = kml_layer_name(name);
      if (const auto made = ready.find(layer); made != ready.end() && !made->second.empty()) {
        coverage_folders += made->second;
        continue;
      }
      if (name.rfind("coverage_", 0) == 0)
        if (const auto folder = coverage_kml_folder(read_text_file(*src), layer)) {
          coverage_folders += *folder;
          continue;
        }
      const char* drivers[] = {"GeoJSON", nullptr};
      gdal::Dataset in(GDALDataset::FromHandle(GDALOpenEx(src->c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                                          nullptr, nullptr)));
      if (!in || in->GetLayerCount() < 1) throw Error(err.message(*src, "cannot read back vector file"));
      if (!ds->CopyLayer(in->GetLayer(0), layer.c_str(), nullptr))
        throw Error(err.message(file, "cannot copy layer " + layer));
    }
    finish(std::move(ds), file, err);
  }
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(mem.c_str(), &size, FALSE);
  std::string kml = bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)) : "";
  VSIUnlink(mem.c_str());
  constexpr std::string_view kDocument = "<Document id=\"root_doc\">\n";
  const std::size_t body = kml.find(kDocument);
  if (body == std::string::npos) throw Error(file.string() + ": the KML driver wrote no document");
  kml.insert(body + kDocument.size(), coverage_folders);
  write_text_file(file, kml);
  return kKmlFile;
}

}  // namespace adcov::report
