#include "adcov/report/library_listing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adcov/report/number_text.hpp"

namespace adcov::report {

namespace {

using Json = nlohmann::ordered_json;
using model::Library;
using model::SystemType;
using model::ThreatType;

bool has_systems(LibrarySelection which) { return which != LibrarySelection::Threats; }
bool has_threats(LibrarySelection which) { return which != LibrarySelection::Systems; }

// ---- table ----

/// Costs read at a glance: 5.0M, 430k, 500.
std::string money(double v) {
  if (v >= 1e6) return fmt::format("{:.1f}M", v / 1e6);
  if (v >= 1e3) return fmt::format("{:.0f}k", v / 1e3);
  return fmt::format("{:.0f}", v);
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
    for (std::size_t i = 0; i + 1 < r.size(); ++i) out += fmt::format("{:<{}}", r[i], width[i] + 2);
    if (!r.empty()) out += r.back();
    out += '\n';
  }
  return out;
}

std::string systems_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {{"id", "name", "radar_km", "engage_km", "alt_m", "pk d/c/b",
                                                 "magazine", "channels", "cost_usd"}};
  for (const auto& [id, s] : lib.systems) {
    const auto& e = s.engagement;
    rows.push_back({id, s.name, number_text(s.radar.range_km),
                    fmt::format("{}-{}", number_text(e.min_range_km), number_text(e.max_range_km)),
                    fmt::format("{}-{}", number_text(e.min_alt_m), number_text(e.max_alt_m)),
                    fmt::format("{}/{}/{}", number_text(s.pk.drone), number_text(s.pk.cruise),
                                number_text(s.pk.ballistic)),
                    fmt::format("{}", s.magazine), fmt::format("{}", s.fire_channels),
                    money(s.interceptor.cost_usd)});
  }
  return table(rows);
}

std::string threats_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {
      {"id", "name", "class", "speed_mps", "altitude_m", "rcs_m2", "cost_usd"}};
  for (const auto& [id, t] : lib.threats)
    rows.push_back({id, t.name + (t.decoy ? " (decoy)" : ""), std::string(model::to_string(t.cls)),
                    number_text(t.speed_mps), number_text(t.altitude_m), number_text(t.rcs_m2), money(t.cost_usd)});
  return table(rows);
}

// ---- JSON ----

/// Whole numbers (ranges, counts, costs) as JSON integers, 8 rather than
/// 8.0, as the listing has always read; the rest as doubles (shortest form).
Json quantity(double v) {
  constexpr double kExactInt = 9007199254740992.0;  // 2^53: every whole double below is exact in int64
  if (v == std::trunc(v) && std::fabs(v) < kExactInt) return static_cast<std::int64_t>(v);
  return v;
}

Json system_json(const SystemType& s) {
  Json o;
  o["id"] = s.id;
  o["name"] = s.name;
  o["radar"] = {{"range_km", quantity(s.radar.range_km)},
                {"height_m", quantity(s.radar.height_m)},
                {"min_elevation_deg", quantity(s.radar.min_elevation_deg)},
                {"rcs_ref_m2", quantity(s.radar.rcs_ref_m2)}};
  o["engagement"] = {{"min_range_km", quantity(s.engagement.min_range_km)},
                     {"max_range_km", quantity(s.engagement.max_range_km)},
                     {"min_alt_m", quantity(s.engagement.min_alt_m)},
                     {"max_alt_m", quantity(s.engagement.max_alt_m)}};
  o["interceptor"] = {{"speed_mps", quantity(s.interceptor.speed_mps)},
                      {"cost_usd", quantity(s.interceptor.cost_usd)}};
  o["magazine"] = s.magazine;
  o["reload_s"] = quantity(s.reload_s);
  o["fire_channels"] = s.fire_channels;
  o["reaction_s"] = quantity(s.reaction_s);
  o["pk"] = {{"drone", quantity(s.pk.drone)}, {"cruise", quantity(s.pk.cruise)},
             {"ballistic", quantity(s.pk.ballistic)}};
  o["doctrine"] = {{"shots_per_engagement", s.doctrine.shots_per_engagement},
                   {"max_engagements", s.doctrine.max_engagements}};
  o["sources"] = s.sources;
  o["why"] = s.why;
  o["notes"] = s.notes;
  return o;
}

Json threat_json(const ThreatType& t) {
  Json o;
  o["id"] = t.id;
  o["name"] = t.name;
  o["class"] = model::to_string(t.cls);
  o["speed_mps"] = quantity(t.speed_mps);
  o["altitude_m"] = quantity(t.altitude_m);
  o["rcs_m2"] = quantity(t.rcs_m2);
  o["cost_usd"] = quantity(t.cost_usd);
  o["decoy"] = t.decoy;
  o["sources"] = t.sources;
  o["why"] = t.why;
  o["notes"] = t.notes;
  return o;
}

template <class Map, class F>
Json json_list(const Map& m, F item) {
  Json list = Json::array();
  for (const auto& [id, v] : m) list.push_back(item(v));
  return list;
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
  Json root;
  if (has_systems(which)) root["systems"] = json_list(lib.systems, system_json);
  if (has_threats(which)) root["threats"] = json_list(lib.threats, threat_json);
  root["citations"] = lib.citations;
  return root.dump(2) + "\n";
}

}  // namespace adcov::report
