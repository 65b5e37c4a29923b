#include "model/type_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "adcov/model/library.hpp"

namespace adcov::model::detail {

namespace {

// One numeric parameter of a system: where it lives in YAML, its valid range
// and where it lives in SystemType (exactly one of real / integer is set).
struct SystemField {
  const char* group;  // "" for a top-level key
  const char* key;
  Range range;
  double* (*real)(SystemType&);
  int* (*integer)(SystemType&);
};

const std::vector<SystemField>& system_fields() {
  static const std::vector<SystemField> fields = {
      {"radar", "range_km", positive().at_most(kMaxRangeKm), [](SystemType& s) { return &s.radar.range_km; }, nullptr},
      {"radar", "height_m", at_least(0).at_most(kMaxHeightM), [](SystemType& s) { return &s.radar.height_m; }, nullptr},
      // Negative elevations exist: a radar on a hill, and an airborne radar (a patrol) looks far down.
      {"radar", "min_elevation_deg", between(-90, 90), [](SystemType& s) { return &s.radar.min_elevation_deg; },
       nullptr},
      {"radar", "rcs_ref_m2", positive().at_most(kMaxRcsM2), [](SystemType& s) { return &s.radar.rcs_ref_m2; }, nullptr},
      {"radar", "scan_s", positive().at_most(kMaxScanS), [](SystemType& s) { return &s.radar.scan_s; }, nullptr},
      {"radar", "sector_deg", positive().at_most(360), [](SystemType& s) { return &s.radar.sector_deg; }, nullptr},
      {"radar", "max_alt_m", positive().at_most(kMaxAltitudeM), [](SystemType& s) { return &s.radar.max_alt_m; },
       nullptr},
      {"engagement", "min_range_km", at_least(0).at_most(kMaxRangeKm), [](SystemType& s) { return &s.engagement.min_range_km; },
       nullptr},
      {"engagement", "max_range_km", positive().at_most(kMaxRangeKm), [](SystemType& s) { return &s.engagement.max_range_km; },
       nullptr},
      {"engagement", "min_alt_m", at_least(0).at_most(kMaxAltitudeM), [](SystemType& s) { return &s.engagement.min_alt_m; }, nullptr},
      {"engagement", "max_alt_m", positive().at_most(kMaxAltitudeM), [](SystemType& s) { return &s.engagement.max_alt_m; }, nullptr},
      {"interceptor", "speed_mps", positive().at_most(kMaxSpeedMps), [](SystemType& s) { return &s.interceptor.speed_mps; }, nullptr},
      {"interceptor", "cost_usd", at_least(0).at_most(kMaxCostUsd), [](SystemType& s) { return &s.interceptor.cost_usd; }, nullptr},
      {"", "magazine", at_least(0).at_most(kMaxMagazine), nullptr, [](SystemType& s) { return &s.magazine; }},
      {"", "reload_s", at_least(0).at_most(kMaxDurationS), [](SystemType& s) { return &s.reload_s; }, nullptr},
      {"", "fire_channels", at_least(1).at_most(kMaxChannels), nullptr, [](SystemType& s) { return &s.fire_channels; }},
      {"", "reaction_s", at_least(0).at_most(kMaxDurationS), [](SystemType& s) { return &s.reaction_s; }, nullptr},
      {"pk", "drone", between(0, 1), [](SystemType& s) { return &s.pk.drone; }, nullptr},
      {"pk", "cruise", between(0, 1), [](SystemType& s) { return &s.pk.cruise; }, nullptr},
      {"pk", "ballistic", between(0, 1), [](SystemType& s) { return &s.pk.ballistic; }, nullptr},
      {"doctrine", "shots_per_engagement", at_least(1).at_most(kMaxChannels), nullptr,
       [](SystemType& s) { return &s.doctrine.shots_per_engagement; }},
      {"doctrine", "max_engagements", at_least(1).at_most(kMaxMagazine), nullptr, [](SystemType& s) { return &s.doctrine.max_engagements; }},
  };
  return fields;
}

std::string dotted(const SystemField& f) {
  return *f.group ? std::string(f.group) + "." + f.key : std::string(f.key);
}

// One parameter of a system spelled as a word (an enumeration or a boolean).
struct ChoiceField {
  const char* group;  // "" for a top-level key
  const char* key;
  bool (*read)(const YAML::Node&, const std::string& item, Diagnostics&, SystemType&);
};

const std::vector<ChoiceField>& choice_fields() {
  static const std::vector<ChoiceField> fields = {
      {"", "role",
       [](const YAML::Node& n, const std::string& item, Diagnostics& d, SystemType& s) {
         return read_choice<Role>(n, item, "role", d, &parse_role, {"shooter", "sensor"}, s.role);
       }},
      {"radar", "band",
       [](const YAML::Node& n, const std::string& item, Diagnostics& d, SystemType& s) {
         return read_choice<RadarBand>(n, item, "radar.band", d, &parse_radar_band,
                                       {"vhf", "uhf", "l", "s", "c", "x", "ku"}, s.radar.band);
       }},
      {"radar", "kind",
       [](const YAML::Node& n, const std::string& item, Diagnostics& d, SystemType& s) {
         return read_choice<SensorKind>(n, item, "radar.kind", d, &parse_sensor_kind, {"radar", "acoustic"},
                                        s.radar.kind);
       }},
      {"", "decoy_discrimination_s",
       [](const YAML::Node& n, const std::string& item, Diagnostics& d, SystemType& s) {
         // A number of seconds, or `never` (the default: v1's defenders never tell a decoy apart).
         if (n.IsScalar() && n.Scalar() == "never") {
           s.decoy_discrimination_s.reset();
           return true;
         }
         double v = 0;
         if (n.IsScalar() && !YAML::convert<double>::decode(n, v)) {
           static const std::vector<std::string> kWords = {"never"};
           d.error(n.Mark(), item,
                   "decoy_discrimination_s: expected a number of seconds or 'never', got '" + n.Scalar() + "'" +
                       did_you_mean(n.Scalar(), kWords));
           return false;
         }
         if (!read_double(n, item, "decoy_discrimination_s", d, v, at_least(0).at_most(kMaxDurationS))) return false;
         s.decoy_discrimination_s = v;
         return true;
       }},
      {"", "engage_on_remote",
       [](const YAML::Node& n, const std::string& item, Diagnostics& d, SystemType& s) {
         return read_bool(n, item, "engage_on_remote", d, s.engage_on_remote);
       }},
  };
  return fields;
}

std::string dotted(const ChoiceField& f) {
  return *f.group ? std::string(f.group) + "." + f.key : std::string(f.key);
}

}  // namespace

const std::vector<std::string>& system_groups() {
  static const std::vector<std::string> g = {"radar", "engagement", "interceptor", "pk", "doctrine"};
  return g;
}

namespace {
// Keys every type map may hold besides its parameters: the library's carry
// their sources and reasons, a scenario's may name a base type.
std::vector<std::string> common_type_keys(TypeContext ctx) {
  if (ctx == TypeContext::library) return {"name", "notes", "sources", "why"};
  return {"name", "notes", "base"};
}
}  // namespace

std::vector<std::string> system_keys(TypeContext ctx) {
  std::vector<std::string> keys = common_type_keys(ctx);
  for (const auto& g : system_groups()) keys.push_back(g);
  for (const auto& f : system_fields())
    if (!*f.group) keys.emplace_back(f.key);
  for (const auto& f : choice_fields())
    if (!*f.group) keys.emplace_back(f.key);
  return keys;
}

std::vector<std::string> threat_keys(TypeContext ctx) {
  std::vector<std::string> keys = common_type_keys(ctx);
  for (const auto& k : threat_parameter_keys()) keys.push_back(k);
  keys.emplace_back("decoy");
  keys.emplace_back("rcs_band_factor");
  return keys;
}

std::vector<std::string> read_system_params(const MapReader& m, SystemType& sys) {
  std::vector<std::string> set;
  if (!m.is_map()) return set;
  for (const auto& group : system_groups()) {
    const YAML::Node gn = m.get(group);
    if (!gn.IsDefined()) continue;
    std::vector<std::string> allowed;
    for (const auto& f : system_fields())
      if (group == f.group) allowed.emplace_back(f.key);
    for (const auto& f : choice_fields())
      if (group == f.group) allowed.emplace_back(f.key);
    MapReader g(gn, m.item() + ": " + group, allowed, m.diag());
    if (!g.is_map()) continue;
    for (const auto& f : system_fields()) {
      if (group != f.group) continue;
      const YAML::Node v = g.get(f.key);
      if (!v.IsDefined()) continue;
      const bool ok = f.real ? read_double(v, m.item(), dotted(f), m.diag(), *f.real(sys), f.range)
                             : read_int(v, m.item(), dotted(f), m.diag(), *f.integer(sys), f.range);
      if (ok) set.push_back(dotted(f));
    }
    for (const auto& f : choice_fields()) {
      if (group != f.group) continue;
      if (const YAML::Node v = g.get(f.key); v.IsDefined() && f.read(v, m.item(), m.diag(), sys))
        set.push_back(dotted(f));
    }
  }
  for (const auto& f : system_fields()) {
    if (*f.group) continue;
    const YAML::Node v = m.get(f.key);
    if (!v.IsDefined()) continue;
    const bool ok = f.real ? read_double(v, m.item(), f.key, m.diag(), *f.real(sys), f.range)
                           : read_int(v, m.item(), f.key, m.diag(), *f.integer(sys), f.range);
    if (ok) set.emplace_back(f.key);
  }
  for (const auto& f : choice_fields()) {
    if (*f.group) continue;
    if (const YAML::Node v = m.get(f.key); v.IsDefined() && f.read(v, m.item(), m.diag(), sys))
      set.emplace_back(f.key);
  }
  return set;
}

namespace {

/// `rcs_m2: 0.1` or `rcs_m2: { front, side, tail }` (all three).
bool read_rcs(const MapReader& m, ThreatType& t) {
  const YAML::Node n = m.get("rcs_m2");
  if (!n.IsDefined()) return false;
  if (!n.IsMap()) {
    if (!read_double(n, m.item(), "rcs_m2", m.diag(), t.rcs_m2, positive().at_most(kMaxRcsM2))) return false;
    t.rcs_aspects.reset();
    return true;
  }
  MapReader a(n, m.item() + ": rcs_m2", {"front", "side", "tail"}, m.diag());
  RcsAspects r;
  bool ok = true;
  for (auto [key, out] : {std::pair{"front", &r.front_m2}, std::pair{"side", &r.side_m2}, std::pair{"tail", &r.tail_m2}})
    if (const YAML::Node v = a.require(key); v.IsDefined())
      ok &= read_double(v, m.item(), std::string("rcs_m2.") + key, m.diag(), *out, positive().at_most(kMaxRcsM2));
    else
      ok = false;
  if (!ok) return false;
  t.rcs_m2 = r.front_m2;  // the coverage maps' RCS (docs/scenario.md)
  t.rcs_aspects = r;
  return true;
}

/// `rcs_band_factor: { vhf: 4, ... }`: bands not named keep their factor.
bool read_band_factors(const MapReader& m, ThreatType& t) {
  const YAML::Node n = m.get("rcs_band_factor");
  if (!n.IsDefined()) return false;
  std::vector<std::string> bands;
  for (RadarBand b : kAllRadarBands) bands.emplace_back(to_string(b));
  MapReader f(n, m.item() + ": rcs_band_factor", bands, m.diag());
  if (!f.is_map()) return false;
  bool ok = true;
  for (std::size_t i = 0; i < kRadarBands; ++i)
    if (const YAML::Node v = f.get(bands[i]); v.IsDefined())
      ok &= read_double(v, m.item(), "rcs_band_factor." + bands[i], m.diag(), t.rcs_band_factor[i],
                        positive().at_most(kMaxRcsM2));
  return ok;
}

}  // namespace

std::vector<std::string> read_threat_params(const MapReader& m, ThreatType& t) {
  std::vector<std::string> set;
  if (!m.is_map()) return set;
  Diagnostics& d = m.diag();
  if (const YAML::Node c = m.get("class"); c.IsDefined()) {
    std::string s;
    if (read_string(c, m.item(), "class", d, s)) {
      if (const auto cls = parse_threat_class(s)) {
        t.cls = *cls;
        set.emplace_back("class");
      } else {
        static const std::vector<std::string> names = {"drone", "cruise", "ballistic"};
        d.error(c.Mark(), m.item(), "unknown class '" + s + "', expected drone, cruise or ballistic" +
                                        did_you_mean(s, names));
      }
    }
  }
  if (m.read("speed_mps", t.speed_mps, positive().at_most(kMaxSpeedMps))) set.emplace_back("speed_mps");
  if (m.read("altitude_m", t.altitude_m, at_least(0).at_most(kMaxAltitudeM))) set.emplace_back("altitude_m");
  if (read_rcs(m, t)) set.emplace_back("rcs_m2");
  if (read_band_factors(m, t)) set.emplace_back("rcs_band_factor");
  if (m.read("cost_usd", t.cost_usd, at_least(0).at_most(kMaxCostUsd))) set.emplace_back("cost_usd");
  if (m.read("decoy", t.decoy)) set.emplace_back("decoy");
  if (m.read("gnss_susceptibility", t.gnss_susceptibility, between(0, 1))) set.emplace_back("gnss_susceptibility");
  return set;
}

void check_system_consistency(const SystemType& s, const YAML::Mark& at, const std::string& item, Diagnostics& d) {
  if (s.radar.kind == SensorKind::acoustic && !(s.radar.max_alt_m > 0))
    d.error(at, item, "an acoustic sensor (radar.kind: acoustic) needs radar.max_alt_m, the highest drone it hears");
  if (s.radar.kind == SensorKind::acoustic && s.role != Role::sensor)
    d.error(at, item, "radar.kind: acoustic is for sensors (role: sensor): an acoustic node cues, it does not guide "
                      "a shot");
  if (s.role == Role::sensor) return;  // no envelope to check
  if (s.engagement.min_range_km > s.engagement.max_range_km)
    d.error(at, item,
            fmt::format("engagement.min_range_km ({}) is greater than engagement.max_range_km ({})",
                        s.engagement.min_range_km, s.engagement.max_range_km));
  if (s.engagement.min_alt_m > s.engagement.max_alt_m)
    d.error(at, item,
            fmt::format("engagement.min_alt_m ({}) is greater than engagement.max_alt_m ({})",
                        s.engagement.min_alt_m, s.engagement.max_alt_m));
}

bool system_key_is_integer(const std::string& dotted_key) {
  for (const SystemField& f : system_fields())
    if (dotted(f) == dotted_key) return f.integer != nullptr;
  return false;
}

}  // namespace adcov::model::detail

namespace adcov::model {

const std::vector<std::string>& system_parameter_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& f : detail::system_fields()) k.push_back(detail::dotted(f));
    for (const auto& f : detail::choice_fields()) k.push_back(detail::dotted(f));
    return k;
  }();
  return keys;
}

std::vector<std::string> library_parameter_keys(const SystemType& s) {
  // A sensor has only a radar (docs/scenario.md, "role"); an acoustic node
  // has no RCS reference, elevation floor or band, but a ceiling.
  std::vector<std::string> keys;
  for (const auto& k : system_parameter_keys()) {
    const bool radar = k.rfind("radar.", 0) == 0;
    if (s.role == Role::sensor && !radar && k != "role") continue;
    if (s.role == Role::shooter && k == "role") continue;
    if (k == "radar.max_alt_m" || k == "radar.kind") {
      if (s.radar.kind != SensorKind::acoustic) continue;
    } else if (s.radar.kind == SensorKind::acoustic &&
               (k == "radar.rcs_ref_m2" || k == "radar.min_elevation_deg" || k == "radar.band")) {
      continue;
    }
    keys.push_back(k);
  }
  return keys;
}

const std::vector<std::string>& threat_parameter_keys() {
  static const std::vector<std::string> keys = {"class",   "speed_mps", "altitude_m",
                                                "rcs_m2",  "cost_usd",  "gnss_susceptibility"};
  return keys;
}

}  // namespace adcov::model
