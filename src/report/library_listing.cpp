#include "adcov/report/library_listing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
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

/// Shown in a shooter column of a sensor, and where a value does not apply.
constexpr const char* kNone = "\u2014";  // em dash

/// Width of a cell as displayed: UTF-8 code points, not bytes (the em dash is 3 bytes).
std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Columns padded to their widest cell; the last column is not padded.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], display_width(r[i]));
    }
  std::string out;
  for (const auto& r : rows) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
      out += r[i] + std::string(width[i] + 2 - display_width(r[i]), ' ');
    if (!r.empty()) out += r.back();
    out += '\n';
  }
  return out;
}

bool acoustic(const SystemType& s) { return s.radar.kind == model::SensorKind::acoustic; }

/// Seconds of tracking before a decoy is recognised, or "never".
std::string decoy_text(const SystemType& s) {
  return s.decoy_discrimination_s ? number_text(*s.decoy_discrimination_s) : "never";
}

using Ranges = std::map<std::string, std::array<double, 2>>;

/// "0.8-0.95" for a parameter with a range (an estimate's plausible band), else "".
std::string band_of(const Ranges& ranges, const std::string& key, std::string (*show)(double) = nullptr) {
  const auto it = ranges.find(key);
  if (it == ranges.end()) return "";
  const auto text = [&](double v) { return show ? show(v) : number_text(v); };
  return text(it->second[0]) + "-" + text(it->second[1]);
}

/// `value` followed by its band in parentheses where it has one: "0.1 (0.03-0.3)".
std::string with_band(const std::string& value, const Ranges& ranges, const std::string& key,
                      std::string (*show)(double) = nullptr) {
  const std::string band = band_of(ranges, key, show);
  return band.empty() ? value : value + " (" + band + ")";
}

/// The pk bands per class, "0.75-0.97/0.7-0.95/0.4-0.7" (a class without one: the em dash), or the dash alone.
std::string pk_bands(const SystemType& s) {
  std::string out;
  bool any = false;
  for (const char* c : {"drone", "cruise", "ballistic"}) {
    const std::string band = band_of(s.ranges, std::string("pk.") + c);
    any |= !band.empty();
    out += (out.empty() ? "" : "/") + (band.empty() ? std::string(kNone) : band);
  }
  return any ? out : kNone;
}

std::string systems_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {{"id", "name", "role", "radar_km", "scan_s", "sector_deg", "band",
                                                 "kind", "max_alt_m", "engage_km", "alt_m", "pk d/c/b",
                                                 "pk_range d/c/b", "magazine", "channels", "remote", "decoy_s",
                                                 "cost_usd"}};
  for (const auto& [id, s] : lib.systems) {
    const auto& e = s.engagement;
    std::vector<std::string> row = {id,
                                    s.name,
                                    std::string(model::to_string(s.role)),
                                    number_text(s.radar.range_km),
                                    number_text(s.radar.scan_s),
                                    number_text(s.radar.sector_deg),
                                    acoustic(s) ? kNone : std::string(model::to_string(s.radar.band)),
                                    std::string(model::to_string(s.radar.kind)),
                                    acoustic(s) ? number_text(s.radar.max_alt_m) : kNone};
    if (s.role == model::Role::sensor) {
      row.insert(row.end(), 9, kNone);
    } else {
      row.insert(row.end(), {fmt::format("{}-{}", number_text(e.min_range_km), number_text(e.max_range_km)),
                             fmt::format("{}-{}", number_text(e.min_alt_m), number_text(e.max_alt_m)),
                             fmt::format("{}/{}/{}", number_text(s.pk.drone), number_text(s.pk.cruise),
                                         number_text(s.pk.ballistic)),
                             pk_bands(s), fmt::format("{}", s.magazine), fmt::format("{}", s.fire_channels),
                             s.engage_on_remote ? "yes" : "no", decoy_text(s), money(s.interceptor.cost_usd)});
    }
    rows.push_back(std::move(row));
  }
  return table(rows);
}

/// "0.05/0.5/0.15" for an aspect RCS (front/side/tail), else the one number.
std::string rcs_text(const ThreatType& t) {
  if (!t.rcs_aspects) return with_band(number_text(t.rcs_m2), t.ranges, "rcs_m2");
  const auto& a = *t.rcs_aspects;
  return fmt::format("{}/{}/{}", with_band(number_text(a.front_m2), t.ranges, "rcs_m2.front"),
                     with_band(number_text(a.side_m2), t.ranges, "rcs_m2.side"),
                     with_band(number_text(a.tail_m2), t.ranges, "rcs_m2.tail"));
}

/// Band factors other than 1, "vhf x3 uhf x1.5", or the em dash.
std::string band_factor_text(const ThreatType& t) {
  std::string out;
  for (std::size_t i = 0; i < model::kRadarBands; ++i)
    if (t.rcs_band_factor[i] != 1)
      out += fmt::format("{}{} x{}", out.empty() ? "" : " ", model::to_string(model::kAllRadarBands[i]),
                         with_band(number_text(t.rcs_band_factor[i]), t.ranges,
                                   "rcs_band_factor." + std::string(model::to_string(model::kAllRadarBands[i]))));
  return out.empty() ? kNone : out;
}

std::string threats_table(const Library& lib) {
  std::vector<std::vector<std::string>> rows = {
      {"id", "name", "class", "speed_mps", "altitude_m", "rcs_m2 f/s/t", "band_factor", "gnss", "cost_usd"}};
  // Estimated values show their band: the threats table has the width for it.
  for (const auto& [id, t] : lib.threats)
    rows.push_back({id, t.name + (t.decoy ? " (decoy)" : ""), std::string(model::to_string(t.cls)),
                    with_band(number_text(t.speed_mps), t.ranges, "speed_mps"),
                    with_band(number_text(t.altitude_m), t.ranges, "altitude_m"), rcs_text(t), band_factor_text(t),
                    with_band(number_text(t.gnss_susceptibility), t.ranges, "gnss_susceptibility"),
                    with_band(money(t.cost_usd), t.ranges, "cost_usd", money)});
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

/// `ranges` as the YAML writes them: parameter key -> [lo, hi].
Json ranges_json(const std::map<std::string, std::array<double, 2>>& ranges) {
  Json o = Json::object();
  for (const auto& [key, r] : ranges) o[key] = Json::array({quantity(r[0]), quantity(r[1])});
  return o;
}

Json system_json(const SystemType& s) {
  Json o;
  o["id"] = s.id;
  o["name"] = s.name;
  o["role"] = model::to_string(s.role);
  o["radar"] = {{"range_km", quantity(s.radar.range_km)},
                {"height_m", quantity(s.radar.height_m)},
                {"min_elevation_deg", quantity(s.radar.min_elevation_deg)},
                {"rcs_ref_m2", quantity(s.radar.rcs_ref_m2)},
                {"scan_s", quantity(s.radar.scan_s)},
                {"sector_deg", quantity(s.radar.sector_deg)},
                {"band", model::to_string(s.radar.band)},
                {"kind", model::to_string(s.radar.kind)}};
  if (acoustic(s)) o["radar"]["max_alt_m"] = quantity(s.radar.max_alt_m);
  if (s.role == model::Role::sensor) {
    // A sensor never fires: its shooter parameters do not apply (null, not 0).
    for (const char* k : {"engagement", "interceptor", "magazine", "reload_s", "fire_channels", "reaction_s", "pk",
                          "doctrine", "engage_on_remote", "decoy_discrimination_s"})
      o[k] = nullptr;
    o["sources"] = s.sources;
    o["why"] = s.why;
    o["ranges"] = ranges_json(s.ranges);
    o["notes"] = s.notes;
    return o;
  }
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
  o["engage_on_remote"] = s.engage_on_remote;
  // Seconds, or the word "never" as the YAML writes it.
  if (s.decoy_discrimination_s)
    o["decoy_discrimination_s"] = quantity(*s.decoy_discrimination_s);
  else
    o["decoy_discrimination_s"] = "never";
  o["sources"] = s.sources;
  o["why"] = s.why;
  o["ranges"] = ranges_json(s.ranges);
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
  o["rcs_m2"] = quantity(t.rcs_m2);  // front: what coverage maps use
  if (t.rcs_aspects)
    o["rcs_aspects"] = {{"front", quantity(t.rcs_aspects->front_m2)},
                        {"side", quantity(t.rcs_aspects->side_m2)},
                        {"tail", quantity(t.rcs_aspects->tail_m2)}};
  else
    o["rcs_aspects"] = nullptr;
  Json factors = Json::object();
  for (std::size_t i = 0; i < model::kRadarBands; ++i)
    if (t.rcs_band_factor[i] != 1) factors[std::string(model::to_string(model::kAllRadarBands[i]))] = quantity(t.rcs_band_factor[i]);
  o["rcs_band_factor"] = factors;  // bands not named: 1
  o["cost_usd"] = quantity(t.cost_usd);
  o["decoy"] = t.decoy;
  o["gnss_susceptibility"] = quantity(t.gnss_susceptibility);
  o["sources"] = t.sources;
  o["why"] = t.why;
  o["ranges"] = ranges_json(t.ranges);
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
  if (systems)
    out += "Systems (radar_km against rcs_ref_m2, acoustic: hearing range; pk per threat class drone/cruise/ballistic;\n"
           "pk_range: the plausible band of each estimated pk; remote: may fire on another sensor's track under c2\n"
           "integrated; decoy_s: seconds of tracking before a decoy is recognised, or never; sensors never fire)\n" +
           systems_table(lib);
  if (systems && threats) out += "\n";
  if (threats)
    out += "Threats (altitude_m above ground, ballistic: apogee; rcs_m2 front/side/tail where it varies by aspect;\n"
           "band_factor: RCS multiplier seen by radars of that band; gnss: chance of being lost in a GNSS-denial zone of\n"
           "strength 1; (lo-hi): the plausible band of an estimated value)\n" +
           threats_table(lib);
  out += "\nSources, estimates and the ranges of every estimate: docs/library.md (or --format json).\n";
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
