#pragma once
// P "ranks" on P threads of this process, with an in-memory gather and broadcast: the
// split code of the run layer runs exactly as under mpirun (every rank calls
// the collective, rank 0 gets every rank's words in rank order), without MPI.

#include <barrier>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

#include "adcov/run/ranks.hpp"

namespace adcov::test {

/// Runs body(ranks) on `size` threads, one per rank, and waits for all.
/// Each gather is a collective: everyone deposits, then rank 0 collects.
inline void with_thread_ranks(int size, const std::function<void(const run::Ranks&)>& body) {
  std::vector<std::vector<std::int64_t>> slots(static_cast<std::size_t>(size));
  std::barrier sync(size);
  std::vector<std::thread> threads;
  for (int r = 0; r < size; ++r) {
    threads.emplace_back([&, r] {
      run::Ranks ranks;
      ranks.rank = r;
      ranks.size = size;
      ranks.gather = [&, r](std::vector<std::int64_t> mine) {
        slots[static_cast<std::size_t>(r)] = std::move(mine);
        sync.arrive_and_wait();  // every rank has deposited
        std::vector<std::vector<std::int64_t>> all;
        if (r == 0) all = slots;
        sync.arrive_and_wait();  // rank 0 has read: slots may be reused
        return all;
      };
      ranks.broadcast = [&, r](std::vector<std::int64_t> words) {
        if (r == 0) slots[0] = std::move(words);
        sync.arrive_and_wait();  // rank 0 has deposited
        std::vector<std::int64_t> got = slots[0];
        sync.arrive_and_wait();  // everyone has read: slots may be reused
        return got;
      };
      body(ranks);
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace adcov::test
