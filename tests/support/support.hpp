#pragma once
// Shared test helpers: data paths, temporary folders, running the built binary.

#include <filesystem>
#include <string>

namespace adcov::test {

/// Absolute path of a file in the source tree, e.g. source_path("data/dem/...").
std::filesystem::path source_path(const std::string& relative);

/// A fresh empty folder under the system temp dir, removed by the destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
  /// Writes `text` to path/name and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;
};

/// Result of running the built adcov binary (ADCOV_BIN, set by CTest).
struct RunResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs `adcov <args>` with a shell; args are passed verbatim.
RunResult run_adcov(const std::string& args);

}  // namespace adcov::test
