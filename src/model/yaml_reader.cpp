#include "model/yaml_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>

namespace adcov::model::detail {

bool Range::contains(double v) const {
  return (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
}

std::string Range::str() const {
  const bool has_lo = lo > -1e299, has_hi = hi < 1e299;
  if (has_lo && has_hi)
    return fmt::format("in {}{}, {}{}", lo_open ? "(" : "[", lo, hi, hi_open ? ")" : "]");
  if (has_lo) return fmt::format("{} {}", lo_open ? ">" : ">=", lo);
  if (has_hi) return fmt::format("{} {}", hi_open ? "<" : "<=", hi);
  return "any number";
}

std::string Range::violated_by(double v) const {
  if (interval) return str();
  const bool below = lo_open ? !(v > lo) : !(v >= lo);
  if (below) return fmt::format("{} {}", lo_open ? ">" : ">=", lo);
  return fmt::format("{} {}", hi_open ? "<" : "<=", hi);
}

std::string number_problem(double v, const Range& r, const std::string& got) {
  if (!std::isfinite(v)) return "must be a finite number " + r.str() + ", got " + got;
  if (r.contains(v)) return "";
  // An open-ended range stops at +-1e300 (Range's defaults): say so rather than ">= 0".
  if ((v > 1e299 && r.hi > 1e299) || (v < -1e299 && r.lo < -1e299)) return "is too large, got " + got;
  return "must be " + r.violated_by(v) + ", got " + got;
}

std::string whole_number_problem(long long v, const Range& r, const std::string& got) {
  if (!r.contains(static_cast<double>(v))) return "must be " + r.violated_by(static_cast<double>(v)) + ", got " + got;
  if (v > 2147483647LL || v < -2147483647LL) return "is too large, got " + got;
  return "";
}

std::string describe(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsSequence()) return "a list";
  if (n.IsMap()) return "a map";
  return quoted(n.Scalar());
}

std::string quoted(std::string s) {
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  // Never echo control bytes (binary input) to a terminal.
  for (char& ch : s)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
  return "'" + s + "'";
}

MapReader::MapReader(const YAML::Node& node, std::string item, std::vector<std::string> allowed, Diagnostics& d)
    // An absent key's node (get() of a missing key) is invalid in yaml-cpp: assigning to a copy of it throws.
    : node_(node.IsDefined() ? node : YAML::Node()), item_(std::move(item)), d_(d) {
  if (!node_.IsDefined() || node_.IsNull()) {
    node_ = YAML::Node(YAML::NodeType::Map);
    is_map_ = true;
    return;
  }
  if (!node_.IsMap()) {
    d_.error(node_.Mark(), item_, "expected a map of keys, got " + describe(node_));
    return;
  }
  is_map_ = true;
  std::set<std::string> seen;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: it-> points into a temporary
    if (!k.IsScalar()) {
      d_.error(k.Mark(), item_, "a key must be a plain name, got " + describe(k));
      continue;
    }
    const std::string& key = k.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      d_.error(k.Mark(), item_, "unknown key '" + key + "'" + did_you_mean(key, allowed));
    else if (!seen.insert(key).second)
      d_.error(k.Mark(), item_, "duplicate key '" + key + "'");
  }
}

bool MapReader::has(const std::string& key) const {
  if (!is_map_) return false;
  const YAML::Node& n = node_;
  return n[key].IsDefined();
}

YAML::Node MapReader::get(const std::string& key) const {
  if (!is_map_) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node& n = node_;
  return n[key];
}

YAML::Node MapReader::require(const std::string& key) const {
  YAML::Node v = get(key);
  if (is_map_ && !v.IsDefined()) d_.error(node_.Mark(), item_, "missing required key '" + key + "'");
  return v;
}

bool MapReader::read(const std::string& key, double& out, Range r) const {
  const YAML::Node v = get(key);
  return v.IsDefined() && read_double(v, item_, key, d_, out, r);
}
bool MapReader::read(const std::string& key, int& out, Range r) const {
  const YAML::Node v = get(key);
  return v.IsDefined() && read_int(v, item_, key, d_, out, r);
}
bool MapReader::read(const std::string& key, bool& out) const {
  const YAML::Node v = get(key);
  return v.IsDefined() && read_bool(v, item_, key, d_, out);
}
bool MapReader::read(const std::string& key, std::string& out) const {
  const YAML::Node v = get(key);
  return v.IsDefined() && read_string(v, item_, key, d_, out);
}

bool read_double(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 double& out, Range r) {
  double v = 0;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, v)) {
    d.error(n.Mark(), item, what + ": expected a number, got " + describe(n));
    return false;
  }
  if (const std::string p = number_problem(v, r, n.Scalar()); !p.empty()) {
    d.error(n.Mark(), item, what + " " + p);
    return false;
  }
  out = v;
  return true;
}

bool read_int(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d, int& out,
              Range r) {
  long long v = 0;
  // Decode as 64-bit first so "-5" and "5000000000" get a range message, not a type one.
  if (!n.IsScalar() || !YAML::convert<long long>::decode(n, v)) {
    d.error(n.Mark(), item, what + ": expected a whole number, got " + describe(n));
    return false;
  }
  if (const std::string p = whole_number_problem(v, r, n.Scalar()); !p.empty()) {
    d.error(n.Mark(), item, what + " " + p);
    return false;
  }
  out = static_cast<int>(v);
  return true;
}

bool read_bool(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d, bool& out) {
  bool v = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    d.error(n.Mark(), item, what + ": expected true or false, got " + describe(n));
    return false;
  }
  out = v;
  return true;
}

bool read_string(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 std::string& out) {
  if (!n.IsScalar()) {
    d.error(n.Mark(), item, what + ": expected a text value, got " + describe(n));
    return false;
  }
  out = n.Scalar();
  return true;
}

bool expect_list(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d) {
  if (n.IsSequence()) return true;
  d.error(n.Mark(), item, what + ": expected a list, got " + describe(n));
  return false;
}

bool read_lonlat(const YAML::Node& n, const std::string& item, const std::string& what, Diagnostics& d,
                 geo::LonLat& out) {
  if (!n.IsSequence() || n.size() != 2) {
    d.error(n.Mark(), item, what + ": expected [lon, lat], got " + describe(n));
    return false;
  }
  geo::LonLat p;
  const bool ok = read_double(n[0], item, what + " longitude", d, p.lon_deg, between(-180, 180)) &
                  read_double(n[1], item, what + " latitude", d, p.lat_deg, between(-90, 90));
  if (ok) out = p;
  return ok;
}

}  // namespace adcov::model::detail
