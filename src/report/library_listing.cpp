#include "adcov/report/library_listing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "json_text.hpp"

namespace adcov::report {

namespace {

using detail::json_string;
using model::Library;
using model::SystemType;
using model::ThreatType;

bool has_systems(LibrarySelection which) { return which != LibrarySelection::Threats; }
bool has_threats(LibrarySelection which) { return which != LibrarySelection::Systems; }

// ---- table ----

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// Costs read at a glance: 5.0M, 430k, 500.
std::string money(double v) {
  char buf[32];
  if (v >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
  else if (v >= 1e3)
    std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

/// Columns padded to their widest cell; the last column is not padded.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], r[i].size());
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(width[i] - r[i].size() + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

std::string systems_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {{"id", "name", "radar_km", "engage_km", "alt_m", "pk d/c/b",
                                                 "magazine", "channels", "cost_usd"}};
  for (const auto& [id, s] : lib.systems)
    rows.push_back({id, s.name, num(s.radar.range_km),
                    num(s.engagement.min_range_km) + "-" + num(s.engagement.max_range_km),
                    num(s.engagement.min_alt_m) + "-" + num(s.engagement.max_alt_m),
                    num(s.pk.drone) + "/" + num(s.pk.cruise) + "/" + num(s.pk.ballistic), std::to_string(s.magazine),
                    std::to_string(s.fire_channels), money(s.interceptor.cost_usd)});
  return table(rows);
}

std::string threats_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {
      {"id", "name", "class", "speed_mps", "altitude_m", "rcs_m2", "cost_usd"}};
  for (const auto& [id, t] : lib.threats)
    rows.push_back({id, t.name + (t.decoy ? " (decoy)" : ""), std::string(model::to_string(t.cls)),
                    num(t.speed_mps), num(t.altitude_m), num(t.rcs_m2), money(t.cost_usd)});
  return table(rows);
}

// ---- JSON, written by hand: the model has no JSON dependency ----

// Not detail::shortest: whole numbers here print without ".0" (ranges, counts,
// costs read as integers) and the rest in %g style, the listing's format.
std::string json_number(double v) {
  char buf[32];
  // Whole numbers (ranges, costs) print as integers, never as 1.5e+02.
  if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.17g", v);
  // %.17g round-trips but prints 0.1 as 0.10000000000000001; use the shortest that round-trips.
  for (int p = 1; p <= 17; ++p) {
    char b[32];
    std::snprintf(b, sizeof b, "%.*g", p, v);
    if (std::strtod(b, nullptr) == v) return b;
  }
  return buf;
}

std::string json_map(const std::map<std::string, std::string>& m) {
  std::string out = "{";
  for (const auto& [k, v] : m) out += (out.size() > 1 ? ", " : "") + json_string(k) + ": " + json_string(v);
  return out + "}";
}

std::string system_json(const SystemType& s) {
  std::string o = "{\"id\": " + json_string(s.id) + ", \"name\": " + json_string(s.name);
  o += ", \"radar\": {\"range_km\": " + json_number(s.radar.range_km) + ", \"height_m\": " +
       json_number(s.radar.height_m) + ", \"min_elevation_deg\": " + json_number(s.radar.min_elevation_deg) +
       ", \"rcs_ref_m2\": " + json_number(s.radar.rcs_ref_m2) + "}";
  o += ", \"engagement\": {\"min_range_km\": " + json_number(s.engagement.min_range_km) + ", \"max_range_km\": " +
       json_number(s.engagement.max_range_km) + ", \"min_alt_m\": " + json_number(s.engagement.min_alt_m) +
       ", \"max_alt_m\": " + json_number(s.engagement.max_alt_m) + "}";
  o += ", \"interceptor\": {\"speed_mps\": " + json_number(s.interceptor.speed_mps) + ", \"cost_usd\": " +
       json_number(s.interceptor.cost_usd) + "}";
  o += ", \"magazine\": " + std::to_string(s.magazine) + ", \"reload_s\": " + json_number(s.reload_s) +
       ", \"fire_channels\": " + std::to_string(s.fire_channels) + ", \"reaction_s\": " + json_number(s.reaction_s);
  o += ", \"pk\": {\"drone\": " + json_number(s.pk.drone) + ", \"cruise\": " + json_number(s.pk.cruise) +
       ", \"ballistic\": " + json_number(s.pk.ballistic) + "}";
  o += ", \"doctrine\": {\"shots_per_engagement\": " + std::to_string(s.doctrine.shots_per_engagement) +
       ", \"max_engagements\": " + std::to_string(s.doctrine.max_engagements) + "}";
  o += ", \"sources\": " + json_map(s.sources) + ", \"why\": " + json_map(s.why) +
       ", \"notes\": " + json_string(s.notes) + "}";
  return o;
}

std::string threat_json(const ThreatType& t) {
  return "{\"id\": " + json_string(t.id) + ", \"name\": " + json_string(t.name) + ", \"class\": " +
         json_string(model::to_string(t.cls)) + ", \"speed_mps\": " + json_number(t.speed_mps) +
         ", \"altitude_m\": " + json_number(t.altitude_m) + ", \"rcs_m2\": " + json_number(t.rcs_m2) +
         ", \"cost_usd\": " + json_number(t.cost_usd) + ", \"decoy\": " + (t.decoy ? "true" : "false") +
         ", \"sources\": " + json_map(t.sources) + ", \"why\": " + json_map(t.why) +
         ", \"notes\": " + json_string(t.notes) + "}";
}

template <class Map, class F>
std::string json_list(const Map& m, F item) {
  std::string o = "[";
  for (const auto& [id, v] : m) o += (o.size() > 1 ? ",\n    " : "\n    ") + item(v);
  return o + "\n  ]";
}

}  // namespace

std::string library_table(const Library& lib, LibrarySelection which) {
  const bool systems = has_systems(which), threats = has_threats(which);
  std::string out;
  if (systems) out += "Systems (radar_km against 1 m2; pk per threat class drone/cruise/ballistic)\n" + systems_table(lib);
  if (systems && threats) out += "\n";
  if (threats) out += "Threats (altitude_m above ground; ballistic: apogee)\n" + threats_table(lib);
  out += "\nSources and estimates: docs/library.md (or --format json).\n";
  return out;
}

std::string library_json(const Library& lib, LibrarySelection which) {
  const bool systems = has_systems(which), threats = has_threats(which);
  std::string out = "{";
  if (systems) out += "\n  \"systems\": " + json_list(lib.systems, system_json);
  if (threats) out += std::string(systems ? "," : "") + "\n  \"threats\": " + json_list(lib.threats, threat_json);
  out += ",\n  \"citations\": " + json_map(lib.citations);
  out += "\n}\n";
  return out;
}

}  // namespace adcov::report
