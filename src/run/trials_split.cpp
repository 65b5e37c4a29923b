#include "adcov/run/trials_split.hpp"

#include <algorithm>

#include "adcov/engage/tallies.hpp"
#include "adcov/run/tallies_wire.hpp"

namespace adcov::run {

std::optional<engage::SimulationResult> simulate_split(const Ranks& ranks, const model::Scenario& s,
                                                       const geo::TerrainGrid& terrain,
                                                       const std::vector<coverage::BatteryGeometry>& batteries,
                                                       const engage::SimulationOptions& opt) {
  if (!ranks.split()) return engage::simulate(s, terrain, batteries, opt);
  const std::int64_t n = std::max(0, opt.trials), r = ranks.rank, p = ranks.size;
  engage::SimulationOptions mine = opt;
  mine.first_trial = opt.first_trial + r * n / p;
  mine.trials = static_cast<int>((r + 1) * n / p - r * n / p);
  const auto parts = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
    encode_tallies(engage::simulate_tallies(s, terrain, batteries, mine), buf);
  });
  if (!ranks.writer()) return std::nullopt;
  std::vector<engage::SimulationTallies> tallies;
  for (const auto& part : parts) tallies.push_back(decode_tallies(part.data(), part.size()));
  return engage::summarize(s, batteries, opt, engage::merge_tallies(std::move(tallies)));
}

}  // namespace adcov::run
