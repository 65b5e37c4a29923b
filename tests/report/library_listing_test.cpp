#include <gtest/gtest.h>

#include <cpl_json.h>

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
