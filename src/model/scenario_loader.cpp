// Scenario YAML -> Scenario structs, with every error of a file collected
// (diagnostics.hpp) and reported as `file:line:col: item: message`.
//
// Order of the checks follows the dependencies between sections: types
// (systems:, threats:) are resolved first, so batteries and salvos can name
// them; ids are collected before sweep paths refer to them.

#include "adcov/model/scenario_loader.hpp"

#include <fmt/format.h>
#include <glob.h>
#include <yaml-cpp/depthguard.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <sstream>

#include "adcov/error.hpp"
#include "adcov/model/library.hpp"
#include "adcov/model/value_rules.hpp"
#include "model/loaded_yaml.hpp"
#include "model/placement.hpp"
#include "model/type_fields.hpp"
#include "model/yaml_reader.hpp"

namespace adcov::model {

namespace detail {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTopKeys = {"name",      "seed",    "terrain", "region",   "resolution_m",
                                           "earth",     "systems", "batteries", "threats", "salvos",
                                           "coverage",  "simulation", "sweep",   "detection", "c2", "ew",
                                           "uncertainty"};

/// Why a name or id cannot be a file name (empty when it can): too long for
/// one path component (names and ids become folder and file names).
std::string length_problem(const std::string& what, const std::string& s) {
  if (s.size() <= kMaxNameLength) return {};
  return fmt::format("{} '{}...' is {} characters long; at most {} (it becomes a file name)", what, s.substr(0, 20),
                     s.size(), kMaxNameLength);
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
// Scenario names become folder names (out/<name>/): letters, digits, _ and - only.
bool valid_name(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_name_char);
}
// Ids of types, batteries and salvos also allow '.', but never '[' or ']' (sweep paths).
bool valid_id(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_name_char(c) || c == '.'; });
}

SourceLoc loc_of(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return {file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

/// True when the dotted key ("radar.range_km") is written in the map node.
/// (A const lookup of a missing key yields an invalid node on which only
/// IsDefined() may be called; every other query throws. Hence IsDefined first.)
bool present(const YAML::Node& map, const std::string& dotted) {
  if (!map.IsDefined() || !map.IsMap()) return false;
  const auto dot = dotted.find('.');
  if (dot == std::string::npos) return map[dotted].IsDefined();
  const YAML::Node g = map[dotted.substr(0, dot)];
  return g.IsDefined() && g.IsMap() && g[dotted.substr(dot + 1)].IsDefined();
}

template <class Map>
std::vector<std::string> keys_of(const Map& m) {
  std::vector<std::string> k;
  for (const auto& [key, value] : m) k.push_back(key);
  return k;
}

// ---- terrain and region -------------------------------------------------

struct Ctx {
  Diagnostics& d;
  const std::string& file;  // as given
  fs::path dir;             // scenario folder, absolute
};

void add_dem_entry(const YAML::Node& n, Ctx& c, Terrain& t) {
  std::string written;
  if (!read_string(n, "terrain", "dem", c.d, written)) return;
  if (written.empty()) {
    c.d.error(n.Mark(), "terrain", "dem: empty path");
    return;
  }
  t.dem_as_written.push_back(written);
  const fs::path resolved = (c.dir / written).lexically_normal();
  if (written.find_first_of("*?[") != std::string::npos) {
    glob_t g{};
    const int rc = ::glob(resolved.c_str(), 0, nullptr, &g);
    std::size_t files = 0;
    if (rc == 0)
      for (std::size_t i = 0; i < g.gl_pathc; ++i) {
        const fs::path p = g.gl_pathv[i];
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
          t.dem_files.push_back(p);
          ++files;
        }
      }
    ::globfree(&g);
    if (rc == GLOB_NOMATCH || (rc == 0 && files == 0))
      c.d.error(n.Mark(), "terrain",
                "dem: pattern '" + written + "' matches no file (looked for '" + resolved.string() + "')");
    else if (rc != 0)
      c.d.error(n.Mark(), "terrain", "dem: cannot expand pattern '" + written + "' (looked for '" +
                                         resolved.string() + "')");
    return;
  }
  std::error_code ec;
  const auto st = fs::status(resolved, ec);
  if (!fs::exists(st))
    c.d.error(n.Mark(), "terrain",
              "dem: file '" + written + "' not found (resolved to '" + resolved.string() + "')");
  else if (fs::is_directory(st))
    c.d.error(n.Mark(), "terrain", "dem: '" + written + "' is a directory, not a raster file (resolved to '" +
                                       resolved.string() + "')");
  else
    t.dem_files.push_back(resolved);
}

void read_terrain(const YAML::Node& node, Ctx& c, Terrain& t) {
  if (!node.IsDefined()) return;  // reported as missing by the caller
  t.loc = loc_of(c.file, node);
  MapReader m(node, "terrain", {"dem", "flat"}, c.d);
  if (!m.is_map()) return;
  const YAML::Node dem = m.get("dem");
  const bool has_flat = m.has("flat");
  if (dem.IsDefined() && has_flat) {
    c.d.error(node.Mark(), "terrain", "give either dem: (raster files) or flat: (ground elevation), not both");
  } else if (!dem.IsDefined() && !has_flat) {
    c.d.error(node.Mark(), "terrain",
              "missing dem: (a raster path, glob or list) or flat: (ground elevation in m)");
  }
  if (has_flat) {
    double z = 0;
    if (m.read("flat", z, between(-500, 9000))) t.flat_m = z;
  }
  if (!dem.IsDefined()) return;
  if (dem.IsSequence()) {
    if (dem.size() == 0) c.d.error(dem.Mark(), "terrain", "dem: empty list");
    for (const auto& e : dem) add_dem_entry(e, c, t);
  } else {
    add_dem_entry(dem, c, t);
  }
}

void read_region(const YAML::Node& node, Ctx& c, Region& r) {
  if (!node.IsDefined()) return;
  r.loc = loc_of(c.file, node);
  MapReader m(node, "region", {"bbox", "protect"}, c.d);
  if (!m.is_map()) return;
  if (const YAML::Node b = m.require("bbox"); b.IsDefined()) {
    if (!b.IsSequence() || b.size() != 4) {
      c.d.error(b.Mark(), "region", "bbox: expected [west, south, east, north], got " + describe(b));
    } else {
      geo::LonLatBox bb;
      bool ok = read_double(b[0], "region", "bbox west", c.d, bb.west, between(-180, 180));
      ok &= read_double(b[1], "region", "bbox south", c.d, bb.south, between(-90, 90));
      ok &= read_double(b[2], "region", "bbox east", c.d, bb.east, between(-180, 180));
      ok &= read_double(b[3], "region", "bbox north", c.d, bb.north, between(-90, 90));
      if (ok && bb.west >= bb.east)
        c.d.error(b.Mark(), "region", fmt::format("bbox: west ({}) must be less than east ({})", bb.west, bb.east));
      if (ok && bb.south >= bb.north)
        c.d.error(b.Mark(), "region",
                  fmt::format("bbox: south ({}) must be less than north ({})", bb.south, bb.north));
      if (ok && bb.west < bb.east && bb.south < bb.north) {
        // The grid is one LAEA projection about the box's centre: a box reaching
        // far from it (a hemisphere, the whole world) has no finite, honest grid.
        const geo::LonLat centre{0.5 * (bb.west + bb.east), 0.5 * (bb.south + bb.north)};
        double far_m = 0;
        for (int i = 0; i <= 16; ++i) {
          const double f = i / 16.0, lon = bb.west + f * (bb.east - bb.west), lat = bb.south + f * (bb.north - bb.south);
          for (const geo::LonLat p : {geo::LonLat{lon, bb.south}, geo::LonLat{lon, bb.north},
                                      geo::LonLat{bb.west, lat}, geo::LonLat{bb.east, lat}})
            far_m = std::max(far_m, geo::distance_m(centre, p));
        }
        if (far_m > kMaxRegionRadiusKm * 1000)
          c.d.error(b.Mark(), "region",
                    fmt::format("bbox [{}, {}, {}, {}] is too large: its edges reach {:.0f} km from its centre, at "
                                "most {:.0f} km (one analysis grid; split the area into several scenarios)",
                                bb.west, bb.south, bb.east, bb.north, far_m / 1000, kMaxRegionRadiusKm));
        else
          r.bbox = bb;
      }
    }
  }
  if (const YAML::Node p = m.get("protect"); p.IsDefined()) {
    std::string written;
    if (read_string(p, "region", "protect", c.d, written)) {
      const fs::path resolved = (c.dir / written).lexically_normal();
      std::error_code ec;
      if (!fs::is_regular_file(resolved, ec))
        c.d.error(p.Mark(), "region",
                  "protect: file '" + written + "' not found (resolved to '" + resolved.string() + "')");
      else
        r.protect = resolved;
    }
  }
}

// ---- types: systems and threats ------------------------------------------

/// A sensor (role: sensor) never fires: a shooter's key written beside it is
/// a mistake to report, not a value to ignore.
void check_sensor_keys(const std::vector<std::string>& written, const YAML::Node& def, const std::string& item,
                       Diagnostics& d) {
  for (const auto& key : written)
    if (key != "role" && key.rfind("radar.", 0) != 0)
      d.error(def.Mark(), item,
              "a sensor (role: sensor) never fires, so '" + key + "' has no effect; remove it or use role: shooter");
}

// What differs between resolving systems: and threats: (one algorithm for both).
template <class T>
struct TypeKind {
  const char* word;  // "system" / "threat"
  std::vector<std::string> keys;
  std::vector<std::string> (*read_params)(const MapReader&, T&);
  std::vector<std::string> required_when_new;
};

/// Resolves a scenario's `systems:` or `threats:` onto the built-in types in
/// `out`: each entry inherits from `base:` (built-in or another scenario type,
/// resolved first; cycles are errors), or from the built-in of the same id
/// (an override), or from nothing (a new type, which must then give the
/// parameters in `required_when_new`).
template <class T>
void resolve_types(const YAML::Node& node, Ctx& c, const TypeKind<T>& kind, const std::map<std::string, T>& builtin,
                   std::map<std::string, T>& out) {
  if (!node.IsDefined() || node.IsNull()) return;
  const std::string section = std::string(kind.word) + "s";
  if (!node.IsMap()) {
    c.d.error(node.Mark(), section, "expected a map of type ids, got " + describe(node));
    return;
  }
  std::map<std::string, YAML::Node> defs;
  std::vector<std::string> order;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: it-> points into a temporary
    if (!k.IsScalar() || !valid_id(k.Scalar())) {
      c.d.error(k.Mark(), section, "type id " + describe(k) + " may only contain letters, digits, '_', '-' and '.'");
      continue;
    }
    if (const std::string too_long = length_problem("type id", k.Scalar()); !too_long.empty()) {
      c.d.error(k.Mark(), section, too_long);
      continue;
    }
    if (defs.count(k.Scalar())) {
      c.d.error(k.Mark(), section, "duplicate " + std::string(kind.word) + " '" + k.Scalar() + "'");
      continue;
    }
    defs[k.Scalar()] = it->second;
    order.push_back(k.Scalar());
  }
  enum class State { todo, busy, done };
  std::map<std::string, State> state;
  std::vector<std::string> stack;
  std::function<void(const std::string&)> resolve = [&](const std::string& id) {
    state[id] = State::busy;
    stack.push_back(id);
    const YAML::Node def = defs.at(id);
    const std::string item = std::string(kind.word) + " '" + id + "'";
    MapReader m(def, item, kind.keys, c.d);
    T t{};
    bool inherited = false;
    bool own_builtin = false;  // an override of the built-in type of the same id
    if (const YAML::Node bn = m.get("base"); bn.IsDefined()) {
      std::string base;
      if (read_string(bn, item, "base", c.d, base)) {
        if (base == id && builtin.count(id)) {
          t = builtin.at(id);
          inherited = own_builtin = true;
        } else if (defs.count(base) && base != id) {
          if (state[base] == State::busy) {
            std::string cycle;
            const auto from = std::find(stack.begin(), stack.end(), base);
            for (auto s = from; s != stack.end(); ++s) cycle += *s + " -> ";
            c.d.error(bn.Mark(), item, "base: cycle " + cycle + base);
          } else {
            if (state[base] == State::todo) resolve(base);
            t = out.at(base);
          }
          inherited = true;  // even after a cycle: its error is reported once, not per missing key
        } else if (builtin.count(base)) {
          t = builtin.at(base);
          inherited = true;
        } else {
          std::vector<std::string> names = keys_of(out);
          for (const auto& [n, _] : defs) names.push_back(n);
          c.d.error(bn.Mark(), item, "unknown base " + std::string(kind.word) + " '" + base + "'" +
                                         did_you_mean(base, names));
          inherited = true;  // do not add "missing parameter" noise on top
        }
      } else {
        inherited = true;
      }
    } else if (builtin.count(id)) {
      t = builtin.at(id);
      inherited = own_builtin = true;
    }
    const std::string base_name = t.name;
    t.id = id;
    if (!m.read("name", t.name)) t.name = own_builtin ? base_name : id;
    m.read("notes", t.notes);
    const std::vector<std::string> written = kind.read_params(m, t);
    for (const auto& key : written) {
      t.sources[key] = "scenario";
      t.why.erase(key);
      // An overridden value is the scenario's choice, not the library's estimate: its band goes with it
      // (for rcs_m2 and rcs_band_factor every entry of the map: "rcs_band_factor.vhf").
      t.ranges.erase(key);
      for (auto it = t.ranges.lower_bound(key + "."); it != t.ranges.end() && it->first.rfind(key + ".", 0) == 0;)
        it = t.ranges.erase(it);
    }
    const RangeKeys range_params = range_keys(t);
    // A band inherited for a parameter the type no longer has as a number (a shooter's pk on a type made a
    // sensor) describes nothing.
    std::erase_if(t.ranges, [&](const auto& kv) {
      return std::none_of(range_params.numeric.begin(), range_params.numeric.end(),
                          [&](const RangedParam& p) { return p.key == kv.first; });
    });
    // The type's own ranges (optional): any numeric parameter, lo <= value <= hi.
    for (const auto& [key, band] : read_ranges(m, range_params, nullptr)) t.ranges[key] = band;
    std::vector<std::string> required = kind.required_when_new;
    if constexpr (std::is_same_v<T, SystemType>) {
      if (t.role == Role::sensor) {
        required = {"radar.range_km"};
        check_sensor_keys(written, def, item, c.d);
      }
    }
    if (!inherited && m.is_map()) {
      std::string missing;
      for (const auto& key : required)
        if (!present(m.node(), key)) missing += (missing.empty() ? "" : ", ") + key;
      if (!missing.empty())
        c.d.error(def.Mark(), item, "a new " + std::string(kind.word) + " type (no base:) must give " + missing +
                                        " (or base: <type> to inherit every parameter)");
    }
    if constexpr (std::is_same_v<T, SystemType>)
      check_system_consistency(t, present(def, "engagement") ? def["engagement"].Mark() : def.Mark(), item, c.d);
    out[id] = std::move(t);
    state[id] = State::done;
    stack.pop_back();
  };
  for (const auto& id : order)
    if (state[id] == State::todo) resolve(id);
}

// ---- batteries and salvos ------------------------------------------------

/// "battery 'kyiv-1'" when the element has a readable id, else "battery #3".
std::string element_label(const YAML::Node& el, const char* word, std::size_t index) {
  if (el.IsMap()) {
    const YAML::Node id = el["id"];
    if (id.IsDefined() && id.IsScalar() && !id.Scalar().empty()) return std::string(word) + " '" + id.Scalar() + "'";
  }
  return std::string(word) + " #" + std::to_string(index + 1);
}

// A battery or target far outside the region, or a launch farther than any
// threat flies, is a typo or swapped [lat, lon] (placement.hpp). Skipped
// while the region itself is invalid: its error comes first.
bool region_known(const Region& r) { return r.bbox.west < r.bbox.east && r.bbox.south < r.bbox.north; }

void check_site(const YAML::Node& n, const std::string& item, const std::string& what, Ctx& c, const Region& r,
                geo::LonLat p) {
  if (!region_known(r)) return;
  if (const std::string e = site_problem(r.bbox, p, what); !e.empty()) c.d.error(n.Mark(), item, e);
}

void check_launch(const YAML::Node& n, const std::string& item, const std::string& what, Ctx& c, const Region& r,
                  geo::LonLat p) {
  if (!region_known(r)) return;
  if (const std::string e = launch_problem(r.bbox, p, what); !e.empty()) c.d.error(n.Mark(), item, e);
}

/// Reads `id:` and checks that it is well formed and unique in `seen` (id -> line).
bool read_id(const MapReader& m, std::map<std::string, int>& seen, const char* word, std::string& out) {
  const YAML::Node n = m.require("id");
  if (!n.IsDefined() || !read_string(n, m.item(), "id", m.diag(), out)) return false;
  if (!valid_id(out)) {
    m.diag().error(n.Mark(), m.item(), "id '" + out + "' may only contain letters, digits, '_', '-' and '.'");
    return false;
  }
  if (const std::string too_long = length_problem("id", out); !too_long.empty()) {
    m.diag().error(n.Mark(), m.item(), too_long);
    return false;
  }
  if (const auto it = seen.find(out); it != seen.end()) {
    m.diag().error(n.Mark(), m.item(), "duplicate " + std::string(word) + " id '" + out + "' (first at line " +
                                           std::to_string(it->second) + ")");
    return false;
  }
  seen[out] = n.Mark().line + 1;
  return true;
}

std::optional<Operator> parse_operator(const std::string& s) {
  Operator op;
  if (s == "ukraine") return op;
  const auto colon = s.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string group = s.substr(0, colon), detail = s.substr(colon + 1);
  if (group == "allied") {
    // ISO 3166-1 alpha-2 or alpha-3 code, upper case as the standard writes it.
    if (detail.size() < 2 || detail.size() > 3 ||
        !std::all_of(detail.begin(), detail.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      return std::nullopt;
    op.group = OperatorGroup::allied;
  } else if (group == "contractor") {
    if (detail.empty()) return std::nullopt;
    op.group = OperatorGroup::contractor;
  } else {
    return std::nullopt;
  }
  op.detail = detail;
  return op;
}

void read_batteries(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!expect_list(node, "batteries", "batteries", c.d)) return;
  if (node.size() > static_cast<std::size_t>(kMaxBatteries)) {
    // Refused before reading any entry: each would cost a window of memory later.
    c.d.error(node.Mark(), "batteries",
              fmt::format("{} batteries is over the limit of {} (docs/scenario.md, \"Limits\")", node.size(),
                          kMaxBatteries));
    return;
  }
  std::map<std::string, int> seen;
  const std::vector<std::string> system_names = keys_of(s.systems);
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node el = node[i];
    MapReader m(el, element_label(el, "battery", i), {"id", "system", "operator", "position", "height_m", "magazine", "azimuth_deg"},
                c.d);
    if (!m.is_map()) continue;
    Battery b;
    b.loc = loc_of(c.file, el);
    read_id(m, seen, "battery", b.id);
    if (const YAML::Node sn = m.require("system"); sn.IsDefined() && read_string(sn, m.item(), "system", c.d, b.system))
      if (!s.systems.count(b.system))
        c.d.error(sn.Mark(), m.item(), "unknown system '" + b.system + "'" + did_you_mean(b.system, system_names));
    if (const YAML::Node on = m.get("operator"); on.IsDefined()) {
      std::string text;
      if (read_string(on, m.item(), "operator", c.d, text)) {
        if (const auto op = parse_operator(text))
          b.op = *op;
        else
          c.d.error(on.Mark(), m.item(), "operator '" + text +
                                             "' must be ukraine, allied:<ISO code> (e.g. allied:DE) or "
                                             "contractor:<name>");
      }
    }
    if (const YAML::Node p = m.require("position"); p.IsDefined() && read_lonlat(p, m.item(), "position", c.d, b.position))
      check_site(p, m.item(), "position", c, s.region, b.position);
    double h = 0;
    if (m.read("height_m", h, at_least(0).at_most(kMaxHeightM))) b.height_m = h;
    int mag = 0;
    if (m.read("magazine", mag, at_least(0).at_most(kMaxMagazine))) b.magazine = mag;
    m.read("azimuth_deg", b.azimuth_deg, between(-360, 360));
    s.batteries.push_back(std::move(b));
  }
}

/// `route:` (waypoints or least_exposure) and `max_detour:` of salvo `v`
/// (docs/scenario.md, "salvos"). A ballistic missile flies its arc: it has
/// no route to choose.
void read_route(MapReader& m, const Scenario& s, Salvo& v, Diagnostics& d) {
  const std::string& item = m.item();
  const YAML::Node r = m.get("route");
  if (r.IsDefined() && r.IsScalar()) {
    std::string word;
    if (read_string(r, item, "route", d, word)) {
      if (word != "least_exposure")
        d.error(r.Mark(), item, "route: '" + word + "' is not a route; give a list of [lon, lat] waypoints or "
                                "least_exposure" + did_you_mean(word, std::vector<std::string>{"least_exposure"}));
      else
        v.route_kind = RouteKind::least_exposure;
    }
  } else if (r.IsDefined() && !r.IsNull() && expect_list(r, item, "route", d)) {
    for (const auto& wp : r) {
      geo::LonLat p;
      if (read_lonlat(wp, item, "route", d, p)) v.route.push_back(p);
    }
  }
  if (const YAML::Node md = m.get("max_detour"); md.IsDefined()) {
    if (m.read("max_detour", v.max_detour, at_least(1).at_most(kMaxDetour)) &&
        v.route_kind != RouteKind::least_exposure)
      d.error(md.Mark(), item, "max_detour applies to route: least_exposure only");
  }
  if (v.route_kind != RouteKind::least_exposure) return;
  if (auto t = s.threats.find(v.threat); t != s.threats.end() && t->second.cls == ThreatClass::ballistic)
    d.error(r.Mark(), item, "route: least_exposure is for drones and cruise missiles; threat '" + v.threat +
                                "' is ballistic and flies its arc");
}

void read_salvos(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!expect_list(node, "salvos", "salvos", c.d)) return;
  std::map<std::string, int> seen;
  const std::vector<std::string> threat_names = keys_of(s.threats);
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node el = node[i];
    MapReader m(el, element_label(el, "salvo", i),
                {"id", "threat", "count", "launch", "launch_area", "target", "targets", "route", "max_detour",
                 "start_s", "interval_s"},
                c.d);
    if (!m.is_map()) continue;
    Diagnostics& d = c.d;
    const std::string& item = m.item();
    Salvo v;
    v.loc = loc_of(c.file, el);
    read_id(m, seen, "salvo", v.id);
    if (const YAML::Node tn = m.require("threat"); tn.IsDefined() && read_string(tn, item, "threat", d, v.threat))
      if (!s.threats.count(v.threat))
        d.error(tn.Mark(), item, "unknown threat '" + v.threat + "'" + did_you_mean(v.threat, threat_names));
    if (const YAML::Node cn = m.require("count"); cn.IsDefined() && m.read("count", v.count, at_least(0)) &&
                                                  v.count > kMaxSalvoCount) {
      d.error(cn.Mark(), item,
              fmt::format("count: {} threats is over the limit of {} per salvo (docs/scenario.md, \"Limits\")",
                          v.count, kMaxSalvoCount));
      v.count = 0;
    }

    const YAML::Node ln = m.get("launch"), la = m.get("launch_area");
    if (ln.IsDefined() && la.IsDefined())
      d.error(el.Mark(), item, "give either launch: [lon, lat] or launch_area: {center, radius_km}, not both");
    else if (!ln.IsDefined() && !la.IsDefined())
      d.error(el.Mark(), item, "missing launch: [lon, lat] or launch_area: {center, radius_km}");
    if (ln.IsDefined()) {
      geo::LonLat p;
      if (read_lonlat(ln, item, "launch", d, p)) {
        v.launch = p;
        v.launch_loc = loc_of(c.file, ln);
        check_launch(ln, item, "launch", c, s.region, p);
      }
    }
    if (la.IsDefined()) {
      MapReader a(la, item + ": launch_area", {"center", "radius_km"}, d);
      LaunchArea area;
      bool ok = a.is_map();
      if (const YAML::Node cn = a.require("center"); cn.IsDefined())
        ok &= read_lonlat(cn, item, "launch_area.center", d, area.center);
      else
        ok = false;
      if (const YAML::Node rn = a.require("radius_km"); rn.IsDefined())
        ok &= read_double(rn, item, "launch_area.radius_km", d, area.radius_km, at_least(0).at_most(kMaxRangeKm));
      else
        ok = false;
      if (ok) {
        v.launch_area = area;
        v.launch_loc = loc_of(c.file, a.get("center"));
        check_launch(a.get("center"), item, "launch_area.center", c, s.region, area.center);
      }
    }

    const YAML::Node tg = m.get("target"), tgs = m.get("targets");
    if (tg.IsDefined() && tgs.IsDefined())
      d.error(el.Mark(), item, "give either target: [lon, lat] or targets: [{at, weight}, ...], not both");
    else if (!tg.IsDefined() && !tgs.IsDefined())
      d.error(el.Mark(), item, "missing target: [lon, lat] or targets: [{at, weight}, ...]");
    if (tg.IsDefined()) {
      WeightedTarget w;
      if (read_lonlat(tg, item, "target", d, w.at)) {
        check_site(tg, item, "target", c, s.region, w.at);
        v.targets.push_back(w);
      }
    }
    if (tgs.IsDefined() && expect_list(tgs, item, "targets", d)) {
      if (tgs.size() == 0) d.error(tgs.Mark(), item, "targets: empty list");
      for (std::size_t j = 0; j < tgs.size(); ++j) {
        MapReader t(tgs[j], item + ": targets #" + std::to_string(j + 1), {"at", "weight", "name"}, d);
        if (!t.is_map()) continue;
        WeightedTarget w;
        bool ok = false;
        if (const YAML::Node at = t.require("at"); at.IsDefined()) {
          ok = read_lonlat(at, item, "targets.at", d, w.at);
          if (ok) check_site(at, item, "targets.at", c, s.region, w.at);
        }
        if (const YAML::Node wn = t.get("weight"); wn.IsDefined())
          ok &= read_double(wn, item, "targets.weight", d, w.weight, positive().at_most(kMaxWeight));
        if (const YAML::Node nn = t.get("name"); nn.IsDefined() && read_string(nn, item, "targets.name", d, w.name) &&
                                                  w.name.size() > kMaxNameLength)
          d.error(nn.Mark(), item, fmt::format("targets.name is {} characters long; at most {}", w.name.size(),
                                               kMaxNameLength));
        if (ok) v.targets.push_back(w);
      }
    }
    read_route(m, s, v, d);
    m.read("start_s", v.start_s, at_least(0).at_most(kMaxDurationS));
    m.read("interval_s", v.interval_s, at_least(0).at_most(kMaxDurationS));
    s.salvos.push_back(std::move(v));
  }
}

// ---- coverage, simulation, sweep -----------------------------------------

void read_coverage(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined()) return;
  MapReader m(node, "coverage", {"altitudes_m", "floor", "hillshade", "threat"}, c.d);
  if (!m.is_map()) return;
  if (const YAML::Node a = m.get("altitudes_m"); a.IsDefined() && expect_list(a, "coverage", "altitudes_m", c.d)) {
    if (a.size() == 0) c.d.error(a.Mark(), "coverage", "altitudes_m: empty list (give at least one altitude)");
    std::vector<double> alts;
    for (const auto& e : a) {
      double h = 0;
      if (!read_double(e, "coverage", "altitudes_m", c.d, h, altitude_range())) continue;
      // Each altitude names output files (coverage_<h>m.tif, to the millimetre):
      // a repeat, or one that rounds to the same name, would overwrite one.
      alts.push_back(h);
      if (const std::string p = altitudes_problem(alts); !p.empty()) {
        c.d.error(e.Mark(), "coverage", "altitudes_m: " + p);
        alts.pop_back();
      }
    }
    if (!alts.empty()) s.coverage.altitudes_m = alts;
  }
  m.read("floor", s.coverage.floor);
  m.read("hillshade", s.coverage.hillshade);
  if (const YAML::Node t = m.get("threat"); t.IsDefined()) {
    std::string id;
    if (read_string(t, "coverage", "threat", c.d, id)) {
      if (!s.threats.count(id))
        c.d.error(t.Mark(), "coverage", "unknown threat '" + id + "'" + did_you_mean(id, keys_of(s.threats)));
      else
        s.coverage.threat = id;
    }
  }
}

template <class E>
void read_word(const MapReader& m, const char* key, std::optional<E> (*parse)(std::string_view),
               const std::vector<std::string>& names, E& out) {
  if (const YAML::Node n = m.get(key); n.IsDefined()) read_choice<E>(n, m.item(), key, m.diag(), parse, names, out);
}

void read_detection(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined()) return;
  MapReader m(node, "detection", {"model", "pfa", "track"}, c.d);
  if (!m.is_map()) return;
  read_word<DetectionModel>(m, "model", &parse_detection_model, {"cookie_cutter", "swerling1"}, s.detection.model);
  // pfa < 0.5 keeps SNR50 = ln(pfa)/ln(0.5) - 1 positive (docs/model.md, "Detection").
  m.read("pfa", s.detection.pfa, between(1e-12, 0.1));
  if (const YAML::Node t = m.get("track"); t.IsDefined()) {
    MapReader tm(t, "detection: track", {"m", "n"}, c.d);
    tm.read("m", s.detection.track_m, between(1, kMaxTrackLooks));
    tm.read("n", s.detection.track_n, between(1, kMaxTrackLooks));
    if (s.detection.track_m > s.detection.track_n)
      c.d.error(t.Mark(), "detection",
                fmt::format("track: m ({}) is greater than n ({}): no track could ever form", s.detection.track_m,
                            s.detection.track_n));
  }
}

void read_c2(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined()) return;
  MapReader m(node, "c2", {"mode", "delay_s", "remote_pk_factor"}, c.d);
  if (!m.is_map()) return;
  read_word<C2Mode>(m, "mode", &parse_c2_mode, {"autonomous", "cued", "integrated"}, s.c2.mode);
  m.read("delay_s", s.c2.delay_s, at_least(0).at_most(kMaxDurationS));
  m.read("remote_pk_factor", s.c2.remote_pk_factor, between(0, 1));
}

void read_ew(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!expect_list(node, "ew", "ew", c.d)) return;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node el = node[i];
    MapReader m(el, element_label(el, "ew zone", i), {"id", "kind", "center", "radius_km", "strength"}, c.d);
    if (!m.is_map()) continue;
    EwZone z;
    z.loc = loc_of(c.file, el);
    read_id(m, seen, "ew zone", z.id);
    if (const YAML::Node k = m.require("kind"); k.IsDefined())
      read_choice<EwKind>(k, m.item(), "kind", c.d, &parse_ew_kind, {"gnss_denial"}, z.kind);
    if (const YAML::Node cn = m.require("center"); cn.IsDefined()) read_lonlat(cn, m.item(), "center", c.d, z.center);
    if (const YAML::Node rn = m.require("radius_km"); rn.IsDefined())
      read_double(rn, m.item(), "radius_km", c.d, z.radius_km, positive().at_most(kMaxRangeKm));
    if (const YAML::Node sn = m.get("strength"); sn.IsDefined())
      read_double(sn, m.item(), "strength", c.d, z.strength, positive().at_most(1));
    s.ew.push_back(std::move(z));
  }
}

/// True when sweep path `a` sets `b` or a part of it ("systems[x].radar" and
/// "systems[x].radar.range_km"), so one of two axes would undo the other.
bool overlaps(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

void read_sweep(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!expect_list(node, "sweep", "sweep", c.d)) return;
  std::vector<std::pair<std::string, int>> paths;  // set path, line of its axis
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node el = node[i];
    MapReader m(el, "sweep axis #" + std::to_string(i + 1), {"set", "values"}, c.d);
    if (!m.is_map()) continue;
    SweepAxis axis;
    axis.loc = loc_of(c.file, el);
    bool ok = true;
    if (const YAML::Node sn = m.require("set"); sn.IsDefined() && read_string(sn, m.item(), "set", c.d, axis.set)) {
      if (const std::string err = check_sweep_path(s, axis.set); !err.empty()) {
        c.d.error(sn.Mark(), "sweep '" + axis.set + "'", err);
        ok = false;
      } else {
        // A later axis on the same path overwrites the earlier one's value at
        // every point: the earlier axis would have no effect.
        for (const auto& [other, line] : paths)
          if (overlaps(other, axis.set)) {
            c.d.error(sn.Mark(), "sweep '" + axis.set + "'",
                      other == axis.set
                          ? fmt::format("the axis at line {} already sweeps this path (its values would have no "
                                        "effect); give all values in one axis",
                                        line)
                          : fmt::format("overlaps the axis '{}' at line {} (one would overwrite the other's values); "
                                        "sweep one of them",
                                        other, line));
            ok = false;
            break;
          }
        paths.emplace_back(axis.set, sn.Mark().line + 1);
      }
    } else {
      ok = false;
    }
    if (const YAML::Node vn = m.require("values"); vn.IsDefined() && expect_list(vn, m.item(), "values", c.d)) {
      if (vn.size() == 0) c.d.error(vn.Mark(), m.item(), "values: empty list");
      for (const auto& v : vn) {
        std::string text = flow_text(v);
        if (text.empty())
          c.d.error(v.Mark(), m.item(), "values: a value is too large or empty");
        else
          axis.values.push_back(std::move(text));
      }
    } else {
      ok = false;
    }
    if (ok) s.sweep.push_back(std::move(axis));
  }
  // Checked before the values are applied one by one (build_scenario): a
  // sweep of 10^12 points is refused now instead of running for ever.
  if (const std::uint64_t points = sweep_point_count(s); points > kMaxSweepPoints)
    c.d.error(node.Mark(), "sweep",
              points == std::numeric_limits<std::uint64_t>::max()
                  ? fmt::format("more than 2^64 points is over the limit of {} (docs/scenario.md, \"Limits\")",
                                kMaxSweepPoints)
                  : fmt::format("{} points (the product of the axes' value counts) is over the limit of {} "
                                "(docs/scenario.md, \"Limits\")",
                                points, kMaxSweepPoints));
}

/// One entry of `uncertainty.parameters`: { set: <sweep path>, range: [lo, hi] }.
void read_uncertain_parameter(const YAML::Node& el, std::size_t i, Ctx& c, Scenario& s) {
  MapReader m(el, "uncertainty parameter #" + std::to_string(i + 1), {"set", "range"}, c.d);
  if (!m.is_map()) return;
  UncertainParameterSetting p;
  p.loc = loc_of(c.file, el);
  const YAML::Node sn = m.require("set");
  if (!sn.IsDefined() || !read_string(sn, m.item(), "set", c.d, p.set)) return;
  if (const std::string err = check_sweep_path(s, p.set); !err.empty())
    return c.d.error(sn.Mark(), "uncertainty '" + p.set + "'", err);
  for (const UncertainParameterSetting& q : s.uncertainty.parameters)
    if (overlaps(q.set, p.set))
      return c.d.error(sn.Mark(), "uncertainty '" + p.set + "'",
                       fmt::format("overlaps '{}' at line {} (one would overwrite the other's draws)", q.set,
                                   q.loc.line));
  const YAML::Node rn = m.require("range");
  if (!rn.IsDefined()) return;
  if (!rn.IsSequence() || rn.size() != 2)
    return c.d.error(rn.Mark(), m.item(), "range: expected [lo, hi], two numbers");
  if (!read_double(rn[0], m.item(), "range", c.d, p.lo) || !read_double(rn[1], m.item(), "range", c.d, p.hi)) return;
  if (!(p.lo < p.hi))
    return c.d.error(rn.Mark(), m.item(), fmt::format("range: lo {} must be below hi {}", p.lo, p.hi));
  s.uncertainty.parameters.push_back(std::move(p));
}

/// `uncertainty:` (docs/scenario.md): samples, trials per run, parameters.
void read_uncertainty(const YAML::Node& node, Ctx& c, Scenario& s) {
  if (!node.IsDefined() || node.IsNull()) return;
  MapReader m(node, "uncertainty", {"samples", "trials", "parameters"}, c.d);
  if (!m.is_map()) return;
  m.read("samples", s.uncertainty.samples, between(2, kMaxUncertaintySamples));
  m.read("trials", s.uncertainty.trials, between(1, kMaxUncertaintyTrials));
  const YAML::Node pn = m.get("parameters");
  if (!pn.IsDefined() || (pn.IsScalar() && pn.Scalar() == "library")) return;
  if (!pn.IsSequence() || pn.size() == 0)
    return c.d.error(pn.Mark(), "uncertainty", "parameters: expected 'library' or a list of { set, range }");
  s.uncertainty.library = false;
  for (std::size_t i = 0; i < pn.size(); ++i) read_uncertain_parameter(pn[i], i, c, s);
}

/// Applies each listed range's ends, so that `adcov validate` finds a range
/// the model does not accept (pk up to 1.5) before hours of model runs.
void check_uncertainty_ranges(const Scenario& s, Diagnostics& d) {
  for (const UncertainParameterSetting& p : s.uncertainty.parameters)
    for (const double v : {p.lo, p.hi}) {
      try {
        (void)apply_sweep_values(s, {{p.set, fmt::format("{}", v)}}, p.loc.str() + ": uncertainty");
      } catch (const InputError& e) {
        for (const auto& msg : e.messages()) d.add_formatted(p.loc.line, p.loc.column, msg);
        break;
      }
    }
}

}  // namespace

std::string read_scenario_text(const std::filesystem::path& file, Diagnostics& d) {
  // Bounded reading (docs/scenario.md, "Limits"): the type and size are
  // checked with stat() before the file is opened, so a FIFO never blocks
  // the open and /dev/zero is never read; the open itself does not block
  // (O_NONBLOCK) and fstat() checks again what was actually opened, in case
  // the path was swapped in between; the read stops at the cap.
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      d.file_error("cannot open scenario file: no such file");
    else
      d.file_error(std::string("cannot open scenario file: ") + std::strerror(errno));
    d.throw_if_any();
  }
  auto check_kind = [&](const struct stat& s) {
    if (S_ISDIR(s.st_mode)) {
      d.file_error("is a directory, not a scenario file");
    } else if (!S_ISREG(s.st_mode)) {
      const char* kind = S_ISFIFO(s.st_mode)   ? "a FIFO (named pipe)"
                         : S_ISCHR(s.st_mode)  ? "a character device"
                         : S_ISBLK(s.st_mode)  ? "a block device"
                         : S_ISSOCK(s.st_mode) ? "a socket"
                                               : "not a regular file";
      d.file_error(fmt::format("is {}, not a scenario file (a scenario must be a regular file)", kind));
    } else if (static_cast<std::uintmax_t>(s.st_size) > kMaxScenarioFileBytes) {
      d.file_error(fmt::format("is {} bytes, over the limit of {} bytes (16 MiB) for a scenario file "
                               "(docs/scenario.md, \"Limits\")",
                               static_cast<std::uintmax_t>(s.st_size), kMaxScenarioFileBytes));
    }
    d.throw_if_any();
  };
  check_kind(st);
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    d.file_error(std::string("cannot read scenario file: ") + std::strerror(errno));
    d.throw_if_any();
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0) {
    d.file_error(std::string("cannot read scenario file: ") + std::strerror(errno));
    d.throw_if_any();
  }
  check_kind(st);
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      d.file_error(std::string("cannot read scenario file: ") + std::strerror(errno));
      d.throw_if_any();
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > kMaxScenarioFileBytes) {  // it grew while being read
      d.file_error(fmt::format("is over the limit of {} bytes (16 MiB) for a scenario file "
                               "(docs/scenario.md, \"Limits\")",
                               kMaxScenarioFileBytes));
      d.throw_if_any();
    }
  }
  return text;
}

namespace {

Scenario build_unguarded(const std::shared_ptr<const LoadedYaml>& src, Diagnostics& d, bool check_sweep_values) {
  Scenario s;
  s.file = src->file_abs;
  s.source = src;
  Ctx c{d, src->file_as_given, src->file_abs.parent_path()};
  const YAML::Node root = src->root;
  if (!root.IsMap()) {
    d.error(root.Mark(), "", "a scenario is a map of keys (name:, terrain:, region:, ...), got " + describe(root));
    return s;
  }
  MapReader top(root, "", kTopKeys, d);

  if (const YAML::Node n = top.require("name"); n.IsDefined() && read_string(n, "", "name", d, s.name))
  {
    if (!valid_name(s.name))
      d.error(n.Mark(), "", "name '" + s.name + "' may only contain letters, digits, '_' and '-'");
    else if (const std::string too_long = length_problem("name", s.name); !too_long.empty())
      d.error(n.Mark(), "", too_long);
  }
  if (const YAML::Node n = top.get("seed"); n.IsDefined()) {
    if (!n.IsScalar())
      d.error(n.Mark(), "", "seed: expected a whole number >= 0, got " + describe(n));
    else if (const std::string p = seed_problem(n.Scalar(), s.seed); !p.empty())
      d.error(n.Mark(), "", "seed: " + p);
  }
  read_terrain(top.require("terrain"), c, s.terrain);
  read_region(top.require("region"), c, s.region);
  top.read("resolution_m", s.resolution_m, resolution_range());
  if (const YAML::Node e = top.get("earth"); e.IsDefined()) {
    MapReader em(e, "earth", {"k_factor"}, d);
    em.read("k_factor", s.k_factor, positive().at_most(kMaxKFactor));
  }

  const Library& lib = builtin_library();
  s.systems = lib.systems;
  s.threats = lib.threats;
  const TypeKind<SystemType> sys_kind{
      "system", system_keys(TypeContext::scenario), &read_system_params,
      {"radar.range_km", "engagement.max_range_km", "engagement.max_alt_m", "interceptor.speed_mps", "magazine",
       "pk"}};
  const TypeKind<ThreatType> thr_kind{
      "threat", threat_keys(TypeContext::scenario), &read_threat_params,
      {"class", "speed_mps", "altitude_m", "rcs_m2"}};
  resolve_types(top.get("systems"), c, sys_kind, lib.systems, s.systems);
  resolve_types(top.get("threats"), c, thr_kind, lib.threats, s.threats);

  read_batteries(top.get("batteries"), c, s);
  read_salvos(top.get("salvos"), c, s);
  read_coverage(top.get("coverage"), c, s);
  if (const YAML::Node n = top.get("simulation"); n.IsDefined()) {
    MapReader sm(n, "simulation", {"trials"}, d);
    if (sm.read("trials", s.simulation.trials, trials_range()) && s.simulation.trials > kMaxTrials) {
      d.error(sm.get("trials").Mark(), "simulation",
              fmt::format("trials: {} is over the limit of {} (docs/scenario.md, \"Limits\")", s.simulation.trials,
                          kMaxTrials));
      s.simulation.trials = 1;
    }
  }
  read_detection(top.get("detection"), c, s);
  read_c2(top.get("c2"), c, s);
  read_ew(top.get("ew"), c, s);
  read_sweep(top.get("sweep"), c, s);
  read_uncertainty(top.get("uncertainty"), c, s);

  // Each sweep value is applied and validated now, so `adcov validate` finds a
  // bad value (magazine: -1) before hours of sweep points. Only on an
  // otherwise valid file: a broken base would make every value fail too.
  if (check_sweep_values && d.empty()) {
    for (const auto& axis : s.sweep)
      for (const auto& value : axis.values) {
        try {
          (void)apply_sweep_value(s, axis, value);
        } catch (const InputError& e) {
          for (const auto& msg : e.messages()) d.add_formatted(axis.loc.line, axis.loc.column, msg);
        }
      }
    check_uncertainty_ranges(s, d);
  }
  return s;
}

}  // namespace

Scenario build_scenario(const std::shared_ptr<const LoadedYaml>& src, Diagnostics& d, bool check_sweep_values) {
  try {
    return build_unguarded(src, d, check_sweep_values);
  } catch (const YAML::Exception& e) {
    // yaml-cpp may still throw on odd trees (e.g. anchors in keys); never crash on input.
    d.error(e.mark, "", "cannot read this YAML: " + e.msg);
    return {};
  }
}

}  // namespace detail

Scenario load_scenario(const std::filesystem::path& file) {
  detail::Diagnostics d(file.string());
  const std::string text = detail::read_scenario_text(file, d);
  return load_scenario_text(text, file);
}

Scenario load_scenario_text(const std::string& text, const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  detail::Diagnostics d(file.string());
  auto src = std::make_shared<detail::LoadedYaml>();
  src->file_as_given = file.string();
  src->file_abs = fs::absolute(file).lexically_normal();
  try {
    src->root = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    d.error(e.mark, "", "YAML syntax error: nesting too deep");
    d.throw_if_any();
  } catch (const YAML::Exception& e) {
    d.error(e.mark, "", "YAML syntax error: " + e.msg);
    d.throw_if_any();
  }
  if (!src->root.IsDefined() || src->root.IsNull()) {
    d.file_error("the scenario file is empty (expected keys such as name:, terrain:, region:)");
    d.throw_if_any();
  }
  Scenario s = detail::build_scenario(src, d, true);
  d.throw_if_any();
  return s;
}

}  // namespace adcov::model
