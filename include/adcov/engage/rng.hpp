#pragma once
/// \file
/// Counter-based random numbers for the Monte Carlo: every draw is a pure
/// function of (seed, trial, purpose, indices), so a trial's draws do not
/// depend on the thread that runs it, on the order of draws, or on which
/// other draws were made ("fixed slots", as pbrt-v4 does for its samplers).
///
/// The mixer is the SplitMix64 output function: G. L. Steele Jr., D. Lea and
/// C. H. Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014
/// (doi:10.1145/2660193.2660195), with the multipliers of D. Stafford's
/// "Mix13" variant ("Better Bit Mixing - Improving on MurmurHash3's 64-bit
/// Finalizer", 2011), as used by java.util.SplittableRandom. It is a bijection
/// of 64-bit words that passes BigCrush when applied to a counter. The
/// increment 0x9e3779b97f4a7c15 is 2^64 / phi (the golden ratio), SplitMix64's
/// default gamma.
///
/// A key is built by chaining: h' = mix64(h + gamma * (w + 1)) for each word w.
/// For a fixed h the map w -> h' is injective (gamma is odd, mix64 is a
/// bijection); different chains collide with probability ~2^-64.

#include <cstdint>
#include <initializer_list>

namespace adcov::engage {

/// SplitMix64's increment, floor(2^64 / phi), odd.
inline constexpr std::uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

/// SplitMix64 / Stafford Mix13 finalizer: a bijective 64-bit bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// Chains words into a key: h = mix64(h + gamma * (w + 1)) per word, from `h`.
constexpr std::uint64_t hash_words(std::uint64_t h, std::initializer_list<std::uint64_t> words) {
  for (std::uint64_t w : words) h = mix64(h + kGoldenGamma * (w + 1));
  return h;
}

/// The top 53 bits of `bits` as a double in [0, 1): exact, never 1
/// (the largest value is 1 - 2^-53). Same result on every platform.
constexpr double to_unit(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

/// What a draw is for: each purpose is a fixed slot of a trial's stream.
enum class Purpose : std::uint64_t {
  launch_point = 1,  ///< which launch-point variant a threat flies (index: threat)
  target = 2,        ///< which weighted target a threat flies to (index: threat)
  kill = 3,          ///< one interceptor's kill draw (indices: threat, battery, shot number)
  launch_pool = 4,   ///< scenario-level pool of launch points (indices: salvo, point, coordinate)
  track = 5,         ///< when a sensor's track of a threat forms (indices: threat, cover run of its path)
  ew_loss = 6,       ///< whether a GNSS-denial zone loses a threat (indices: threat, zone)
};

/// The random stream of one trial: `key = hash(seed, trial)`. Cheap to copy.
struct TrialStream {
  std::uint64_t key = 0;

  /// Stream of trial `trial` for scenario seed `seed`.
  static constexpr TrialStream of(std::uint64_t seed, std::uint64_t trial) {
    return {hash_words(mix64(seed), {trial})};
  }

  /// Uniform in [0, 1) for (purpose, a, b, c); a pure function of its arguments.
  constexpr double uniform(Purpose p, std::uint64_t a, std::uint64_t b = 0,
                           std::uint64_t c = 0) const {
    return to_unit(hash_words(key, {static_cast<std::uint64_t>(p), a, b, c}));
  }
};

}  // namespace adcov::engage
