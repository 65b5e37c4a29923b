// Swerling 1 per-look detection and m-of-n track formation (see detection.hpp).
#include "adcov/model/detection.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace adcov::model {

double snr50(double pfa) { return std::log(pfa) / std::log(0.5) - 1.0; }

double swerling1_pd(double range_m, double r50_m, double rcs_ratio, double pfa) {
  if (!(range_m > 0)) return 1.0;
  const double q = r50_m / range_m;
  const double snr = snr50(pfa) * (q * q) * (q * q) * rcs_ratio;
  return std::pow(pfa, 1.0 / (1.0 + snr));
}

double swerling1_cover_m(double r50_m, double rcs_ratio, double pfa) {
  // pfa^(1/(1+SNR)) = p  <=>  SNR = ln(pfa)/ln(p) - 1; then R = R50 (SNR50 rcs_ratio / SNR)^(1/4).
  const double snr_min = std::log(pfa) / std::log(kMinLookPd) - 1.0;
  return r50_m * std::pow(snr50(pfa) * rcs_ratio / snr_min, 0.25);
}

std::vector<double> track_formation_cdf(std::span<const double> pd, int m, int n) {
  // State: the hits of the last n-1 looks as bits (bit 0 = the latest look),
  // among paths on which no track has formed yet. A look with hit h moves
  // state s to ((s << 1) | h) masked to n-1 bits; the track forms when the
  // new look completes m hits in the n-look window (popcount(s) + h >= m).
  const int n_bits = std::max(0, n - 1);
  const std::uint32_t states = 1u << n_bits, mask = states - 1;
  std::vector<double> p(states, 0.0), next(states);
  p[0] = 1.0;
  std::vector<double> cdf;
  cdf.reserve(pd.size());
  double formed = 0;
  for (const double q : pd) {
    std::fill(next.begin(), next.end(), 0.0);
    for (std::uint32_t s = 0; s < states; ++s) {
      if (p[s] == 0) continue;
      const int hits = std::popcount(s);
      // hit
      if (hits + 1 >= m)
        formed += p[s] * q;
      else
        next[((s << 1) | 1u) & mask] += p[s] * q;
      // miss (m >= 1, so a miss never completes a track)
      next[(s << 1) & mask] += p[s] * (1.0 - q);
    }
    p.swap(next);
    cdf.push_back(std::min(formed, 1.0));
    if (formed >= 1.0 - 1e-12) break;
  }
  return cdf;
}

}  // namespace adcov::model
