#include "adcov/run/coverage_split.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <string>

#include "adcov/error.hpp"
#include "adcov/run/wire.hpp"

namespace adcov::run {
namespace {

constexpr std::uint8_t kNoGroups = 0;
constexpr float kNoFloor = std::numeric_limits<float>::infinity();  // an unfolded floor: nothing engages

// A share's arrays, in a fixed order; the receiver knows their sizes from its
// own share (the same grid). Most cells of a share hold nothing (a count of
// 0, a floor of +inf), so each array goes as runs: the cells skipped, then
// the values of the cells that hold something, which keeps a national share
// at 250 m to a few MB instead of hundreds.
template <class T>
void put(WireWriter& w, std::span<const T> v, T nothing) {
  std::vector<std::int64_t> runs;  // skip, count, skip, count, ...
  std::size_t i = 0;
  while (i < v.size()) {
    const std::size_t skip_from = i;
    while (i < v.size() && v[i] == nothing) ++i;
    const std::size_t from = i;
    while (i < v.size() && !(v[i] == nothing)) ++i;
    runs.push_back(static_cast<std::int64_t>(from - skip_from));
    runs.push_back(static_cast<std::int64_t>(i - from));
  }
  w.i64s(runs);
  std::vector<T> values;
  for (std::size_t k = 0, at = 0; k < runs.size(); k += 2) {
    at += static_cast<std::size_t>(runs[k]);
    values.insert(values.end(), v.begin() + static_cast<std::ptrdiff_t>(at),
                  v.begin() + static_cast<std::ptrdiff_t>(at + static_cast<std::size_t>(runs[k + 1])));
    at += static_cast<std::size_t>(runs[k + 1]);
  }
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

// The merge of each array: counts add up, group bits join, the floor is the
// lower; none depends on the order the shares come in. The sum of the shares'
// counts is a count of one process, which the maps' width holds (CountMap).
constexpr auto kAdd = [](auto a, auto b) { return static_cast<decltype(a)>(a + b); };
constexpr auto kJoin = [](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a | b); };
constexpr auto kLower = [](float a, float b) { return std::min(a, b); };
constexpr auto kTake = [](auto, auto b) { return b; };

void encode_fold(const coverage::CoverageFold& f, std::vector<std::int64_t>& out) {
  WireWriter w{out};
  for (const coverage::AltitudeCoverage& a : f.result.altitudes) put(w, a.count), put(w, a.detected);
  put(w, f.groups, kNoGroups);
  put(w, f.result.floor_m, kNoFloor);
}

/// A share shaped like `like`, read from `words`: fresh arrays (zeros, the
/// floor +inf) with the values it holds.
coverage::CoverageFold decode_fold(const coverage::CoverageFold& like, const std::vector<std::int64_t>& words) {
  coverage::CoverageFold f;
  f.result.grid = like.result.grid;
  for (const coverage::AltitudeCoverage& a : like.result.altitudes) {
    coverage::AltitudeCoverage& b = f.result.altitudes.emplace_back();
    b.altitude_m = a.altitude_m;
    b.count = a.count.zeros_like();
    b.detected = a.detected.zeros_like();
  }
  f.groups = geo::ZeroedVector<std::uint8_t>(like.groups.size());
  f.result.floor_m = geo::ZeroedVector<float>(like.result.floor_m.size());
  std::fill(f.result.floor_m.begin(), f.result.floor_m.end(), kNoFloor);
  WireReader r{words.data(), words.size(), "coverage share from an MPI rank"};
  for (coverage::AltitudeCoverage& a : f.result.altitudes) combine(r, a.count, kTake), combine(r, a.detected, kTake);
  combine(r, f.groups, kTake);
  combine(r, f.result.floor_m, kTake);
  r.expect_end();
  return f;
}

/// Another rank's share, read from `words`, merged into `into` in place.
void merge_share(coverage::CoverageFold& into, const std::vector<std::int64_t>& words) {
  WireReader r{words.data(), words.size(), "coverage share from an MPI rank"};
  for (coverage::AltitudeCoverage& a : into.result.altitudes) combine(r, a.count, kAdd), combine(r, a.detected, kAdd);
  combine(r, into.groups, kJoin);
  combine(r, into.result.floor_m, kLower);
  r.expect_end();
}

}  // namespace

coverage::CoverageResult coverage_split(const Ranks& ranks, const model::Scenario& s, const geo::TerrainGrid& terrain,
                                        const coverage::CoverageOptions& opt) {
  if (!ranks.split()) return coverage::finish_coverage(coverage::fold_coverage(s, terrain, opt, 0, 1));
  // Every rank takes part in both collectives whatever fails, carrying the
  // failure, so no rank waits forever on one that has stopped.
  coverage::CoverageFold mine;
  std::exception_ptr failed;
  std::vector<std::vector<std::int64_t>> parts;
  try {
    parts = gather_work(ranks, [&](std::vector<std::int64_t>& buf) {
      mine = coverage::fold_coverage(s, terrain, opt, ranks.rank, ranks.size);
      if (!ranks.writer()) encode_fold(mine, buf);  // rank 0 keeps its own share where it is
    });
  } catch (...) {
    failed = std::current_exception();
  }
  std::vector<std::int64_t> merged;
  try {
    merged = broadcast_work(ranks, [&](std::vector<std::int64_t>& buf) {
      if (failed) std::rethrow_exception(failed);
      for (std::size_t r = 1; r < parts.size(); ++r) merge_share(mine, parts[r]);
      encode_fold(mine, buf);
    });
  } catch (...) {
    if (failed) std::rethrow_exception(failed);  // this rank's own failure says more than rank 0's
    throw;
  }
  if (!ranks.writer()) {  // the merged arrays in place of this rank's share; the rest (mask, batteries) is the same
    coverage::CoverageFold all = decode_fold(mine, merged);
    for (std::size_t a = 0; a < mine.result.altitudes.size(); ++a) {
      mine.result.altitudes[a].count = std::move(all.result.altitudes[a].count);
      mine.result.altitudes[a].detected = std::move(all.result.altitudes[a].detected);
    }
    mine.groups = std::move(all.groups);
    mine.result.floor_m = std::move(all.result.floor_m);
  }
  return coverage::finish_coverage(std::move(mine));
}

}  // namespace adcov::run
