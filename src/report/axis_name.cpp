#include "adcov/report/axis_name.hpp"

#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace adcov::report {
namespace {

// Unit suffixes of the scenario's keys, written as units.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kUnits = {{
    {"_km", " (km)"}, {"_mps", " (m/s)"}, {"_m2", " (m²)"}, {"_deg", " (deg)"}, {"_usd", " (USD)"}, {"_s", " (s)"},
    {"_m", " (m)"}}};

// "radar.range_km" -> "radar range (km)"; "c2" and "ew" in capitals (they are abbreviations).
std::string phrase(std::string_view key) {
  std::string unit;
  for (const auto& [suffix, text] : kUnits)
    if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix) {
      key.remove_suffix(suffix.size());
      unit = text;
      break;
    }
  std::string out;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find_first_of("._", start);
    if (end == std::string_view::npos) end = key.size();
    std::string word(key.substr(start, end - start));
    if (word == "c2" || word == "ew") word = word == "c2" ? "C2" : "EW";
    if (!word.empty()) out += (out.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + unit;
}

}  // namespace

std::string axis_name(const std::string& path) {
  const std::size_t open = path.find('['), close = path.find(']');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    std::string ids;
    for (char c : path.substr(open + 1, close - open - 1)) ids += c == ',' ? std::string(", ") : std::string(1, c);
    const std::string rest = close + 2 <= path.size() ? path.substr(close + 2) : "";
    return rest.empty() ? ids : ids + " " + phrase(rest);
  }
  std::string p = phrase(path);
  if (!p.empty()) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
  return p;
}

}  // namespace adcov::report
