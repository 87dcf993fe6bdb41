#pragma once
// Time spent inside the prover's two heavy kernels, MSM and NTT, so a stage timing can
// say how much of it was arithmetic the protocol cannot avoid and how much is overhead
// (issue 11: "the share of prove time spent in MSMs and NTTs").
//
// Why process-wide counters and not a meter passed in (STYLE.md: no hidden globals):
// msm() and ntt::transform are leaf kernels called from commitments, keygen, the
// vanishing argument and openings; threading a meter through every one of those
// signatures would change a dozen APIs for a measurement. These counters never change a
// result, cost two clock reads per kernel call, and only the outermost kernel call on a
// thread is counted (a kernel that calls another is not counted twice). With several
// threads running kernels at once the totals are summed thread time, so a share above
// 100 % of a stage's wall time is possible; run with one thread for wall-time shares.
#include <atomic>
#include <chrono>
#include <cstdint>

namespace ps::meter {

enum class Kernel { Msm = 0, Ntt = 1 };

struct KernelTotals {
    uint64_t calls = 0;
    uint64_t nanoseconds = 0;
    double milliseconds() const { return double(nanoseconds) / 1e6; }
};

namespace detail {
inline std::atomic<uint64_t> calls[2];
inline std::atomic<uint64_t> nanoseconds[2];
inline thread_local unsigned depth[2] = {0, 0};
}  // namespace detail

inline KernelTotals totals(Kernel k) {
    const int i = int(k);
    return {detail::calls[i].load(std::memory_order_relaxed), detail::nanoseconds[i].load(std::memory_order_relaxed)};
}

// RAII: counts the time from construction to destruction against `kernel`, unless this
// thread is already inside a counted call of the same kernel.
class KernelScope {
public:
    explicit KernelScope(Kernel kernel) : index_(int(kernel)), outermost_(detail::depth[index_]++ == 0) {
        if (outermost_) start_ = std::chrono::steady_clock::now();
    }
    ~KernelScope() {
        --detail::depth[index_];
        if (!outermost_) return;
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_);
        detail::calls[index_].fetch_add(1, std::memory_order_relaxed);
        detail::nanoseconds[index_].fetch_add(uint64_t(ns.count()), std::memory_order_relaxed);
    }
    KernelScope(const KernelScope&) = delete;
    KernelScope& operator=(const KernelScope&) = delete;

private:
    int index_;
    bool outermost_;
    std::chrono::steady_clock::time_point start_{};
};

}  // namespace ps::meter
