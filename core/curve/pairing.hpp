#pragma once
// The optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010): a Miller loop
// over 6u+2 with two Frobenius-twisted correction lines, then the final exponentiation
// to the power (p^12 - 1)/r. e: G1 × G2 → μ_r ⊂ Fq12*.
#include "core/curve/bn_parameter.hpp"
#include "core/curve/g1.hpp"
#include "core/curve/g2.hpp"
#include "core/field/fq12.hpp"
#include <span>
#include <vector>

namespace ps {

// The lines of Q's Miller loop, computed once (Q's point arithmetic does not depend on P):
// a G2 point that is paired again and again (the G2 generator, KZG's [τ]G2) is prepared
// once and each pairing then only evaluates the lines at P. Every Miller loop runs on
// prepared lines; an unprepared Q is prepared on the fly (one code path).
class G2Prepared {
public:
    // A line through points of ψ(E') scaled so that P's coordinates factor out:
    // ℓ(P) = a·yP + b·xP·w + c·v·w (Fq12 coefficients 0, w and v·w, see Fq12::mul_by_line).
    struct Line {
        Fq2 a, b, c;
    };

    G2Prepared() = default;  // the identity: pairs to 1
    explicit G2Prepared(const G2Affine& q);

    bool is_identity() const { return lines_.empty(); }
    std::span<const Line> lines() const { return lines_; }

private:
    std::vector<Line> lines_;  // in the order the Miller loop consumes them
};

// The G2 generator's lines, prepared at first use.
const G2Prepared& g2_generator_prepared();

// Π_i f_{6u+2,Q_i}(P_i) · (line corrections): the product of the Miller loops, sharing
// the squarings. Pairs where either point is the identity contribute 1. Sizes must match
// (else Error). The prepared form takes non-null pointers, which the caller keeps alive.
Fq12 miller_loop(std::span<const G1Affine> ps, std::span<const G2Affine> qs);
Fq12 miller_loop_prepared(std::span<const G1Affine> ps, std::span<const G2Prepared* const> qs);

// f^((p^12 - 1)/r): easy part (p^6 - 1)(p^2 + 1), hard part (p^4 - p^2 + 1)/r by the
// addition chain of Scott et al., "On the final exponentiation for calculating pairings
// on ordinary elliptic curves" (Pairing 2009), §4 (BN curves).
Fq12 final_exponentiation(const Fq12& f);

Fq12 pairing(const G1Affine& p, const G2Affine& q);

// Π e(P_i, Q_i) == 1 with one final exponentiation (the EIP-197 check).
bool pairing_product_is_one(std::span<const G1Affine> ps, std::span<const G2Affine> qs);
bool pairing_product_is_one_prepared(std::span<const G1Affine> ps, std::span<const G2Prepared* const> qs);

namespace pairing_detail {
using curve_detail::BN_U;  // bn_parameter.hpp
// π(Q) on the twist: the p-power Frobenius of E carried through the twist map.
G2Affine twisted_frobenius(const G2Affine& q);
}  // namespace pairing_detail

}  // namespace ps
