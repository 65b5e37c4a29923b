// New batteries on a loaded scenario (adcov site): appended to a clone of the
// YAML tree and rebuilt by the loader, as a sweep value is (sweep.cpp), so a
// sited battery is checked exactly like one written in the file.
#include "adcov/model/added_batteries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

#include "adcov/error.hpp"
#include "model/diagnostics.hpp"
#include "model/loaded_yaml.hpp"

namespace adcov::model {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const detail::LoadedYaml> source_of(const Scenario& s, const char* what) {
  if (!s.source)
    throw Error(std::string(what) + ": scenario '" + s.name + "' was not built by load_scenario()");
  return s.source;
}

YAML::Node clone_root(const detail::LoadedYaml& src) {
  std::lock_guard lock(src.mutex);
  return YAML::Clone(src.root);
}

/// `written` resolved against the scenario's folder, as the loader does.
std::string absolute_text(const fs::path& dir, const std::string& written) {
  return (dir / written).lexically_normal().string();
}

/// The path-valued keys of the tree made absolute (a list of DEMs entry by entry).
void make_paths_absolute(YAML::Node root, const fs::path& dir) {
  if (YAML::Node t = root["terrain"]; t.IsMap() && t["dem"].IsDefined()) {
    YAML::Node dem = t["dem"];
    if (dem.IsScalar()) {
      t["dem"] = absolute_text(dir, dem.Scalar());
    } else if (dem.IsSequence()) {
      for (std::size_t i = 0; i < dem.size(); ++i)
        if (dem[i].IsScalar()) dem[i] = absolute_text(dir, dem[i].Scalar());
    }
  }
  if (YAML::Node r = root["region"];
      r.IsMap() && r["protect"].IsDefined() && r["protect"].IsScalar())
    r["protect"] = absolute_text(dir, r["protect"].Scalar());
}

YAML::Node battery_node(const NewBattery& b) {
  YAML::Node n(YAML::NodeType::Map);
  n["id"] = b.id;
  n["system"] = b.system;
  n["operator"] = b.op;
  YAML::Node pos(YAML::NodeType::Sequence);
  pos.push_back(b.position.lon_deg);
  pos.push_back(b.position.lat_deg);
  pos.SetStyle(YAML::EmitterStyle::Flow);
  n["position"] = pos;
  n.SetStyle(
      YAML::EmitterStyle::Flow);  // one line per battery, as the shipped scenarios write them
  return n;
}

}  // namespace

std::string system_problem(const Scenario& s, std::string_view name) {
  if (s.systems.count(std::string(name))) return "";
  std::vector<std::string> names;
  for (const auto& [id, sys] : s.systems) names.push_back(id);
  return fmt::format("unknown system '{}'{}", name, detail::did_you_mean(name, names));
}

std::string operator_problem(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view group = text.substr(0, colon);
  const std::string_view rest =
      colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
  const bool ok =
      text == "ukraine" || (group == "contractor" && !rest.empty()) ||
      (group == "allied" && rest.size() >= 2 && rest.size() <= 3 &&
       std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
  if (ok) return "";
  return fmt::format(
      "operator '{}' must be ukraine, allied:<ISO code> (e.g. allied:DE) or contractor:<name>",
      text);
}

std::string free_battery_id(const Scenario& s, const std::vector<std::string>& taken,
                            std::string_view prefix, int first) {
  std::set<std::string> used(taken.begin(), taken.end());
  for (const Battery& b : s.batteries) used.insert(b.id);
  for (int n = first;; ++n) {
    std::string id = fmt::format("{}-{}", prefix, n);
    if (!used.count(id)) return id;
  }
}

Scenario with_batteries(const Scenario& s, const std::vector<NewBattery>& added) {
  const auto from = source_of(s, "with_batteries");
  auto src = std::make_shared<detail::LoadedYaml>();
  src->file_as_given = from->file_as_given;
  src->file_abs = from->file_abs;
  src->root = clone_root(*from);
  YAML::Node list = src->root["batteries"];
  if (!list.IsDefined() || list.IsNull()) {
    list = YAML::Node(YAML::NodeType::Sequence);
    src->root["batteries"] = list;
  }
  for (const NewBattery& b : added) list.push_back(battery_node(b));
  detail::Diagnostics d(src->file_as_given);
  Scenario out = detail::build_scenario(src, d, false);
  d.throw_if_any();
  return out;
}

std::string scenario_yaml_text(const Scenario& s, const std::string& header) {
  const auto from = source_of(s, "scenario_yaml_text");
  YAML::Node root = clone_root(*from);
  make_paths_absolute(root, from->file_abs.parent_path());
  YAML::Emitter out;
  out.SetIndent(2);
  out << root;
  std::ostringstream text;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);)
    text << (line.empty() ? "#" : "# " + line) << '\n';
  text << out.c_str() << '\n';
  return text.str();
}

}  // namespace adcov::model
