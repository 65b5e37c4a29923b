#pragma once
/// \file
/// Large arrays (terrain grids, visibility windows, coverage maps): fresh
/// memory that starts as zeros without being written, a parallel first fill,
/// and transparent huge pages for the largest (advise_huge_pages): one page
/// fault per 2 MiB instead of per 4 KiB, and one TLB entry for a whole
/// stripe of rows, which matters for the east/west sweeps that walk a window
/// column by column. Only a hint: the contents, and hence every result, are
/// the same with or without it.

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

/// madvise(`advice`) on the `align`-aligned part of [p, p + bytes) (Linux;
/// a no-op elsewhere or for ranges smaller than `align`).
inline void advise_pages(void* p, std::size_t bytes, std::uintptr_t align, [[maybe_unused]] int advice) {
#if defined(__linux__)
  const std::uintptr_t a = (reinterpret_cast<std::uintptr_t>(p) + align - 1) & ~(align - 1);
  const std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(align - 1);
  if (e > a) madvise(reinterpret_cast<void*>(a), e - a, advice);
#else
  (void)p, (void)bytes, (void)align;
#endif
}

/// Arrays from this size on ask for huge pages (advise_huge_pages).
inline constexpr std::size_t kHugePagesFromBytes = std::size_t{1} << 30;

/// Asks for huge pages on the 2 MiB-aligned part of [p, p + bytes) (Linux
/// MADV_HUGEPAGE) when the range is at least kHugePagesFromBytes; a no-op
/// otherwise and elsewhere. Huge pages pay where the page tables of
/// small ones outgrow the caches: the national 30 m grid (a 5.6 GiB
/// terrain, windows of up to 1.6 GiB) took 71-87 s with huge pages for every
/// large array, 77-92 s with this rule and 88-100 s without huge pages
/// (single runs). Below that they cost: on a virtual machine a fresh huge page
/// can cost the host's faulting-in of 2 MiB on first touch, and the
/// national 100 m terrain (545 MB) faulted in in 1.7-1.9 s on huge pages
/// after a few idle seconds, 0.25 s on small ones (the whole run 1.0-1.5 s
/// faster).
inline void advise_huge_pages(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= kHugePagesFromBytes) advise_pages(p, bytes, std::uintptr_t{1} << 21, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

/// Asks for ordinary 4 KiB pages on [p, p + bytes) (Linux MADV_NOHUGEPAGE),
/// where transparent huge pages are "always": a sparse array then holds
/// memory only where it is written, as the memory estimate counts it
/// (coverage/memory_estimate.hpp). A no-op elsewhere.
inline void advise_small_pages(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_NOHUGEPAGE)
  advise_pages(p, bytes, 4096, MADV_NOHUGEPAGE);
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
    // system's huge-page setting; fill_big and the windows ask for huge ones
    // when large.
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

/// v = n copies of `value` in fresh memory (on huge pages when large), written a
/// stripe per task in parallel: the kernel zeroes each fresh page on the
/// thread that first writes it, so one thread filling 544 MB (a national
/// 100 m grid of floats) would zero all of it alone.
template <class T>
void fill_big(ZeroedVector<T>& v, std::size_t n, T value) {
  ZeroedVector<T>(n).swap(v);
  advise_huge_pages(v.data(), n * sizeof(T));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, std::size_t{1} << 20),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      std::fill(v.data() + r.begin(), v.data() + r.end(), value);
                    });
}

}  // namespace adcov::geo
