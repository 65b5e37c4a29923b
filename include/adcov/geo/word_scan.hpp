#pragma once
/// \file
/// Runs of a value in an array, scanned a 64-bit word of cells at a time:
/// where the cells stop being `nothing`, and where they start again. Most
/// cells of a coverage map or of an MPI rank's share of one hold nothing
/// (a count of 0, a floor key of 0), so the scans step over them 8 bytes at
/// a time (run/coverage_split.cpp's wire format, geo::class_patches, the
/// void filling of the terrain, where most pixels are data).

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace adcov::geo {

namespace detail {

// 8 bytes of `nothing` lane after lane, to compare a word of cells at once.
template <class T>
constexpr std::uint64_t repeated(T nothing) {
  static_assert(8 % sizeof(T) == 0);
  std::array<T, 8 / sizeof(T)> lanes;
  lanes.fill(nothing);
  return std::bit_cast<std::uint64_t>(lanes);
}

// Whether a lane of `x` (lanes of sizeof(T) bytes) is all zero bits: the
// borrow of a zero lane sets its top bit where the lane's own was clear
// (Warren, Hacker's Delight, 6-1, "find first 0-byte").
template <class T>
bool any_zero_lane(std::uint64_t x) {
  constexpr std::uint64_t ones = repeated<T>(T{1}), tops = ones << (8 * sizeof(T) - 1);
  return ((x - ones) & ~x & tops) != 0;
}

inline std::uint64_t word_at(const void* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

template <class T>
bool same_bits(T a, T b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

}  // namespace detail

/// The first cell from `i` on that holds something (not `nothing`, compared
/// bit for bit), or v.size(); a word of cells at a time, four words while
/// they all hold nothing.
template <class T>
std::size_t skip_nothing(std::span<const T> v, std::size_t i, T nothing) {
  constexpr std::size_t k = 8 / sizeof(T);
  const std::uint64_t pattern = detail::repeated(nothing);
  while (i + 4 * k <= v.size()) {
    const T* p = v.data() + i;
    using detail::word_at;
    if (((word_at(p) ^ pattern) | (word_at(p + k) ^ pattern) | (word_at(p + 2 * k) ^ pattern) |
         (word_at(p + 3 * k) ^ pattern)) != 0)
      break;
    i += 4 * k;
  }
  while (i + k <= v.size() && detail::word_at(v.data() + i) == pattern) i += k;
  while (i < v.size() && detail::same_bits(v[i], nothing)) ++i;
  return i;
}

/// The first cell from `i` on that holds `nothing`, or v.size().
template <class T>
std::size_t skip_something(std::span<const T> v, std::size_t i, T nothing) {
  constexpr std::size_t k = 8 / sizeof(T);
  const std::uint64_t pattern = detail::repeated(nothing);
  while (i + k <= v.size() && !detail::any_zero_lane<T>(detail::word_at(v.data() + i) ^ pattern)) i += k;
  while (i < v.size() && !detail::same_bits(v[i], nothing)) ++i;
  return i;
}

}  // namespace adcov::geo
