#pragma once
/// \file
/// Where a report.html came from: which adcov, when, and the command line
/// that made it, so a page mailed around can be reproduced. Filled by the
/// command line (apps/) and handed down as data through the run layer's
/// options; the report layer only prints it.

#include <string>

namespace adcov::report {

struct ReportProvenance {
  std::string version;       ///< adcov's version (CMake PROJECT_VERSION); empty: not printed
  std::string command_line;  ///< the arguments as typed, shell-quoted; empty: not printed
  std::string written_utc;   ///< ISO 8601 UTC; empty: the writer stamps the time it writes the page
};

/// Now as ISO 8601 UTC to the second: "2025-03-01T21:04:05Z".
std::string utc_now_iso8601();

}  // namespace adcov::report
