#include "adcov/report/output_names.hpp"

#include <fmt/format.h>

namespace adcov::report {

std::string altitude_text(double altitude_m) {
  std::string s = fmt::format("{:.3f}", altitude_m);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string coverage_tif_name(double altitude_m) { return "coverage_" + altitude_text(altitude_m) + "m.tif"; }

std::string coverage_png_name(double altitude_m) { return "coverage_" + altitude_text(altitude_m) + "m.png"; }

}  // namespace adcov::report
