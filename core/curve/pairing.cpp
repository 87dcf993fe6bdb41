#include "core/curve/pairing.hpp"
#include "core/field/tower_constants.hpp"
#include <array>
#include "core/util/error.hpp"
#include <string>
#include <vector>

namespace ps {

namespace pairing_detail {

// ψ(x, y) = (x w^2, y w^3) maps E' to E. Then π_p(ψ(Q)) = (x̄ w^2 · w^(2(p-1)),
// ȳ w^3 · w^(3(p-1))) and w^(p-1) = ξ^((p-1)/6), so π(Q) = (x̄ ξ^((p-1)/3), ȳ ξ^((p-1)/2)).
G2Affine twisted_frobenius(const G2Affine& q) {
    if (q.infinity) return q;
    return G2Affine{q.x.conjugate() * g2::frobenius_x_coeff(), q.y.conjugate() * g2::frobenius_y_coeff(), false};
}

}  // namespace pairing_detail

namespace {

using pairing_detail::BN_U;

// Non-adjacent form of k (digits in {-1, 0, 1}), most significant first.
std::vector<int8_t> naf_msb_first(u128 k) {
    std::vector<int8_t> lsb_first;
    while (k != 0) {
        int8_t d = 0;
        if (k & 1) {
            d = (k & 3) == 3 ? -1 : 1;
            k = d == 1 ? k - 1 : k + 1;
        }
        lsb_first.push_back(d);
        k >>= 1;
    }
    return {lsb_first.rbegin(), lsb_first.rend()};
}

// T in Jacobian coordinates on the twist; a line through ψ(T) evaluated at P = (xp, yp),
// scaled by a factor in Fq2 (which the final exponentiation removes), has the shape
// c0 + c1 w + c3 w^3: Fq12 coefficients (0, w, v·w) → mul_by_line(c0, c1, c3).
struct MillerState {
    G2 t;
    G2Affine q;
    G1Affine p;
};

// Tangent at T: slope 3X^2/(2YZ); multiplying the line by 2YZ·Z^2 gives
// c0 = 2YZ·Z^2·yp, c1 = -3X^2·Z^2·xp, c3 = 3X^3 - 2Y^2. T is doubled alongside
// (dbl-2009-l, whose Z3 = 2YZ).
void double_step(MillerState& s, Fq12& f) {
    G2& t = s.t;
    const Fq2 a = t.x.square();
    const Fq2 b = t.y.square();
    const Fq2 c = b.square();
    const Fq2 zz = t.z.square();
    const Fq2 e = a.dbl() + a;
    const Fq2 line_c3 = e * t.x - b.dbl();
    const Fq2 line_c1 = -(e * zz) * s.p.x;
    Fq2 d = ((t.x + b).square() - a - c).dbl();
    const Fq2 fsq = e.square();
    const Fq2 x3 = fsq - d.dbl();
    const Fq2 c8 = c.dbl().dbl().dbl();
    const Fq2 y3 = e * (d - x3) - c8;
    const Fq2 z3 = (t.y * t.z).dbl();
    const Fq2 line_c0 = (z3 * zz) * s.p.y;
    t = G2{x3, y3, z3};
    f = f.mul_by_line(line_c0, line_c1, line_c3);
}

// Chord through T and the affine R: slope R_/(Z·H) with H = xr Z^2 - X, R_ = yr Z^3 - Y.
// madd-2007-bl has Z3 = 2ZH and r = 2R_, so the line times Z3 is
// c0 = Z3·yp, c1 = -r·xp, c3 = r·xr - yr·Z3.
void add_step(MillerState& s, const G2Affine& r_pt, Fq12& f) {
    G2& t = s.t;
    const Fq2 z1z1 = t.z.square();
    const Fq2 u2 = r_pt.x * z1z1;
    const Fq2 s2 = r_pt.y * t.z * z1z1;
    const Fq2 h = u2 - t.x;
    const Fq2 r = (s2 - t.y).dbl();
    const Fq2 hh = h.square();
    const Fq2 i = hh.dbl().dbl();
    const Fq2 j = h * i;
    const Fq2 v = t.x * i;
    const Fq2 x3 = r.square() - j - v.dbl();
    const Fq2 y3 = r * (v - x3) - (t.y * j).dbl();
    const Fq2 z3 = (t.z + h).square() - z1z1 - hh;
    const Fq2 line_c0 = z3 * s.p.y;
    const Fq2 line_c1 = -(r * s.p.x);
    const Fq2 line_c3 = r * r_pt.x - r_pt.y * z3;
    t = G2{x3, y3, z3};
    f = f.mul_by_line(line_c0, line_c1, line_c3);
}

}  // namespace

Fq12 miller_loop(std::span<const G1Affine> ps_in, std::span<const G2Affine> qs_in) {
    if (ps_in.size() != qs_in.size())
        throw Error("miller_loop", std::to_string(ps_in.size()) + " G1 points but " + std::to_string(qs_in.size()) +
                                       " G2 points: pairs are needed",
                    "pass one G2 point for every G1 point");
    static const std::vector<int8_t> digits = naf_msb_first(u128(BN_U) * 6 + 2);  // 6u + 2
    std::vector<MillerState> states;
    states.reserve(ps_in.size());
    for (size_t i = 0; i < ps_in.size(); ++i)
        if (!ps_in[i].infinity && !qs_in[i].infinity)
            states.push_back(MillerState{G2::from_affine(qs_in[i]), qs_in[i], ps_in[i]});

    Fq12 f = Fq12::one();
    for (size_t i = 1; i < digits.size(); ++i) {
        if (i != 1) f = f.square();
        for (auto& s : states) double_step(s, f);
        if (digits[i] != 0)
            for (auto& s : states) add_step(s, digits[i] > 0 ? s.q : -s.q, f);
    }
    // The two correction lines of the optimal ate pairing: Q1 = π(Q), Q2 = -π^2(Q).
    for (auto& s : states) {
        const G2Affine q1 = pairing_detail::twisted_frobenius(s.q);
        const G2Affine q2 = -pairing_detail::twisted_frobenius(q1);
        add_step(s, q1, f);
        add_step(s, q2, f);
    }
    return f;
}

namespace {
// f^u for f in the cyclotomic subgroup, over the NAF of u (24 non-zero digits instead of
// 28 bits): a digit −1 multiplies by f̄ = f⁻¹, which conjugation gives for free there.
Fq12 cyclotomic_pow_u(const Fq12& f) {
    static const std::vector<int8_t> naf = naf_msb_first(BN_U);
    const Fq12 f_inv = f.conjugate();
    Fq12 r = f;  // the leading digit is 1
    for (size_t i = 1; i < naf.size(); ++i) {
        r = r.cyclotomic_square();
        if (naf[i] > 0) r *= f;
        if (naf[i] < 0) r *= f_inv;
    }
    return r;
}
}  // namespace

Fq12 final_exponentiation(const Fq12& in) {
    // Easy part: f^(p^6 - 1) = f̄ / f, then ^(p^2 + 1). The result lies in the
    // cyclotomic subgroup, where conjugation is inversion.
    Fq12 f = in.conjugate() * in.inverse_vartime();
    f = f.frobenius_map(2) * f;

    // Hard part: λ = λ0 + λ1 p + λ2 p^2 + λ3 p^3 with λ3 = 1, λ2 = 6u^2 + 1,
    // λ1 = -36u^3 - 18u^2 - 12u + 1, λ0 = -36u^3 - 30u^2 - 18u - 2 (Scott et al. §4).
    const Fq12 fu = cyclotomic_pow_u(f);
    const Fq12 fu2 = cyclotomic_pow_u(fu);
    const Fq12 fu3 = cyclotomic_pow_u(fu2);
    const Fq12 y0 = f.frobenius_map(1) * f.frobenius_map(2) * f.frobenius_map(3);
    const Fq12 y1 = f.conjugate();
    const Fq12 y2 = fu2.frobenius_map(2);
    const Fq12 y3 = fu.frobenius_map(1).conjugate();
    const Fq12 y4 = (fu * fu2.frobenius_map(1)).conjugate();
    const Fq12 y5 = fu2.conjugate();
    const Fq12 y6 = (fu3 * fu3.frobenius_map(1)).conjugate();

    Fq12 t0 = y6.cyclotomic_square() * y4 * y5;
    Fq12 t1 = y3 * y5 * t0;
    t0 = t0 * y2;
    t1 = (t1.cyclotomic_square() * t0).cyclotomic_square();
    t0 = t1 * y1;
    t1 = t1 * y0;
    t0 = t0.cyclotomic_square() * t1;
    return t0;
}

Fq12 pairing(const G1Affine& p, const G2Affine& q) {
    return final_exponentiation(miller_loop(std::span(&p, 1), std::span(&q, 1)));
}

bool pairing_product_is_one(std::span<const G1Affine> ps_in, std::span<const G2Affine> qs_in) {
    return final_exponentiation(miller_loop(ps_in, qs_in)).is_one();
}

}  // namespace ps
