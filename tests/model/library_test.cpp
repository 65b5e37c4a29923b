// The built-in library: the required types exist, every parameter has a
// source or "estimate" (with a reason), and values are physically sane.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "adcov/error.hpp"
#include "adcov/model/library.hpp"
#include "model_test_util.hpp"

namespace {

using adcov::model::builtin_library;
using adcov::model::ThreatClass;

TEST(Library, HasEveryRequiredType) {
  const auto& lib = builtin_library();
  for (const char* id : {"patriot_pac3", "patriot_pac2", "samp_t", "iris_t_slm", "iris_t_sls", "nasams", "hawk",
                         "gepard", "skynex", "avenger", "mobile_fire_group", "interceptor_drone", "s300ps", "buk_m1",
                         "p18", "st68um", "acoustic_node", "asc890"})
    EXPECT_TRUE(lib.systems.count(id)) << id;
  for (const char* id : {"shahed136", "geran3", "gerbera", "kh101", "kalibr", "kh59", "iskander_m", "iskander_k",
                         "kinzhal", "kh22", "kn23"})
    EXPECT_TRUE(lib.threats.count(id)) << id;
}

// A source is one or more keys of the citation list, or "estimate".
bool sourced(const std::string& src, const std::map<std::string, std::string>& citations) {
  std::stringstream ss(src);
  std::string key;
  int n = 0;
  while (std::getline(ss, key, ',')) {
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);
    if (key != "estimate" && !citations.count(key)) return false;
    ++n;
  }
  return n > 0;
}

TEST(Library, EverySystemParameterHasASourceOrEstimate) {
  const auto& lib = builtin_library();
  for (const auto& [id, s] : lib.systems) {
    EXPECT_EQ(s.id, id);
    EXPECT_FALSE(s.name.empty()) << id;
    for (const auto& p : adcov::model::library_parameter_keys(s)) {
      ASSERT_TRUE(s.sources.count(p)) << id << " " << p;
      EXPECT_TRUE(sourced(s.sources.at(p), lib.citations)) << id << " " << p << ": " << s.sources.at(p);
      if (s.sources.at(p).find("estimate") != std::string::npos) {
        EXPECT_GT(s.why.count(p) ? s.why.at(p).size() : 0u, 10u) << id << " " << p << " lacks a reason";
      }
    }
  }
}

TEST(Library, EveryThreatParameterHasASourceOrEstimate) {
  const auto& lib = builtin_library();
  for (const auto& [id, t] : lib.threats) {
    auto keys = adcov::model::threat_parameter_keys();
    if (t.decoy) keys.emplace_back("decoy");
    for (const auto& p : keys) {
      ASSERT_TRUE(t.sources.count(p)) << id << " " << p;
      EXPECT_TRUE(sourced(t.sources.at(p), lib.citations)) << id << " " << p;
      if (t.sources.at(p).find("estimate") != std::string::npos) {
        EXPECT_TRUE(t.why.count(p)) << id << " " << p;
      }
    }
  }
}

TEST(Library, ValuesArePhysicallySane) {
  const auto& lib = builtin_library();
  for (const auto& [id, s] : lib.systems) {
    SCOPED_TRACE(id);
    const bool airborne = s.role == adcov::model::Role::sensor && s.radar.height_m > 1000;
    if (airborne) {
      // Airborne early warning: the antenna height is the patrol altitude, and it looks down.
      EXPECT_GE(s.radar.height_m, 3000);
      EXPECT_LE(s.radar.height_m, 12000);
      EXPECT_LT(s.radar.min_elevation_deg, 0);
    } else {
      EXPECT_GE(s.radar.height_m, 2);
      EXPECT_LE(s.radar.height_m, 20);
    }
    EXPECT_LE(s.radar.min_elevation_deg, 0.5);
    EXPECT_GT(s.radar.scan_s, 0);
    EXPECT_LE(s.radar.scan_s, 12);
    EXPECT_GT(s.radar.sector_deg, 0);
    EXPECT_LE(s.radar.sector_deg, 360);
    if (s.radar.kind == adcov::model::SensorKind::acoustic) {
      EXPECT_GT(s.radar.max_alt_m, 0);
    }
    if (s.role == adcov::model::Role::sensor) continue;  // no envelope, magazine or pk
    EXPECT_LE(s.engagement.min_range_km, s.engagement.max_range_km);
    EXPECT_LE(s.engagement.min_alt_m, s.engagement.max_alt_m);
    for (const auto c : adcov::model::kThreatClasses) {
      EXPECT_GE(s.pk.of(c), 0);
      EXPECT_LE(s.pk.of(c), 1);
    }
  }
  // Only Patriot and SAMP/T stop ballistic missiles; guns and drones no cruise to speak of.
  for (const auto& [id, s] : lib.systems)
    if (id != "patriot_pac3" && id != "patriot_pac2" && id != "samp_t") {
      EXPECT_EQ(s.pk.ballistic, 0) << id;
    }
  // Calibrated against the 2025 record to 0.55 (docs/calibration.md); public
  // descriptions put a PAC-3 single-shot Pk against SRBMs at roughly 0.5-0.7.
  EXPECT_GE(lib.systems.at("patriot_pac3").pk.ballistic, 0.5);
  EXPECT_LE(lib.systems.at("patriot_pac3").pk.ballistic, 0.7);
  for (const char* id : {"gepard", "mobile_fire_group", "interceptor_drone"})
    EXPECT_LE(lib.systems.at(id).pk.cruise, 0.2) << id;

  const auto& shahed = lib.threats.at("shahed136");
  EXPECT_EQ(shahed.cls, ThreatClass::drone);
  EXPECT_GE(shahed.altitude_m, 100);
  EXPECT_LE(shahed.altitude_m, 200);
  EXPECT_NEAR(shahed.speed_mps, 50, 5);
  EXPECT_TRUE(lib.threats.at("gerbera").decoy);
  EXPECT_FALSE(shahed.decoy);
  for (const char* id : {"kh101", "kalibr"}) {
    EXPECT_EQ(lib.threats.at(id).cls, ThreatClass::cruise);
    EXPECT_GE(lib.threats.at(id).speed_mps, 230);
    EXPECT_LE(lib.threats.at(id).speed_mps, 250);
    EXPECT_LE(lib.threats.at(id).altitude_m, 100);
  }
  // Calibrated results use shahed136's 0.1 m2 (docs/calibration.md); the
  // Sukharevsky figures are documented in its why, not applied.
  EXPECT_EQ(shahed.rcs_m2, 0.1);
  EXPECT_FALSE(shahed.rcs_aspects.has_value());
  // Sensors and the fire-on-remote rule (docs/library.md).
  EXPECT_EQ(lib.systems.at("p18").radar.band, adcov::model::RadarBand::vhf);
  EXPECT_EQ(lib.systems.at("acoustic_node").radar.kind, adcov::model::SensorKind::acoustic);
  for (const char* id : {"mobile_fire_group", "interceptor_drone", "nasams"})
    EXPECT_TRUE(lib.systems.at(id).engage_on_remote) << id;
  for (const char* id : {"hawk", "buk_m1", "s300ps", "patriot_pac2"})
    EXPECT_FALSE(lib.systems.at(id).engage_on_remote) << id;
  EXPECT_EQ(lib.threats.at("iskander_m").cls, ThreatClass::ballistic);
  EXPECT_NEAR(lib.threats.at("iskander_m").altitude_m, 50000, 10000);

  // GNSS susceptibility: a probability; drones (satellite navigation, the
  // record's 18.6 % lost locally) above every cruise and ballistic missile
  // (inertial with terrain matching or a short ballistic flight).
  double lowest_drone = 1, highest_missile = 0;
  for (const auto& [id, t] : lib.threats) {
    EXPECT_GE(t.gnss_susceptibility, 0) << id;
    EXPECT_LE(t.gnss_susceptibility, 1) << id;
    if (t.cls == ThreatClass::drone)
      lowest_drone = std::min(lowest_drone, t.gnss_susceptibility);
    else
      highest_missile = std::max(highest_missile, t.gnss_susceptibility);
  }
  EXPECT_GT(lowest_drone, highest_missile);
  EXPECT_GE(shahed.gnss_susceptibility, 0.186);  // at least the record's national lost share
  EXPECT_GT(lib.threats.at("gerbera").gnss_susceptibility, shahed.gnss_susceptibility);  // no CRPA antenna
  EXPECT_EQ(lib.threats.at("kh22").gnss_susceptibility, 0);  // no satellite navigation
  // Decoy discrimination: radar-only SAMs never; guns with sights and
  // operator-guided shooters within minutes.
  for (const char* id : {"patriot_pac3", "patriot_pac2", "samp_t", "nasams", "s300ps"})
    EXPECT_FALSE(lib.systems.at(id).decoy_discrimination_s.has_value()) << id;
  for (const char* id : {"gepard", "skynex", "mobile_fire_group", "interceptor_drone"}) {
    ASSERT_TRUE(lib.systems.at(id).decoy_discrimination_s.has_value()) << id;
    EXPECT_GT(*lib.systems.at(id).decoy_discrimination_s, 0) << id;
    EXPECT_LE(*lib.systems.at(id).decoy_discrimination_s, 120) << id;
  }
  for (const auto& [id, s] : lib.systems)
    if (s.role == adcov::model::Role::sensor) {
      EXPECT_FALSE(s.sources.count("decoy_discrimination_s")) << id;
    }
}

// ---- ranges (docs/library.md, "Ranges") ----

bool estimated(const std::string& src) { return src.find("estimate") != std::string::npos; }

// A system's numeric parameter by key, written out here rather than taken from the
// loader so that a key the loader forgets is caught; nullopt for a word.
std::optional<double> system_value(const adcov::model::SystemType& s, const std::string& key) {
  const std::map<std::string, double> v = {
      {"radar.range_km", s.radar.range_km},
      {"radar.height_m", s.radar.height_m},
      {"radar.min_elevation_deg", s.radar.min_elevation_deg},
      {"radar.rcs_ref_m2", s.radar.rcs_ref_m2},
      {"radar.scan_s", s.radar.scan_s},
      {"radar.sector_deg", s.radar.sector_deg},
      {"radar.max_alt_m", s.radar.max_alt_m},
      {"engagement.min_range_km", s.engagement.min_range_km},
      {"engagement.max_range_km", s.engagement.max_range_km},
      {"engagement.min_alt_m", s.engagement.min_alt_m},
      {"engagement.max_alt_m", s.engagement.max_alt_m},
      {"interceptor.speed_mps", s.interceptor.speed_mps},
      {"interceptor.cost_usd", s.interceptor.cost_usd},
      {"magazine", s.magazine},
      {"reload_s", s.reload_s},
      {"fire_channels", s.fire_channels},
      {"reaction_s", s.reaction_s},
      {"pk.drone", s.pk.drone},
      {"pk.cruise", s.pk.cruise},
      {"pk.ballistic", s.pk.ballistic},
      {"doctrine.shots_per_engagement", s.doctrine.shots_per_engagement},
      {"doctrine.max_engagements", s.doctrine.max_engagements}};
  if (key == "decoy_discrimination_s") return s.decoy_discrimination_s;  // `never` is a word
  const auto it = v.find(key);
  return it == v.end() ? std::nullopt : std::optional<double>(it->second);
}

std::optional<double> threat_value(const adcov::model::ThreatType& t, const std::string& key) {
  if (key.rfind("rcs_band_factor.", 0) == 0) {
    const auto band = adcov::model::parse_radar_band(key.substr(16));
    return band ? std::optional<double>(t.rcs_band_factor[static_cast<std::size_t>(*band)]) : std::nullopt;
  }
  const std::map<std::string, double> v = {{"speed_mps", t.speed_mps},
                                           {"altitude_m", t.altitude_m},
                                           {"rcs_m2", t.rcs_m2},
                                           {"cost_usd", t.cost_usd},
                                           {"gnss_susceptibility", t.gnss_susceptibility}};
  const auto it = v.find(key);
  return it == v.end() ? std::nullopt : std::optional<double>(it->second);
}

// Every numeric estimate has a range holding its value, every range belongs to an estimate, and the
// ends obey the value's own rules (probabilities in [0, 1], counts whole and >= 1, sectors in (0, 360]).
TEST(Library, EveryNumericEstimateHasARangeThatHoldsItsValue) {
  const auto& lib = builtin_library();
  std::size_t n = 0;
  for (const auto& [id, s] : lib.systems) {
    for (const auto& p : adcov::model::library_parameter_keys(s)) {
      const auto v = system_value(s, p);
      if (!estimated(s.sources.at(p)) || !v) {
        EXPECT_FALSE(s.ranges.count(p)) << id << " " << p << ": a range for a sourced value or a word";
        continue;
      }
      ASSERT_TRUE(s.ranges.count(p)) << id << " " << p << " has no range";
      const auto [lo, hi] = s.ranges.at(p);
      EXPECT_LE(lo, *v) << id << " " << p;
      EXPECT_LE(*v, hi) << id << " " << p;
      if (p.rfind("pk.", 0) == 0) {
        EXPECT_GE(lo, 0) << id << " " << p;
        EXPECT_LE(hi, 1) << id << " " << p;
      }
      if (p == "magazine" || p == "fire_channels" || p.rfind("doctrine.", 0) == 0) {
        EXPECT_GE(lo, 1) << id << " " << p;
        EXPECT_EQ(lo, std::trunc(lo)) << id << " " << p;
        EXPECT_EQ(hi, std::trunc(hi)) << id << " " << p;
      }
      if (p == "radar.sector_deg") {
        EXPECT_GT(lo, 0) << id;
        EXPECT_LE(hi, 360) << id;
      }
      ++n;
    }
    for (const auto& [key, r] : s.ranges) EXPECT_TRUE(s.sources.count(key)) << id << " " << key;
  }
  for (const auto& [id, t] : lib.threats) {
    for (const auto& [p, src] : t.sources) {
      std::vector<std::string> keys = {p};
      if (p == "rcs_band_factor") {
        keys.clear();
        for (const auto b : adcov::model::kAllRadarBands)
          if (t.rcs_band_factor[static_cast<std::size_t>(b)] != 1)
            keys.push_back("rcs_band_factor." + std::string(adcov::model::to_string(b)));
      }
      for (const auto& k : keys) {
        const auto v = threat_value(t, k);
        if (!estimated(src) || !v) {
          EXPECT_FALSE(t.ranges.count(k)) << id << " " << k << ": a range for a sourced value or a word";
          continue;
        }
        ASSERT_TRUE(t.ranges.count(k)) << id << " " << k << " has no range";
        EXPECT_LE(t.ranges.at(k)[0], *v) << id << " " << k;
        EXPECT_LE(*v, t.ranges.at(k)[1]) << id << " " << k;
        if (p == "gnss_susceptibility") {
          EXPECT_GE(t.ranges.at(k)[0], 0) << id;
          EXPECT_LE(t.ranges.at(k)[1], 1) << id;
        }
        ++n;
      }
    }
  }
  EXPECT_GT(n, 300u);  // ~330 numeric estimates: the check did run over them
  // Map-valued estimates are keyed per entry; words carry none.
  EXPECT_TRUE(lib.threats.at("shahed136").ranges.count("rcs_band_factor.vhf"));
  EXPECT_FALSE(lib.threats.at("shahed136").ranges.count("rcs_band_factor"));
  EXPECT_FALSE(lib.systems.at("patriot_pac3").ranges.count("radar.band"));
  EXPECT_FALSE(lib.systems.at("patriot_pac3").ranges.count("decoy_discrimination_s"));  // never
  EXPECT_TRUE(lib.systems.at("gepard").ranges.count("decoy_discrimination_s"));          // 30 s
}

// Every range is explained: the estimate's why line closes with "range lo-hi: reason".
TEST(Library, EveryRangeIsExplainedInItsWhy) {
  const auto& lib = builtin_library();
  const auto check = [](const auto& types) {
    for (const auto& [id, t] : types)
      for (const auto& [key, r] : t.ranges) {
        const std::string param = key.rfind("rcs_band_factor.", 0) == 0 ? "rcs_band_factor" : key;
        ASSERT_TRUE(t.why.count(param)) << id << " " << key;
        EXPECT_NE(t.why.at(param).find("; range "), std::string::npos) << id << " " << key << ": " << t.why.at(param);
      }
  };
  check(lib.systems);
  check(lib.threats);
}

// ---- the loader's rules, on small library texts ----

// A library with one radar sensor and one threat; lines are numbered in the comments so that the
// expected messages below can name them.
std::string small_library(const std::string& sensor_ranges, const std::string& threat_ranges,
                          const std::string& threat_sources = "estimate") {
  return "sources: {P1: 'a citation'}\n"                                                       // 1
         "systems:\n"                                                                          // 2
         "  radar:\n"                                                                          // 3
         "    name: R\n"                                                                       // 4
         "    role: sensor\n"                                                                  // 5
         "    radar: {range_km: 100, height_m: 6, min_elevation_deg: 0.1, rcs_ref_m2: 1, scan_s: 2, sector_deg: "
         "120, band: c}\n"                                                                     // 6
         "    sources: {role: P1, radar.range_km: P1, radar.height_m: estimate, radar.min_elevation_deg: P1,"
         " radar.rcs_ref_m2: P1, radar.scan_s: P1, radar.sector_deg: 'P1, estimate', radar.band: estimate}\n"  // 7
         "    why: {radar.height_m: 'a mast of about 6 m', radar.sector_deg: 'a fixed face, 120 deg',"
         " radar.band: 'a C-band radar'}\n"                                                    // 8
         "    ranges: " + sensor_ranges + "\n"                                                  // 9
         "threats:\n"                                                                          // 10
         "  drone:\n"                                                                          // 11
         "    {name: D, class: drone, speed_mps: 50, altitude_m: 150, rcs_m2: 0.1, rcs_band_factor: {vhf: 3},"
         " cost_usd: 1000, gnss_susceptibility: 0.25,\n"                                       // 12
         "     sources: {class: P1, speed_mps: P1, altitude_m: P1, rcs_m2: P1, cost_usd: P1, gnss_susceptibility: "
         "P1, rcs_band_factor: " + threat_sources + "},\n"                                     // 13
         "     why: {rcs_band_factor: 'resonance at VHF'},\n"                                   // 14
         "     ranges: " + threat_ranges + "}\n";                                               // 15
}

const std::string kGoodSensor = "{radar.height_m: [4, 8], radar.sector_deg: [90, 120]}";
const std::string kGoodThreat = "{rcs_band_factor.vhf: [1.5, 6]}";

std::vector<std::string> library_problems(const std::string& yaml) {
  try {
    (void)adcov::model::parse_library(yaml, "lib.yaml");
  } catch (const adcov::InputError& e) {
    return e.messages();
  }
  return {};
}

TEST(LibraryLoader, ReadsRangesOfEstimatesIncludingAMapEntry) {
  const auto lib = adcov::model::parse_library(small_library(kGoodSensor, kGoodThreat), "lib.yaml");
  const auto& r = lib.systems.at("radar").ranges;
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(r.at("radar.height_m"), (std::array<double, 2>{4, 8}));
  EXPECT_EQ(r.at("radar.sector_deg"), (std::array<double, 2>{90, 120}));
  EXPECT_EQ(lib.threats.at("drone").ranges.at("rcs_band_factor.vhf"), (std::array<double, 2>{1.5, 6}));
}

struct LibraryCase {
  const char* name;
  std::string sensor_ranges, threat_ranges;
  std::string expected;
};
void PrintTo(const LibraryCase& c, std::ostream* os) { *os << c.name; }

class LibraryRangeError : public testing::TestWithParam<LibraryCase> {};

TEST_P(LibraryRangeError, ReportsFileLineColumnAndMessage) {
  const auto& c = GetParam();
  const auto msgs = library_problems(small_library(c.sensor_ranges, c.threat_ranges));
  EXPECT_TRUE(adcov::test::contains_line(msgs, c.expected))
      << "expected: " << c.expected << "\ngot:\n" << adcov::test::joined(msgs);
}

const std::string kR = "lib.yaml:9:";  // the sensor's ranges: line

INSTANTIATE_TEST_SUITE_P(
    Cases, LibraryRangeError,
    testing::Values(
        LibraryCase{"MissingRange", "{radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "13: system 'radar': estimated parameter 'radar.height_m' has no range under ranges: (give "
                         "its plausible band as [lo, hi])"},
        LibraryCase{"NoRangesAtAll", "{}", kGoodThreat,
                    kR + "13: system 'radar': estimated parameter 'radar.height_m' has no range under ranges: (give "
                         "its plausible band as [lo, hi])"},
        LibraryCase{"MissingMapEntryRange", kGoodSensor, "{}",
                    "lib.yaml:15:14: threat 'drone': estimated parameter 'rcs_band_factor.vhf' has no range under "
                    "ranges: (give its plausible band as [lo, hi])"},
        LibraryCase{"ValueOutside", "{radar.height_m: [7, 9], radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "30: system 'radar': ranges.radar.height_m: the value 6 lies outside [7, 9]"},
        LibraryCase{"LoAboveHi", "{radar.height_m: [8, 4], radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "30: system 'radar': ranges.radar.height_m: lo 8 is greater than hi 4"},
        LibraryCase{"SourcedValue", kGoodSensor.substr(0, kGoodSensor.size() - 1) + ", radar.range_km: [90, 110]}",
                    kGoodThreat,
                    kR + "83: system 'radar': ranges.radar.range_km: radar.range_km is sourced (P1), not an "
                         "estimate: only estimated values carry a range"},
        LibraryCase{"Word", kGoodSensor.substr(0, kGoodSensor.size() - 1) + ", radar.band: [c, x]}", kGoodThreat,
                    kR + "79: system 'radar': ranges.radar.band: radar.band is the word 'c', not a number: it takes "
                         "no range"},
        LibraryCase{"ThreeNumbers", "{radar.height_m: [4, 6, 8], radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "30: system 'radar': ranges.radar.height_m: expected [lo, hi], a list of two numbers, got a "
                         "list of 3"},
        LibraryCase{"OneNumber", "{radar.height_m: 6, radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "30: system 'radar': ranges.radar.height_m: expected [lo, hi], a list of two numbers, got "
                         "'6'"},
        LibraryCase{"NotANumber", "{radar.height_m: [4, tall], radar.sector_deg: [90, 120]}", kGoodThreat,
                    kR + "34: system 'radar': ranges.radar.height_m hi: expected a number, got 'tall'"},
        // A range end must be a value the parameter itself may take.
        LibraryCase{"EndBreaksTheValueRule", "{radar.height_m: [4, 8], radar.sector_deg: [90, 400]}", kGoodThreat,
                    kR + "61: system 'radar': ranges.radar.sector_deg hi must be <= 360, got 400"},
        LibraryCase{"UnknownKey", "{radar.height_m: [4, 8], radar.sector_deg: [90, 120], radar.heigth_m: [1, 2]}",
                    kGoodThreat,
                    kR + "67: system 'radar': ranges: unknown key 'radar.heigth_m' (did you mean "
                         "'radar.height_m'?)"}),
    [](const testing::TestParamInfo<LibraryCase>& i) { return std::string(i.param.name); });

// A map-valued parameter with a source has no range for any of its entries.
TEST(LibraryLoader, ARangeOfASourcedMapEntryIsRefused) {
  const auto msgs = library_problems(small_library(kGoodSensor, kGoodThreat, "P1"));
  EXPECT_TRUE(adcov::test::contains_line(
      msgs, "lib.yaml:15:36: threat 'drone': ranges.rcs_band_factor.vhf: rcs_band_factor is sourced (P1), not an "
            "estimate: only estimated values carry a range"))
      << adcov::test::joined(msgs);
}

TEST(Library, DocsListEveryTypeAndEveryCitation) {
  std::ifstream f(adcov::test::source_path("docs/library.md"));
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string doc = ss.str();
  ASSERT_FALSE(doc.empty());
  const auto& lib = builtin_library();
  for (const auto& [id, s] : lib.systems) EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << id;
  for (const auto& [id, t] : lib.threats) EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << id;
  for (const auto& [key, text] : lib.citations) EXPECT_NE(doc.find("[" + key + "]"), std::string::npos) << key;
  EXPECT_NE(doc.find("## Estimates and why"), std::string::npos);
}

}  // namespace
