#pragma once
// The YAML tree behind a Scenario, and the one function that turns a tree into
// a validated Scenario. load_scenario() reads a file into a tree;
// apply_sweep_value() edits a clone of the tree and builds again.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include <yaml-cpp/yaml.h>

#include "adcov/model/scenario.hpp"
#include "model/diagnostics.hpp"

namespace adcov::model::detail {

struct LoadedYaml {
  YAML::Node root;
  std::string file_as_given;           ///< for messages: what the user typed
  std::filesystem::path file_abs;      ///< for resolving relative paths
  /// yaml-cpp nodes are not safe to read from several threads (lookups may
  /// allocate), so every read after loading (cloning for a sweep) takes this lock.
  mutable std::mutex mutex;
};

/// The text of scenario file `file`, read with the limits of docs/scenario.md
/// ("Limits"): a regular file of at most kMaxScenarioFileBytes; anything else
/// (a directory, FIFO, device, a larger file) is reported to `d` and thrown
/// before it is opened or read.
std::string read_scenario_text(const std::filesystem::path& file, Diagnostics& d);

/// Builds and validates a Scenario from `src`, reporting every problem to `d`
/// (the returned value is meaningful only when `d` stays empty). With
/// `check_sweep_values`, every value of every sweep axis is also applied and
/// validated, so `adcov validate` catches a bad sweep value before a long run.
/// A yaml-cpp exception on an odd tree becomes a diagnostic, never a crash.
Scenario build_scenario(const std::shared_ptr<const LoadedYaml>& src, Diagnostics& d, bool check_sweep_values);

/// Sweep paths (sweep.cpp). An empty string means the path is valid for `s`;
/// otherwise the message says what is wrong, with a "did you mean" hint.
std::string check_sweep_path(const Scenario& s, const std::string& set);

/// YAML flow text of a value ("8", "[50, 500]", "{drone: 0.9}"); empty when the
/// value is too large to be a sweep value (guards against alias bombs).
std::string flow_text(const YAML::Node& n);

}  // namespace adcov::model::detail
