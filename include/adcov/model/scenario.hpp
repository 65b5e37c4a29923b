#pragma once
/// \file
/// A scenario as plain typed structs: every key of docs/scenario.md, "Scenario file (YAML)".
/// Produced by load_scenario() (scenario_loader.hpp), consumed by every engine.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adcov/geo/geodesy.hpp"
#include "adcov/geo/lonlat_box.hpp"
#include "adcov/model/network.hpp"
#include "adcov/model/system.hpp"
#include "adcov/model/threat.hpp"

namespace adcov::model {

namespace detail {
/// The parsed YAML a Scenario was built from (defined inside src/model, so
/// yaml-cpp stays out of public headers). apply_sweep_value() edits a copy of
/// it and rebuilds, so a sweep value is checked exactly like the file itself.
struct LoadedYaml;
}  // namespace detail

/// Where a scenario item was written, for `file:line:col` messages after loading.
struct SourceLoc {
  std::string file;
  int line = 0;    ///< 1-based; 0 = unknown
  int column = 0;  ///< 1-based
  /// "file:line:col" (or just "file" when the line is unknown).
  std::string str() const;
};

/// Operator groups of docs/model.md, "Operator contribution".
enum class OperatorGroup { ukraine, allied, contractor };
inline constexpr OperatorGroup kOperatorGroups[] = {OperatorGroup::ukraine, OperatorGroup::allied,
                                                    OperatorGroup::contractor};
std::string_view to_string(OperatorGroup g);

/// `ukraine`, `allied:<ISO code>` or `contractor:<name>`.
struct Operator {
  OperatorGroup group = OperatorGroup::ukraine;
  std::string detail;  ///< "DE" for allied:DE, the company for contractor:<name>; empty for ukraine
  std::string str() const;  ///< as written in YAML
};

struct Terrain {
  /// DEM files after glob expansion, absolute; empty when flat.
  std::vector<std::filesystem::path> dem_files;
  /// The `dem:` entries as written (for messages).
  std::vector<std::string> dem_as_written;
  std::optional<double> flat_m;  ///< `flat: z`
  SourceLoc loc;
};

struct Region {
  geo::LonLatBox bbox;  ///< `bbox: [west, south, east, north]` in degrees
  std::optional<std::filesystem::path> protect;  ///< polygons file, absolute
  SourceLoc loc;
};

struct Battery {
  std::string id;
  std::string system;  ///< key into Scenario::systems
  Operator op;
  geo::LonLat position;
  std::optional<double> height_m;  ///< overrides radar.height_m
  std::optional<int> magazine;     ///< overrides magazine
  double azimuth_deg = 0;          ///< centre of the radar's sector, clockwise from north
  SourceLoc loc;
};

struct WeightedTarget {
  geo::LonLat at;
  double weight = 1;
  std::string name{};  ///< optional label for maps and reports ("city centre"); empty when not given
};

struct LaunchArea {
  geo::LonLat center;
  double radius_km = 0;
};

/// `ew:` zone kinds; v2 has one.
enum class EwKind { gnss_denial };

/// "gnss_denial"; nullopt for anything else.
std::optional<EwKind> parse_ew_kind(std::string_view s);
std::string_view to_string(EwKind k);

/// One electronic-warfare zone (docs/scenario.md, "ew:"): a threat entering
/// it is lost with probability strength x its gnss_susceptibility.
struct EwZone {
  std::string id;
  EwKind kind = EwKind::gnss_denial;
  geo::LonLat center;
  double radius_km = 0;
  double strength = 1;  ///< in (0, 1]
  SourceLoc loc;
};

/// A least-exposure route planned against the defence (docs/engagement.md,
/// "Least-exposure routes"): what the threats of one salvo fly to one target.
struct PlannedRoute {
  std::vector<geo::LonLat> waypoints;  ///< between the launch (or launch_area.center) and the target
  double kill_probability = 0;         ///< expected, 1 - exp(-exposure) along the route
  double length_m = 0;                 ///< launch (or centre) to target along the route
  double great_circle_m = 0;           ///< the same, straight
};

/// `route:` of a salvo: a list of waypoints, or least_exposure.
enum class RouteKind { waypoints, least_exposure };

struct Salvo {
  std::string id;
  std::string threat;  ///< key into Scenario::threats
  int count = 0;
  std::optional<geo::LonLat> launch;        ///< exactly one of launch / launch_area
  std::optional<LaunchArea> launch_area;
  std::vector<WeightedTarget> targets;      ///< `target:` becomes one entry of weight 1
  std::vector<geo::LonLat> route;           ///< waypoints between launch and target
  RouteKind route_kind = RouteKind::waypoints;
  double max_detour = 1.5;                  ///< least_exposure: longest route / great circle
  /// least_exposure: one per target (in `targets` order) once planned
  /// (engage::plan_routes); empty before, and for waypoint routes.
  std::vector<PlannedRoute> planned;
  double start_s = 0;
  double interval_s = 0;
  SourceLoc loc;
  SourceLoc launch_loc;  ///< of the launch: point or launch_area.center (the DEM check names it)
};

/// The waypoints the threats of `v` fly to its target number `target`: the
/// planned least-exposure route once planned, else `route`.
inline const std::vector<geo::LonLat>& route_to(const Salvo& v, std::size_t target) {
  return v.planned.empty() ? v.route : v.planned[target].waypoints;
}

struct CoverageSettings {
  std::vector<double> altitudes_m{50, 500, 3000};
  bool floor = true;
  /// Shade the maps' relief from the DEM (never for flat terrain).
  bool hillshade = true;
  /// Reference threat for the maps; nullopt = a target of each radar's
  /// rcs_ref, engageable by every system (docs/scenario.md).
  std::optional<std::string> threat;
};

struct SimulationSettings {
  int trials = 1000;
};

/// One `sweep:` axis. Values are kept as YAML text (flow style) and applied
/// with apply_sweep_value(), so lists such as altitudes sweep too.
struct SweepAxis {
  std::string set;                  ///< e.g. "batteries[kyiv-1].magazine"
  std::vector<std::string> values;  ///< YAML flow text of each value
  SourceLoc loc;
};

/// One entry of `uncertainty.parameters`: a sweep path and the range its
/// value is drawn from, uniformly (docs/scenario.md, "uncertainty:").
struct UncertainParameterSetting {
  std::string set;
  double lo = 0, hi = 0;
  SourceLoc loc;
};

/// `uncertainty:`: what `adcov uncertainty` runs.
struct UncertaintySettings {
  int samples = 32;   ///< base sample size N of the Saltelli design: N (k + 2) model runs
  int trials = 100;   ///< Monte Carlo trials per model run
  /// `parameters: library`: every library estimate (with its range) that the
  /// scenario's batteries and salvos use; otherwise the list below.
  bool library = true;
  std::vector<UncertainParameterSetting> parameters;
};

struct Scenario {
  std::string name;
  std::filesystem::path file;  ///< the scenario file, absolute
  std::uint64_t seed = 1;
  Terrain terrain;
  Region region;
  double resolution_m = 500;
  double k_factor = 4.0 / 3.0;
  /// Every system type a battery may use: the built-in library plus the
  /// scenario's new types and overrides, resolved (no `base:` left).
  std::map<std::string, SystemType> systems;
  std::vector<Battery> batteries;
  /// Every threat type: built-in plus scenario's, resolved.
  std::map<std::string, ThreatType> threats;
  std::vector<Salvo> salvos;
  CoverageSettings coverage;
  SimulationSettings simulation;
  DetectionSettings detection;
  C2Settings c2;
  std::vector<EwZone> ew;
  std::vector<SweepAxis> sweep;
  UncertaintySettings uncertainty;
  /// The YAML this scenario was built from, shared and immutable; set by
  /// load_scenario(), used by apply_sweep_value(). Null for a hand-built Scenario.
  std::shared_ptr<const detail::LoadedYaml> source;
};

/// The system a battery fields, with its per-battery overrides (height_m,
/// magazine) applied. Precondition: the battery's system exists (validated).
SystemType effective_system(const Scenario& s, const Battery& b);

}  // namespace adcov::model
