// MpiSession (mpi_session.hpp). Without ADCOV_WITH_MPI this is one process.

#include "adcov/run/mpi_session.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>


#if ADCOV_WITH_MPI
#include <mpi.h>
#endif

namespace adcov::run {
namespace {

#if ADCOV_WITH_MPI

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE", "MPI_LOCALNRANKS"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

/// Every rank's buffer on rank 0 (MPI_Gatherv), nothing elsewhere. A buffer
/// too large for the int counts of MPI is replaced by an error record (the
/// failure record of run/ranks.hpp), so every rank always takes part.
std::vector<std::vector<std::int64_t>> mpi_gather(int rank, int size, std::vector<std::int64_t> mine) {
  const std::size_t cap = static_cast<std::size_t>(INT_MAX) / static_cast<std::size_t>(size);
  if (mine.size() > cap) {
    const std::size_t words = mine.size();
    mine = failure_words("rank " + std::to_string(rank) + ": its share is too large to gather (" +
                         std::to_string(words) + " words); use more ranks or fewer trials per run");
  }
  int n = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(size)), displs(static_cast<std::size_t>(size));
  MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<std::int64_t> all;
  if (rank == 0) {
    int total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
      displs[r] = total;
      total += counts[r];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), n, MPI_INT64_T, all.data(), counts.data(), displs.data(), MPI_INT64_T, 0,
              MPI_COMM_WORLD);
  std::vector<std::vector<std::int64_t>> parts;
  if (rank == 0)
    for (std::size_t r = 0; r < counts.size(); ++r)
      parts.emplace_back(all.begin() + displs[r], all.begin() + displs[r] + counts[r]);
  return parts;
}

/// Rank 0's buffer on every rank (MPI_Bcast of the length, then the words).
std::vector<std::int64_t> mpi_broadcast(int rank, std::vector<std::int64_t> words) {
  std::int64_t n = rank == 0 ? static_cast<std::int64_t>(words.size()) : 0;
  MPI_Bcast(&n, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  words.resize(static_cast<std::size_t>(n));
  // In pieces of at most INT_MAX words: MPI counts are ints.
  for (std::int64_t at = 0; at < n; at += INT_MAX)
    MPI_Bcast(words.data() + at, static_cast<int>(std::min<std::int64_t>(INT_MAX, n - at)), MPI_INT64_T, 0,
              MPI_COMM_WORLD);
  return words;
}

#endif  // ADCOV_WITH_MPI

}  // namespace

MpiSession::MpiSession(int* argc, char*** argv) {
#if ADCOV_WITH_MPI
  // Started without a launcher: one plain process, no MPI_Init (no singleton
  // runtime to start, and the binary behaves like the default build).
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  initialized_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &ranks_.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks_.size);
  ranks_.gather = [rank = ranks_.rank, size = ranks_.size](std::vector<std::int64_t> mine) {
    return mpi_gather(rank, size, std::move(mine));
  };
  ranks_.broadcast = [rank = ranks_.rank](std::vector<std::int64_t> words) {
    return mpi_broadcast(rank, std::move(words));
  };
  if (ranks_.rank != 0 && std::freopen("/dev/null", "w", stdout) == nullptr) std::fclose(stdout);
#else
  (void)argc;
  (void)argv;
#endif
}

MpiSession::~MpiSession() {
#if ADCOV_WITH_MPI
  if (initialized_) {
    std::fflush(stdout);
    MPI_Finalize();
  }
#endif
}

}  // namespace adcov::run
