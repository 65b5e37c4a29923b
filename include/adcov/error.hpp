#pragma once
/// \file
/// The two exception types every adcov layer throws (CppCoreGuidelines E.14).
/// Project-wide vocabulary below every module (docs/architecture.md), hence
/// namespace adcov and no module folder.
/// Only `main` turns them into exit codes: InputError -> 2, Error -> 1.

#include <stdexcept>
#include <string>
#include <vector>

namespace adcov {

/// A failure that is not the user's input: I/O, GDAL, an internal limit. Exit code 1.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input: a scenario, raster or flag the user can fix. Exit code 2.
/// what() holds every message, one per line, each starting with `file[:line:col]: `.
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message)
      : std::runtime_error(message), messages_{message} {}
  explicit InputError(std::vector<std::string> messages)
      : std::runtime_error(join(messages)), messages_(std::move(messages)) {}

  /// Each diagnostic, in file order.
  const std::vector<std::string>& messages() const noexcept { return messages_; }

 private:
  static std::string join(const std::vector<std::string>& m) {
    std::string s;
    for (std::size_t i = 0; i < m.size(); ++i) s += (i ? "\n" : "") + m[i];
    return s;
  }
  std::vector<std::string> messages_;
};

}  // namespace adcov
