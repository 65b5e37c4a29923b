#include "lonlat_geojson.hpp"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace adcov::report {
namespace {

// The parts of a FeatureCollection this reader knows, by where they sit.
enum class Role {
  root,
  crs,
  crs_properties,
  features,
  feature,
  geometry,
  geometries,
  coordinates,
  bbox,
  other
};

struct Frame {
  Role role = Role::other;
  std::string key;               ///< an object's current key
  bool numbers = false;          ///< an array of coordinates holding numbers (a position)
  bool arrays = false;           ///< ... holding arrays
  bool positions = false;        ///< ... holding positions (a line or a ring)
  std::string type;              ///< a geometry's "type"
  bool has_coordinates = false;  ///< a geometry with a "coordinates" member
  std::vector<Polyline> lines;   ///< a geometry's lines and rings, kept until its type is known
};

// nlohmann::json's SAX interface (json_sax): every callback returns false to
// stop at the first thing the reader does not expect.
class Reader {
 public:
  Reader(const geo::GridSpec& grid, const std::optional<geo::LonLatBox>& frame) : grid_(grid), frame_(frame) {}

  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t v) { return number(static_cast<double>(v)); }
  bool number_unsigned(std::uint64_t v) { return number(static_cast<double>(v)); }
  bool number_float(double v, const std::string&) { return number(v); }
  bool binary(nlohmann::json::binary_t&) { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

  bool string(std::string& s) {
    if (frames_.empty()) return false;
    Frame& f = frames_.back();
    if (f.role == Role::coordinates) return false;
    if (f.role == Role::root && f.key == "type") type_ = s;
    if (f.role == Role::crs_properties && f.key == "name") crs_name_ = s;
    if (f.role == Role::geometry && f.key == "type") f.type = s;
    return true;
  }

  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (f.role == Role::root && k == "crs") crs_ = true;
    if (f.role == Role::geometry && k == "coordinates") f.has_coordinates = true;
    return true;
  }

  bool start_object(std::size_t) {
    Role role = Role::other;
    if (frames_.empty()) {
      role = Role::root;
    } else {
      const Frame& p = frames_.back();
      if (p.role == Role::coordinates) return false;
      if (p.role == Role::root && p.key == "crs")
        role = Role::crs;
      else if (p.role == Role::crs && p.key == "properties")
        role = Role::crs_properties;
      else if (p.role == Role::features)
        role = Role::feature;
      else if ((p.role == Role::feature && p.key == "geometry") || p.role == Role::geometries)
        role = Role::geometry;
    }
    push(role);
    return true;
  }

  bool end_object() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.role != Role::geometry) return true;
    line_.clear();  // a Point's one position
    if (f.type == "GeometryCollection" || f.type == "Point" || f.type == "MultiPoint") return true;
    if (f.type != "LineString" && f.type != "MultiLineString" && f.type != "Polygon" &&
        f.type != "MultiPolygon")
      return false;
    if (!f.has_coordinates) return false;
    for (Polyline& l : f.lines) out_.push_back(std::move(l));
    return true;
  }

  bool start_array(std::size_t) {
    if (frames_.empty()) return false;
    Frame& p = frames_.back();
    Role role = Role::other;
    if (p.role == Role::root && p.key == "features") {
      role = Role::features;
      features_ = true;
    } else if (p.role == Role::root && p.key == "bbox") {
      role = Role::bbox;
    } else if (p.role == Role::geometry && p.key == "coordinates") {
      role = Role::coordinates;
    } else if (p.role == Role::geometry && p.key == "geometries") {
      role = Role::geometries;
    } else if (p.role == Role::coordinates) {
      if (p.numbers) return false;  // numbers and arrays mixed
      p.arrays = true;
      role = Role::coordinates;
    }
    push(role);
    return true;
  }

  bool end_array() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.role == Role::bbox && misses_frame()) {
      outside_ = true;
      return false;  // read no further
    }
    if (f.role != Role::coordinates) return true;
    if (f.numbers) {  // a position: lon, lat[, height]
      if (position_.size() < 2) return false;
      line_.push_back(geo::project(grid_.projection, {position_[0], position_[1]}));
      position_.clear();
      if (frames_.back().role == Role::coordinates) frames_.back().positions = true;
      return true;
    }
    if (f.positions) {  // a line or ring: to the geometry it belongs to
      Frame* g = geometry();
      if (!g) return false;
      g->lines.push_back(std::move(line_));
      line_ = {};
    }
    return true;
  }

  /// The lines, once the whole file has been read and was what it should be.
  std::optional<std::vector<Polyline>> result() {
    if (type_ != "FeatureCollection" || !features_ || !lonlat() || !frames_.empty()) return std::nullopt;
    return std::move(out_);
  }

  /// Stopped at a bbox that misses the frame: no line of the file is drawn.
  bool outside() const { return outside_; }

 private:
  bool lonlat() const {
    return !crs_ || crs_name_ == "urn:ogc:def:crs:OGC:1.3:CRS84" || crs_name_ == "urn:ogc:def:crs:OGC::CRS84" ||
           crs_name_ == "OGC:CRS84";
  }

  /// A 2D bbox, read before any feature in lon/lat (a "crs" member naming
  /// CRS84 before it, or none and degrees), clear of the frame.
  bool misses_frame() const {
    if (!frame_ || bbox_.size() != 4 || features_ || !lonlat()) return false;
    const double w = bbox_[0], s = bbox_[1], e = bbox_[2], n = bbox_[3];
    if (!(w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n)) return false;
    return e < frame_->west || w > frame_->east || n < frame_->south || s > frame_->north;
  }

  bool number(double v) {
    if (frames_.empty()) return false;
    Frame& f = frames_.back();
    if (f.role == Role::bbox) {
      bbox_.push_back(v);
      return true;
    }
    if (f.role != Role::coordinates) return true;  // properties, bbox: not drawn
    if (f.arrays) return false;
    f.numbers = true;
    position_.push_back(v);
    return true;
  }

  void push(Role role) {
    Frame f;
    f.role = role;
    frames_.push_back(std::move(f));
  }

  Frame* geometry() {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
      if (it->role == Role::geometry) return &*it;
    return nullptr;
  }

  const geo::GridSpec& grid_;
  const std::optional<geo::LonLatBox> frame_;
  std::vector<double> bbox_;
  bool outside_ = false;
  std::vector<Frame> frames_;
  std::vector<double> position_;
  Polyline line_;
  std::vector<Polyline> out_;
  std::string type_, crs_name_;
  bool crs_ = false, features_ = false;
};

}  // namespace

std::optional<std::vector<Polyline>> read_lonlat_geojson(const std::filesystem::path& file,
                                                         const geo::GridSpec& grid,
                                                         const std::optional<geo::LonLatBox>& frame) {
  const std::string ext = file.extension().string();
  if (ext != ".geojson" && ext != ".json") return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  Reader reader(grid, frame);
  if (!nlohmann::json::sax_parse(text, &reader))
    return reader.outside() ? std::make_optional<std::vector<Polyline>>() : std::nullopt;
  return reader.result();
}

}  // namespace adcov::report
