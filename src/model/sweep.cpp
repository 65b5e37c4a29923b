// Sweep paths (docs/scenario.md, "sweep:") and apply_sweep_value().
//
// Design: a Scenario keeps the YAML tree it was built from (LoadedYaml). A
// sweep value is applied by cloning that tree, putting the value at the path,
// and running the same build and validation as for the file. So a swept value
// is checked exactly like a written one, a swept system override inherits like
// a written one, and applying two axes one after the other composes.
//
// Path grammar:  <collection>[<id>].<key>[.<key>]   (batteries, salvos, systems, threats)
//             |  <plain path>                       (seed, resolution_m, earth.k_factor, ...)

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>

#include "adcov/error.hpp"
#include "adcov/model/library.hpp"
#include "adcov/model/scenario_loader.hpp"
#include "model/loaded_yaml.hpp"
#include "model/type_fields.hpp"

namespace adcov::model {

namespace detail {

namespace {

struct SweepPath {
  std::string collection;
  std::optional<std::string> id;
  std::vector<std::string> keys;  // after the id (or the whole path for plain paths)
};

const std::vector<std::string> kIdCollections = {"batteries", "salvos", "systems", "threats", "ew"};
const std::vector<std::string> kEwKeys = {"kind", "center", "radius_km", "strength"};
const std::vector<std::string> kPlainPaths = {"seed",           "resolution_m",          "earth.k_factor",
                                              "region.bbox",    "coverage.altitudes_m",  "coverage.floor",
                                              "coverage.threat", "simulation.trials",  "detection.model",
                                              "detection.pfa",  "detection.track",       "detection.track.m",
                                              "detection.track.n", "c2.mode",            "c2.delay_s",
                                              "c2.remote_pk_factor"};
const std::vector<std::string> kBatteryKeys = {"system", "operator", "position", "height_m", "magazine", "azimuth_deg"};
const std::vector<std::string> kSalvoKeys = {"threat",  "count",   "launch", "launch_area", "launch_area.center",
                                             "launch_area.radius_km", "target", "targets", "route", "max_detour",
                                             "start_s", "interval_s"};

std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string join_dots(const std::vector<std::string>& k) {
  std::string s;
  for (const auto& p : k) s += (s.empty() ? "" : ".") + p;
  return s;
}

/// Parses the path; on failure returns nullopt and sets `err`.
std::optional<SweepPath> parse_path(const std::string& set, std::string& err) {
  SweepPath p;
  const auto br = set.find('[');
  if (br == std::string::npos) {
    p.keys = split_dots(set);
    p.collection = p.keys.front();
  } else {
    const auto close = set.find(']', br);
    if (close == std::string::npos) {
      err = "missing ']' after the id";
      return std::nullopt;
    }
    p.collection = set.substr(0, br);
    p.id = set.substr(br + 1, close - br - 1);
    const std::string rest = set.substr(close + 1);
    if (p.id->empty()) {
      err = "empty id between '[' and ']'";
      return std::nullopt;
    }
    if (rest.size() < 2 || rest[0] != '.') {
      err = "expected '.<key>' after '[" + *p.id + "]'";
      return std::nullopt;
    }
    p.keys = split_dots(rest.substr(1));
  }
  if (std::any_of(p.keys.begin(), p.keys.end(), [](const std::string& k) { return k.empty(); })) {
    err = "empty key in path (two dots, or a dot at the end)";
    return std::nullopt;
  }
  return p;
}

template <class Map>
std::vector<std::string> keys_of(const Map& m) {
  std::vector<std::string> k;
  for (const auto& [key, value] : m) k.push_back(key);
  return k;
}

std::string check_key(const std::string& key, const std::vector<std::string>& allowed, const char* what) {
  if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) return {};
  return "unknown " + std::string(what) + " key '" + key + "'" + did_you_mean(key, allowed);
}

/// A path into a list of items with ids (batteries, salvos, ew zones): the id
/// must name one of `items`, the key one of `keys`.
template <class Item>
std::string check_listed(const std::vector<Item>& items, const std::string& id, const std::string& key,
                         const std::vector<std::string>& keys, const char* what) {
  std::vector<std::string> ids;
  for (const Item& it : items) ids.push_back(it.id);
  if (std::find(ids.begin(), ids.end(), id) == ids.end())
    return "unknown " + std::string(what) + " '" + id + "'" + did_you_mean(id, ids);
  return check_key(key, keys, what);
}

std::string check_path(const Scenario& s, const SweepPath& p) {
  if (!p.id) {
    const std::string full = join_dots(p.keys);
    if (std::find(kPlainPaths.begin(), kPlainPaths.end(), full) != kPlainPaths.end()) return {};
    if (std::find(kIdCollections.begin(), kIdCollections.end(), p.collection) != kIdCollections.end())
      return "'" + p.collection + "' needs an id: " + p.collection + "[<id>].<key>";
    std::vector<std::string> all = kPlainPaths;
    for (const auto& c : kIdCollections) all.push_back(c);
    return "cannot sweep '" + full + "'" + did_you_mean(full, all) +
           "; sweepable: batteries[id].<key>, salvos[id].<key>, systems[id].<key>, threats[id].<key>, seed, "
           "resolution_m, earth.k_factor, region.bbox, coverage.altitudes_m, coverage.floor, coverage.threat, "
           "simulation.trials, detection.model, detection.pfa, detection.track[.m|.n], c2.mode, c2.delay_s, "
           "c2.remote_pk_factor, ew[id].<key>";
  }
  const std::string key = join_dots(p.keys);
  if (p.collection == "batteries") return check_listed(s.batteries, *p.id, key, kBatteryKeys, "battery");
  if (p.collection == "salvos") return check_listed(s.salvos, *p.id, key, kSalvoKeys, "salvo");
  if (p.collection == "ew") return check_listed(s.ew, *p.id, key, kEwKeys, "ew zone");
  if (p.collection == "systems") {
    if (!s.systems.count(*p.id)) return "unknown system '" + *p.id + "'" + did_you_mean(*p.id, keys_of(s.systems));
    std::vector<std::string> allowed = system_parameter_keys();
    for (const auto& g : system_groups()) allowed.push_back(g);
    return check_key(key, allowed, "system");
  }
  if (p.collection == "threats") {
    if (!s.threats.count(*p.id)) return "unknown threat '" + *p.id + "'" + did_you_mean(*p.id, keys_of(s.threats));
    std::vector<std::string> allowed = threat_parameter_keys();
    for (const char* k : {"decoy", "rcs_m2.front", "rcs_m2.side", "rcs_m2.tail", "rcs_band_factor"})
      allowed.emplace_back(k);
    for (RadarBand b : kAllRadarBands) allowed.push_back("rcs_band_factor." + std::string(to_string(b)));
    return check_key(key, allowed, "threat");
  }
  return "unknown collection '" + p.collection + "'" + did_you_mean(p.collection, kIdCollections);
}

/// Sets parent.keys[i].keys[i+1]... = value, creating maps on the way.
/// (Each level takes a fresh Node handle: assigning to a yaml-cpp Node
/// variable would overwrite the node it refers to, not re-point the variable.)
void set_nested(YAML::Node parent, const std::vector<std::string>& keys, std::size_t i, const YAML::Node& value) {
  const std::string& k = keys[i];
  if (i + 1 == keys.size()) {
    parent[k] = value;
    return;
  }
  if (!parent[k].IsMap()) parent[k] = YAML::Node(YAML::NodeType::Map);
  set_nested(parent[k], keys, i + 1, value);
}

/// Puts `value` at path `p` in `root`; false with `err` when the path has no target.
bool set_path(YAML::Node root, const SweepPath& p, const YAML::Node& value, std::string& err) {
  if (!p.id) {
    set_nested(root, p.keys, 0, value);
    return true;
  }
  if (p.collection == "batteries" || p.collection == "salvos" || p.collection == "ew") {
    YAML::Node list = root[p.collection];
    if (list.IsSequence())
      for (std::size_t i = 0; i < list.size(); ++i) {
        YAML::Node el = list[i];
        if (el.IsMap() && el["id"].IsDefined() && el["id"].IsScalar() && el["id"].Scalar() == *p.id) {
          set_nested(el, p.keys, 0, value);
          return true;
        }
      }
    err = "no " + std::string(p.collection == "batteries" ? "battery" : p.collection == "ew" ? "ew zone" : "salvo") +
          " with id '" + *p.id + "'";
    return false;
  }
  // systems / threats: writing under the id makes an override of the built-in
  // type of that id, or edits the scenario's own type.
  if (!root[p.collection].IsMap()) root[p.collection] = YAML::Node(YAML::NodeType::Map);
  YAML::Node types = root[p.collection];
  if (!types[*p.id].IsMap()) types[*p.id] = YAML::Node(YAML::NodeType::Map);
  set_nested(types[*p.id], p.keys, 0, value);
  return true;
}

/// Node count up to `limit`: aliases make a small text a huge tree.
std::size_t count_nodes(const YAML::Node& n, std::size_t limit) {
  std::size_t c = 1;
  if (n.IsSequence() || n.IsMap())
    for (auto it = n.begin(); it != n.end() && c < limit; ++it)
      c += n.IsMap() ? count_nodes(it->second, limit - c) : count_nodes(*it, limit - c);
  return c;
}

/// Drops the leading "file[:line:col]: " of a message from a rebuilt tree:
/// the positions of a swept value point into the value text, not the file.
std::string strip_location(const std::string& msg, const std::string& file) {
  if (msg.rfind(file, 0) != 0) return msg;
  std::size_t i = file.size();
  while (i < msg.size() && (msg[i] == ':' || (msg[i] >= '0' && msg[i] <= '9'))) ++i;
  while (i < msg.size() && msg[i] == ' ') ++i;
  return msg.substr(i);
}

}  // namespace

std::string check_sweep_path(const Scenario& s, const std::string& set) {
  std::string err;
  const auto p = parse_path(set, err);
  return p ? check_path(s, *p) : err;
}

std::string flow_text(const YAML::Node& n) {
  // A sweep value is a number, a flag, a short list or a small map.
  constexpr std::size_t kMaxNodes = 10000;
  if (!n.IsDefined() || n.IsNull() || count_nodes(n, kMaxNodes + 1) > kMaxNodes) return {};
  YAML::Emitter e;
  e.SetSeqFormat(YAML::Flow);
  e.SetMapFormat(YAML::Flow);
  e << n;
  return e.good() ? std::string(e.c_str()) : std::string();
}

}  // namespace detail

namespace {

/// Writes every (path, value) into one copy of the tree `s` was loaded from
/// and builds the scenario once. `where(i)` prefixes the messages about value i.
Scenario apply_values(const Scenario& s, const std::vector<SweepSetting>& values,
                      const std::function<std::string(std::size_t)>& where) {
  if (!s.source) throw Error("apply_sweep_value: scenario '" + s.name + "' was not built by load_scenario()");
  auto src = std::make_shared<detail::LoadedYaml>();
  src->file_as_given = s.source->file_as_given;
  src->file_abs = s.source->file_abs;
  {
    std::lock_guard lock(s.source->mutex);
    src->root = YAML::Clone(s.source->root);
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    YAML::Node value;
    try {
      value = YAML::Load(values[i].value_yaml);
    } catch (const YAML::Exception& e) {
      throw InputError(where(i) + ": value '" + values[i].value_yaml + "' is not valid YAML: " + e.msg);
    }
    std::string err;
    const auto path = detail::parse_path(values[i].set, err);
    if (!path) throw InputError(where(i) + ": " + err);
    if (err = detail::check_path(s, *path); !err.empty()) throw InputError(where(i) + ": " + err);
    if (!detail::set_path(src->root, *path, value, err)) throw InputError(where(i) + ": " + err);
  }
  detail::Diagnostics d(src->file_as_given);
  Scenario out = detail::build_scenario(src, d, false);
  if (!d.empty()) {
    std::string what;
    for (std::size_t i = 0; i < values.size(); ++i)
      what += (i ? ", " : "") + (values.size() == 1 ? where(i) + " = " : values[i].set + " = ") + values[i].value_yaml;
    if (values.size() != 1) what = (values.empty() ? std::string("no values") : where(0)) + " (" + what + ")";
    std::vector<std::string> msgs;
    for (const auto& m : d.messages()) msgs.push_back(what + ": " + detail::strip_location(m, src->file_as_given));
    throw InputError(std::move(msgs));
  }
  return out;
}

}  // namespace

Scenario apply_sweep_value(const Scenario& s, const SweepAxis& axis, const std::string& value_yaml) {
  const std::string where = axis.loc.str() + ": sweep '" + axis.set + "'";
  return apply_values(s, {{axis.set, value_yaml}}, [&](std::size_t) { return where; });
}

Scenario apply_sweep_values(const Scenario& s, const std::vector<SweepSetting>& values, const std::string& where) {
  return apply_values(s, values, [&](std::size_t i) { return where + ": '" + values[i].set + "'"; });
}

std::uint64_t sweep_point_count(const Scenario& s) {
  std::uint64_t total = 1;
  for (const SweepAxis& a : s.sweep) {
    const std::uint64_t n = a.values.size();
    if (n != 0 && total > std::numeric_limits<std::uint64_t>::max() / n) return std::numeric_limits<std::uint64_t>::max();
    total *= n;
  }
  return total;
}

}  // namespace adcov::model
