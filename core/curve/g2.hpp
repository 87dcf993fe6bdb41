#pragma once
// G2 of BN254: the order-r subgroup of the sextic D-type twist E': y^2 = x^3 + 3/ξ over
// Fq2 (ξ = 9 + u). E' has cofactor 2p - r, so points read from outside must pass
// is_in_subgroup(). Generator as in EIP-197.
#include "core/curve/jacobian.hpp"
#include "core/field/fq2.hpp"
#include "core/field/fr.hpp"
#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace ps {

namespace g2 {
const Fq2& coeff_b();  // 3 / (9 + u)
// ψ(x, y) = (x̄·ξ^((p-1)/3), ȳ·ξ^((p-1)/2)): the p-power Frobenius carried through the
// twist (pairing.hpp, twisted_frobenius). On G2 it is multiplication by p.
const Fq2& frobenius_x_coeff();
const Fq2& frobenius_y_coeff();
// ψ² = (x·c2x, y·c2y) with constants in Fq (the norms of the two above).
const Fq& frobenius2_x_coeff();
const Fq& frobenius2_y_coeff();
}  // namespace g2

struct G2Affine {
    Fq2 x, y;
    bool infinity = true;

    static G2Affine identity() { return G2Affine{}; }
    static G2Affine generator();
    bool is_on_curve() const {
        return infinity || y.square() == x.square() * x + g2::coeff_b();
    }
    bool is_in_subgroup() const;  // r·P = O (and on the curve)
    G2Affine operator-() const { return infinity ? *this : G2Affine{x, -y, false}; }
    bool operator==(const G2Affine& o) const {
        if (infinity || o.infinity) return infinity == o.infinity;
        return x == o.x && y == o.y;
    }
};

class G2 {
public:
    Fq2 x, y, z;  // Jacobian; z == 0 is the identity

    static G2 identity() { return G2{}; }
    static G2 generator() { return from_affine(G2Affine::generator()); }
    static G2 from_affine(const G2Affine& a) {
        return a.infinity ? G2{} : G2{a.x, a.y, Fq2::one()};
    }

    bool is_identity() const { return z.is_zero(); }
    bool is_on_curve() const { return curve_detail::jacobian_on_curve(*this, g2::coeff_b()); }
    bool is_in_subgroup() const;

    G2 dbl() const { return curve_detail::jacobian_double(*this); }
    G2 operator+(const G2& o) const { return curve_detail::jacobian_add(*this, o); }
    G2 add_mixed(const G2Affine& o) const { return curve_detail::jacobian_add_mixed(*this, o); }
    G2 operator-() const { return G2{x, -y, z}; }
    G2 operator-(const G2& o) const { return *this + (-o); }
    G2& operator+=(const G2& o) { return *this = *this + o; }
    // wNAF with the ψ endomorphism: valid for points of G2 only; not constant time.
    G2 operator*(const Fr& k) const;
    G2 mul_u256(const U256& k) const;

    G2Affine to_affine() const { return curve_detail::jacobian_to_affine<G2, G2Affine>(*this); }
    static void batch_to_affine(std::span<const G2> in, std::span<G2Affine> out);

    bool operator==(const G2& o) const { return curve_detail::jacobian_equal(*this, o); }
};

// halo2 raw layout: x.c0 || x.c1 || y.c0 || y.c1, each 32 bytes of little-endian
// Montgomery limbs; identity = all zero. Readers reject coordinates >= p, points off the
// curve and points outside the order-r subgroup.
std::array<uint8_t, 128> g2_to_halo2_raw(const G2Affine& p);
std::optional<G2Affine> g2_from_halo2_raw(std::span<const uint8_t, 128> bytes);

// EVM layout (EIP-197): x.c1 || x.c0 || y.c1 || y.c0, 32-byte big-endian canonical
// integers; all zero is infinity. Same checks as above.
std::array<uint8_t, 128> g2_to_evm(const G2Affine& p);
std::optional<G2Affine> g2_from_evm(std::span<const uint8_t, 128> bytes);

}  // namespace ps
