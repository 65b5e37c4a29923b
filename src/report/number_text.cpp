#include "adcov/report/number_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace adcov::report {

std::string number_text(double v) { return fmt::format("{}", v); }

std::string rounded_text(double v, int decimals) {
  if (!std::isfinite(v)) return number_text(v);
  // Through the fixed-point text, which rounds the decimal digits exactly, then
  // read back: "0.8530" -> 0.853 -> "0.853"; -0 is written as 0.
  const double r = std::strtod(fmt::format("{:.{}f}", v, decimals).c_str(), nullptr);
  return number_text(r == 0 ? 0.0 : r);
}

}  // namespace adcov::report
