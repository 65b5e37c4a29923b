// The built-in library: the required types exist, every parameter has a
// source or "estimate" (with a reason), and values are physically sane.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "adcov/model/library.hpp"
#include "support/support.hpp"

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
