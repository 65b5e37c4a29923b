#pragma once
/// \file
/// The processes one command is split across (docs/engagement.md, "Beyond one machine"): MPI ranks under
/// mpirun (run/mpi_session.hpp), or this process alone. The split itself
/// (which trials, which sweep points) lives beside each command in run/;
/// only `gather` and `broadcast` move data, so everything but the transport is tested
/// without MPI.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace adcov::run {

struct Ranks {
  int rank = 0;
  int size = 1;
  /// Every rank's words on rank 0, in rank order; nothing elsewhere. Every
  /// rank must call it (a collective). Unset on one process.
  std::function<std::vector<std::vector<std::int64_t>>(std::vector<std::int64_t>)> gather;
  /// Rank 0's words on every rank (the argument is ignored elsewhere). A
  /// collective, like gather. Unset on one process.
  std::function<std::vector<std::int64_t>(std::vector<std::int64_t>)> broadcast;

  bool writer() const { return rank == 0; }
  bool split() const { return size > 1; }
};

/// Runs `work` on every rank; its words (or its failure) are gathered on
/// rank 0, which gets every rank's payload in rank order. A failure is
/// rethrown on its own rank and, on rank 0, another rank's failure is
/// rethrown there (InputError as InputError), so no rank waits forever.
/// On one process: `work`'s payload alone.
std::vector<std::vector<std::int64_t>> gather_work(
    const Ranks& ranks, const std::function<void(std::vector<std::int64_t>&)>& work);

/// Rank 0's words on every rank: `make` runs on rank 0 only; its failure is
/// rethrown on rank 0 and on the others (InputError as InputError, else
/// Error("MPI rank 0: ...")), so no rank waits forever. On one process: `make`'s words.
std::vector<std::int64_t> broadcast_work(const Ranks& ranks,
                                         const std::function<void(std::vector<std::int64_t>&)>& make);

/// The words a rank sends in place of its payload when it cannot send that
/// payload (gather_work's failure record): rank 0 throws Error(message).
std::vector<std::int64_t> failure_words(const std::string& message);

}  // namespace adcov::run
