#include "adcov/run/coverage_split.hpp"

#include <algorithm>
#include <exception>
#include <span>
#include <string>

#include "adcov/error.hpp"
#include "adcov/geo/word_scan.hpp"
#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

constexpr std::uint8_t kNoGroups = 0;
constexpr std::uint32_t kNoFloor = 0;  // a floor key where nothing engages (coverage::CoverageFold)

using geo::skip_nothing;
using geo::skip_something;

// A share's arrays, in a fixed order; the receiver knows their sizes from its
// own share (the same grid). Most cells of a share hold nothing (a count of
// 0, a floor key of 0), so each array goes as runs: the cells skipped, then
// the values of the cells that hold something, which keeps a national share
// at 250 m to a few MB instead of hundreds.
template <class T>
void put(WireWriter& w, std::span<const T> v, T nothing) {
  std::vector<std::int64_t> runs;  // skip, count, skip, count, ...
  std::vector<T> values;
  for (std::size_t i = 0; i < v.size();) {
    const std::size_t from = skip_nothing(v, i, nothing), to = skip_something(v, from, nothing);
    runs.push_back(static_cast<std::int64_t>(from - i));
    runs.push_back(static_cast<std::int64_t>(to - from));
    values.insert(values.end(), v.begin() + static_cast<std::ptrdiff_t>(from),
                  v.begin() + static_cast<std::ptrdiff_t>(to));
    i = to;
  }
  w.i64s(runs);
  w.i64(static_cast<std::int64_t>(values.size()));
  w.bytes(values.data(), values.size() * sizeof(T));
}

template <class T, class A>
void put(WireWriter& w, const std::vector<T, A>& v, T nothing) {
  put(w, std::span<const T>(v), nothing);
}

// Counts as they are stored (bytes or uint16), 0 for nothing.
void put(WireWriter& w, const coverage::CountMap& m) {
  m.visit([&](auto cells) { put(w, cells, typename decltype(cells)::value_type{0}); });
}

// Reads an array that put() wrote and combines each value it holds into
// `v`, v[i] = op(v[i], value), leaving the cells it skipped as they are: a
// share is merged where it holds something and nowhere else.
template <class T, class Op>
void combine(WireReader& r, std::span<T> v, Op op) {
  const std::vector<std::int64_t> runs = r.i64s();
  const std::int64_t stored = r.i64();
  if (stored < 0 || static_cast<std::uint64_t>(stored) > v.size()) throw Error(std::string(r.what) + ": bad length");
  const auto n = static_cast<std::size_t>(stored);
  std::vector<T> values(n);  // r.bytes checks that the buffer holds them
  r.bytes(values.data(), n * sizeof(T));
  std::size_t at = 0, next = 0;
  for (std::size_t k = 0; k + 1 < runs.size(); k += 2) {
    if (runs[k] < 0 || runs[k + 1] < 0) throw Error(std::string(r.what) + ": bad run");
    at += static_cast<std::size_t>(runs[k]);
    const auto len = static_cast<std::size_t>(runs[k + 1]);
    if (at + len > v.size() || next + len > n) throw Error(std::string(r.what) + ": runs past the grid");
    for (std::size_t j = 0; j < len; ++j) v[at + j] = op(v[at + j], values[next + j]);
    at += len, next += len;
  }
  if (next != n) throw Error(std::string(r.what) + ": values left over");
}

template <class T, class A, class Op>
void combine(WireReader& r, std::vector<T, A>& v, Op op) {
  combine(r, std::span<T>(v), op);
}

template <class Op>
void combine(WireReader& r, coverage::CountMap& m, Op op) {
  m.visit([&](auto cells) { combine(r, cells, op); });
}

// The merge of each array: counts add up, group bits join, the floor key is
// the larger (the lower floor); none depends on the order the shares come
// in. The sum of the shares' counts is a count of one process, which the
// maps' width holds (CountMap).
constexpr auto kAdd = [](auto a, auto b) { return static_cast<decltype(a)>(a + b); };
constexpr auto kJoin = [](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a | b); };
constexpr auto kLowerFloor = [](std::uint32_t a, std::uint32_t b) { return std::max(a, b); };

void encode_fold(const coverage::CoverageFold& f, std::vector<std::int64_t>& out) {
  WireWriter w{out};
  for (const coverage::AltitudeCoverage& a : f.result.altitudes) put(w, a.count), put(w, a.detected);
  put(w, f.groups, kNoGroups);
  put(w, f.floor_key, kNoFloor);
}

/// Another rank's share, read from `r`, merged into `into` in place.
void merge_share(coverage::CoverageFold& into, WireReader r) {
  for (coverage::AltitudeCoverage& a : into.result.altitudes) combine(r, a.count, kAdd), combine(r, a.detected, kAdd);
  combine(r, into.groups, kJoin);
  combine(r, into.floor_key, kLowerFloor);
  r.expect_end();
}

/// Every rank's share (rank 0's broadcast of what it gathered) merged into
/// `mine`, this rank's own, skipping its own.
void merge_others(coverage::CoverageFold& mine, const std::vector<std::int64_t>& all, int rank) {
  WireReader r{all.data(), all.size(), "coverage shares from the MPI ranks"};
  const std::size_t shares = r.count();
  for (std::size_t k = 0; k < shares; ++k) {
    const std::size_t words = r.count();
    if (static_cast<int>(k) != rank) merge_share(mine, {r.data + r.at, words, "coverage share from an MPI rank"});
    r.at += words;
  }
  r.expect_end();
}

}  // namespace

coverage::CoverageFold coverage_split(const Ranks& ranks, const model::Scenario& s, const geo::TerrainGrid& terrain,
                                      const coverage::CoverageOptions& opt) {
  if (!ranks.split()) return coverage::fold_coverage(s, terrain, opt, 0, 1);
  // Every rank takes part in both collectives whatever fails, carrying the
  // failure, so no rank waits forever on one that has stopped.
  coverage::CoverageFold mine;
  std::exception_ptr failed;
  std::vector<std::vector<std::int64_t>> shares;
  try {
    shares = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
      mine = coverage::fold_coverage(s, terrain, opt, ranks.rank, ranks.size);
      encode_fold(mine, buf);
    });
  } catch (...) {
    failed = std::current_exception();
  }
  // Every share goes back to every rank, each merging the others' into its
  // own: the ranks encode and merge at the same time, not one after another.
  std::vector<std::int64_t> all;
  try {
    all = broadcast_work(ranks, [&](std::vector<std::int64_t>& buf) {
      if (failed) std::rethrow_exception(failed);
      WireWriter w{buf};
      w.i64(static_cast<std::int64_t>(shares.size()));
      for (const std::vector<std::int64_t>& share : shares) w.i64s(share);
    });
  } catch (...) {
    if (failed) std::rethrow_exception(failed);  // this rank's own failure says more than rank 0's
    throw;
  }
  shares.clear();
  merge_others(mine, all, ranks.rank);
  return mine;
}

}  // namespace adcov::run
