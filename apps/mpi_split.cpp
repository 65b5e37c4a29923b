// MPI transport for the trial and sweep-point split (mpi_split.hpp). Without
// ADCOV_WITH_MPI every function is the one-process path.

#include "mpi_split.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "adcov/engage/tallies.hpp"
#include "adcov/geo/error.hpp"

#if ADCOV_WITH_MPI
#include <mpi.h>

#include <bit>
#endif

namespace adcov::app::mpi {
namespace {

int g_rank = 0, g_size = 1;
[[maybe_unused]] bool g_initialized = false;

#if ADCOV_WITH_MPI

// Every buffer a rank sends starts with a status word: kOk and the payload,
// or the rank's failure (InputError messages, or one Error message).
enum : std::int64_t { kOk = 0, kInputError = 1, kError = 2 };

struct Writer {
  std::vector<std::int64_t>& out;
  void i64(std::int64_t v) { out.push_back(v); }
  void f64(double v) { out.push_back(std::bit_cast<std::int64_t>(v)); }
  void str(const std::string& s) {
    out.push_back(static_cast<std::int64_t>(s.size()));
    for (std::size_t i = 0; i < s.size(); i += 8) {
      std::int64_t w = 0;
      std::memcpy(&w, s.data() + i, std::min<std::size_t>(8, s.size() - i));
      out.push_back(w);
    }
  }
};

struct Reader {
  const std::int64_t* p;
  std::size_t n, at = 0;
  std::int64_t i64() {
    if (at >= n) throw Error("MPI gather: truncated buffer");
    return p[at++];
  }
  double f64() { return std::bit_cast<double>(i64()); }
  std::size_t count() {
    const std::int64_t c = i64();
    if (c < 0 || static_cast<std::uint64_t>(c) > (n - at) * 8) throw Error("MPI gather: bad length");
    return static_cast<std::size_t>(c);
  }
  std::string str() {
    const std::size_t len = count();
    std::string s(len, '\0');
    for (std::size_t i = 0; i < len; i += 8) {
      const std::int64_t w = i64();
      std::memcpy(s.data() + i, &w, std::min<std::size_t>(8, len - i));
    }
    return s;
  }
};

std::vector<std::int64_t> error_record(std::exception_ptr e) {
  std::vector<std::int64_t> out;
  Writer w{out};
  try {
    std::rethrow_exception(e);
  } catch (const InputError& x) {
    w.i64(kInputError);
    w.i64(static_cast<std::int64_t>(x.messages().size()));
    for (const std::string& m : x.messages()) w.str(m);
  } catch (const std::exception& x) {
    w.i64(kError);
    w.str(x.what());
  } catch (...) {
    w.i64(kError);
    w.str("unknown error");
  }
  return out;
}

/// Every rank's buffer on rank 0 (MPI_Gatherv), nothing elsewhere. A buffer
/// too large for the int counts of MPI is replaced by an error record, so
/// every rank always takes part.
std::vector<std::vector<std::int64_t>> gather(std::vector<std::int64_t> mine) {
  const std::size_t cap = static_cast<std::size_t>(INT_MAX) / static_cast<std::size_t>(g_size);
  if (mine.size() > cap) {
    const std::size_t words = mine.size();
    mine.clear();
    Writer w{mine};
    w.i64(kError);
    w.str("rank " + std::to_string(g_rank) + ": its share is too large to gather (" +
          std::to_string(words) + " words); use more ranks or fewer trials per run");
  }
  int n = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(g_size)), displs(static_cast<std::size_t>(g_size));
  MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<std::int64_t> all;
  if (g_rank == 0) {
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
  if (g_rank == 0)
    for (std::size_t r = 0; r < counts.size(); ++r)
      parts.emplace_back(all.begin() + displs[r], all.begin() + displs[r] + counts[r]);
  return parts;
}

/// On rank 0, after its own failure was rethrown: another rank's failure.
void throw_failures(const std::vector<std::vector<std::int64_t>>& parts) {
  for (std::size_t r = 0; r < parts.size(); ++r) {
    Reader rd{parts[r].data(), parts[r].size()};
    const std::int64_t status = rd.i64();
    if (status == kOk) continue;
    if (status == kInputError) {
      std::vector<std::string> messages(rd.count());
      for (std::string& m : messages) m = rd.str();
      throw InputError(std::move(messages));
    }
    throw Error("MPI rank " + std::to_string(r) + ": " + rd.str());
  }
}

/// Runs `work` (which appends its payload after kOk) and gathers; on rank 0
/// returns every rank's payload, elsewhere nothing. A failure is rethrown on
/// its own rank and reported by rank 0.
template <class Work>
std::vector<std::vector<std::int64_t>> run_and_gather(Work&& work) {
  std::vector<std::int64_t> buf{kOk};
  std::exception_ptr err;
  try {
    work(buf);
  } catch (...) {
    err = std::current_exception();
    buf = error_record(err);
  }
  std::vector<std::vector<std::int64_t>> parts = gather(std::move(buf));
  if (err) std::rethrow_exception(err);
  if (g_rank == 0) throw_failures(parts);
  for (auto& p : parts) p.erase(p.begin());  // the status word
  return parts;
}

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE", "MPI_LOCALNRANKS"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

#endif  // ADCOV_WITH_MPI

}  // namespace

Session::Session(int* argc, char*** argv) {
#if ADCOV_WITH_MPI
  // Started without a launcher: one plain process, no MPI_Init (no singleton
  // runtime to start, and the binary behaves like the default build).
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  g_initialized = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  if (g_rank != 0 && std::freopen("/dev/null", "w", stdout) == nullptr) std::fclose(stdout);
#else
  (void)argc;
  (void)argv;
#endif
}

Session::~Session() {
#if ADCOV_WITH_MPI
  if (g_initialized) {
    std::fflush(stdout);
    MPI_Finalize();
  }
#endif
}

int rank() { return g_rank; }
int size() { return g_size; }

std::optional<engage::SimulationResult> simulate(const model::Scenario& s, const geo::TerrainGrid& terrain,
                                                 const std::vector<coverage::BatteryGeometry>& batteries,
                                                 const engage::SimulationOptions& opt) {
#if ADCOV_WITH_MPI
  if (g_size > 1) {
    // Rank r: trials [r N / P, (r+1) N / P) of this run.
    const std::int64_t n = std::max(0, opt.trials), r = g_rank, p = g_size;
    engage::SimulationOptions mine = opt;
    mine.first_trial = opt.first_trial + r * n / p;
    mine.trials = static_cast<int>((r + 1) * n / p - r * n / p);
    const auto parts = run_and_gather([&](std::vector<std::int64_t>& buf) {
      const std::vector<std::int64_t> t =
          engage::encode_tallies(engage::simulate_tallies(s, terrain, batteries, mine));
      buf.insert(buf.end(), t.begin(), t.end());
    });
    if (g_rank != 0) return std::nullopt;
    std::vector<engage::SimulationTallies> tallies;
    for (const auto& part : parts) tallies.push_back(engage::decode_tallies(part.data(), part.size()));
    return engage::summarize(s, batteries, opt, engage::merge_tallies(std::move(tallies)));
  }
#endif
  return engage::simulate(s, terrain, batteries, opt);
}

std::optional<report::SweepResult> sweep(const model::Scenario& s, report::SweepOptions opt) {
#if ADCOV_WITH_MPI
  if (g_size > 1) {
    opt.rank = static_cast<std::size_t>(g_rank);
    opt.ranks = static_cast<std::size_t>(g_size);
    const auto parts = run_and_gather([&](std::vector<std::int64_t>& buf) {
      const report::SweepResult r = report::run_sweep(s, opt);
      Writer w{buf};
      w.i64(r.terrain_loads);
      w.i64(r.visibility_passes);
      w.i64(static_cast<std::int64_t>(r.points.size()));
      for (const report::SweepPoint& pt : r.points) {
        w.i64(static_cast<std::int64_t>(pt.index));
        w.i64(static_cast<std::int64_t>(pt.values.size()));
        for (const std::string& v : pt.values) w.str(v);
        w.i64(pt.overall.launched);
        w.f64(pt.overall.intercepted_mean);
        w.f64(pt.overall.interception_rate);
        w.f64(pt.overall.ci95_lo);
        w.f64(pt.overall.ci95_hi);
        w.i64(static_cast<std::int64_t>(pt.altitudes_m.size()));
        for (std::size_t i = 0; i < pt.altitudes_m.size(); ++i) {
          w.f64(pt.altitudes_m[i]);
          w.f64(pt.covered_fraction[i]);
        }
      }
    });
    if (g_rank != 0) return std::nullopt;
    report::SweepResult all;
    for (const auto& a : s.sweep) all.axes.push_back(a.set);
    for (const auto& part : parts) {
      Reader rd{part.data(), part.size()};
      all.terrain_loads += static_cast<int>(rd.i64());
      all.visibility_passes += static_cast<int>(rd.i64());
      const std::size_t points = rd.count();
      for (std::size_t k = 0; k < points; ++k) {
        report::SweepPoint pt;
        pt.index = static_cast<std::size_t>(rd.i64());
        pt.values.resize(rd.count());
        for (std::string& v : pt.values) v = rd.str();
        pt.overall.launched = rd.i64();
        pt.overall.intercepted_mean = rd.f64();
        pt.overall.interception_rate = rd.f64();
        pt.overall.ci95_lo = rd.f64();
        pt.overall.ci95_hi = rd.f64();
        const std::size_t alts = rd.count();
        for (std::size_t i = 0; i < alts; ++i) {
          pt.altitudes_m.push_back(rd.f64());
          pt.covered_fraction.push_back(rd.f64());
        }
        all.points.push_back(std::move(pt));
      }
      if (rd.at != rd.n) throw Error("MPI gather: trailing data in a sweep share");
    }
    std::sort(all.points.begin(), all.points.end(),
              [](const report::SweepPoint& a, const report::SweepPoint& b) { return a.index < b.index; });
    for (std::size_t i = 0; i < all.points.size(); ++i)
      if (all.points[i].index != i) throw Error("MPI gather: sweep point " + std::to_string(i) + " missing");
    return all;
  }
#endif
  return report::run_sweep(s, opt);
}

}  // namespace adcov::app::mpi
