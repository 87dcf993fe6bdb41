#pragma once
// Single-thread kernels of Pippenger's method: the sum Σ_d d·(Σ_{i: digit_i = d} ±P_i) of
// one window, from the signed digits of that window. Threads live one level up (msm.cpp).
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include <cstdint>
#include <span>

#include "core/util/progress.hpp"

namespace ps::msm_detail {

// A signed window digit d ∈ [−2^(c−1), 2^(c−1)] stored as (|d| << 1) | (d < 0); 0 is 0.
using Digit = uint16_t;
inline uint32_t digit_magnitude(Digit d) { return d >> 1; }
inline bool digit_negative(Digit d) { return d & 1; }

// The points of the MSM's terms. With GLV (Gallant–Lambert–Vanstone, CRYPTO 2001) each
// scalar k splits into k1 + k2·λ and the term k·P into k1·P + k2·φ(P), so there are two
// terms per input point: term j is base[j] for j < base.size(), φ(base[j − base.size()])
// = phi[j − base.size()] after that. Without GLV phi is empty.
struct TermPoints {
    std::span<const G1Affine> base;
    std::span<const G1Affine> phi;

    size_t size() const { return base.size() + phi.size(); }
    const G1Affine& operator[](size_t j) const { return j < base.size() ? base[j] : phi[j - base.size()]; }
};

// bucket_count: the largest digit magnitude of this window (2^(c−1), or less for the
// top window, whose digits only cover the scalar's last bits). digits.size() == points.size().

// Buckets in Jacobian coordinates with mixed additions (7M+4S each): best for small n
// and for windows with few buckets.
G1 window_sum_jacobian(const TermPoints& points, std::span<const Digit> digits, size_t bucket_count);

// Buckets in affine coordinates, additions batched so that one field inversion is shared
// by up to 512 additions (≈6M each): best for many points over many buckets.
G1 window_sum_batch_affine(const TermPoints& points, std::span<const Digit> digits, size_t bucket_count);

// Fewer buckets than this make batches too small (too many collisions) for batch-affine.
constexpr size_t BATCH_AFFINE_MIN_BUCKETS = 1024;

// The whole bucket method with window width c (2..15) and the chosen kernel; msm() picks
// c and the kernel from n. Scalars above 128 bits go through GLV. Exposed for tests and tuning.
G1 pippenger(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c, bool batch_affine,
             const ProgressSink* progress = nullptr);

}  // namespace ps::msm_detail
