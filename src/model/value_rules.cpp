// The rules shared by the scenario loader and the command line
// (adcov/model/value_rules.hpp). The ranges live in model/yaml_reader.hpp.

#include "adcov/model/value_rules.hpp"

#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

#include "model/yaml_reader.hpp"

namespace adcov::model {

std::string altitude_problem(double altitude_m) {
  return detail::number_problem(altitude_m, detail::altitude_range(), fmt::format("{}", altitude_m));
}

std::string resolution_problem(double resolution_m) {
  return detail::number_problem(resolution_m, detail::resolution_range(), fmt::format("{}", resolution_m));
}

std::string trials_problem(long long trials) {
  return detail::whole_number_problem(trials, detail::trials_range(), fmt::format("{}", trials));
}

std::string seed_problem(const std::string& text, std::uint64_t& seed) {
  // yaml-cpp's unsigned decode (a stream read) wraps "-1" to 2^64 - 1: refuse a sign first.
  std::uint64_t v = 0;
  if (text.empty() || text[0] == '-' || !YAML::convert<std::uint64_t>::decode(YAML::Node(text), v))
    return "expected a whole number >= 0, got " + detail::quoted(text);
  seed = v;
  return "";
}

std::string altitude_label(double altitude_m) {
  std::string s = fmt::format("{:.3f}", altitude_m);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string altitudes_problem(const std::vector<double>& altitudes_m) {
  for (std::size_t i = 0; i < altitudes_m.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double a = altitudes_m[j], b = altitudes_m[i];
      if (a == b) return fmt::format("{} is listed twice", b);
      if (altitude_label(a) == altitude_label(b))
        return fmt::format("{} and {} name the same output files (altitudes are named to the millimetre: {})", a, b,
                           altitude_label(b));
    }
  return "";
}

}  // namespace adcov::model
