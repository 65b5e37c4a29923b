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

// decoy_discrimination_s when it is a number of seconds (else the word `never`).
Range decoy_discrimination_rule() { return at_least(0).at_most(kMaxDurationS); }

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
         if (!read_double(n, item, "decoy_discrimination_s", d, v, decoy_discrimination_rule())) return false;
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
// their sources, reasons and ranges, a scenario's may name a base type (and
// give ranges of its own, docs/scenario.md).
std::vector<std::string> common_type_keys(TypeContext ctx) {
  if (ctx == TypeContext::library) return {"name", "notes", "sources", "why", "ranges"};
  return {"name", "notes", "base", "ranges"};
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

/// The rule of each numeric threat parameter, shared by the value reads and the range reads.
Range threat_rule(std::string_view key) {
  if (key == "speed_mps") return positive().at_most(kMaxSpeedMps);
  if (key == "altitude_m") return at_least(0).at_most(kMaxAltitudeM);
  if (key == "rcs_m2" || key == "rcs_band_factor") return positive().at_most(kMaxRcsM2);
  if (key == "cost_usd") return at_least(0).at_most(kMaxCostUsd);
  return between(0, 1);  // gnss_susceptibility
}

/// `rcs_m2: 0.1` or `rcs_m2: { front, side, tail }` (all three).
bool read_rcs(const MapReader& m, ThreatType& t) {
  const YAML::Node n = m.get("rcs_m2");
  if (!n.IsDefined()) return false;
  if (!n.IsMap()) {
    if (!read_double(n, m.item(), "rcs_m2", m.diag(), t.rcs_m2, threat_rule("rcs_m2"))) return false;
    t.rcs_aspects.reset();
    return true;
  }
  MapReader a(n, m.item() + ": rcs_m2", {"front", "side", "tail"}, m.diag());
  RcsAspects r;
  bool ok = true;
  for (auto [key, out] : {std::pair{"front", &r.front_m2}, std::pair{"side", &r.side_m2}, std::pair{"tail", &r.tail_m2}})
    if (const YAML::Node v = a.require(key); v.IsDefined())
      ok &= read_double(v, m.item(), std::string("rcs_m2.") + key, m.diag(), *out, threat_rule("rcs_m2"));
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
                        threat_rule("rcs_band_factor"));
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
  if (m.read("speed_mps", t.speed_mps, threat_rule("speed_mps"))) set.emplace_back("speed_mps");
  if (m.read("altitude_m", t.altitude_m, threat_rule("altitude_m"))) set.emplace_back("altitude_m");
  if (read_rcs(m, t)) set.emplace_back("rcs_m2");
  if (read_band_factors(m, t)) set.emplace_back("rcs_band_factor");
  if (m.read("cost_usd", t.cost_usd, threat_rule("cost_usd"))) set.emplace_back("cost_usd");
  if (m.read("decoy", t.decoy)) set.emplace_back("decoy");
  if (m.read("gnss_susceptibility", t.gnss_susceptibility, threat_rule("gnss_susceptibility")))
    set.emplace_back("gnss_susceptibility");
  return set;
}

// ---- ranges ----

RangeKeys system_range_keys(const SystemType& s, const std::vector<std::string>& params) {
  const auto listed = [&](const std::string& key) {
    return std::find(params.begin(), params.end(), key) != params.end();
  };
  RangeKeys k;
  SystemType copy = s;  // the field table's accessors take a mutable type
  for (const auto& f : system_fields())
    if (const std::string key = dotted(f); listed(key))
      k.numeric.push_back({key, key, f.real ? *f.real(copy) : *f.integer(copy), f.range, f.integer != nullptr});
  for (const auto& f : choice_fields()) {
    const std::string key = dotted(f);
    if (!listed(key)) continue;
    if (key == "decoy_discrimination_s" && s.decoy_discrimination_s)
      k.numeric.push_back({key, key, *s.decoy_discrimination_s, decoy_discrimination_rule(), false});
    else if (key == "decoy_discrimination_s")
      k.words.push_back({key, "never"});
    else if (key == "engage_on_remote")
      k.words.push_back({key, s.engage_on_remote ? "true" : "false"});
    else if (key == "role")
      k.words.push_back({key, std::string(to_string(s.role))});
    else if (key == "radar.band")
      k.words.push_back({key, std::string(to_string(s.radar.band))});
    else
      k.words.push_back({key, std::string(to_string(s.radar.kind))});
  }
  return k;
}

RangeKeys threat_range_keys(const ThreatType& t, const std::vector<std::string>& params,
                            const std::vector<std::string>& bands) {
  RangeKeys k;
  for (const auto& p : params) {
    if (p == "class") {
      k.words.push_back({p, std::string(to_string(t.cls))});
    } else if (p == "decoy") {
      k.words.push_back({p, t.decoy ? "true" : "false"});
    } else if (p == "rcs_m2" && t.rcs_aspects) {
      // Each aspect is a value of its own (and a sweep path, threats[id].rcs_m2.front).
      const auto& a = *t.rcs_aspects;
      for (auto [aspect, v] :
           {std::pair{"front", a.front_m2}, std::pair{"side", a.side_m2}, std::pair{"tail", a.tail_m2}})
        k.numeric.push_back({"rcs_m2." + std::string(aspect), p, v, threat_rule(p), false});
    } else if (p == "rcs_band_factor") {
      for (const auto& b : bands)
        if (const auto band = parse_radar_band(b))
          k.numeric.push_back({p + "." + b, p, t.rcs_band_factor[static_cast<std::size_t>(*band)], threat_rule(p),
                               false});
    } else {
      const double v = p == "speed_mps"    ? t.speed_mps
                       : p == "altitude_m" ? t.altitude_m
                       : p == "rcs_m2"     ? t.rcs_m2
                       : p == "cost_usd"   ? t.cost_usd
                                           : t.gnss_susceptibility;
      k.numeric.push_back({p, p, v, threat_rule(p), false});
    }
  }
  return k;
}

RangeKeys range_keys(const SystemType& s) { return system_range_keys(s, library_parameter_keys(s)); }

RangeKeys range_keys(const ThreatType& t) {
  std::vector<std::string> params = threat_parameter_keys();
  params.emplace_back("decoy");
  params.emplace_back("rcs_band_factor");
  std::vector<std::string> bands;
  for (RadarBand b : kAllRadarBands) bands.emplace_back(to_string(b));
  return threat_range_keys(t, params, bands);
}

bool is_estimate(const std::string& source) { return source.find("estimate") != std::string::npos; }

std::map<std::string, std::array<double, 2>> read_ranges(const MapReader& m, const RangeKeys& keys,
                                                         const std::map<std::string, std::string>* sources) {
  std::map<std::string, std::array<double, 2>> out;
  Diagnostics& d = m.diag();
  const auto source_of = [&](const RangedParam& p) -> const std::string* {
    if (!sources) return nullptr;
    const auto it = sources->find(p.param);
    return it == sources->end() ? nullptr : &it->second;
  };
  std::vector<std::string> allowed;
  for (const auto& w : keys.words) allowed.push_back(w.key);
  for (const auto& p : keys.numeric) allowed.push_back(p.key);
  const YAML::Node rn = m.get("ranges");
  const MapReader ranges(rn, m.item() + ": ranges", allowed, d);
  if (!ranges.is_map()) return out;
  for (const auto& w : keys.words)
    if (const YAML::Node v = ranges.get(w.key); v.IsDefined())
      d.error(v.Mark(), m.item(),
              "ranges." + w.key + ": " + w.key + " is the word '" + w.word + "', not a number: it takes no range");
  for (const auto& p : keys.numeric) {
    const std::string what = "ranges." + p.key;
    const std::string* src = source_of(p);
    const bool estimated = src && is_estimate(*src);
    const YAML::Node v = ranges.get(p.key);
    if (!v.IsDefined()) {
      if (estimated)
        d.error(rn.IsDefined() ? rn.Mark() : m.node().Mark(), m.item(),
                "estimated parameter '" + p.key + "' has no range under ranges: (give its plausible band as [lo, hi])");
      continue;
    }
    if (sources && !estimated) {
      // The library's ranges describe its estimates; a sourced value's band is its citation's business.
      d.error(v.Mark(), m.item(),
              what + ": " + p.param + " is sourced (" + (src ? *src : "no source") +
                  "), not an estimate: only estimated values carry a range");
      continue;
    }
    if (!v.IsSequence() || v.size() != 2) {
      d.error(v.Mark(), m.item(),
              what + ": expected [lo, hi], a list of two numbers, got " +
                  (v.IsSequence() ? fmt::format("a list of {}", v.size()) : describe(v)));
      continue;
    }
    // Each end must be a value the parameter itself accepts: a sampled value is used as written.
    std::array<double, 2> r{};
    bool ok = true;
    for (std::size_t i = 0; i < 2; ++i) {
      const std::string end = what + (i == 0 ? " lo" : " hi");
      if (p.whole) {
        int n = 0;
        ok &= read_int(v[i], m.item(), end, d, n, p.rule);
        r[i] = n;
      } else {
        ok &= read_double(v[i], m.item(), end, d, r[i], p.rule);
      }
    }
    if (!ok) continue;
    if (r[0] > r[1]) {
      d.error(v.Mark(), m.item(), fmt::format("{}: lo {} is greater than hi {}", what, r[0], r[1]));
      continue;
    }
    if (p.value < r[0] || p.value > r[1]) {
      d.error(v.Mark(), m.item(), fmt::format("{}: the value {} lies outside [{}, {}]", what, p.value, r[0], r[1]));
      continue;
    }
    out[p.key] = r;
  }
  return out;
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
