#pragma once
// G1 of BN254: y^2 = x^3 + 3 over Fq, prime order r (cofactor 1), generator (1, 2).
// Points are plain values (MSM stores millions of G1Affine): no vtables, no extra state.
#include "core/curve/jacobian.hpp"
#include "core/field/fq.hpp"
#include "core/field/fr.hpp"
#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace ps {

namespace g1 {
// The curve constant b = 3.
inline const Fq& coeff_b() {
    static const Fq b = Fq::from_u64(3);
    return b;
}
}  // namespace g1

struct G1Affine {
    Fq x, y;
    bool infinity = true;

    static G1Affine identity() { return G1Affine{}; }
    static G1Affine generator() { return G1Affine{Fq::from_u64(1), Fq::from_u64(2), false}; }
    bool is_on_curve() const {
        return infinity || y.square() == x.square() * x + g1::coeff_b();
    }
    G1Affine operator-() const { return infinity ? *this : G1Affine{x, -y, false}; }
    bool operator==(const G1Affine& o) const {
        if (infinity || o.infinity) return infinity == o.infinity;
        return x == o.x && y == o.y;
    }
};

class G1 {
public:
    Fq x, y, z;  // Jacobian; z == 0 is the identity

    static G1 identity() { return G1{}; }
    static G1 generator() { return from_affine(G1Affine::generator()); }
    static G1 from_affine(const G1Affine& a) {
        return a.infinity ? G1{} : G1{a.x, a.y, Fq::one()};
    }

    bool is_identity() const { return z.is_zero(); }
    bool is_on_curve() const { return curve_detail::jacobian_on_curve(*this, g1::coeff_b()); }

    G1 dbl() const { return curve_detail::jacobian_double(*this); }
    G1 operator+(const G1& o) const { return curve_detail::jacobian_add(*this, o); }
    G1 add_mixed(const G1Affine& o) const { return curve_detail::jacobian_add_mixed(*this, o); }
    G1 operator-() const { return G1{x, -y, z}; }
    G1 operator-(const G1& o) const { return *this + (-o); }
    G1& operator+=(const G1& o) { return *this = *this + o; }
    G1 operator*(const Fr& k) const;  // GLV + wNAF, not constant time (public data)
    // Multiplication by an integer (not reduced mod r), e.g. r itself in subgroup tests.
    G1 mul_u256(const U256& k) const;

    G1Affine to_affine() const { return curve_detail::jacobian_to_affine<G1, G1Affine>(*this); }
    // One field inversion for the whole batch; out.size() must equal in.size().
    static void batch_to_affine(std::span<const G1> in, std::span<G1Affine> out);

    bool operator==(const G1& o) const { return curve_detail::jacobian_equal(*this, o); }
};

// halo2's raw layout (kzg.srs, halo2curves `write_raw`): x || y, each 32 bytes holding the
// four little-endian limbs of the Montgomery form; the identity is (0, 0).
std::array<uint8_t, 64> g1_to_halo2_raw(const G1Affine& p);
// nullopt if a coordinate is >= p or the point is not on the curve.
std::optional<G1Affine> g1_from_halo2_raw(std::span<const uint8_t, 64> bytes);

// EVM layout (EIP-196): x || y, 32-byte big-endian canonical integers; (0, 0) is infinity.
std::array<uint8_t, 64> g1_to_evm(const G1Affine& p);
std::optional<G1Affine> g1_from_evm(std::span<const uint8_t, 64> bytes);

}  // namespace ps
