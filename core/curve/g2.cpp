#include "core/curve/g2.hpp"
#include "core/curve/coord_codec.hpp"
#include "core/curve/scalar_mul.hpp"
#include "core/field/tower_constants.hpp"

namespace ps {

namespace g2 {
const Fq2& coeff_b() {
    static const Fq2 b = Fq2{Fq::from_u64(3), Fq::zero()} * Fq2{Fq::from_u64(9), Fq::one()}.inverse();
    return b;
}

const Fq2& frobenius_x_coeff() {
    static const Fq2 c = tower::xi().pow(tower::p_minus_one_over(3));
    return c;
}
const Fq2& frobenius_y_coeff() {
    static const Fq2 c = tower::xi().pow(tower::p_minus_one_over(2));
    return c;
}
// ψ²(x, y) = (x·N(cx), y·N(cy)) with N(c) = c·c̄ = c^(p+1) ∈ Fq: conjugating twice is the
// identity, so the two coefficients multiply to their norm.
const Fq& frobenius2_x_coeff() {
    static const Fq c = (frobenius_x_coeff() * frobenius_x_coeff().conjugate()).c0;
    return c;
}
const Fq& frobenius2_y_coeff() {
    static const Fq c = (frobenius_y_coeff() * frobenius_y_coeff().conjugate()).c0;
    return c;
}
}  // namespace g2

namespace {
Fq fq_dec(const char* s) { return *Fq::from_string(s); }

std::optional<G2Affine> checked(const Fq2& x, const Fq2& y) {
    if (x.is_zero() && y.is_zero()) return G2Affine::identity();
    G2Affine p{x, y, false};
    if (!p.is_on_curve() || !p.is_in_subgroup()) return std::nullopt;
    return p;
}

std::optional<Fq> fq_be(std::span<const uint8_t, 128> b, size_t slot) {
    return Fq::from_bytes_be(std::span<const uint8_t, 32>(b.data() + 32 * slot, 32));
}
}  // namespace

// EIP-197, "Definition of the groups": the generator P2 of G2.
G2Affine G2Affine::generator() {
    static const G2Affine g{
        Fq2{fq_dec("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
            fq_dec("11559732032986387107991004021392285783925812861821192530917403151452391805634")},
        Fq2{fq_dec("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
            fq_dec("4082367875863433681332203403145435568316851327593401208105741076214120093531")},
        false};
    return g;
}

bool G2Affine::is_in_subgroup() const { return G2::from_affine(*this).is_in_subgroup(); }

bool G2::is_in_subgroup() const {
    return is_on_curve() && curve_detail::scalar_mul_wnaf(*this, Fr::MODULUS).is_identity();
}

// k·Q = Σ k_j·ψ^j(Q) with ψ the twisted Frobenius, which acts on G2 as p mod r
// (endomorphism.hpp). Only valid on G2: points of the twist outside G2 need mul_u256.
G2 G2::operator*(const Fr& k) const {
    const auto d = curve_detail::gls_decompose_g2(k.to_canonical());
    const Fq& c2x = g2::frobenius2_x_coeff();
    return curve_detail::scalar_mul_endomorphism_affine<G2, G2Affine>(
        *this, d,
        [](const G2Affine& q) {
            return G2Affine{q.x.conjugate() * g2::frobenius_x_coeff(), q.y.conjugate() * g2::frobenius_y_coeff(),
                            q.infinity};
        },
        // c2y = ξ^((p²−1)/2) = −1 (ξ is not a square in Fq2; tst_curve_groups checks it)
        [&](const G2Affine& q) { return G2Affine{q.x * c2x, -q.y, q.infinity}; });
}

G2 G2::mul_u256(const U256& k) const { return curve_detail::scalar_mul_wnaf(*this, k); }

void G2::batch_to_affine(std::span<const G2> in, std::span<G2Affine> out) {
    curve_detail::jacobian_batch_to_affine<G2, G2Affine>(in, out);
}

std::array<uint8_t, 128> g2_to_halo2_raw(const G2Affine& p) {
    std::array<uint8_t, 128> out{};
    if (p.infinity) return out;
    const Fq* coords[4] = {&p.x.c0, &p.x.c1, &p.y.c0, &p.y.c1};
    for (size_t i = 0; i < 4; ++i)
        curve_detail::put_raw_le(*coords[i], std::span<uint8_t, 32>(out.data() + 32 * i, 32));
    return out;
}

std::optional<G2Affine> g2_from_halo2_raw(std::span<const uint8_t, 128> bytes) {
    std::optional<Fq> c[4];
    for (size_t i = 0; i < 4; ++i) {
        c[i] = curve_detail::get_raw_le(std::span<const uint8_t, 32>(bytes.data() + 32 * i, 32));
        if (!c[i]) return std::nullopt;
    }
    return checked(Fq2{*c[0], *c[1]}, Fq2{*c[2], *c[3]});
}

std::array<uint8_t, 128> g2_to_evm(const G2Affine& p) {
    std::array<uint8_t, 128> out{};
    if (p.infinity) return out;
    const Fq* coords[4] = {&p.x.c1, &p.x.c0, &p.y.c1, &p.y.c0};
    for (size_t i = 0; i < 4; ++i) {
        const auto be = coords[i]->to_bytes_be();
        std::copy(be.begin(), be.end(), out.begin() + long(32 * i));
    }
    return out;
}

std::optional<G2Affine> g2_from_evm(std::span<const uint8_t, 128> bytes) {
    std::optional<Fq> c[4];
    for (size_t i = 0; i < 4; ++i)
        if (!(c[i] = fq_be(bytes, i))) return std::nullopt;
    return checked(Fq2{*c[1], *c[0]}, Fq2{*c[3], *c[2]});
}

}  // namespace ps
