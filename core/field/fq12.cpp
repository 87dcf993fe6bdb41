#include "core/field/fq12.hpp"
#include "core/field/tower_constants.hpp"
#include <array>

namespace ps {

// (a + b w)⁻¹ = (a − b w) / (a² − v b²)
Fq12 Fq12::inverse() const {
    const Fq6 ninv = (c0.square() - c1.square().mul_by_v()).inverse();
    return Fq12{c0 * ninv, -(c1 * ninv)};
}
Fq12 Fq12::inverse_vartime() const {
    const Fq6 ninv = (c0.square() - c1.square().mul_by_v()).inverse_vartime();
    return Fq12{c0 * ninv, -(c1 * ninv)};
}

namespace {
// γ_k^i = (w^(p^k − 1))^i = ξ^(i(p^k − 1)/6) for k = 1, 2, 3 and i = 0..5: w^i picks it up
// under x ↦ x^(p^k). γ_1 = ξ^((p−1)/6); γ_2 = γ_1^(p+1) = γ̄_1·γ_1 (a norm, so in Fq);
// γ_3 = γ_1^(p²+p+1) = γ_2·γ_1, since Fq2's Frobenius is conjugation.
using FrobeniusTable = std::array<std::array<Fq2, 6>, 3>;
const FrobeniusTable& frobenius_table() {
    static const FrobeniusTable table = [] {
        const Fq2 g1 = tower::frob_w();
        const Fq2 g2 = g1.conjugate() * g1;
        const Fq2 gamma[3] = {g1, g2, g2 * g1};
        FrobeniusTable t;
        for (size_t k = 0; k < 3; ++k) {
            t[k][0] = Fq2::one();
            for (size_t i = 1; i < 6; ++i) t[k][i] = t[k][i - 1] * gamma[k];
        }
        return t;
    }();
    return table;
}

// x^(p^k), k ∈ {1, 2, 3}. The w-basis index of g0, g1, g2 (f.c0) is 0, 2, 4 and of
// h0, h1, h2 (f.c1) is 1, 3, 5 (v = w²).
Fq12 frobenius_once(const Fq12& f, unsigned k) {
    const std::array<Fq2, 6>& g = frobenius_table()[k - 1];
    if (k == 2) {  // γ_2^i ∈ Fq and no conjugation: Fq2 × Fq products
        return Fq12{Fq6{f.c0.c0, f.c0.c1 * g[2].c0, f.c0.c2 * g[4].c0},
                    Fq6{f.c1.c0 * g[1].c0, f.c1.c1 * g[3].c0, f.c1.c2 * g[5].c0}};
    }
    return Fq12{Fq6{f.c0.c0.conjugate(), f.c0.c1.conjugate() * g[2], f.c0.c2.conjugate() * g[4]},
                Fq6{f.c1.c0.conjugate() * g[1], f.c1.c1.conjugate() * g[3], f.c1.c2.conjugate() * g[5]}};
}
}  // namespace

Fq12 Fq12::frobenius_map(unsigned power) const {
    power %= 12;
    Fq12 r = *this;
    for (; power >= 3; power -= 3) r = frobenius_once(r, 3);
    if (power != 0) r = frobenius_once(r, power);
    return r;
}

Fq12 Fq12::mul_by_line(const Fq2& a, const Fq2& b, const Fq2& c) const {
    const Fq6 v0 = c0 * a;
    const Fq6 v1 = c1.mul_by_01(b, c);
    const Fq6 mixed = (c0 + c1).mul_by_01(a + b, c);
    return Fq12{v0 + v1.mul_by_v(), mixed - v0 - v1};
}

// In the w-basis (w⁶ = ξ; a line is a·w⁰ + b·w¹ + c·w³) the product has w⁰: aa₂ + ξcc₂,
// w¹: ab₂ + ba₂, w²: bb₂, w³: ac₂ + ca₂, w⁴: bc₂ + cb₂ and no w⁵; c0 holds w⁰, w², w⁴ and
// c1 holds w¹, w³, w⁵.
Fq12 Fq12::line_product(const Fq2& a, const Fq2& b, const Fq2& c, const Fq2& a2, const Fq2& b2, const Fq2& c2) {
    const Fq2 aa = a * a2, bb = b * b2, cc = c * c2;
    const Fq2 ab = (a + b) * (a2 + b2) - aa - bb;
    const Fq2 ac = (a + c) * (a2 + c2) - aa - cc;
    const Fq2 bc = (b + c) * (b2 + c2) - bb - cc;
    return Fq12{Fq6{aa + cc.mul_by_nonresidue(), bb, bc}, Fq6{ab, ac, Fq2{}}};
}

Fq12 Fq12::mul_by_line_product(const Fq12& m) const {
    const Fq6 v0 = c0 * m.c0;
    const Fq6 v1 = c1.mul_by_01(m.c1.c0, m.c1.c1);
    const Fq6 mixed = (c0 + c1) * (m.c0 + m.c1);
    return Fq12{v0 + v1.mul_by_v(), mixed - v0 - v1};
}

namespace {
// (x + y s)^2 in Fq4 = Fq2[s]/(s^2 - ξ): returns (x^2 + ξ y^2, 2xy).
inline void fq4_square(const Fq2& x, const Fq2& y, Fq2& out0, Fq2& out1) {
    const Fq2 x2 = x.square(), y2 = y.square();
    out0 = x2 + y2.mul_by_nonresidue();
    out1 = (x + y).square() - x2 - y2;
}
// 3t − 2g and 3t + 2h as t + 2(t ∓ g): three Fq2 additions instead of four.
inline Fq2 three_t_minus_two_g(const Fq2& t, const Fq2& g) { return t + (t - g).dbl(); }
inline Fq2 three_t_plus_two_h(const Fq2& t, const Fq2& h) { return t + (t + h).dbl(); }
}  // namespace

// View f as A0 + A1 w + A2 w^2 over Fq4 with s = w^3 (w^6 = ξ):
// A0 = (g0, h1), A1 = (h0, g2), A2 = (g1, h2) where f = (g0 + g1 v + g2 v^2) + (h0 + ...)w.
// Granger–Scott: f^2 = (3A0^2 - 2Ā0) + (3 s A2^2 + 2Ā1) w + (3A1^2 - 2Ā2) w^2.
Fq12 Fq12::cyclotomic_square() const {
    const Fq2 &g0 = c0.c0, &g1 = c0.c1, &g2 = c0.c2;
    const Fq2 &h0 = c1.c0, &h1 = c1.c1, &h2 = c1.c2;
    Fq2 t00, t01, t10, t11, t20, t21;
    fq4_square(g0, h1, t00, t01);
    fq4_square(h0, g2, t10, t11);
    fq4_square(g1, h2, t20, t21);
    Fq12 r;
    r.c0.c0 = three_t_minus_two_g(t00, g0);
    r.c1.c1 = three_t_plus_two_h(t01, h1);
    r.c1.c0 = three_t_plus_two_h(t21.mul_by_nonresidue(), h0);
    r.c0.c2 = three_t_minus_two_g(t20, g2);
    r.c0.c1 = three_t_minus_two_g(t10, g1);
    r.c1.c2 = three_t_plus_two_h(t11, h2);
    return r;
}

Fq12 Fq12::pow(const U256& e) const {
    Fq12 r = one();
    for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
        r = r.square();
        if (e.bit(unsigned(i))) r *= *this;
    }
    return r;
}

Fq12 Fq12::pow_be(std::span<const uint8_t> e) const {
    Fq12 r = one();
    for (uint8_t byte : e)
        for (int b = 7; b >= 0; --b) {
            r = r.square();
            if ((byte >> b) & 1) r *= *this;
        }
    return r;
}

}  // namespace ps
