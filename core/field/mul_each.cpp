#include "core/field/mul_each.hpp"

#include "core/util/cpu_features.hpp"
#include "core/util/error.hpp"

#include <array>
#include <string>

#if defined(__x86_64__)
// GCC 12's avx512fintrin.h starts the shift intrinsics from _mm512_undefined_epi32(), which
// -Wmaybe-uninitialized reports as an uninitialised read wherever they inline.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace ps {

namespace {

void check_lengths(size_t out, size_t a, size_t b) {
    if (out != a || out != b)
        throw Error("mul_each", "was given vectors of " + std::to_string(out) + ", " + std::to_string(a) + " and " +
                                    std::to_string(b) + " elements",
                    "pass vectors of one length");
}

#if defined(__x86_64__)

// Montgomery products in radix 2^52 (Gueron and Krasnov, "Accelerating big integer arithmetic
// using Intel IFMA extensions", ARITH 2016): a value is five 52-bit limbs, and lane k of limb
// vector j holds limb j of element k. vpmadd52luq/huq add the low/high 52 bits of a 52×52-bit
// product to a 64-bit lane, so carries can wait until the end.
//
// That reduction divides by R' = 2^260 where our Montgomery form divides by R = 2^256. One
// operand enters shifted left by 4 bits (16x: an integer below 2^258, still five limbs), so
// the product is 16·x·y / 2^260 = x·y / 2^256, as mont_mul's. Bound: (16p·p + (R' − 1)·p) / R'
// < p·(16p/R' + 1) < 2p for p < 2^256, so one conditional subtraction of p finishes.

#define PS_IFMA [[gnu::target("avx512f,avx512ifma")]]

using V = __m512i;
constexpr uint64_t MASK52 = (uint64_t(1) << 52) - 1;

// x·2^SHIFT in five 52-bit limbs (x < 2^(260 − SHIFT)).
template <unsigned SHIFT>
constexpr std::array<uint64_t, 5> radix52(const U256& x) {
    return {(x.limb[0] << SHIFT) & MASK52, ((x.limb[0] >> (52 - SHIFT)) | (x.limb[1] << (12 + SHIFT))) & MASK52,
            ((x.limb[1] >> (40 - SHIFT)) | (x.limb[2] << (24 + SHIFT))) & MASK52,
            ((x.limb[2] >> (28 - SHIFT)) | (x.limb[3] << (36 + SHIFT))) & MASK52, x.limb[3] >> (16 - SHIFT)};
}

template <class F>
struct Radix52 {
    static constexpr std::array<uint64_t, 5> P = radix52<0>(F::MODULUS);
    static constexpr uint64_t K0 = F::INV & MASK52;  // −p⁻¹ mod 2^52
};

alignas(64) constexpr uint64_t WORDS_01[8] = {0, 4, 8, 12, 1, 5, 9, 13};  // of two elements' words
alignas(64) constexpr uint64_t WORDS_23[8] = {2, 6, 10, 14, 3, 7, 11, 15};
alignas(64) constexpr uint64_t LOW_HALVES[8] = {0, 1, 2, 3, 8, 9, 10, 11};
alignas(64) constexpr uint64_t HIGH_HALVES[8] = {4, 5, 6, 7, 12, 13, 14, 15};
alignas(64) constexpr uint64_t PAIRS_0123[8] = {0, 8, 1, 9, 2, 10, 3, 11};
alignas(64) constexpr uint64_t PAIRS_4567[8] = {4, 12, 5, 13, 6, 14, 7, 15};
alignas(64) constexpr uint64_t ELEMENTS_01[8] = {0, 1, 8, 9, 2, 3, 10, 11};
alignas(64) constexpr uint64_t ELEMENTS_23[8] = {4, 5, 12, 13, 6, 7, 14, 15};

PS_IFMA inline V index(const uint64_t (&i)[8]) { return _mm512_load_si512(i); }

// Eight consecutive elements (four words each) → w[j] = word j of each.
PS_IFMA inline void load_words(const uint64_t* src, V (&w)[4]) {
    const V z0 = _mm512_loadu_si512(src), z1 = _mm512_loadu_si512(src + 8), z2 = _mm512_loadu_si512(src + 16),
            z3 = _mm512_loadu_si512(src + 24);
    const V a01 = _mm512_permutex2var_epi64(z0, index(WORDS_01), z1);  // words 0, 1 of elements 0–3
    const V a23 = _mm512_permutex2var_epi64(z0, index(WORDS_23), z1);
    const V b01 = _mm512_permutex2var_epi64(z2, index(WORDS_01), z3);  // of elements 4–7
    const V b23 = _mm512_permutex2var_epi64(z2, index(WORDS_23), z3);
    w[0] = _mm512_permutex2var_epi64(a01, index(LOW_HALVES), b01);
    w[1] = _mm512_permutex2var_epi64(a01, index(HIGH_HALVES), b01);
    w[2] = _mm512_permutex2var_epi64(a23, index(LOW_HALVES), b23);
    w[3] = _mm512_permutex2var_epi64(a23, index(HIGH_HALVES), b23);
}

// The inverse of load_words.
PS_IFMA inline void store_words(uint64_t* dst, const V (&w)[4]) {
    const V p01_0123 = _mm512_permutex2var_epi64(w[0], index(PAIRS_0123), w[1]);  // (word 0, word 1) of 0–3
    const V p01_4567 = _mm512_permutex2var_epi64(w[0], index(PAIRS_4567), w[1]);
    const V p23_0123 = _mm512_permutex2var_epi64(w[2], index(PAIRS_0123), w[3]);
    const V p23_4567 = _mm512_permutex2var_epi64(w[2], index(PAIRS_4567), w[3]);
    _mm512_storeu_si512(dst, _mm512_permutex2var_epi64(p01_0123, index(ELEMENTS_01), p23_0123));
    _mm512_storeu_si512(dst + 8, _mm512_permutex2var_epi64(p01_0123, index(ELEMENTS_23), p23_0123));
    _mm512_storeu_si512(dst + 16, _mm512_permutex2var_epi64(p01_4567, index(ELEMENTS_01), p23_4567));
    _mm512_storeu_si512(dst + 24, _mm512_permutex2var_epi64(p01_4567, index(ELEMENTS_23), p23_4567));
}

// (x | y) & MASK52 in one instruction.
PS_IFMA inline V or_masked(V x, V y, V mask) { return _mm512_ternarylogic_epi64(x, y, mask, 0xa8); }

// Four words → five 52-bit limbs of the value times 2^SHIFT, as radix52.
template <unsigned SHIFT>
PS_IFMA inline void to_radix52(const V (&w)[4], V (&l)[5]) {
    const V m = _mm512_set1_epi64(MASK52);
    l[0] = _mm512_and_si512(_mm512_slli_epi64(w[0], SHIFT), m);
    l[1] = or_masked(_mm512_srli_epi64(w[0], 52 - SHIFT), _mm512_slli_epi64(w[1], 12 + SHIFT), m);
    l[2] = or_masked(_mm512_srli_epi64(w[1], 40 - SHIFT), _mm512_slli_epi64(w[2], 24 + SHIFT), m);
    l[3] = or_masked(_mm512_srli_epi64(w[2], 28 - SHIFT), _mm512_slli_epi64(w[3], 36 + SHIFT), m);
    l[4] = _mm512_srli_epi64(w[3], 16 - SHIFT);
}

// Five limbs below 2^52 each (a value below 2^256) → four words.
PS_IFMA inline void from_radix52(const V (&l)[5], V (&w)[4]) {
    w[0] = _mm512_or_si512(l[0], _mm512_slli_epi64(l[1], 52));
    w[1] = _mm512_or_si512(_mm512_srli_epi64(l[1], 12), _mm512_slli_epi64(l[2], 40));
    w[2] = _mm512_or_si512(_mm512_srli_epi64(l[2], 24), _mm512_slli_epi64(l[3], 28));
    w[3] = _mm512_or_si512(_mm512_srli_epi64(l[3], 36), _mm512_slli_epi64(l[4], 16));
}

template <class F>
PS_IFMA inline void modulus52(V (&p)[5]) {
    for (int j = 0; j < 5; ++j) p[j] = _mm512_set1_epi64(Radix52<F>::P[j]);
}

// Limbs ≥ 0 → the same value with every limb but the top one below 2^52.
PS_IFMA inline void propagate_carries(V (&t)[5]) {
    const V mask = _mm512_set1_epi64(MASK52);
    for (int j = 0; j < 4; ++j) {
        t[j + 1] = _mm512_add_epi64(t[j + 1], _mm512_srli_epi64(t[j], 52));
        t[j] = _mm512_and_si512(t[j], mask);
    }
}

// d = x − y limb by limb, borrows carried by arithmetic shifts: limbs 0–3 below 2^52, the top
// limb negative exactly when x < y (x, y with limbs below 2^52 and top limbs below 2^62).
PS_IFMA inline void subtract_limbs(V (&d)[5], const V (&x)[5], const V (&y)[5]) {
    const V mask = _mm512_set1_epi64(MASK52);
    d[0] = _mm512_sub_epi64(x[0], y[0]);
    for (int j = 1; j < 5; ++j) {
        d[j] = _mm512_add_epi64(_mm512_sub_epi64(x[j], y[j]), _mm512_srai_epi64(d[j - 1], 52));
        d[j - 1] = _mm512_and_si512(d[j - 1], mask);
    }
}

// t < 2p with carries propagated → t mod p.
template <class F>
PS_IFMA inline void subtract_p_once(V (&t)[5]) {
    V p[5], d[5];
    modulus52<F>(p);
    subtract_limbs(d, t, p);
    const __mmask8 below_p = _mm512_cmplt_epi64_mask(d[4], _mm512_setzero_si512());
    for (int j = 0; j < 5; ++j) t[j] = _mm512_mask_blend_epi64(below_p, d[j], t[j]);
}

// r = x·y / 2^260 mod p, fully reduced, for x < 16p and y < p (see above). Operand scanning: row
// i adds x·y_i, then m·p with m = t_0·(−p⁻¹) mod 2^52, which clears t_0's low 52 bits; t shifts
// down a limb. A lane adds at most four terms below 2^52 a limb a row, twenty in all: no lane
// overflows 64 bits before the final carry pass.
template <class F>
PS_IFMA inline void mont_mul52(V (&r)[5], const V (&x)[5], const V (&y)[5]) {
    const V zero = _mm512_setzero_si512(), k0 = _mm512_set1_epi64(Radix52<F>::K0);
    V p[5];
    modulus52<F>(p);
    V t[6] = {zero, zero, zero, zero, zero, zero};
    for (int i = 0; i < 5; ++i) {
        for (int j = 0; j < 5; ++j) {
            t[j] = _mm512_madd52lo_epu64(t[j], x[j], y[i]);
            t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], x[j], y[i]);
        }
        const V m = _mm512_madd52lo_epu64(zero, t[0], k0);
        for (int j = 0; j < 5; ++j) {
            t[j] = _mm512_madd52lo_epu64(t[j], m, p[j]);
            t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], m, p[j]);
        }
        t[0] = _mm512_add_epi64(t[1], _mm512_srli_epi64(t[0], 52));  // t_0 ≡ 0 mod 2^52 here
        for (int j = 1; j < 5; ++j) t[j] = t[j + 1];
        t[5] = zero;
    }
    for (int j = 0; j < 5; ++j) r[j] = t[j];
    propagate_carries(r);  // the value is below 2p
    subtract_p_once<F>(r);
}

// x + y and x − y mod p for x, y < p.
template <class F>
PS_IFMA inline void add_mod52(V (&r)[5], const V (&x)[5], const V (&y)[5]) {
    for (int j = 0; j < 5; ++j) r[j] = _mm512_add_epi64(x[j], y[j]);
    propagate_carries(r);
    subtract_p_once<F>(r);
}

template <class F>
PS_IFMA inline void sub_mod52(V (&r)[5], const V (&x)[5], const V (&y)[5]) {
    V d[5], p[5], e[5];
    subtract_limbs(d, x, y);
    modulus52<F>(p);
    for (int j = 0; j < 5; ++j) e[j] = _mm512_add_epi64(d[j], p[j]);  // x − y + p, in (0, p) where x < y
    propagate_carries(e);
    const __mmask8 negative = _mm512_cmplt_epi64_mask(d[4], _mm512_setzero_si512());
    for (int j = 0; j < 5; ++j) r[j] = _mm512_mask_blend_epi64(negative, d[j], e[j]);
}

template <class F>
PS_IFMA void ifma_products(F* out, const F* a, const F* b, size_t groups) {
    static_assert(sizeof(F) == 32);
    for (size_t g = 0; g < groups; ++g) {
        V wa[4], wb[4], la[5], lb[5], lr[5], wr[4];
        load_words(reinterpret_cast<const uint64_t*>(a + 8 * g), wa);
        load_words(reinterpret_cast<const uint64_t*>(b + 8 * g), wb);
        to_radix52<4>(wa, la);
        to_radix52<0>(wb, lb);
        mont_mul52<F>(lr, la, lb);
        from_radix52(lr, wr);
        store_words(reinterpret_cast<uint64_t*>(out + 8 * g), wr);
    }
}

template <class F>
PS_IFMA void ifma_scaled(F* out, const F* a, const F& c, size_t groups) {
    const auto c16 = radix52<4>(c.raw());
    const V lc[5] = {_mm512_set1_epi64(c16[0]), _mm512_set1_epi64(c16[1]), _mm512_set1_epi64(c16[2]),
                     _mm512_set1_epi64(c16[3]), _mm512_set1_epi64(c16[4])};
    for (size_t g = 0; g < groups; ++g) {
        V wa[4], la[5], lr[5], wr[4];
        load_words(reinterpret_cast<const uint64_t*>(a + 8 * g), wa);
        to_radix52<0>(wa, la);
        mont_mul52<F>(lr, lc, la);
        from_radix52(lr, wr);
        store_words(reinterpret_cast<uint64_t*>(out + 8 * g), wr);
    }
}

// lo, hi ← lo + hi·w, lo − hi·w: the NTT's decimation-in-time butterflies.
template <class F>
PS_IFMA void ifma_butterflies(F* lo, F* hi, const F* w, size_t groups) {
    for (size_t g = 0; g < groups; ++g) {
        V words[4], l[5], h[5], lw[5], t[5], sum[5], difference[5];
        load_words(reinterpret_cast<const uint64_t*>(lo + 8 * g), words);
        to_radix52<0>(words, l);
        load_words(reinterpret_cast<const uint64_t*>(hi + 8 * g), words);
        to_radix52<4>(words, h);
        load_words(reinterpret_cast<const uint64_t*>(w + 8 * g), words);
        to_radix52<0>(words, lw);
        mont_mul52<F>(t, h, lw);
        add_mod52<F>(sum, l, t);
        sub_mod52<F>(difference, l, t);
        from_radix52(sum, words);
        store_words(reinterpret_cast<uint64_t*>(lo + 8 * g), words);
        from_radix52(difference, words);
        store_words(reinterpret_cast<uint64_t*>(hi + 8 * g), words);
    }
}

#undef PS_IFMA

#endif  // __x86_64__

}  // namespace

namespace mul_each_path {

template <class F>
void scalar(std::span<F> out, std::span<const F> a, std::span<const F> b) {
    check_lengths(out.size(), a.size(), b.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = a[i] * b[i];
}

template <class F>
void scalar(std::span<F> out, std::span<const F> a, const F& c) {
    check_lengths(out.size(), a.size(), a.size());
    for (size_t i = 0; i < out.size(); ++i) out[i] = a[i] * c;
}

template <class F>
void ifma(std::span<F> out, std::span<const F> a, std::span<const F> b) {
    check_lengths(out.size(), a.size(), b.size());
    const size_t groups = out.size() / 8;
#if defined(__x86_64__)
    ifma_products(out.data(), a.data(), b.data(), groups);
#else
    throw Error("mul_each", "has no IFMA path on this architecture", "use mul_each");
#endif
    scalar(out.subspan(8 * groups), a.subspan(8 * groups), b.subspan(8 * groups));
}

template <class F>
void ifma(std::span<F> out, std::span<const F> a, const F& c) {
    check_lengths(out.size(), a.size(), a.size());
    const size_t groups = out.size() / 8;
#if defined(__x86_64__)
    ifma_scaled(out.data(), a.data(), c, groups);
#else
    throw Error("mul_each", "has no IFMA path on this architecture", "use mul_each");
#endif
    scalar(out.subspan(8 * groups), a.subspan(8 * groups), c);
}

template <class F>
void butterflies_scalar(std::span<F> lo, std::span<F> hi, std::span<const F> w) {
    check_lengths(lo.size(), hi.size(), w.size());
    for (size_t i = 0; i < lo.size(); ++i) {
        const F t = hi[i] * w[i];
        hi[i] = lo[i] - t;
        lo[i] = lo[i] + t;
    }
}

template <class F>
void butterflies_ifma(std::span<F> lo, std::span<F> hi, std::span<const F> w) {
    check_lengths(lo.size(), hi.size(), w.size());
    const size_t groups = lo.size() / 8;
#if defined(__x86_64__)
    ifma_butterflies(lo.data(), hi.data(), w.data(), groups);
#else
    throw Error("dit_butterflies", "has no IFMA path on this architecture", "use dit_butterflies");
#endif
    butterflies_scalar(lo.subspan(8 * groups), hi.subspan(8 * groups), w.subspan(8 * groups));
}

}  // namespace mul_each_path

template <class F>
void dit_butterflies(std::span<F> lo, std::span<F> hi, std::span<const F> w) {
    if (cpu::has_avx512_ifma) return mul_each_path::butterflies_ifma(lo, hi, w);
    mul_each_path::butterflies_scalar(lo, hi, w);
}

template <class F>
void mul_each(std::span<F> out, std::span<const F> a, std::span<const F> b) {
    if (cpu::has_avx512_ifma) return mul_each_path::ifma(out, a, b);
    mul_each_path::scalar(out, a, b);
}

template <class F>
void mul_each(std::span<F> out, std::span<const F> a, const F& c) {
    if (cpu::has_avx512_ifma) return mul_each_path::ifma(out, a, c);
    mul_each_path::scalar(out, a, c);
}

#define PS_MUL_EACH(F)                                                                        \
    template void mul_each<F>(std::span<F>, std::span<const F>, std::span<const F>);          \
    template void mul_each<F>(std::span<F>, std::span<const F>, const F&);                    \
    template void mul_each_path::scalar<F>(std::span<F>, std::span<const F>, std::span<const F>); \
    template void mul_each_path::scalar<F>(std::span<F>, std::span<const F>, const F&);           \
    template void mul_each_path::ifma<F>(std::span<F>, std::span<const F>, std::span<const F>);     \
    template void mul_each_path::ifma<F>(std::span<F>, std::span<const F>, const F&);
PS_MUL_EACH(Fr)
PS_MUL_EACH(Fq)
#undef PS_MUL_EACH
template void dit_butterflies<Fr>(std::span<Fr>, std::span<Fr>, std::span<const Fr>);
template void mul_each_path::butterflies_scalar<Fr>(std::span<Fr>, std::span<Fr>, std::span<const Fr>);
template void mul_each_path::butterflies_ifma<Fr>(std::span<Fr>, std::span<Fr>, std::span<const Fr>);

}  // namespace ps
