#include "core/field/safegcd.hpp"

namespace ps::safegcd {

namespace {

using i128 = __int128;
constexpr uint64_t M62 = (uint64_t(1) << 62) - 1;

// A signed integer as Σ v[i]·2^(62i): limbs 0..3 in [0, 2^62) once normalised, limb 4
// signed. 310 bits hold f, g (|f|, |g| ≤ p throughout) and d, e (in (−2p, 2p)).
struct S62 {
    int64_t v[5];
};

S62 from_u256(const U256& x) {
    const auto& l = x.limb;
    return S62{{int64_t(l[0] & M62), int64_t(((l[0] >> 62) | (l[1] << 2)) & M62),
                int64_t(((l[1] >> 60) | (l[2] << 4)) & M62), int64_t(((l[2] >> 58) | (l[3] << 6)) & M62),
                int64_t(l[3] >> 56)}};
}

// x must be normalised and in [0, 2^256).
U256 to_u256(const S62& x) {
    const auto v = [&](int i) { return uint64_t(x.v[i]); };
    return U256{{v(0) | (v(1) << 62), (v(1) >> 2) | (v(2) << 60), (v(2) >> 4) | (v(3) << 58), (v(3) >> 6) | (v(4) << 56)}};
}

// The transition matrix of 62 divsteps, scaled by 2^62: after them
// f' = (u·f + v·g) / 2^62 and g' = (q·f + r·g) / 2^62. |u| + |v| ≤ 2^62, likewise |q| + |r|.
struct Matrix {
    int64_t u, v, q, r;
};

int64_t shl1(int64_t x) { return int64_t(uint64_t(x) << 1); }
int64_t shl(int64_t x, unsigned k) { return int64_t(uint64_t(x) << k); }

// The low 64 bits of f and g, the transition matrix so far, and ζ = −2δ (its sign bit says
// δ > 0; δ is a half-integer, never 0).
struct Divsteps {
    int64_t zeta;
    uint64_t f, g;
    int64_t u = 1, v = 0, q = 0, r = 1;
};

// One divstep (Bernstein–Yang §8): if δ > 0 and g is odd, (δ, f, g) ← (1 − δ, g, (g − f)/2),
// else (1 + δ, f, (g + (g mod 2)·f)/2). δ starts at 1/2 (Bernstein–Yang's variant with fewer
// iterations, §8 and its follow-up analysis). `odd` is all ones when g is odd, else 0. Written
// as in libsecp256k1's constant-time loop: g ∓ f first, then f ← old g by adding the new g
// back, all by masks, no swap of two values (about 27 operations; swapping first took 37 and
// 1.4× the time). The g row is halved by doubling the f row: the matrix stays integral.
[[gnu::always_inline]] inline void divstep(Divsteps& s, int64_t odd) {
    const int64_t positive = s.zeta >> 63;  // all ones when δ > 0
    const int64_t fx = int64_t((s.f ^ uint64_t(positive)) - uint64_t(positive));  // ∓f
    const int64_t ux = (s.u ^ positive) - positive, vx = (s.v ^ positive) - positive;
    s.g += uint64_t(fx & odd);  // g ∓ f
    s.q += ux & odd;
    s.r += vx & odd;
    const int64_t swap = positive & odd;
    s.zeta = (s.zeta ^ swap) - swap - 2;  // δ ← 1 − δ or 1 + δ
    s.f += s.g & uint64_t(swap);          // f + (g − f) = the old g
    s.u += s.q & swap;
    s.v += s.r & swap;
    s.g >>= 1;
    s.u = shl1(s.u);
    s.v = shl1(s.v);
}

// 62 divsteps, none of them branching or indexing on the values: for secrets. Returns 2δ.
int64_t divsteps_62_consttime(int64_t delta, uint64_t f, uint64_t g, Matrix& t) {
    Divsteps s{-delta, f, g};
    for (int i = 0; i < 62; ++i) divstep(s, -int64_t(s.g & 1));
    t = Matrix{s.u, s.v, s.q, s.r};
    return -s.zeta;
}

// The same transition, with runs of even g shifted out at once (count trailing zeros): its
// time depends on the value, public data only. A divstep on even g is (δ, g) ← (δ + 1, g/2).
// (The multi-bit step of libsecp256k1's notes, g ← (g + w·f)/2^k with w = −g·f⁻¹ mod 2^k
// after a branch on δ, took 1.1× this time here: the branch is a coin flip.)
int64_t divsteps_62_vartime(int64_t delta, uint64_t f, uint64_t g, Matrix& t) {
    Divsteps s{-delta, f, g};
    for (unsigned left = 62;;) {
        const unsigned zeros = unsigned(__builtin_ctzll(s.g | (uint64_t(1) << left)));
        s.g >>= zeros;
        s.u = shl(s.u, zeros);
        s.v = shl(s.v, zeros);
        s.zeta -= 2 * int64_t(zeros);
        left -= zeros;
        if (left == 0) break;
        divstep(s, -1);  // g is odd here
        if (--left == 0) break;
    }
    t = Matrix{s.u, s.v, s.q, s.r};
    return -s.zeta;
}

// (x, y) ← ((u·x + v·y + mx·p), (q·x + r·y + my·p)) / 2^62 in signed 62-bit limbs; the
// caller chose mx, my (0 for f and g) so that the low 62 bits vanish. One limb loop for both
// updates below, the two rows interleaved as independent work for the core.
[[gnu::always_inline]] inline void combine_shifted(S62& x, S62& y, const Matrix& t, int64_t mx, int64_t my,
                                                   const S62& p) {
    i128 cx = (i128(t.u) * x.v[0] + i128(t.v) * y.v[0] + i128(mx) * p.v[0]) >> 62;
    i128 cy = (i128(t.q) * x.v[0] + i128(t.r) * y.v[0] + i128(my) * p.v[0]) >> 62;
    for (int i = 1; i < 5; ++i) {
        cx += i128(t.u) * x.v[i] + i128(t.v) * y.v[i] + i128(mx) * p.v[i];
        cy += i128(t.q) * x.v[i] + i128(t.r) * y.v[i] + i128(my) * p.v[i];
        x.v[i - 1] = int64_t(uint64_t(cx) & M62);
        y.v[i - 1] = int64_t(uint64_t(cy) & M62);
        cx >>= 62;
        cy >>= 62;
    }
    x.v[4] = int64_t(cx);
    y.v[4] = int64_t(cy);
}

// (f, g) ← ((u·f + v·g), (q·f + r·g)) / 2^62, exactly (the matrix makes the low 62 bits 0).
void update_fg(S62& f, S62& g, const Matrix& t) { combine_shifted(f, g, t, 0, 0, S62{}); }

// x + (p & mask), carries propagated (mask is 0 or all ones).
void add_masked(S62& x, const S62& p, int64_t mask) {
    i128 c = 0;
    for (int i = 0; i < 4; ++i) {
        c += i128(x.v[i]) + (p.v[i] & mask);
        x.v[i] = int64_t(uint64_t(c) & M62);
        c >>= 62;
    }
    x.v[4] = int64_t(c + x.v[4] + (p.v[4] & mask));
}

// x in (−2p, 2p) with limbs 0..3 normalised → x mod p in [0, p), without branches.
void reduce_into_range(S62& x, const S62& p) {
    add_masked(x, p, x.v[4] >> 63);  // negative: add p
    add_masked(x, p, x.v[4] >> 63);  // still negative: add p again
    S62 t = x;
    add_masked(t, S62{{-p.v[0], -p.v[1], -p.v[2], -p.v[3], -p.v[4]}}, -1);  // t = x − p
    const int64_t keep_x = t.v[4] >> 63;                                 // x − p < 0: keep x
    for (int i = 0; i < 5; ++i) x.v[i] = (x.v[i] & keep_x) | (t.v[i] & ~keep_x);
}

// (d, e) ← ((u·d + v·e), (q·d + r·e)) / 2^62 mod p, from and into (−2p, p): no reduction per
// batch, one at the end (the range argument of libsecp256k1's safegcd implementation notes).
// md = [d<0]·u + [e<0]·v − b with b ∈ [0, 2^62) chosen by p⁻¹ mod 2^62 so that the sum is
// divisible by 2^62 (likewise me). Then u·d + v·e + md·p = u·(d + [d<0]p) + v·(e + [e<0]p) − b·p,
// where d + [d<0]p and e + [e<0]p lie in (−p, p): the sum lies in (−2·2^62·p, 2^62·p).
void update_de(S62& d, S62& e, const Matrix& t, const S62& p, uint64_t inv62) {
    const int64_t d_neg = d.v[4] >> 63, e_neg = e.v[4] >> 63;
    int64_t md = (t.u & d_neg) + (t.v & e_neg);
    int64_t me = (t.q & d_neg) + (t.r & e_neg);
    const uint64_t low_d = uint64_t(t.u) * uint64_t(d.v[0]) + uint64_t(t.v) * uint64_t(e.v[0]);
    const uint64_t low_e = uint64_t(t.q) * uint64_t(d.v[0]) + uint64_t(t.r) * uint64_t(e.v[0]);
    md -= int64_t((inv62 * low_d + uint64_t(md)) & M62);
    me -= int64_t((inv62 * low_e + uint64_t(me)) & M62);
    combine_shifted(d, e, t, md, me, p);
}

// With δ starting at 1/2, 590 divsteps take any pair of inputs below 2^256 to g = 0
// (Wuille's convex-hull bound for this variant, "Bounds on divsteps iterations in
// safegcd", 2021; the paper's own bound for δ = 1 is 741). 10 batches of 62 are 620.
// A wrong bound would show as wrong inverses in tst_inversion, not as a slow path.
constexpr int CONSTTIME_BATCHES = 10;

bool is_zero(const S62& x) { return (x.v[0] | x.v[1] | x.v[2] | x.v[3] | x.v[4]) == 0; }

// Invariants: f·n ≡ d·a and g·n ≡ e·a (mod p), from f = p, d = 0, g = a, e = n. When g
// reaches 0, f = ±gcd(p, a) = ±1, so n/a = ±d.
template <bool ConstTime>
U256 divide(const U256& n, const U256& a, const Modulus& m) {
    const S62 p = from_u256(m.p);
    S62 f = p, g = from_u256(a), d{}, e = from_u256(n);
    int64_t delta = 1;  // 2δ with δ = 1/2
    Matrix t;
    if constexpr (ConstTime) {
        for (int batch = 0; batch < CONSTTIME_BATCHES; ++batch) {
            delta = divsteps_62_consttime(delta, uint64_t(f.v[0]) | (uint64_t(f.v[1]) << 62),
                                          uint64_t(g.v[0]) | (uint64_t(g.v[1]) << 62), t);
            update_fg(f, g, t);
            update_de(d, e, t, p, m.inv62);
        }
    } else {
        while (!is_zero(g)) {
            delta = divsteps_62_vartime(delta, uint64_t(f.v[0]) | (uint64_t(f.v[1]) << 62),
                                        uint64_t(g.v[0]) | (uint64_t(g.v[1]) << 62), t);
            update_fg(f, g, t);
            update_de(d, e, t, p, m.inv62);
        }
    }
    // d·f_sign: negate d when f = −1 (f.v[4] < 0), then bring −d ∈ (−p, 0] into [0, p).
    const int64_t neg = f.v[4] >> 63;
    for (int i = 0; i < 5; ++i) d.v[i] = (d.v[i] ^ neg) - neg;
    i128 c = 0;
    for (int i = 0; i < 4; ++i) {
        c += d.v[i];
        d.v[i] = int64_t(uint64_t(c) & M62);
        c >>= 62;
    }
    d.v[4] = int64_t(c + d.v[4]);
    reduce_into_range(d, p);
    return to_u256(d);
}

}  // namespace

U256 divide_consttime(const U256& n, const U256& a, const Modulus& m) { return divide<true>(n, a, m); }
U256 divide_vartime(const U256& n, const U256& a, const Modulus& m) { return divide<false>(n, a, m); }

}  // namespace ps::safegcd
