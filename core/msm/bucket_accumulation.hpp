#pragma once
// Single-thread kernels of Pippenger's method: the sum Σ_d d·(Σ_{i: digit_i = d} ±P_i) of
// one window, from the signed digits of that window. Threads live one level up (msm.cpp).
#include "core/curve/g1.hpp"
#include <cstdint>
#include <span>

namespace ps::msm_detail {

// A signed window digit d ∈ [−2^(c−1), 2^(c−1)] stored as (|d| << 1) | (d < 0); 0 is 0.
using Digit = uint16_t;
inline uint32_t digit_magnitude(Digit d) { return d >> 1; }
inline bool digit_negative(Digit d) { return d & 1; }

// Buckets in Jacobian coordinates with mixed additions (7M+4S each): best for small n.
G1 window_sum_jacobian(std::span<const G1Affine> points, std::span<const Digit> digits,
                       unsigned window_bits);

// Buckets in affine coordinates, additions batched so that one field inversion is shared
// by up to a few hundred additions (≈6M each): best for large n.
G1 window_sum_batch_affine(std::span<const G1Affine> points, std::span<const Digit> digits,
                           unsigned window_bits);

}  // namespace ps::msm_detail
