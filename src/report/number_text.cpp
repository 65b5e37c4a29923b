#include "adcov/report/number_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace adcov::report {

std::string number_text(double v) { return fmt::format("{}", v); }

std::string grouped_text(double v, int decimals) {
  if (!std::isfinite(v)) return "-";
  // Format first, then group the digits of the whole part, so rounding
  // (999.96 -> "1,000.0") is {fmt}'s and the grouping follows it.
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s[0] == '-' && s.find_first_of("123456789") == std::string::npos) s.erase(0, 1);  // "-0.0" reads as a sign
  const std::size_t start = s[0] == '-' ? 1 : 0;
  const std::size_t whole_end = std::min(s.find('.'), s.size());
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < whole_end; ++i) {
    if (i > start && (whole_end - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out + s.substr(whole_end);
}

std::string money_text(double usd) {
  if (!std::isfinite(usd)) return "-";
  const char* sign = usd < 0 ? "-" : "";
  const double a = std::fabs(usd);
  // Decide on the rounded value so 999.96e6 reads "$1.0 B", not "$1,000.0 M".
  if (std::round(a / 1e8) >= 10) return fmt::format("{}${} B", sign, grouped_text(a / 1e9, 1));
  if (std::round(a) >= 1e6) return fmt::format("{}${:.1f} M", sign, a / 1e6);
  return fmt::format("{}${}", sign, grouped_text(a, 0));
}

std::string rounded_text(double v, int decimals) {
  if (!std::isfinite(v)) return number_text(v);
  // Through the fixed-point text, which rounds the decimal digits exactly, then
  // read back: "0.8530" -> 0.853 -> "0.853"; -0 is written as 0.
  const double r = std::strtod(fmt::format("{:.{}f}", v, decimals).c_str(), nullptr);
  return number_text(r == 0 ? 0.0 : r);
}

void append_coordinate_text(std::string& out, double v) {
  // Away from a half unit of the sixth decimal, the nearest integer to
  // v * 1e6 is v rounded to 6 decimals: for |v| < 1000 the product is off by
  // under 1e-7 of a unit, far less than the 1e-3 kept from a half. Near a
  // half (about 1 value in 500), fmt rounds the exact binary value instead.
  const double scaled = v * 1e6;
  const double below = std::floor(scaled);
  if (std::abs(v) < 1000 && std::abs(scaled - below - 0.5) > 1e-3) {
    const double nearest = scaled - below < 0.5 ? below : below + 1;
    auto units = static_cast<long long>(std::abs(nearest));
    char buf[32];
    char* end = buf + sizeof buf;
    char* p = end;
    int decimals = 6;
    while (decimals > 1 && units % 10 == 0) units /= 10, --decimals;  // trailing zeros, one digit kept
    for (int k = 0; k < decimals; ++k) *--p = static_cast<char>('0' + units % 10), units /= 10;
    *--p = '.';
    do *--p = static_cast<char>('0' + units % 10), units /= 10;
    while (units);
    if (std::signbit(v)) *--p = '-';  // fmt keeps the sign of a value that rounds to zero
    out.append(p, static_cast<std::size_t>(end - p));
    return;
  }
  char buf[64];
  const auto end = fmt::format_to_n(buf, sizeof buf - 1, "{:.6f}", v).out;
  std::size_t n = static_cast<std::size_t>(end - buf);
  const char* dot = static_cast<const char*>(std::memchr(buf, '.', n));
  if (dot) {
    const std::size_t keep = static_cast<std::size_t>(dot - buf) + 2;  // one digit after the point
    while (n > keep && buf[n - 1] == '0') --n;
  }
  out.append(buf, n);
}

}  // namespace adcov::report
