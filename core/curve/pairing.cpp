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

// Width-w non-adjacent form of k, most significant digit first: odd digits in
// (−2^(w−1), 2^(w−1)), at least w − 1 zeros after each non-zero digit. w = 2 is the NAF
// (digits in {−1, 0, 1}).
std::vector<int8_t> wnaf_msb_first(u128 k, unsigned w) {
    const int64_t window = int64_t(1) << w;
    std::vector<int8_t> lsb_first;
    while (k != 0) {
        int64_t d = 0;
        if (k & 1) {
            d = int64_t(k & u128(window - 1));
            if (d >= window / 2) d -= window;
            k = d > 0 ? k - u128(d) : k + u128(-d);
        }
        lsb_first.push_back(int8_t(d));
        k >>= 1;
    }
    return {lsb_first.rbegin(), lsb_first.rend()};
}

const std::vector<int8_t>& loop_digits() {
    static const std::vector<int8_t> digits = wnaf_msb_first(u128(BN_U) * 6 + 2, 2);  // 6u + 2
    return digits;
}

// 3b' for the twist E': y² = x³ + b', b' = 3/ξ.
const Fq2& twist_b3() {
    static const Fq2 b3 = g2::coeff_b().dbl() + g2::coeff_b();
    return b3;
}

// T = (X : Y : Z) in homogeneous projective coordinates on the twist (x = X/Z, y = Y/Z):
// no inversion, and the line through ψ(T) comes out of the same intermediate values
// (Costello, Lange, Naehrig, "Faster pairing computations on curves with high-degree
// twists", PKC 2010; Aranha et al., "Faster explicit formulas for computing pairings
// over ordinary curves", EUROCRYPT 2011, §4, D-type twist).
struct Projective {
    Fq2 x, y, z;
};

// Tangent at ψ(T), evaluated at P and multiplied by −2Z²y (an Fq2 factor, which the
// final exponentiation removes): −2YZ·yP + 3X²·xP·w + (3b'Z² − Y²)·v·w, using
// 3x³ − 2y² = y² − 3b' on E'. T becomes 2T scaled by 4 to avoid halvings:
// X3 = 2XY(Y² − 9b'Z²), Y3 = (Y² + 9b'Z²)² − 108b'²Z⁴, Z3 = 8Y³Z.
G2Prepared::Line double_step(Projective& t) {
    const Fq2 b = t.y.square();
    const Fq2 c = t.z.square();
    const Fq2 e = twist_b3() * c;                  // 3b'Z²
    const Fq2 f = e.dbl() + e;                     // 9b'Z²
    const Fq2 h = (t.y + t.z).square() - b - c;    // 2YZ
    const Fq2 j = t.x.square();
    const G2Prepared::Line line{-h, j.dbl() + j, e - b};
    const Fq2 e2 = e.square();
    const Fq2 e2_12 = (e2.dbl() + e2).dbl().dbl();  // 12E² = 108b'²Z⁴
    t.x = ((t.x + t.y).square() - j - b) * (b - f);  // 2XY by a squaring: 3 products, 7 squarings
    t.y = (b + f).square() - e2_12;
    t.z = (b * h).dbl().dbl();
    return line;
}

// Chord through ψ(T) and ψ(Q) for an affine Q = (x2, y2): with θ = Y − y2·Z, λ = X − x2·Z the
// line times λ is λ·yP − θ·xP·w + (θ·x2 − λ·y2)·v·w, and T + Q is (λH, θ(Xλ² − H) − Yλ³, Zλ³)
// with H = λ³ + Zθ² − 2Xλ².
G2Prepared::Line add_step(Projective& t, const G2Affine& q, bool update_t = true) {
    const Fq2 theta = t.y - q.y * t.z;
    const Fq2 lambda = t.x - q.x * t.z;
    const G2Prepared::Line line{lambda, -theta, theta * q.x - lambda * q.y};
    if (!update_t) return line;
    const Fq2 c = theta.square();
    const Fq2 d = lambda.square();
    const Fq2 e = lambda * d;
    const Fq2 f = t.z * c;
    const Fq2 g = t.x * d;
    const Fq2 h = e + f - g.dbl();
    t.x = lambda * h;
    t.y = theta * (g - h) - t.y * e;
    t.z = t.z * e;
    return line;
}

}  // namespace

G2Prepared::G2Prepared(const G2Affine& q) {
    if (q.infinity) return;
    const std::vector<int8_t>& digits = loop_digits();
    lines_.reserve(2 * digits.size() + 2);
    const G2Affine neg_q = -q;
    Projective t{q.x, q.y, Fq2::one()};
    for (size_t i = 1; i < digits.size(); ++i) {
        lines_.push_back(double_step(t));
        if (digits[i] != 0) lines_.push_back(add_step(t, digits[i] > 0 ? q : neg_q));
    }
    // The two correction lines of the optimal ate pairing: Q1 = π(Q), Q2 = -π^2(Q).
    const G2Affine q1 = pairing_detail::twisted_frobenius(q);
    const G2Affine q2 = -pairing_detail::twisted_frobenius(q1);
    lines_.push_back(add_step(t, q1));
    lines_.push_back(add_step(t, q2, false));  // the last line: T + Q2 is not needed
}

const G2Prepared& g2_generator_prepared() {
    static const G2Prepared prepared(G2Affine::generator());
    return prepared;
}

namespace {
void check_pair_count(size_t ps, size_t qs) {
    if (ps != qs)
        throw Error("miller_loop", std::to_string(ps) + " G1 points but " + std::to_string(qs) +
                                       " G2 points: pairs are needed",
                    "pass one G2 point for every G1 point");
}

// One pair's walk through its prepared lines.
struct PairCursor {
    Fq xp, yp;
    const G2Prepared::Line* next;
    G2Prepared::Line next_line() {  // evaluated at P
        const G2Prepared::Line& l = *next++;
        return G2Prepared::Line{l.a * yp, l.b * xp, l.c};
    }
};

Fq12 line_value(const G2Prepared::Line& l) { return Fq12{Fq6{l.a, Fq2{}, Fq2{}}, Fq6{l.b, l.c, Fq2{}}}; }

Fq12 line_product(const G2Prepared::Line& l, const G2Prepared::Line& m) {
    return Fq12::line_product(l.a, l.b, l.c, m.a, m.b, m.c);
}

// f times the next line of every pair, two pairs' lines multiplied together first
// (Fq12::line_product). f_is_one: f = 1, so the first line (or line product) is f.
void multiply_next_lines(Fq12& f, std::vector<PairCursor>& pairs, bool f_is_one) {
    size_t j = 0;
    if (f_is_one && !pairs.empty()) {
        if (pairs.size() >= 2) {
            const G2Prepared::Line l = pairs[0].next_line();
            f = line_product(l, pairs[1].next_line());
            j = 2;
        } else {
            f = line_value(pairs[0].next_line());
            j = 1;
        }
    }
    for (; j + 1 < pairs.size(); j += 2) {
        const G2Prepared::Line l = pairs[j].next_line();
        f = f.mul_by_line_product(line_product(l, pairs[j + 1].next_line()));
    }
    if (j < pairs.size()) {
        const G2Prepared::Line l = pairs[j].next_line();
        f = f.mul_by_line(l.a, l.b, l.c);
    }
}
}  // namespace

Fq12 miller_loop_prepared(std::span<const G1Affine> ps_in, std::span<const G2Prepared* const> qs_in) {
    check_pair_count(ps_in.size(), qs_in.size());
    std::vector<PairCursor> pairs;
    pairs.reserve(ps_in.size());
    for (size_t i = 0; i < ps_in.size(); ++i)
        if (!ps_in[i].infinity && !qs_in[i]->is_identity())
            pairs.push_back(PairCursor{ps_in[i].x, ps_in[i].y, qs_in[i]->lines().data()});

    const std::vector<int8_t>& digits = loop_digits();
    Fq12 f = Fq12::one();
    for (size_t i = 1; i < digits.size(); ++i) {
        if (i != 1) f = f.square();
        multiply_next_lines(f, pairs, i == 1);
        if (digits[i] != 0) multiply_next_lines(f, pairs, false);
    }
    multiply_next_lines(f, pairs, false);  // the two correction lines
    multiply_next_lines(f, pairs, false);
    return f;
}

Fq12 miller_loop(std::span<const G1Affine> ps_in, std::span<const G2Affine> qs_in) {
    check_pair_count(ps_in.size(), qs_in.size());
    std::vector<G2Prepared> prepared;
    prepared.reserve(qs_in.size());
    std::vector<const G2Prepared*> pointers;
    pointers.reserve(qs_in.size());
    for (size_t i = 0; i < qs_in.size(); ++i) {
        // Q's lines are not needed when P is the identity: skip computing them.
        prepared.emplace_back(ps_in[i].infinity ? G2Affine::identity() : qs_in[i]);
    }
    for (const G2Prepared& q : prepared) pointers.push_back(&q);
    return miller_loop_prepared(ps_in, pointers);
}

namespace {
// f^u for f in the cyclotomic subgroup over the width-4 NAF of u: 14 non-zero digits in
// {±1, ±3, ±5, ±7}, so 13 multiplications plus 3 for the table f, f³, f⁵, f⁷, against 23
// over the plain NAF (24 non-zero digits). A negative digit multiplies by the conjugate,
// which is the inverse in that subgroup.
Fq12 cyclotomic_pow_u(const Fq12& f) {
    static const std::vector<int8_t> digits = wnaf_msb_first(BN_U, 4);
    const Fq12 f2 = f.cyclotomic_square();
    std::array<Fq12, 4> odd;  // f^(2i+1)
    odd[0] = f;
    for (size_t i = 1; i < odd.size(); ++i) odd[i] = odd[i - 1] * f2;
    const auto power = [&](int d) { return d > 0 ? odd[size_t(d / 2)] : odd[size_t(-d / 2)].conjugate(); };
    Fq12 r = power(digits[0]);
    for (size_t i = 1; i < digits.size(); ++i) {
        r = r.cyclotomic_square();
        if (digits[i] != 0) r *= power(digits[i]);
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

bool pairing_product_is_one_prepared(std::span<const G1Affine> ps_in, std::span<const G2Prepared* const> qs_in) {
    return final_exponentiation(miller_loop_prepared(ps_in, qs_in)).is_one();
}

}  // namespace ps
