#pragma once
/// \file
/// Large arrays (terrain grids, visibility windows) on transparent huge pages
/// where the kernel offers them: one page fault per 2 MiB instead of per
/// 4 KiB, and one TLB entry for a whole stripe of rows, which matters for
/// the east/west sweeps that walk a window column by column. Only a hint: the
/// contents, and hence every result, are the same with or without it.

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace adcov::geo {

/// Asks for huge pages on the 2 MiB-aligned part of [p, p + bytes) (Linux
/// MADV_HUGEPAGE; a no-op elsewhere or for small ranges).
inline void advise_huge_pages(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  const std::uintptr_t a = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHuge - 1);
  if (e > a) madvise(reinterpret_cast<void*>(a), e - a, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

/// v = n copies of `value`, its storage advised to huge pages before it is
/// first touched (when it is large enough for that to matter).
template <class T>
void assign_big(std::vector<T>& v, std::size_t n, const T& value) {
  if (n * sizeof(T) >= (std::size_t{4} << 20) && v.capacity() < n) {
    std::vector<T>().swap(v);
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
  }
  v.assign(n, value);
}

}  // namespace adcov::geo
