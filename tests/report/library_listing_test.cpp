#include <gtest/gtest.h>

#include <cpl_json.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "adcov/model/library.hpp"
#include "adcov/report/library_listing.hpp"

using namespace adcov;
using report::LibrarySelection;

namespace {

/// First whitespace-separated cell of every row under the table's "id ..."
/// header, up to the first blank line.
std::vector<std::string> first_column(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind("id ", 0) != 0) {
  }
  std::vector<std::string> ids;
  while (std::getline(in, line) && !line.empty()) ids.push_back(line.substr(0, line.find(' ')));
  return ids;
}

template <class Map>
std::vector<std::string> keys(const Map& m) {
  std::vector<std::string> k;
  for (const auto& [id, v] : m) k.push_back(id);
  return k;
}

CPLJSONObject parse(const std::string& text) {
  CPLJSONDocument doc;
  EXPECT_TRUE(doc.LoadMemory(text)) << text.substr(0, 200);
  return doc.GetRoot();
}

/// Every library entry appears once in `arr`, by id, with exactly its sources.
template <class Map>
void expect_entries(const CPLJSONArray& arr, const Map& m, const char* what) {
  ASSERT_TRUE(arr.IsValid()) << what;
  ASSERT_EQ(arr.Size(), static_cast<int>(m.size())) << what;
  std::set<std::string> seen;
  for (int i = 0; i < arr.Size(); ++i) {
    const CPLJSONObject o = arr[i];
    const std::string id = o.GetString("id");
    const auto it = m.find(id);
    ASSERT_NE(it, m.end()) << what << ": unknown id " << id;
    EXPECT_TRUE(seen.insert(id).second) << what << ": " << id << " twice";
    const CPLJSONObject sources = o.GetObj("sources");
    ASSERT_EQ(sources.GetType(), CPLJSONObject::Type::Object) << id;
    EXPECT_EQ(sources.GetChildren().size(), it->second.sources.size()) << id;
    for (const auto& [key, src] : it->second.sources) EXPECT_EQ(sources.GetString(key), src) << id << " " << key;
    // Every estimate's range, as [lo, hi] (SPEC, "Uncertainty and sensitivity").
    const CPLJSONObject ranges = o.GetObj("ranges");
    ASSERT_EQ(ranges.GetType(), CPLJSONObject::Type::Object) << id;
    EXPECT_EQ(ranges.GetChildren().size(), it->second.ranges.size()) << id;
    for (const auto& [key, r] : it->second.ranges) {
      const CPLJSONArray a = ranges.GetArray(key);
      ASSERT_EQ(a.Size(), 2) << id << " " << key;
      EXPECT_EQ(a[0].ToDouble(), r[0]) << id << " " << key;
      EXPECT_EQ(a[1].ToDouble(), r[1]) << id << " " << key;
    }
  }
}

}  // namespace

TEST(LibraryListing, TableFirstColumnIsTheIdOfEverySystem) {
  const model::Library& lib = model::builtin_library();
  ASSERT_FALSE(lib.systems.empty());
  EXPECT_EQ(first_column(report::library_table(lib, LibrarySelection::Systems)), keys(lib.systems));
}

TEST(LibraryListing, TableFirstColumnIsTheIdOfEveryThreat) {
  const model::Library& lib = model::builtin_library();
  ASSERT_FALSE(lib.threats.empty());
  EXPECT_EQ(first_column(report::library_table(lib, LibrarySelection::Threats)), keys(lib.threats));
}

TEST(LibraryListing, TableOfAllHoldsBothTablesInOrder) {
  const model::Library& lib = model::builtin_library();
  const std::string all = report::library_table(lib, LibrarySelection::All);
  const auto threats_at = all.find("\nThreats ");
  ASSERT_EQ(all.rfind("Systems ", 0), 0u);
  ASSERT_NE(threats_at, std::string::npos);
  EXPECT_EQ(first_column(all.substr(0, threats_at)), keys(lib.systems));
  EXPECT_EQ(first_column(all.substr(threats_at)), keys(lib.threats));
}

TEST(LibraryListing, JsonParsesAndHoldsEveryIdWithItsSources) {
  const model::Library& lib = model::builtin_library();
  const CPLJSONObject root = parse(report::library_json(lib, LibrarySelection::All));
  ASSERT_EQ(root.GetType(), CPLJSONObject::Type::Object);
  expect_entries(root.GetArray("systems"), lib.systems, "systems");
  expect_entries(root.GetArray("threats"), lib.threats, "threats");
  const CPLJSONObject citations = root.GetObj("citations");
  ASSERT_EQ(citations.GetType(), CPLJSONObject::Type::Object);
  EXPECT_EQ(citations.GetChildren().size(), lib.citations.size());
  for (const auto& [key, text] : lib.citations) EXPECT_EQ(citations.GetString(key), text) << key;
}

TEST(LibraryListing, JsonSelectionKeepsOnlyTheAskedPart) {
  const model::Library& lib = model::builtin_library();
  const CPLJSONObject systems = parse(report::library_json(lib, LibrarySelection::Systems));
  expect_entries(systems.GetArray("systems"), lib.systems, "systems");
  EXPECT_FALSE(systems.GetObj("threats").IsValid());
  const CPLJSONObject threats = parse(report::library_json(lib, LibrarySelection::Threats));
  expect_entries(threats.GetArray("threats"), lib.threats, "threats");
  EXPECT_FALSE(threats.GetObj("systems").IsValid());
}

namespace {

/// The table row of `id` (the line that starts with it), or "".
std::string row_of(const std::string& text, const std::string& id) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(id + " ", 0) == 0) return line;
  return "";
}

/// A small library: one shooter, one radar sensor, one acoustic node, one
/// threat with aspect RCS and a band factor.
model::Library sensor_library() {
  model::Library lib;
  model::SystemType gun;
  gun.id = "gun";
  gun.name = "Gun";
  gun.radar.range_km = 15;
  gun.radar.scan_s = 1;
  gun.radar.sector_deg = 120;
  gun.radar.band = model::RadarBand::x;
  gun.engagement = {0.2, 4, 0, 3000};
  gun.magazine = 10;
  gun.engage_on_remote = true;
  gun.decoy_discrimination_s = 25;
  lib.systems["gun"] = gun;
  model::SystemType ew;
  ew.id = "ew";
  ew.name = "EW radar";
  ew.role = model::Role::sensor;
  ew.radar.range_km = 180;
  ew.radar.scan_s = 10;
  ew.radar.band = model::RadarBand::vhf;
  lib.systems["ew"] = ew;
  model::SystemType mic;
  mic.id = "mic";
  mic.name = "Microphone";
  mic.role = model::Role::sensor;
  mic.radar.range_km = 3;
  mic.radar.kind = model::SensorKind::acoustic;
  mic.radar.max_alt_m = 1500;
  lib.systems["mic"] = mic;
  model::ThreatType d;
  d.id = "drone";
  d.name = "Drone";
  d.rcs_m2 = 0.05;
  d.rcs_aspects = model::RcsAspects{0.05, 0.5, 0.15};
  d.rcs_band_factor[0] = 3;  // vhf
  d.gnss_susceptibility = 0.35;
  lib.threats["drone"] = d;
  return lib;
}

}  // namespace

TEST(LibraryListing, TableShowsSensorKeysAndDashesForAShooterColumnOfASensor) {
  const model::Library lib = sensor_library();
  const std::string text = report::library_table(lib, LibrarySelection::All);
  for (const char* h : {"role", "scan_s", "sector_deg", "band", "kind", "max_alt_m", "remote", "decoy_s", "gnss"})
    EXPECT_NE(text.find(h), std::string::npos) << h;
  const std::string gun = row_of(text, "gun"), ew = row_of(text, "ew"), mic = row_of(text, "mic");
  EXPECT_NE(gun.find("shooter"), std::string::npos) << gun;
  EXPECT_NE(gun.find(" 120 "), std::string::npos) << gun;
  EXPECT_NE(gun.find(" yes "), std::string::npos) << gun;
  EXPECT_NE(gun.find(" 25 "), std::string::npos) << gun;
  EXPECT_NE(ew.find("sensor"), std::string::npos) << ew;
  EXPECT_NE(ew.find(" vhf "), std::string::npos) << ew;
  // engage_km, alt_m, pk, pk_range, magazine, channels, remote, decoy_s, cost: nine dashes, plus max_alt_m.
  std::size_t dashes = 0;
  for (std::size_t at = ew.find("\u2014"); at != std::string::npos; at = ew.find("\u2014", at + 1)) ++dashes;
  EXPECT_EQ(dashes, 10u) << ew;
  EXPECT_EQ(ew.find("never"), std::string::npos) << ew;
  EXPECT_EQ(ew.find(" yes "), std::string::npos) << ew;
  EXPECT_NE(mic.find("acoustic"), std::string::npos) << mic;
  EXPECT_NE(mic.find(" 1500 "), std::string::npos) << mic;
  const std::string drone = row_of(text, "drone");
  EXPECT_NE(drone.find("0.05/0.5/0.15"), std::string::npos) << drone;
  EXPECT_NE(drone.find("vhf x3"), std::string::npos) << drone;
  EXPECT_NE(drone.find(" 0.35 "), std::string::npos) << drone;
}

TEST(LibraryListing, TableColumnsLineUpAcrossTheDash) {
  // The em dash is three bytes but one column: the cell after it starts where the header's does.
  const model::Library lib = sensor_library();
  const std::string text = report::library_table(lib, LibrarySelection::Systems);
  std::istringstream in(text);
  std::string line, header;
  std::vector<std::string> rows;
  while (std::getline(in, line))
    if (line.rfind("id ", 0) == 0) header = line;
    else if (line.rfind("ew ", 0) == 0 || line.rfind("gun ", 0) == 0) rows.push_back(line);
  ASSERT_FALSE(header.empty());
  ASSERT_EQ(rows.size(), 2u);
  auto cost_column = [](const std::string& s) {
    // display column of the last cell: count code points before the last run of spaces
    const auto at = s.find_last_of(' ') + 1;
    std::size_t col = 0;
    for (std::size_t i = 0; i < at; ++i) col += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return col;
  };
  EXPECT_EQ(cost_column(rows[0]), cost_column(header));
  EXPECT_EQ(cost_column(rows[1]), cost_column(header));
}

TEST(LibraryListing, JsonHasSensorKeysAndNullShooterFieldsForASensor) {
  const model::Library lib = sensor_library();
  const CPLJSONObject root = parse(report::library_json(lib, LibrarySelection::All));
  const CPLJSONArray systems = root.GetArray("systems");
  ASSERT_EQ(systems.Size(), 3);
  std::map<std::string, CPLJSONObject> by_id;
  for (int i = 0; i < systems.Size(); ++i) by_id[systems[i].GetString("id")] = systems[i];
  const CPLJSONObject gun = by_id.at("gun");
  EXPECT_EQ(gun.GetString("role"), "shooter");
  EXPECT_EQ(gun.GetObj("radar").GetDouble("scan_s"), 1);
  EXPECT_EQ(gun.GetObj("radar").GetDouble("sector_deg"), 120);
  EXPECT_EQ(gun.GetObj("radar").GetString("band"), "x");
  EXPECT_EQ(gun.GetObj("radar").GetString("kind"), "radar");
  EXPECT_FALSE(gun.GetObj("radar").GetObj("max_alt_m").IsValid());
  EXPECT_TRUE(gun.GetBool("engage_on_remote", false));
  EXPECT_EQ(gun.GetDouble("decoy_discrimination_s"), 25);
  const CPLJSONObject ew = by_id.at("ew");
  EXPECT_EQ(ew.GetString("role"), "sensor");
  EXPECT_EQ(ew.GetObj("radar").GetString("band"), "vhf");
  for (const char* k :
       {"engagement", "interceptor", "magazine", "pk", "doctrine", "engage_on_remote", "decoy_discrimination_s"})
    EXPECT_EQ(ew.GetObj(k).GetType(), CPLJSONObject::Type::Null) << k;
  const CPLJSONObject mic = by_id.at("mic");
  EXPECT_EQ(mic.GetObj("radar").GetString("kind"), "acoustic");
  EXPECT_EQ(mic.GetObj("radar").GetDouble("max_alt_m"), 1500);
  const CPLJSONObject drone = root.GetArray("threats")[0];
  EXPECT_EQ(drone.GetDouble("rcs_m2"), 0.05);
  EXPECT_EQ(drone.GetObj("rcs_aspects").GetDouble("side"), 0.5);
  EXPECT_EQ(drone.GetObj("rcs_aspects").GetDouble("tail"), 0.15);
  EXPECT_EQ(drone.GetObj("rcs_band_factor").GetDouble("vhf"), 3);
  EXPECT_FALSE(drone.GetObj("rcs_band_factor").GetObj("s").IsValid());
  EXPECT_EQ(drone.GetDouble("gnss_susceptibility"), 0.35);
}

TEST(LibraryListing, JsonAndTableShowTheRangesOfEstimates) {
  model::Library lib = sensor_library();
  lib.systems["gun"].pk.drone = 0.7;
  lib.systems["gun"].ranges = {{"pk.drone", {0.5, 0.9}}, {"magazine", {8, 12}}};
  lib.threats["drone"].ranges = {{"rcs_m2.side", {0.2, 0.8}}, {"rcs_band_factor.vhf", {1.5, 6}},
                                 {"gnss_susceptibility", {0.2, 0.5}}};
  const CPLJSONObject root = parse(report::library_json(lib, LibrarySelection::All));
  const CPLJSONArray systems = root.GetArray("systems");
  for (int i = 0; i < systems.Size(); ++i) {
    const CPLJSONObject ranges = systems[i].GetObj("ranges");
    ASSERT_EQ(ranges.GetType(), CPLJSONObject::Type::Object);  // {} where a type has none, never absent
    if (systems[i].GetString("id") != "gun") {
      EXPECT_TRUE(ranges.GetChildren().empty());
      continue;
    }
    EXPECT_EQ(ranges.GetArray("pk.drone")[0].ToDouble(), 0.5);
    EXPECT_EQ(ranges.GetArray("pk.drone")[1].ToDouble(), 0.9);
    EXPECT_EQ(ranges.GetArray("magazine")[1].ToInteger(), 12);  // whole numbers print as integers
  }
  const CPLJSONObject drone = root.GetArray("threats")[0];
  EXPECT_EQ(drone.GetObj("ranges").GetArray("rcs_band_factor.vhf")[0].ToDouble(), 1.5);
  EXPECT_EQ(drone.GetObj("ranges").GetArray("rcs_m2.side")[1].ToDouble(), 0.8);

  const std::string text = report::library_table(lib, LibrarySelection::All);
  const std::string gun = row_of(text, "gun");
  EXPECT_NE(gun.find(" 0.5-0.9/\u2014/\u2014 "), std::string::npos) << gun;  // pk_range: classes without one dashed
  const std::string d = row_of(text, "drone");
  EXPECT_NE(d.find("0.05/0.5 (0.2-0.8)/0.15"), std::string::npos) << d;
  EXPECT_NE(d.find("vhf x3 (1.5-6)"), std::string::npos) << d;
  EXPECT_NE(d.find(" 0.35 (0.2-0.5) "), std::string::npos) << d;
}

TEST(LibraryListing, BuiltInSensorsAreListedAsSensors) {
  const model::Library& lib = model::builtin_library();
  const std::string text = report::library_table(lib, LibrarySelection::Systems);
  for (const char* id : {"p18", "st68um", "acoustic_node", "asc890"})
    EXPECT_NE(row_of(text, id).find(" sensor "), std::string::npos) << id;
  const std::string shahed = row_of(report::library_table(lib, LibrarySelection::Threats), "shahed136");
  EXPECT_NE(shahed.find("vhf x3"), std::string::npos) << shahed;
  // A radar-only SAM never tells a decoy apart; its JSON says so in the YAML's word.
  EXPECT_NE(row_of(text, "patriot_pac3").find(" never "), std::string::npos);
  const CPLJSONObject root = parse(report::library_json(lib, LibrarySelection::Systems));
  const CPLJSONArray systems = root.GetArray("systems");
  for (int i = 0; i < systems.Size(); ++i) {
    if (systems[i].GetString("id") == "patriot_pac3") {
      EXPECT_EQ(systems[i].GetString("decoy_discrimination_s"), "never");
    }
  }
}
