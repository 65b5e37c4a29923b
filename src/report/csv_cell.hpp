#pragma once
// One CSV cell (private to report): the writers of sweep.csv, uncertainty.csv
// and sensitivity.csv quote their text cells the same way.

#include <string>

namespace adcov::report {

/// `v` quoted as RFC 4180 asks when it holds a comma, quote or newline (sweep
/// paths and values may: `[1, 2]`), else as it is.
inline std::string csv_cell(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) q += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace adcov::report
