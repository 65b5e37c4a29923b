#pragma once
/// \file
/// Air-defense system types (docs/scenario.md, "systems:"): radar, engagement envelope,
/// interceptor, magazine and doctrine.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "adcov/model/threat.hpp"

namespace adcov::model {

/// What a unit does (docs/scenario.md, "role"): a sensor never fires.
enum class Role { shooter, sensor };
/// How a sensor detects: a radar (line of sight, RCS) or an acoustic node
/// (hears drones below a ceiling, no line of sight, no RCS).
enum class SensorKind { radar, acoustic };
/// YAML spellings: "shooter" / "sensor", "radar" / "acoustic".
std::string_view to_string(Role r);
std::string_view to_string(SensorKind k);
std::optional<Role> parse_role(std::string_view s);
std::optional<SensorKind> parse_sensor_kind(std::string_view s);

struct RadarParams {
  /// Cookie-cutter: detection range against a target of rcs_ref_m2.
  /// Swerling 1: the range at which one look detects it with probability 0.5.
  double range_km = 0;
  double height_m = 0;           ///< antenna height above ground (or above the sea surface)
  double min_elevation_deg = 0;  ///< lowest elevation angle the radar can use
  double rcs_ref_m2 = 1;         ///< RCS at which range_km holds
  double scan_s = 2;             ///< time between looks at one target
  double sector_deg = 360;       ///< sees bearings within battery azimuth_deg +- sector_deg / 2
  RadarBand band = RadarBand::s;
  SensorKind kind = SensorKind::radar;
  double max_alt_m = 0;          ///< acoustic only: highest target height above ground heard
};

struct EngagementEnvelope {
  double min_range_km = 0, max_range_km = 0;  ///< slant range
  double min_alt_m = 0, max_alt_m = 0;        ///< target height above ground
};

struct InterceptorParams {
  double speed_mps = 0;  ///< mean fly-out speed (time of flight = range / speed)
  double cost_usd = 0;
};

/// Single-shot kill probability per threat class, each in [0, 1].
struct PkTable {
  double drone = 0, cruise = 0, ballistic = 0;
  double of(ThreatClass c) const {
    return c == ThreatClass::drone ? drone : c == ThreatClass::cruise ? cruise : ballistic;
  }
};

struct Doctrine {
  int shots_per_engagement = 1;  ///< interceptors fired together at one threat
  int max_engagements = 1;       ///< 2 = shoot-look-shoot
};

/// One system type, fully resolved (built-in values plus scenario overrides).
struct SystemType {
  std::string id;    ///< name scenarios use, e.g. `iris_t_slm`
  std::string name;  ///< human name, e.g. "IRIS-T SLM"
  Role role = Role::shooter;
  RadarParams radar;
  EngagementEnvelope engagement;
  InterceptorParams interceptor;
  int magazine = 0;        ///< ready interceptors
  double reload_s = 0;     ///< time to reload an empty launcher group
  int fire_channels = 1;   ///< simultaneous engagements
  double reaction_s = 0;   ///< detection to first launch
  PkTable pk;
  Doctrine doctrine;
  /// Can fire on another sensor's track under c2.mode integrated (active or
  /// IR seeker, or operator-guided).
  bool engage_on_remote = false;
  /// After tracking a decoy this long (s) the battery recognises it and
  /// stops engaging it; nullopt: never (docs/model.md, "Decoys").
  std::optional<double> decoy_discrimination_s;
  /// Parameter key (e.g. "radar.range_km", "pk.drone") -> source key or "estimate".
  std::map<std::string, std::string> sources;
  /// Parameter key -> the reasoning behind it, for every parameter whose source is "estimate".
  std::map<std::string, std::string> why;
  /// The plausible band of each numeric estimate (docs/library.md, "Ranges"). A scenario that writes a value
  /// drops its range; a scenario's own type may give ranges for any numeric parameter (docs/scenario.md).
  std::map<std::string, std::array<double, 2>> ranges;  ///< parameter key -> [lo, hi], for every numeric estimate
  std::string notes;
};

}  // namespace adcov::model
