#pragma once
/// \file
/// Large arrays (terrain grids, visibility windows, coverage maps): fresh
/// memory that starts as zeros without being written, on ordinary pages
/// (advise_small_pages says why), and a parallel first fill.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace adcov::geo {

/// Asks for ordinary 4 KiB pages on [p, p + bytes) (Linux MADV_NOHUGEPAGE),
/// where transparent huge pages are "always": a sparse array then holds
/// memory only where it is written, as the memory estimate counts it
/// (coverage/memory_estimate.hpp). Dense arrays take them too: on a virtual
/// machine a fresh huge page can cost the host's faulting-in of 2 MiB on
/// first touch (measured here: 545 MB, the national 100 m terrain, faulted
/// in 1.7-1.9 s on huge pages after a few idle seconds, 0.25 s on small
/// ones, and the whole run 1.0-1.5 s faster). A no-op elsewhere.
inline void advise_small_pages(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_NOHUGEPAGE)
  constexpr std::uintptr_t kPage = 4096;  // madvise takes whole, aligned pages
  const std::uintptr_t a = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  const std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kPage - 1);
  if (e > a) madvise(reinterpret_cast<void*>(a), e - a, MADV_NOHUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

/// An allocator for large arrays that start as zeros: calloc's memory
/// (fresh pages from the kernel for large sizes, zeroed when first written,
/// and mapped to the shared zero page when only read) with value-
/// initialisation left undone, so `ZeroedVector<T> v(n)` writes nothing: the
/// pages are faulted in by whichever thread first writes them, and those never
/// written cost no zeroing at all. For arithmetic T only. The zeros are only
/// those of fresh memory: size such a vector once (constructor, or resize of
/// an empty one), never shrink it and grow it again.
template <class T>
struct ZeroedAllocator {
  static_assert(std::is_arithmetic_v<T>);
  using value_type = T;
  ZeroedAllocator() = default;
  template <class U>
  ZeroedAllocator(const ZeroedAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    void* p = std::calloc(n, sizeof(T));
    if (!p && n) throw std::bad_alloc();
    // Small pages, so that pages never written stay unbacked whatever the
    // system's huge-page setting (advise_small_pages says why dense arrays too).
    if (n * sizeof(T) >= (std::size_t{1} << 21)) advise_small_pages(p, n * sizeof(T));
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) noexcept { std::free(p); }
  /// Value-initialisation: the memory is zero already.
  template <class U>
  void construct(U*) noexcept {}
  template <class U, class... A>
  void construct(U* p, A&&... a) {
    ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
  }
  template <class U>
  bool operator==(const ZeroedAllocator<U>&) const noexcept {
    return true;
  }
};

template <class T>
using ZeroedVector = std::vector<T, ZeroedAllocator<T>>;

/// v = n copies of `value` in fresh memory, written a stripe per task in
/// parallel: the kernel zeroes each fresh page on the
/// thread that first writes it, so one thread filling 544 MB (a national
/// 100 m grid of floats) would zero all of it alone.
template <class T>
void fill_big(ZeroedVector<T>& v, std::size_t n, T value) {
  ZeroedVector<T>(n).swap(v);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, std::size_t{1} << 20),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      std::fill(v.data() + r.begin(), v.data() + r.end(), value);
                    });
}

}  // namespace adcov::geo
