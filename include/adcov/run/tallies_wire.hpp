#pragma once
/// \file
/// engage::SimulationTallies on the wire (run/wire.hpp): how one rank's
/// share of the trials reaches rank 0, exactly.

#include <cstdint>
#include <vector>

#include "adcov/engage/tallies.hpp"

namespace adcov::run {

/// Appends `t` to `out`.
void encode_tallies(const engage::SimulationTallies& t, std::vector<std::int64_t>& out);

/// Reads tallies written by encode_tallies, the whole buffer.
/// \throws Error on a truncated, foreign or inconsistent buffer.
engage::SimulationTallies decode_tallies(const std::int64_t* data, std::size_t size);

}  // namespace adcov::run
