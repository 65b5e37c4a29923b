#pragma once
// Number formatting shared by the report writers (private).

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace adcov::report::detail {

/// The shortest decimal text that reads back as exactly `v` (std::to_chars
/// round-trip guarantee), so summary.json and trials.csv compare bit for bit.
/// Integral values keep a ".0" when `keep_point` (JSON stays a double).
/// Whole numbers below 2^53 are written in full (2000000, not 2e+06).
inline std::string shortest(double v, bool keep_point = false) {
  char buf[400];
  std::string s;
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    s = buf;
  } else {
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    s.assign(buf, res.ptr);
  }
  if (keep_point && std::isfinite(v) && s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

}  // namespace adcov::report::detail
