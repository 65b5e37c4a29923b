#pragma once
/// \file
/// Per-cell counts of batteries (or sensors) over a grid, a byte a cell when
/// no cell can count more than 255 of them, two bytes otherwise. A national
/// grid holds one such map per altitude, and detection counts besides: the
/// byte form halves their memory (docs/commands.md, "Memory check"), and no
/// scenario gets a clipped count.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>

#include "adcov/geo/big_buffer.hpp"

namespace adcov::coverage {

class CountMap {
 public:
  CountMap() = default;
  /// `cells` zeros, each able to count up to `most` (bytes when most <= 255).
  CountMap(std::size_t cells, std::size_t most) {
    if (most <= std::numeric_limits<std::uint8_t>::max())
      narrow_ = geo::ZeroedVector<std::uint8_t>(cells);
    else
      wide_ = geo::ZeroedVector<std::uint16_t>(cells);
  }
  /// As many zeros, a byte or two a cell as this map.
  CountMap zeros_like() const {
    return CountMap(size(), wide() ? std::numeric_limits<std::uint16_t>::max() : std::size_t{1});
  }
  /// Two bytes a cell. The same values either way.
  bool wide() const { return !wide_.empty(); }
  std::size_t size() const { return wide() ? wide_.size() : narrow_.size(); }
  bool empty() const { return size() == 0; }
  std::uint16_t operator[](std::size_t i) const { return wide() ? wide_[i] : narrow_[i]; }
  /// One more at cell i (the map was sized for every battery that can add).
  void add_one(std::size_t i) {
    if (wide())
      ++wide_[i];
    else
      ++narrow_[i];
  }

  /// f(span) over the cells as they are stored (std::uint8_t or
  /// std::uint16_t): what loops over every cell call, so each width gets its
  /// own loop.
  template <class F>
  decltype(auto) visit(F&& f) const {
    return wide() ? f(std::span<const std::uint16_t>(wide_)) : f(std::span<const std::uint8_t>(narrow_));
  }
  template <class F>
  decltype(auto) visit(F&& f) {
    return wide() ? f(std::span<std::uint16_t>(wide_)) : f(std::span<std::uint8_t>(narrow_));
  }

  /// The cells as stored when that is as `T` (std::uint8_t or
  /// std::uint16_t), else null.
  template <class T>
  T* cells() {
    if constexpr (std::is_same_v<T, std::uint16_t>) return wide() ? wide_.data() : nullptr;
    else return wide() ? nullptr : narrow_.data();
  }

  /// The same counts, whichever the widths.
  friend bool operator==(const CountMap& a, const CountMap& b) {
    if (a.wide() == b.wide()) return a.narrow_ == b.narrow_ && a.wide_ == b.wide_;
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  geo::ZeroedVector<std::uint8_t> narrow_;
  geo::ZeroedVector<std::uint16_t> wide_;
};

}  // namespace adcov::coverage
