#pragma once
/// \file
/// The MPI transport (docs/engagement.md, "Beyond one machine"; docs/engagement.md,
/// "Beyond one machine"). In the MPI build (-DADCOV_WITH_MPI=ON) and started
/// by a launcher (mpirun), the session initialises MPI (funneled: only the
/// main thread talks MPI; TBB workers never do), silences stdout on ranks
/// other than 0, and its ranks() gather with MPI_Gatherv. Otherwise it is
/// one process: rank 0 of 1.

#include "adcov/run/ranks.hpp"

namespace adcov::run {

class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  /// This process's place among the ranks, with the MPI gather when split.
  const Ranks& ranks() const { return ranks_; }

 private:
  Ranks ranks_;
  bool initialized_ = false;
};

}  // namespace adcov::run
