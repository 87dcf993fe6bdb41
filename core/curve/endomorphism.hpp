#pragma once
// Scalar decompositions that halve the doublings of a scalar multiplication.
//  G1 (GLV: Gallant, Lambert, Vanstone, CRYPTO 2001): φ(x, y) = (βx, y) with β a cube
//  root of unity in Fq acts on G1 as multiplication by λ, λ² + λ + 1 ≡ 0 (mod r).
//  k ≡ k1 + k2·λ with |k1|, |k2| < 2^127 by Babai rounding against the short lattice
//  basis v1 = (2u+1, 6u²+4u+1), v2 = (6u²+2u, −(2u+1)) of BN curves.
//  G2 (GLS-style, one endomorphism): ψ = the twisted Frobenius acts on G2 as
//  multiplication by p ≡ p − r = 6u² (mod r), a 127-bit number, so k = k1 + k2·(p − r)
//  by plain division.
#include "core/field/fq.hpp"
#include "core/field/u256.hpp"

namespace ps::curve_detail {

struct SignedHalf {  // a 128-bit magnitude and a sign
    u128 magnitude = 0;
    bool negative = false;
};

struct Decomposition {
    SignedHalf k1, k2;
};

// k (< r) = k1 + k2·λ (mod r), λ = the eigenvalue of φ on G1.
Decomposition glv_decompose_g1(const U256& k);
// k (< r) = k1 + k2·(p − r), both non-negative.
Decomposition decompose_g2(const U256& k);

const U256& glv_lambda();  // λ, as an integer < r
const Fq& glv_beta();      // β with φ(P) = λ·P on G1

}  // namespace ps::curve_detail
