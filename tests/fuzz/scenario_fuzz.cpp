// libFuzzer harness: the input bytes are a scenario YAML file, loaded and
// validated by model::load_scenario_text() (what load_scenario() runs on a
// file's text). InputError is the expected answer to bad input; any other
// exception, crash, leak, hang or undefined behaviour is a finding.
// Run through scripts/fuzz.sh; corpus in tests/fuzz/corpus/scenario/.
#include <cstddef>
#include <cstdint>
#include <string>

#include "adcov/error.hpp"
#include "adcov/model/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // As if the file lay beside the shipped scenarios, so relative DEM and zone
  // paths resolve as theirs do (paths are checked for existence, not read).
  static const std::filesystem::path file =
      std::filesystem::path(ADCOV_SOURCE_DIR) / "scenarios" / "fuzz-input.yaml";
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)adcov::model::load_scenario_text(text, file);
  } catch (const adcov::InputError&) {
    // Expected: the diagnostics for a bad scenario (exit 2).
  }
  return 0;
}
