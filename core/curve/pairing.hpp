#pragma once
// The optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010): a Miller loop
// over 6u+2 with two Frobenius-twisted correction lines, then the final exponentiation
// to the power (p^12 - 1)/r. e: G1 × G2 → μ_r ⊂ Fq12*.
#include "core/curve/bn_parameter.hpp"
#include "core/curve/g1.hpp"
#include "core/curve/g2.hpp"
#include "core/field/fq12.hpp"
#include <span>

namespace ps {

// Π_i f_{6u+2,Q_i}(P_i) · (line corrections): the product of the Miller loops, sharing
// the squarings. Pairs where either point is the identity contribute 1. Sizes must match.
Fq12 miller_loop(std::span<const G1Affine> ps, std::span<const G2Affine> qs);

// f^((p^12 - 1)/r): easy part (p^6 - 1)(p^2 + 1), hard part (p^4 - p^2 + 1)/r by the
// addition chain of Scott et al., "On the final exponentiation for calculating pairings
// on ordinary elliptic curves" (Pairing 2009), §4 (BN curves).
Fq12 final_exponentiation(const Fq12& f);

Fq12 pairing(const G1Affine& p, const G2Affine& q);

// Π e(P_i, Q_i) == 1 with one final exponentiation (the EIP-197 check).
bool pairing_product_is_one(std::span<const G1Affine> ps, std::span<const G2Affine> qs);

namespace pairing_detail {
using curve_detail::BN_U;  // bn_parameter.hpp
// π(Q) on the twist: the p-power Frobenius of E carried through the twist map.
G2Affine twisted_frobenius(const G2Affine& q);
}  // namespace pairing_detail

}  // namespace ps
