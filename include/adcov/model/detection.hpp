#pragma once
/// \file
/// Probabilistic detection (docs/engagement.md, "Detection and tracks"):
/// the per-look detection probability of a Swerling 1 target and the chance
/// that a track has formed after each look under an m-of-n rule.
///
/// Swerling 1 in noise, square-law detector, one pulse per look (Swerling,
/// "Probability of detection for fluctuating targets", IRE Trans. IT-6, 1960;
/// Skolnik, Introduction to Radar Systems, 3rd ed., sec. 2.8):
///   Pd = pfa^(1 / (1 + SNR)).
/// SNR50 is the SNR that gives Pd = 0.5: SNR50 = ln(pfa) / ln(0.5) - 1.
/// By the radar equation SNR falls as R^-4 and grows with RCS:
///   SNR(R) = SNR50 (R50 / R)^4 (rcs / rcs_ref),
/// with R50 = radar.range_km, the range at which one look detects a target of
/// rcs_ref with probability 0.5 (docs/scenario.md, "detection:").

#include <span>
#include <vector>

namespace adcov::model {

/// Looks with a lower Pd than this are treated as misses, so a radar's cover
/// ends where Pd falls below 1 % (1.75 R50 at pfa 1e-6). Below it the chance
/// of m detections in n looks is negligible (3e-4 per look window for 2 of 3).
inline constexpr double kMinLookPd = 0.01;

/// SNR (linear) at which one look detects with probability 0.5: ln(pfa)/ln(0.5) - 1.
double snr50(double pfa);

/// Per-look Pd of a Swerling 1 target at range `range_m` against a radar whose
/// single-look 50 % range for a target of rcs_ref is `r50_m`; `rcs_ratio` =
/// rcs / rcs_ref. 1 at range 0.
double swerling1_pd(double range_m, double r50_m, double rcs_ratio, double pfa);

/// The range (m) beyond which one look's Pd is below kMinLookPd: the radar's
/// cover under swerling1 against a target of `rcs_ratio`.
double swerling1_cover_m(double r50_m, double rcs_ratio, double pfa);

/// P(a track has formed by look k), k = 0..pd.size()-1, for independent looks
/// with detection probabilities `pd`: a track forms at the first look that
/// completes m detections within the last n looks. Exact, by a Markov chain
/// over the hit pattern of the last n-1 looks (2^(n-1) states; n <= 16).
/// Non-decreasing; stops early once within 1e-12 of 1 (later looks change
/// nothing), so the result may be shorter than `pd`.
std::vector<double> track_formation_cdf(std::span<const double> pd, int m, int n);

}  // namespace adcov::model
