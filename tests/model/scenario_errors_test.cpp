// Malformed scenarios: each must give exactly the documented
// `file:line:col: item: message` line (docs/commands.md). {f} stands for the file as given, {d} for its folder.

#include <gtest/gtest.h>

#include "model_test_util.hpp"

namespace {

using adcov::test::contains_line;
using adcov::test::diagnostics_of;
using adcov::test::joined;
using adcov::test::kMinimal;
using adcov::test::TempDir;

struct BadCase {
  const char* name;
  std::string yaml;
  std::string expected;
};

// gtest prints a parameter with this instead of a byte dump.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

const std::vector<BadCase>& cases() {
  const std::string& m = kMinimal;
  static const std::vector<BadCase> c = {
      {"YamlSyntaxError", "name: t\nterrain: {flat: 0\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:3:7: YAML syntax error: end of map flow not found"},
      {"TabIndentation", "name: t\nterrain:\n\tflat: 0\n", "{f}:3:6: YAML syntax error: illegal map value"},
      {"UnknownTopLevelKeyWithHint", m + "resolutoin: 100\n",
       "{f}:4:1: unknown key 'resolutoin' (did you mean 'resolution_m'?)"},
      {"DuplicateKey", m + "seed: 1\nseed: 2\n", "{f}:5:1: duplicate key 'seed'"},
      {"NegativeResolution", m + "resolution_m: -5\n", "{f}:4:15: resolution_m must be in [1, 100000], got -5"},
      // Issue 10: a resolution or a region no grid can hold is named as such,
      // not found later as "battery ... is outside the terrain grid".
      {"TinyResolution", m + "resolution_m: 1e-300\n", "{f}:4:15: resolution_m must be in [1, 100000], got 1e-300"},
      {"WholeWorldRegion", "name: t\nterrain: {flat: 0}\nregion: {bbox: [-180, -90, 180, 90]}\n",
       "{f}:3:16: region: bbox [-180, -90, 180, 90] is too large: its edges reach 20015 km from its centre, at most "
       "2000 km (one analysis grid; split the area into several scenarios)"},
      // Upper bounds are named as upper bounds (not "must be > 0, got 1e308").
      {"HugeRadarRange", m + "systems:\n  s: {base: nasams, radar: {range_km: 1e308}}\n",
       "{f}:5:39: system 's': radar.range_km must be <= 5000, got 1e308"},
      {"HugeInterceptorSpeed", m + "systems:\n  nasams: {interceptor: {speed_mps: 1e308}}\n",
       "{f}:5:37: system 'nasams': interceptor.speed_mps must be <= 10000, got 1e308"},
      {"HugeThreatAltitude", m + "threats:\n  shahed136: {altitude_m: 1e308}\n",
       "{f}:5:27: threat 'shahed136': altitude_m must be <= 2000000, got 1e308"},
      // Issue 11: the sensor network's keys.
      {"UnknownC2ModeWithHint", m + "c2: {mode: cueed}\n",
       "{f}:4:12: c2: unknown mode 'cueed', expected autonomous, cued or integrated (did you mean 'cued'?)"},
      {"UnknownDetectionModel", m + "detection: {model: swerling}\n",
       "{f}:4:20: detection: unknown model 'swerling', expected cookie_cutter or swerling1 (did you mean "
       "'swerling1'?)"},
      {"TrackMAboveN", m + "detection: {track: {m: 3, n: 2}}\n",
       "{f}:4:20: detection: track: m (3) is greater than n (2): no track could ever form"},
      // Electronic warfare and decoys: ew: zones, gnss_susceptibility, decoy_discrimination_s.
      {"EwZoneStrengthZero",
       m + "ew:\n  - {id: z, kind: gnss_denial, center: [30, 50], radius_km: 10, strength: 0}\n",
       "{f}:5:75: ew zone 'z': strength must be > 0, got 0"},
      {"EwZoneStrengthAboveOne",
       m + "ew:\n  - {id: z, kind: gnss_denial, center: [30, 50], radius_km: 10, strength: 1.5}\n",
       "{f}:5:75: ew zone 'z': strength must be <= 1, got 1.5"},
      {"EwZoneUnknownKindWithHint", m + "ew:\n  - {id: z, kind: gnss_denail, center: [30, 50], radius_km: 10}\n",
       "{f}:5:19: ew zone 'z': unknown kind 'gnss_denail', expected gnss_denial (did you mean 'gnss_denial'?)"},
      {"EwZoneMissingRadius", m + "ew:\n  - {id: z, kind: gnss_denial, center: [30, 50]}\n",
       "{f}:5:5: ew zone 'z': missing required key 'radius_km'"},
      {"GnssSusceptibilityAboveOne", m + "threats:\n  shahed136: {gnss_susceptibility: 1.2}\n",
       "{f}:5:36: threat 'shahed136': gnss_susceptibility must be in [0, 1], got 1.2"},
      {"DecoyDiscriminationNotANumberOrNever", m + "systems:\n  gepard: {decoy_discrimination_s: sometimes}\n",
       "{f}:5:36: system 'gepard': decoy_discrimination_s: expected a number of seconds or 'never', got "
       "'sometimes'"},
      {"DecoyDiscriminationMisspeltNever", m + "systems:\n  gepard: {decoy_discrimination_s: nevr}\n",
       "{f}:5:36: system 'gepard': decoy_discrimination_s: expected a number of seconds or 'never', got 'nevr' "
       "(did you mean 'never'?)"},
      {"DecoyDiscriminationOnASensor", m + "systems:\n  p18: {decoy_discrimination_s: 10}\n",
       "{f}:5:8: system 'p18': a sensor (role: sensor) never fires, so 'decoy_discrimination_s' has no effect; "
       "remove it or use role: shooter"},
      {"PfaTooLarge", m + "detection: {pfa: 0.6}\n", "{f}:4:18: detection: pfa must be in [1e-12, 0.1], got 0.6"},
      {"SensorWithAMagazine", m + "systems:\n  ew: {role: sensor, radar: {range_km: 100}, magazine: 4}\n",
       "{f}:5:7: system 'ew': a sensor (role: sensor) never fires, so 'magazine' has no effect; remove it or use "
       "role: shooter"},
      {"AcousticWithoutCeiling", m + "systems:\n  ac: {role: sensor, radar: {range_km: 3, kind: acoustic}}\n",
       "{f}:5:7: system 'ac': an acoustic sensor (radar.kind: acoustic) needs radar.max_alt_m, the highest drone it "
       "hears"},
      {"AcousticShooter", m + "systems:\n  g: {base: gepard, radar: {kind: acoustic, max_alt_m: 100}}\n",
       "{f}:5:6: system 'g': radar.kind: acoustic is for sensors (role: sensor): an acoustic node cues, it does not "
       "guide a shot"},
      {"AspectRcsMissingTail", m + "threats:\n  d: {base: shahed136, rcs_m2: {front: 0.05, side: 0.2}}\n",
       "{f}:5:32: threat 'd': rcs_m2: missing required key 'tail'"},
      {"ZeroSector", m + "systems:\n  s: {base: nasams, radar: {sector_deg: 0}}\n",
       "{f}:5:41: system 's': radar.sector_deg must be > 0, got 0"},
      {"UnknownRoleWithHint", m + "systems:\n  s: {base: nasams, role: sensr}\n",
       "{f}:5:27: system 's': unknown role 'sensr', expected shooter or sensor (did you mean 'sensor'?)"},
      // uncertainty: (docs/scenario.md, "uncertainty:").
      {"UncertaintyRangeReversed",
       m + "uncertainty:\n  parameters:\n    - {set: 'systems[gepard].pk.drone', range: [0.8, 0.2]}\n", "{f}:6:48: uncertainty parameter #1: range: lo 0.8 must be below hi 0.2"},
      {"UncertaintyRangeTheModelRefuses",
       m + "uncertainty:\n  parameters:\n    - {set: 'systems[gepard].pk.drone', range: [0.5, 1.5]}\n", "{f}:6:7: uncertainty: 'systems[gepard].pk.drone' = 1.5: system 'gepard': pk.drone must be in [0, 1], got 1.5"},
      {"UncertaintyUnknownSystem",
       m + "uncertainty:\n  parameters:\n    - {set: 'systems[gepardd].pk.drone', range: [0.5, 0.9]}\n", "{f}:6:13: uncertainty 'systems[gepardd].pk.drone': unknown system 'gepardd' (did you mean 'gepard'?)"},
      {"UncertaintyTooFewSamples", m + "uncertainty: {samples: 1}\n", "{f}:4:24: uncertainty: samples must be in [2, 65536], got 1"},
      {"UncertaintyParametersNeitherLibraryNorList", m + "uncertainty: {parameters: all}\n", "{f}:4:27: uncertainty: parameters: expected 'library' or a list of { set, range }"},
      {"HugeKFactor", m + "earth: {k_factor: 1e308}\n", "{f}:4:19: earth: k_factor must be <= 1000, got 1e308"},
      {"HugeReloadTime", m + "systems:\n  gepard: {reload_s: 1e308}\n",
       "{f}:5:22: system 'gepard': reload_s must be <= 1000000, got 1e308"},
      {"HugeStartTime",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50], start_s: 1e308}\n",
       "{f}:5:87: salvo 'w': start_s must be <= 1000000, got 1e308"},
      {"HugeCoverageAltitude", m + "coverage: {altitudes_m: [1e308]}\n",
       "{f}:4:26: coverage: altitudes_m must be <= 2000000, got 1e308"},
      // Names and ids become file names: at most 100 characters.
      {"LongName", "name: " + std::string(300, 'a') + "\nterrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:1:7: name 'aaaaaaaaaaaaaaaaaaaa...' is 300 characters long; at most 100 (it becomes a file name)"},
      {"LongBatteryId", m + "batteries:\n  - {id: " + std::string(101, 'b') + ", system: gepard, position: [30, 50]}\n",
       "{f}:5:10: battery '" + std::string(101, 'b') +
           "': id 'bbbbbbbbbbbbbbbbbbbb...' is 101 characters long; at most 100 (it becomes a file name)"},
      {"NameWithSlash", "name: a/b\nterrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:1:7: name 'a/b' may only contain letters, digits, '_' and '-'"},
      // Two axes on one path: the first would have no effect.
      {"SweepSamePathTwice",
       m + "batteries:\n  - {id: b, system: gepard, position: [30, 50]}\n"
           "sweep:\n  - {set: 'batteries[b].magazine', values: [1, 2]}\n"
           "  - {set: 'batteries[b].magazine', values: [3]}\n",
       "{f}:8:11: sweep 'batteries[b].magazine': the axis at line 7 already sweeps this path (its values would have "
       "no effect); give all values in one axis"},
      {"SweepOverlappingPaths",
       m + "sweep:\n  - {set: 'systems[nasams].radar', values: [{range_km: 30}]}\n"
           "  - {set: 'systems[nasams].radar.range_km', values: [40]}\n",
       "{f}:6:11: sweep 'systems[nasams].radar.range_km': overlaps the axis 'systems[nasams].radar' at line 5 (one "
       "would overwrite the other's values); sweep one of them"},
      {"ZeroKFactor", m + "earth: {k_factor: 0}\n", "{f}:4:19: earth: k_factor must be > 0, got 0"},
      {"ZeroTrials", m + "simulation:\n  trials: 0\n", "{f}:5:11: simulation: trials must be >= 1, got 0"},
      {"NegativeSeed", m + "seed: -1\n", "{f}:4:7: seed: expected a whole number >= 0, got '-1'"},
      {"NameWithSpace", "name: kyiv raid\nterrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:1:7: name 'kyiv raid' may only contain letters, digits, '_' and '-'"},
      {"MissingName", "terrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:1:1: missing required key 'name'"},
      {"BboxWestNotBelowEast", "name: t\nterrain: {flat: 0}\nregion: {bbox: [32, 49, 29, 51]}\n",
       "{f}:3:16: region: bbox: west (32) must be less than east (29)"},
      {"BboxSouthNotBelowNorth", "name: t\nterrain: {flat: 0}\nregion: {bbox: [29, 51, 32, 49]}\n",
       "{f}:3:16: region: bbox: south (51) must be less than north (49)"},
      {"BboxThreeNumbers", "name: t\nterrain: {flat: 0}\nregion: {bbox: [29, 51, 32]}\n",
       "{f}:3:16: region: bbox: expected [west, south, east, north], got a list"},
      {"LatitudeOutOfRange", m + "batteries:\n  - {id: b1, system: gepard, position: [30, 95]}\n",
       "{f}:5:45: battery 'b1': position latitude must be in [-90, 90], got 95"},
      {"LongitudeOutOfRange", m + "batteries:\n  - {id: b1, system: gepard, position: [-181, 50]}\n",
       "{f}:5:41: battery 'b1': position longitude must be in [-180, 180], got -181"},
      {"UnknownSystemWithHint",
       m + "batteries:\n  - id: kyiv-2\n    system: patriot_pac9\n    position: [30.5, 50.4]\n",
       "{f}:6:13: battery 'kyiv-2': unknown system 'patriot_pac9' (did you mean 'patriot_pac2' or "
       "'patriot_pac3'?)"},
      // Issue 15: a prefix of several names offers them all; swapped [lat, lon] is named as such.
      {"SystemPrefixHint", m + "batteries:\n  - {id: b1, system: patriot, position: [30, 50]}\n",
       "{f}:5:22: battery 'b1': unknown system 'patriot' (did you mean 'patriot_pac2' or 'patriot_pac3'?)"},
      {"SwappedBattery", m + "batteries:\n  - {id: b1, system: gepard, position: [50.52, 30.42]}\n",
       "{f}:5:40: battery 'b1': position [50.52, 30.42] lies 2589 km outside the region [29, 49, 32, 51]; at most "
       "200 km (docs/scenario.md, \"Positions\"); did you swap lon/lat? [30.42, 50.52] would lie inside the region"},
      {"SwappedTarget",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [50.4, 30.6]}\n",
       "{f}:5:68: salvo 'w': target [50.4, 30.6] lies 2566 km outside the region [29, 49, 32, 51]; at most 200 km "
       "(docs/scenario.md, \"Positions\"); did you swap lon/lat? [30.6, 50.4] would lie inside the region"},
      {"LaunchFarAway",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [-60, 10], target: [30, 50]}\n",
       "{f}:5:50: salvo 'w': launch [-60, 10] lies 9098 km from the region [29, 49, 32, 51]; at most 3000 km "
       "(docs/scenario.md, \"Positions\")"},
      {"DuplicateBatteryId",
       m + "batteries:\n  - {id: b1, system: gepard, position: [30, 50]}\n"
           "  - {id: b1, system: gepard, position: [30.1, 50]}\n",
       "{f}:6:10: battery 'b1': duplicate battery id 'b1' (first at line 5)"},
      {"DuplicateSalvoId",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50]}\n"
           "  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50]}\n",
       "{f}:6:10: salvo 'w': duplicate salvo id 'w' (first at line 5)"},
      {"NegativeCount", m + "salvos:\n  - {id: w, threat: shahed136, count: -3, launch: [36, 51], target: [30, 50]}\n",
       "{f}:5:39: salvo 'w': count must be >= 0, got -3"},
      {"NegativeInterval",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 3, launch: [36, 51], target: [30, 50], interval_s: -2}\n",
       "{f}:5:90: salvo 'w': interval_s must be >= 0, got -2"},
      {"LaunchAndLaunchArea",
       m + "salvos:\n  - id: w\n    threat: shahed136\n    count: 3\n    launch: [36, 51]\n"
           "    launch_area: {center: [36, 51], radius_km: 10}\n    target: [30, 50]\n",
       "{f}:5:5: salvo 'w': give either launch: [lon, lat] or launch_area: {center, radius_km}, not both"},
      {"NeitherLaunchNorArea", m + "salvos:\n  - {id: w, threat: shahed136, count: 3, target: [30, 50]}\n",
       "{f}:5:5: salvo 'w': missing launch: [lon, lat] or launch_area: {center, radius_km}"},
      {"TargetAndTargets",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 3, launch: [36, 51], target: [30, 50], "
           "targets: [{at: [30, 50]}]}\n",
       "{f}:5:5: salvo 'w': give either target: [lon, lat] or targets: [{at, weight}, ...], not both"},
      {"NeitherTargetNorTargets", m + "salvos:\n  - {id: w, threat: shahed136, count: 3, launch: [36, 51]}\n",
       "{f}:5:5: salvo 'w': missing target: [lon, lat] or targets: [{at, weight}, ...]"},
      {"UnknownThreatWithHint",
       m + "salvos:\n  - {id: w, threat: shahed137, count: 3, launch: [36, 51], target: [30, 50]}\n",
       "{f}:5:21: salvo 'w': unknown threat 'shahed137' (did you mean 'shahed136'?)"},
      {"PkAboveOne", m + "systems:\n  my_sam:\n    base: iris_t_slm\n    pk: {drone: 1.2}\n",
       "{f}:7:17: system 'my_sam': pk.drone must be in [0, 1], got 1.2"},
      {"MinRangeAboveMaxRange",
       m + "systems:\n  my_sam:\n    base: iris_t_slm\n    engagement: {min_range_km: 50}\n",
       "{f}:7:17: system 'my_sam': engagement.min_range_km (50) is greater than engagement.max_range_km (40)"},
      {"BaseCycle", m + "systems:\n  a: {base: b}\n  b: {base: a}\n", "{f}:6:13: system 'b': base: cycle a -> b -> a"},
      {"UnknownBaseWithHint", m + "threats:\n  slow: {base: shahedd136}\n",
       "{f}:5:16: threat 'slow': unknown base threat 'shahedd136' (did you mean 'shahed136'?)"},
      {"WrongTypeForInteger", m + "batteries:\n  - {id: b1, system: gepard, position: [30, 50], magazine: many}\n",
       "{f}:5:60: battery 'b1': magazine: expected a whole number, got 'many'"},
      {"NestedUnknownKeyWithHint", m + "systems:\n  my_sam:\n    base: iris_t_slm\n    radar: {rnage_km: 10}\n",
       "{f}:7:13: system 'my_sam': radar: unknown key 'rnage_km' (did you mean 'range_km'?)"},
      {"NewSystemWithoutRequiredKeys", m + "systems:\n  gun: {pk: {drone: 0.5}}\n",
       "{f}:5:8: system 'gun': a new system type (no base:) must give radar.range_km, engagement.max_range_km, "
       "engagement.max_alt_m, interceptor.speed_mps, magazine (or base: <type> to inherit every parameter)"},
      {"UnknownThreatClass", m + "threats:\n  x: {base: shahed136, class: drones}\n",
       "{f}:5:31: threat 'x': unknown class 'drones', expected drone, cruise or ballistic (did you mean 'drone'?)"},
      {"MissingDemShowsBothPaths", "name: t\nterrain: {dem: dem/nothere.tif}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:2:16: terrain: dem: file 'dem/nothere.tif' not found (resolved to '{d}/dem/nothere.tif')"},
      {"GlobMatchingNothing", "name: t\nterrain:\n  dem: [dem/*.hgt]\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:3:9: terrain: dem: pattern 'dem/*.hgt' matches no file (looked for '{d}/dem/*.hgt')"},
      {"DemAndFlat", "name: t\nterrain: {flat: 0, dem: x.tif}\nregion: {bbox: [29, 49, 32, 51]}\n",
       "{f}:2:10: terrain: give either dem: (raster files) or flat: (ground elevation), not both"},
      {"BadOperator", m + "batteries:\n  - {id: b1, system: gepard, operator: nato, position: [30, 50]}\n",
       "{f}:5:40: battery 'b1': operator 'nato' must be ukraine, allied:<ISO code> (e.g. allied:DE) or "
       "contractor:<name>"},
      {"SweepUnknownBatteryWithHint",
       m + "batteries:\n  - {id: kyiv-1, system: gepard, position: [30, 50]}\n"
           "sweep:\n  - {set: 'batteries[kyiv-9].magazine', values: [1, 2]}\n",
       "{f}:7:11: sweep 'batteries[kyiv-9].magazine': unknown battery 'kyiv-9' (did you mean 'kyiv-1'?)"},
      {"SweepBadValue",
       m + "batteries:\n  - {id: kyiv-1, system: gepard, position: [30, 50]}\n"
           "sweep:\n  - {set: 'batteries[kyiv-1].magazine', values: [1, -2]}\n",
       "{f}:7:5: sweep 'batteries[kyiv-1].magazine' = -2: battery 'kyiv-1': magazine must be >= 0, got -2"},
      {"SweepUnknownKeyWithHint",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50]}\n"
           "sweep:\n  - {set: 'salvos[w].cont', values: [1]}\n",
       "{f}:7:11: sweep 'salvos[w].cont': unknown salvo key 'cont' (did you mean 'count'?)"},
      {"RepeatedAltitude", m + "coverage: {altitudes_m: [50, 500, 50]}\n",
       "{f}:4:35: coverage: altitudes_m: 50 is listed twice"},
      {"AltitudesSharingAFileName", m + "coverage: {altitudes_m: [1.2344, 50, 1.2345]}\n",
       "{f}:4:38: coverage: altitudes_m: 1.2344 and 1.2345 name the same output files (altitudes are named to the "
       "millimetre: 1.234)"},
      {"AltitudeTooLarge", m + "coverage: {altitudes_m: [1e308]}\n",
       "{f}:4:26: coverage: altitudes_m must be <= 2000000, got 1e308"},
      {"AltitudeNan", m + "coverage: {altitudes_m: [.nan]}\n",
       "{f}:4:26: coverage: altitudes_m must be a finite number in [0, 2000000], got .nan"},
      {"CoverageUnknownThreat", m + "coverage: {threat: kh102}\n",
       "{f}:4:20: coverage: unknown threat 'kh102' (did you mean 'kh101'?)"},
      // A scenario type's own ranges obey the library's rules, but any numeric parameter may have one.
      {"RangeOutsideTheValue", m + "systems:\n  nasams: {ranges: {pk.drone: [0.1, 0.5]}}\n",
       "{f}:5:31: system 'nasams': ranges.pk.drone: the value 0.85 lies outside [0.1, 0.5]"},
      {"RangeOfACountIsWhole", m + "systems:\n  nasams: {ranges: {magazine: [12.5, 24]}}\n",
       "{f}:5:32: system 'nasams': ranges.magazine lo: expected a whole number, got '12.5'"},
      {"RangeOfAWord", m + "systems:\n  nasams: {ranges: {engage_on_remote: [0, 1]}}\n",
       "{f}:5:39: system 'nasams': ranges.engage_on_remote: engage_on_remote is the word 'true', not a number: it "
       "takes no range"},
      {"RangeOfNever", m + "systems:\n  nasams: {ranges: {decoy_discrimination_s: [0, 60]}}\n",
       "{f}:5:45: system 'nasams': ranges.decoy_discrimination_s: decoy_discrimination_s is the word 'never', not a "
       "number: it takes no range"},
      {"RangeOfAnAspectWithoutAspects", m + "threats:\n  shahed136: {ranges: {rcs_m2.side: [0.1, 0.3]}}\n",
       "{f}:5:24: threat 'shahed136': ranges: unknown key 'rcs_m2.side'"},
      // Issue 16: route: least_exposure and its detour limit.
      {"RouteWordWithHint",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50], route: least_exposed}\n",
       "{f}:5:85: salvo 'w': route: 'least_exposed' is not a route; give a list of [lon, lat] waypoints or "
       "least_exposure (did you mean 'least_exposure'?)"},
      {"MaxDetourBelowOne",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50], route: least_exposure,"
           " max_detour: 0.9}\n",
       "{f}:5:113: salvo 'w': max_detour must be >= 1, got 0.9"},
      {"MaxDetourWithWaypoints",
       m + "salvos:\n  - {id: w, threat: shahed136, count: 1, launch: [36, 51], target: [30, 50], max_detour: 2}\n",
       "{f}:5:90: salvo 'w': max_detour applies to route: least_exposure only"},
      {"LeastExposureBallistic",
       m + "salvos:\n  - {id: w, threat: iskander_m, count: 1, launch: [36, 51], target: [30, 50], route: least_exposure}\n",
       "{f}:5:86: salvo 'w': route: least_exposure is for drones and cruise missiles; threat 'iskander_m' is "
       "ballistic and flies its arc"},
      {"TopLevelNotAMap", "just a string\n",
       "{f}:1:1: a scenario is a map of keys (name:, terrain:, region:, ...), got 'just a string'"},
      {"EmptyFile", "", "{f}: the scenario file is empty (expected keys such as name:, terrain:, region:)"},
      {"OnlyComments", "# nothing here\n",
       "{f}: the scenario file is empty (expected keys such as name:, terrain:, region:)"},
  };
  return c;
}

class ScenarioError : public testing::TestWithParam<BadCase> {};

TEST_P(ScenarioError, ReportsFileLineColumnAndMessage) {
  TempDir dir;
  const auto path = dir.write("s.yaml", GetParam().yaml);
  const auto msgs = diagnostics_of(path);
  const std::string expected =
      replace_all(replace_all(GetParam().expected, "{f}", path.string()), "{d}", dir.path.string());
  EXPECT_TRUE(contains_line(msgs, expected)) << "expected: " << expected << "\ngot:\n" << joined(msgs);
}

INSTANTIATE_TEST_SUITE_P(ScenarioCases, ScenarioError, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<BadCase>& i) { return std::string(i.param.name); });

TEST(ScenarioErrors, ReportsEveryErrorOfAFileInLineOrder) {
  TempDir dir;
  const auto path = dir.write("s.yaml", "name: t\nseed: x\nterrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\n"
                                        "resolutoin: 1\nsimulation: {trials: 0}\n");
  const auto msgs = diagnostics_of(path);
  ASSERT_EQ(msgs.size(), 3u) << joined(msgs);
  EXPECT_NE(msgs[0].find(":2:7: seed"), std::string::npos);
  EXPECT_NE(msgs[1].find(":5:1: unknown key 'resolutoin'"), std::string::npos);
  EXPECT_NE(msgs[2].find(":6:22: simulation: trials"), std::string::npos);
}

TEST(ScenarioErrors, MessagesNameTheFileAsGiven) {
  TempDir dir;
  dir.write("sub/s.yaml", kMinimal + "seed: -1\n");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path);
  const auto msgs = diagnostics_of("sub/s.yaml");
  std::filesystem::current_path(cwd);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0], "sub/s.yaml:4:7: seed: expected a whole number >= 0, got '-1'");
}

TEST(ScenarioErrors, MissingFileIsAnInputError) {
  TempDir dir;
  const auto p = dir.path / "nope.yaml";
  const auto msgs = diagnostics_of(p);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0], p.string() + ": cannot open scenario file: no such file");
}

TEST(ScenarioErrors, DirectoryIsAnInputError) {
  TempDir dir;
  const auto msgs = diagnostics_of(dir.path);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0], dir.path.string() + ": is a directory, not a scenario file");
}

// Fuzz-ish inputs: whatever the bytes, load_scenario throws InputError and
// never crashes, hangs or throws anything else.
TEST(ScenarioErrors, MalformedInputNeverCrashes) {
  TempDir dir;
  std::vector<std::string> inputs = {
      std::string("\x00\x01\xff\xfe garbage \x7f", 15),
      std::string(20000, '[') + std::string(20000, ']'),
      "a: &x [*x]\n",
      "name: t\nterrain: *undefined\n",
      "? [a, b]\n: c\n",
      "name: [t]\nterrain: [1]\nregion: 5\nbatteries: {a: 1}\nsalvos: 7\nsystems: [1]\nthreats: x\n"
      "coverage: []\nsimulation: [1]\nsweep: {}\nearth: 1\nseed: [1]\nresolution_m: {}\n",
      "name: t\nterrain: {flat: 0}\nregion: {bbox: [29, 49, 32, 51]}\nbatteries: [1, [2], {id: [x]}]\n"
      "salvos: [{id: w, targets: [1, {at: 5}], route: 3, launch_area: [1]}]\n"
      "systems: {x: 1, y: {radar: 5, pk: [1]}}\nsweep: [1, {set: [1], values: 3}, {set: 'a[', values: [1]}]\n",
      "\t\t\t:\n",
      "name: t\n" + std::string(5000, ' ') + "x: 1\n",
  };
  std::string deep_map = "name: t\n";
  for (int i = 0; i < 600; ++i) deep_map += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  inputs.push_back(deep_map);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto p = dir.write("f" + std::to_string(i) + ".yaml", inputs[i]);
    EXPECT_THROW((void)adcov::model::load_scenario(p), adcov::InputError) << "input #" << i;
  }
}

}  // namespace
