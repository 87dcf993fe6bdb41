#pragma once
// Single-thread kernels of Pippenger's method: the sum Σ_d d·(Σ_{i: digit_i = d} ±P_i) of
// one window, from the signed digits of that window. Threads live one level up (msm.cpp).
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include "core/field/u256.hpp"
#include <cstdint>
#include <span>

#include "core/util/progress.hpp"

namespace ps::msm_detail {

// A signed window digit d ∈ [−2^(c−1), 2^(c−1)] stored as (|d| << 1) | (d < 0); 0 is 0.
using Digit = uint32_t;
inline uint32_t digit_magnitude(Digit d) { return d >> 1; }
inline bool digit_negative(Digit d) { return d & 1; }

// The MSM's terms ±k_j·Q_j with k_j < 2^128. With GLV (Gallant–Lambert–Vanstone, CRYPTO
// 2001) each scalar k splits into k1 + k2·λ and k·P into k1·P + k2·φ(P), so there are two
// terms per input point: Q_j is base[j] for j < base.size(), φ(base[j − base.size()]) =
// phi[j − base.size()] after that. Without GLV phi is empty (scalars up to 128 bits).
struct Terms {
    std::span<const G1Affine> base;
    std::span<const G1Affine> phi;
    std::span<const u128> magnitude;  // k_j, one per term
    std::span<const uint8_t> negative;  // the term's sign; empty: all positive

    size_t size() const { return magnitude.size(); }
    const G1Affine& point(size_t j) const { return j < base.size() ? base[j] : phi[j - base.size()]; }

    // The signed digit of term j in the window of bits [shift, shift + c), recoded on the
    // fly (Booth): d = k[shift, shift+c) + k_(shift−1) − 2^c·k_(shift+c−1), which only
    // reads c + 1 bits, so no window depends on the one below. Σ_w d_w·2^(wc) = k when the
    // windows cover one bit more than k has (k_(W·c−1) = 0).
    Digit digit(size_t j, unsigned shift, unsigned c) const {
        if (shift > 128) return 0;
        const u128 k = magnitude[j];
        const uint32_t x = uint32_t(shift == 0 ? k << 1 : k >> (shift - 1)) & ((uint32_t(2) << c) - 1);
        const uint32_t chunk = x >> 1, top = x >> c;
        const uint32_t sign = uint32_t(negative.empty() ? 0 : negative[j]);
        if (top) {  // d = chunk + carry − 2^c ≤ 0
            const uint32_t mag = (uint32_t(1) << c) - chunk - (x & 1);
            return mag == 0 ? 0 : (mag << 1) | (sign ^ 1);
        }
        const uint32_t mag = chunk + (x & 1);
        return mag == 0 ? 0 : (mag << 1) | sign;
    }
};

// bucket_count: the largest digit magnitude of this window (2^(c−1), or less for the
// top window, whose digits only cover the scalar's last bits). The window is bits
// [shift, shift + c) of the terms' scalars.

// Buckets in Jacobian coordinates with mixed additions (7M+4S each): best for small n
// and for windows with few buckets.
G1 window_sum_jacobian(const Terms& terms, unsigned shift, unsigned c, size_t bucket_count);

// Buckets in affine coordinates, additions batched so that one field inversion is shared
// by up to 512 additions (≈6M each): best for many points over many buckets.
G1 window_sum_batch_affine(const Terms& terms, unsigned shift, unsigned c, size_t bucket_count);

// Fewer buckets than this make batches too small (too many collisions) for batch-affine.
constexpr size_t BATCH_AFFINE_MIN_BUCKETS = 1024;

// The whole bucket method with window width c (2..16) and the chosen kernel; msm() picks
// c and the kernel from n. Scalars above 128 bits go through GLV. Exposed for tests and tuning.
G1 pippenger(std::span<const G1Affine> points, std::span<const Fr> scalars, unsigned c, bool batch_affine,
             const ProgressSink* progress = nullptr);

}  // namespace ps::msm_detail
