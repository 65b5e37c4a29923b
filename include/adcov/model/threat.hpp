#pragma once
/// \file
/// Threat types: the drones and missiles a salvo launches (docs/scenario.md, "threats:").

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace adcov::model {

/// Threat class; enumerators spelled as in YAML. Pk tables are per class.
enum class ThreatClass { drone, cruise, ballistic };

inline constexpr ThreatClass kThreatClasses[] = {ThreatClass::drone, ThreatClass::cruise,
                                                 ThreatClass::ballistic};

/// "drone", "cruise" or "ballistic".
std::string_view to_string(ThreatClass c);
/// Parses the YAML spelling; nullopt for anything else.
std::optional<ThreatClass> parse_threat_class(std::string_view s);

/// Radar frequency band; threats may look larger in some (rcs_band_factor).
enum class RadarBand { vhf, uhf, l, s, c, x, ku };
inline constexpr std::size_t kRadarBands = 7;
inline constexpr RadarBand kAllRadarBands[kRadarBands] = {RadarBand::vhf, RadarBand::uhf, RadarBand::l, RadarBand::s,
                                                          RadarBand::c,   RadarBand::x,   RadarBand::ku};
/// "vhf" ... "ku".
std::string_view to_string(RadarBand b);
std::optional<RadarBand> parse_radar_band(std::string_view s);

/// Radar cross-section by aspect: 0 deg = head-on, 90 deg = broadside, 180 deg = tail.
struct RcsAspects {
  double front_m2 = 0, side_m2 = 0, tail_m2 = 0;
};

/// The RCS of `aspects` at `aspect_deg` (folded into [0, 180]), interpolated
/// linearly in dB between front (0), side (90) and tail (180).
double rcs_at_aspect_m2(const RcsAspects& aspects, double aspect_deg);

/// One threat type, fully resolved (built-in values plus scenario overrides).
struct ThreatType {
  std::string id;           ///< name scenarios use, e.g. `shahed136`
  std::string name;         ///< human name, e.g. "Shahed-136 / Geran-2"
  ThreatClass cls = ThreatClass::drone;
  double speed_mps = 0;     ///< cruise speed (ballistic: mean speed over the flight)
  double altitude_m = 0;    ///< cruise height above ground; ballistic: apogee
  double rcs_m2 = 0;        ///< radar cross-section head-on (`front`), used by the coverage maps
  /// `rcs_m2: { front, side, tail }`; nullopt when rcs_m2 is one number
  /// (the same from every aspect).
  std::optional<RcsAspects> rcs_aspects;
  /// RCS multiplier seen by radars of each band (model::RadarBand order), 1 by default.
  std::array<double, kRadarBands> rcs_band_factor{1, 1, 1, 1, 1, 1, 1};
  double cost_usd = 0;      ///< unit cost, for cost-exchange
  bool decoy = false;       ///< a decoy (e.g. Gerbera): engaged like a drone, carries no warhead
  /// Chance in [0, 1] that a GNSS-denial zone of strength 1 makes the threat
  /// lose its way (docs/model.md, "Electronic warfare").
  double gnss_susceptibility = 0;
  /// Parameter key (e.g. "speed_mps") -> source key from docs/library.md or "estimate".
  std::map<std::string, std::string> sources;
  /// Parameter key -> the reasoning behind it, for every parameter whose source is "estimate".
  std::map<std::string, std::string> why;
  /// The plausible band of each numeric estimate (docs/library.md, "Ranges"), as for SystemType::ranges;
  /// map-valued parameters have one key per entry: "rcs_band_factor.vhf", "rcs_m2.front".
  std::map<std::string, std::array<double, 2>> ranges;  ///< parameter key -> [lo, hi], for every numeric estimate
  std::string notes;
};

/// The RCS a radar of `band` sees at `aspect_deg` (0 = head-on): the aspect
/// RCS (or rcs_m2 when it is one number) times the band factor.
double rcs_seen_m2(const ThreatType& t, RadarBand band, double aspect_deg);

/// The head-on RCS a radar of `band` sees (the coverage maps' target).
inline double rcs_front_seen_m2(const ThreatType& t, RadarBand band) {
  return t.rcs_m2 * t.rcs_band_factor[static_cast<std::size_t>(band)];
}

/// The largest RCS a radar of `band` sees from any aspect (the interpolation
/// is monotonic between front, side and tail, so the largest of the three).
inline double rcs_widest_seen_m2(const ThreatType& t, RadarBand band) {
  double rcs = t.rcs_m2;
  if (t.rcs_aspects) rcs = std::max({rcs, t.rcs_aspects->front_m2, t.rcs_aspects->side_m2, t.rcs_aspects->tail_m2});
  return rcs * t.rcs_band_factor[static_cast<std::size_t>(band)];
}

}  // namespace adcov::model
