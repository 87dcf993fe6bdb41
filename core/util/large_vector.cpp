#include "core/util/large_vector.hpp"
#include <cstdint>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace ps {

void advise_huge_pages(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr uintptr_t HUGE = uintptr_t(2) << 20;
    if (bytes < HUGE) return;
    const uintptr_t begin = (uintptr_t(p) + HUGE - 1) & ~(HUGE - 1);
    const uintptr_t end = (uintptr_t(p) + bytes) & ~(HUGE - 1);
    // A refusal (THP "never", an old kernel) leaves ordinary pages: nothing to report.
    if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

}  // namespace ps
