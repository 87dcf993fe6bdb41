#pragma once
// Scalar decompositions that halve the doublings of a scalar multiplication.
//  G1 (GLV: Gallant, Lambert, Vanstone, CRYPTO 2001): φ(x, y) = (βx, y) with β a cube
//  root of unity in Fq acts on G1 as multiplication by λ, λ² + λ + 1 ≡ 0 (mod r).
//  k ≡ k1 + k2·λ with |k1|, |k2| < 2^127 by Babai rounding against the short lattice
//  basis v1 = (2u+1, 6u²+4u+1), v2 = (6u²+2u, −(2u+1)) of BN curves. The rounding is a
//  floor with precomputed g1, g2, so (k1, k2) = f1·v1 + f2·v2 with f_i ∈ [0, 1 + r·ε_i),
//  ε_i the error of g_i/2^256 (r·ε1 = 0.082, r·ε2 = 0.015). Suprema: |k1| < 2^126.82,
//  |k2| < (1 + r·ε1)·b1 = 2^126.912 — a 6 % margin below 2^127, reached by a crafted
//  scalar in tst_curve_groups (scalar_decompositions_recombine_to_k). Changing g1/g2
//  or the basis must keep that margin positive.
//  G2 (GLS: Galbraith, Scott, "Exponentiation in pairing-friendly groups using
//  homomorphisms", Pairing 2008, §6 for BN curves): ψ = the twisted Frobenius acts on G2
//  as multiplication by μ = p mod r, so k ≡ k0 + k1·μ + k2·μ² + k3·μ³ with |k_j| < 2^66,
//  by Babai rounding against their 4-dimensional basis (polynomials in u).
#include "core/field/fq.hpp"
#include "core/field/u256.hpp"
#include <array>

namespace ps::curve_detail {

struct SignedHalf {  // a 128-bit magnitude and a sign
    u128 magnitude = 0;
    bool negative = false;
};

// k (< r) ≡ k[0] + k[1]·λ (mod r), λ = the eigenvalue of φ on G1; |k[i]| < 2^127.
std::array<SignedHalf, 2> glv_decompose_g1(const U256& k);
// k (< r) ≡ Σ k[j]·μ^j (mod r), μ = p mod r (ψ's eigenvalue on G2); |k[j]| < 2^66.
std::array<SignedHalf, 4> gls_decompose_g2(const U256& k);

const U256& glv_lambda();  // λ, as an integer < r
const Fq& glv_beta();      // β with φ(P) = λ·P on G1

}  // namespace ps::curve_detail
