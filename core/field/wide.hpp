#pragma once
// Unreduced 512-bit products and Montgomery reduction, for "lazy reduction" in extension
// fields: a Karatsuba Fq2 product needs three integer products but only two reductions
// (Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing
// pairings over ordinary curves", EUROCRYPT 2011, §3).
#include "core/field/mont_field.hpp"
#include "core/field/u256.hpp"
#include <array>
#include <immintrin.h>

namespace ps::wide {

struct U512 {
    std::array<uint64_t, 8> limb{};  // little-endian
};

// a·b as a 512-bit integer (any 256-bit a, b) in portable C++: the reference for mul. Row by
// row on mulx and add-with-carry (see mont_field.hpp's mont_mul for why not 128-bit
// temporaries in loops).
inline U512 mul_portable(const U256& a, const U256& b) {
    using ull = unsigned long long;
    const ull b0 = b.limb[0], b1 = b.limb[1], b2 = b.limb[2], b3 = b.limb[3];
    U512 t;
    for (size_t i = 0; i < 4; ++i) {
        const ull ai = a.limb[i];
        ull h0, h1, h2, h3;
        const ull l0 = field_detail::mul64(ai, b0, &h0), l1 = field_detail::mul64(ai, b1, &h1), l2 = field_detail::mul64(ai, b2, &h2),
                  l3 = field_detail::mul64(ai, b3, &h3);
        // t[i..i+4] += a_i·b; t[i+4] is still zero here.
        ull r0, r1, r2, r3, r4;
        unsigned char c = _addcarry_u64(0, t.limb[i], l0, &r0);
        c = _addcarry_u64(c, t.limb[i + 1], l1, &r1);
        c = _addcarry_u64(c, t.limb[i + 2], l2, &r2);
        c = _addcarry_u64(c, t.limb[i + 3], l3, &r3);
        r4 = c;
        c = _addcarry_u64(0, r1, h0, &r1);
        c = _addcarry_u64(c, r2, h1, &r2);
        c = _addcarry_u64(c, r3, h2, &r3);
        _addcarry_u64(c, r4, h3, &r4);
        t.limb[i] = r0;
        t.limb[i + 1] = r1;
        t.limb[i + 2] = r2;
        t.limb[i + 3] = r3;
        t.limb[i + 4] = r4;
    }
    return t;
}

// Word-array forms (eight little-endian words, uninitialised storage is fine) for formulas
// that chain several products: U512 values cost a zeroing and a copy each. mul_words is
// mul; reduce_words<F> is reduce. Both take the same inputs and give the same results.
[[gnu::always_inline]] inline void mul_words(uint64_t* t, const U256& a, const U256& b) {
#if defined(__x86_64__)
    if (cpu::use_mulx_adx()) return field_detail::mul_wide_mulx(t, a.limb.data(), b.limb.data());
#endif
    const U512 r = mul_portable(a, b);
    for (size_t i = 0; i < 8; ++i) t[i] = r.limb[i];
}

// a·b as a 512-bit integer (any 256-bit a, b): two carry chains (mulx/adcx/adox) where the
// CPU has BMI2 and ADX, which C++ cannot express; mul_portable elsewhere.
[[gnu::always_inline]] inline U512 mul(const U256& a, const U256& b) {
    U512 t;
    mul_words(t.limb.data(), a, b);
    return t;
}

// a² as a 512-bit integer (any 256-bit a): the cross products once, doubled (ten word
// products instead of sixteen) where the CPU has BMI2 and ADX; mul(a, a) elsewhere.
[[gnu::always_inline]] inline U512 square(const U256& a) {
#if defined(__x86_64__)
    if (cpu::use_mulx_adx()) {
        U512 t;
        field_detail::sqr_wide_mulx(t.limb.data(), a.limb.data());
        return t;
    }
#endif
    return mul_portable(a, a);
}

// a + b and a − b of 256-bit integers, unreduced (callers keep a + b < 2^256 and a ≥ b):
// the operands of lazy products, e.g. (a0 + a1)(b0 + b1) < 4p² < p·2^256.
[[gnu::always_inline]] inline U256 add_unreduced(const U256& a, const U256& b) {
    return field_detail::carry_chain<false>(a, b);
}
[[gnu::always_inline]] inline U256 sub_unreduced(const U256& a, const U256& b) {
    return field_detail::carry_chain<true>(a, b);
}

[[gnu::always_inline]] inline U512 add(const U512& a, const U512& b) {  // caller guarantees no overflow
    U512 r;
    unsigned char c = 0;
    for (size_t i = 0; i < 8; ++i) {
        unsigned long long s;
        c = _addcarry_u64(c, a.limb[i], b.limb[i], &s);
        r.limb[i] = s;
    }
    return r;
}

[[gnu::always_inline]] inline U512 sub(const U512& a, const U512& b) {  // caller guarantees a >= b
    U512 r;
    unsigned char c = 0;
    for (size_t i = 0; i < 8; ++i) {
        unsigned long long d;
        c = _subborrow_u64(c, a.limb[i], b.limb[i], &d);
        r.limb[i] = d;
    }
    return r;
}

// a − b, plus p·2^256 when that is negative: ≡ a − b after reduction, and below p·2^256 (as
// reduce needs) whenever a, b < p·2^256. Cheaper than adding p² first: the correction
// touches the top four words only. On word arrays; out may be a.
template <class F>
[[gnu::always_inline]] inline void sub_wrapped_words(uint64_t* out, const uint64_t* a, const uint64_t* b) {
    unsigned char c = 0;
    for (size_t i = 0; i < 8; ++i) {
        unsigned long long d;
        c = _subborrow_u64(c, a[i], b[i], &d);
        out[i] = d;
    }
    const uint64_t mask = uint64_t(0) - c;
    c = 0;
    for (size_t i = 0; i < 4; ++i) {
        unsigned long long s;
        c = _addcarry_u64(c, out[4 + i], F::MODULUS.limb[i] & mask, &s);
        out[4 + i] = s;
    }
}

template <class F>
[[gnu::always_inline]] inline U512 sub_wrapped(const U512& a, const U512& b) {
    U512 r;
    sub_wrapped_words<F>(r.limb.data(), a.limb.data(), b.limb.data());
    return r;
}

// The portable form of karatsuba_combine below, and its reference in the tests.
template <class F>
inline void karatsuba_combine_portable(uint64_t* d0, uint64_t* d1, const uint64_t* v0, const uint64_t* v1,
                                       const uint64_t* mid) {
    sub_wrapped_words<F>(d0, v0, v1);  // v0 < v1: plus p·2^256
    unsigned long long w;
    unsigned char b = 0;
    for (size_t i = 0; i < 8; ++i) {
        b = _subborrow_u64(b, mid[i], v0[i], &w);
        d1[i] = w;
    }
    b = 0;
    for (size_t i = 0; i < 8; ++i) {
        b = _subborrow_u64(b, d1[i], v1[i], &w);
        d1[i] = w;
    }
}

// Karatsuba's combination in Fq2's product, on 512-bit words: d0 = v0 − v1 (+ p·2^256 when
// that is negative, so d0 < p·2^256 as the reduction needs) and d1 = mid − v0 − v1 (≥ 0).
// In assembly on x86-64: in C++ GCC kept each borrow in a register between words. (The
// masked words of p are formed before the carry chain: andq clears CF.)
template <class F>
[[gnu::always_inline]] inline void karatsuba_combine(uint64_t* d0, uint64_t* d1, const uint64_t* v0,
                                                     const uint64_t* v1, const uint64_t* mid) {
#if defined(__x86_64__)
    using ull = unsigned long long;
    using W8 = uint64_t[8];
    ull t, m, r0, r1, r2, r3, r4, r5, r6, r7;
    asm("movq 0+%[v0], %[t]\n\t"
        "subq 0+%[v1], %[t]\n\t"
        "movq %[t], 0+%[d0]\n\t"
        "movq 8+%[v0], %[t]\n\t"
        "sbbq 8+%[v1], %[t]\n\t"
        "movq %[t], 8+%[d0]\n\t"
        "movq 16+%[v0], %[t]\n\t"
        "sbbq 16+%[v1], %[t]\n\t"
        "movq %[t], 16+%[d0]\n\t"
        "movq 24+%[v0], %[t]\n\t"
        "sbbq 24+%[v1], %[t]\n\t"
        "movq %[t], 24+%[d0]\n\t"
        "movq 32+%[v0], %[t]\n\t"
        "sbbq 32+%[v1], %[t]\n\t"
        "movq %[t], 32+%[d0]\n\t"
        "movq 40+%[v0], %[t]\n\t"
        "sbbq 40+%[v1], %[t]\n\t"
        "movq %[t], 40+%[d0]\n\t"
        "movq 48+%[v0], %[t]\n\t"
        "sbbq 48+%[v1], %[t]\n\t"
        "movq %[t], 48+%[d0]\n\t"
        "movq 56+%[v0], %[t]\n\t"
        "sbbq 56+%[v1], %[t]\n\t"
        "movq %[t], 56+%[d0]\n\t"
        "sbbq %[m], %[m]\n\t"
        "movq %[p0], %[r0]\n\t"
        "andq %[m], %[r0]\n\t"
        "movq %[p1], %[r1]\n\t"
        "andq %[m], %[r1]\n\t"
        "movq %[p2], %[r2]\n\t"
        "andq %[m], %[r2]\n\t"
        "movq %[p3], %[r3]\n\t"
        "andq %[m], %[r3]\n\t"
        "addq %[r0], 32+%[d0]\n\t"
        "adcq %[r1], 40+%[d0]\n\t"
        "adcq %[r2], 48+%[d0]\n\t"
        "adcq %[r3], 56+%[d0]\n\t"
        "movq 0+%[mid], %[r0]\n\t"
        "movq 8+%[mid], %[r1]\n\t"
        "movq 16+%[mid], %[r2]\n\t"
        "movq 24+%[mid], %[r3]\n\t"
        "movq 32+%[mid], %[r4]\n\t"
        "movq 40+%[mid], %[r5]\n\t"
        "movq 48+%[mid], %[r6]\n\t"
        "movq 56+%[mid], %[r7]\n\t"
        "subq 0+%[v0], %[r0]\n\t"
        "sbbq 8+%[v0], %[r1]\n\t"
        "sbbq 16+%[v0], %[r2]\n\t"
        "sbbq 24+%[v0], %[r3]\n\t"
        "sbbq 32+%[v0], %[r4]\n\t"
        "sbbq 40+%[v0], %[r5]\n\t"
        "sbbq 48+%[v0], %[r6]\n\t"
        "sbbq 56+%[v0], %[r7]\n\t"
        "subq 0+%[v1], %[r0]\n\t"
        "sbbq 8+%[v1], %[r1]\n\t"
        "sbbq 16+%[v1], %[r2]\n\t"
        "sbbq 24+%[v1], %[r3]\n\t"
        "sbbq 32+%[v1], %[r4]\n\t"
        "sbbq 40+%[v1], %[r5]\n\t"
        "sbbq 48+%[v1], %[r6]\n\t"
        "sbbq 56+%[v1], %[r7]\n\t"
        "movq %[r0], 0+%[d1]\n\t"
        "movq %[r1], 8+%[d1]\n\t"
        "movq %[r2], 16+%[d1]\n\t"
        "movq %[r3], 24+%[d1]\n\t"
        "movq %[r4], 32+%[d1]\n\t"
        "movq %[r5], 40+%[d1]\n\t"
        "movq %[r6], 48+%[d1]\n\t"
        "movq %[r7], 56+%[d1]\n\t"
        : [t] "=&r"(t), [m] "=&r"(m), [r0] "=&r"(r0), [r1] "=&r"(r1), [r2] "=&r"(r2),
          [r3] "=&r"(r3), [r4] "=&r"(r4), [r5] "=&r"(r5), [r6] "=&r"(r6), [r7] "=&r"(r7),
          [d0] "=m"(*reinterpret_cast<W8*>(d0)), [d1] "=m"(*reinterpret_cast<W8*>(d1))
        : [v0] "m"(*reinterpret_cast<const W8*>(v0)), [v1] "m"(*reinterpret_cast<const W8*>(v1)),
          [mid] "m"(*reinterpret_cast<const W8*>(mid)), [p0] "m"(F::MODULUS.limb[0]), [p1] "m"(F::MODULUS.limb[1]),
          [p2] "m"(F::MODULUS.limb[2]), [p3] "m"(F::MODULUS.limb[3])
        : "cc");
#else
    karatsuba_combine_portable<F>(d0, d1, v0, v1, mid);
#endif
}

namespace detail {
// a·b at compile time (schoolbook on 128-bit words), for constants such as p².
constexpr U512 constexpr_mul(const U256& a, const U256& b) {
    U512 t;
    for (size_t i = 0; i < 4; ++i) {
        u128 carry = 0;
        for (size_t j = 0; j < 4; ++j) {
            const u128 cur = u128(a.limb[i]) * b.limb[j] + t.limb[i + j] + carry;
            t.limb[i + j] = uint64_t(cur);
            carry = cur >> 64;
        }
        t.limb[i + 4] = uint64_t(carry);
    }
    return t;
}
template <class F>
inline constexpr U512 modulus_squared_v = constexpr_mul(F::MODULUS, F::MODULUS);
}  // namespace detail

// p² for the field F, as a 512-bit integer (added before a subtraction that could go
// negative; it is ≡ 0 after reduction). A compile-time constant: no guard on each use.
template <class F>
constexpr const U512& modulus_squared() {
    return detail::modulus_squared_v<F>;
}

// Montgomery reduction t·2^-256 mod p for t < p·2^256, as the field element whose stored
// (Montgomery) form that is: reducing a product of two stored forms gives the product.
// Portable C++: the reference for reduce.
template <class F>
F reduce_portable(U512 t) {
    using ull = unsigned long long;
    const auto& p = F::MODULUS.limb;
    ull top_carry = 0;  // what row i carries into t[i + 5]
    for (size_t i = 0; i < 4; ++i) {
        const ull m = t.limb[i] * F::INV;
        ull g0, g1, g2, g3;
        const ull k0 = field_detail::mul64(m, p[0], &g0), k1 = field_detail::mul64(m, p[1], &g1), k2 = field_detail::mul64(m, p[2], &g2),
                  k3 = field_detail::mul64(m, p[3], &g3);
        ull w0, w1, w2, w3, w4;
        unsigned char c1 = _addcarry_u64(0, t.limb[i], k0, &w0);  // w0 = 0 by the choice of m
        c1 = _addcarry_u64(c1, t.limb[i + 1], k1, &w1);
        c1 = _addcarry_u64(c1, t.limb[i + 2], k2, &w2);
        c1 = _addcarry_u64(c1, t.limb[i + 3], k3, &w3);
        unsigned char c2 = _addcarry_u64(0, w1, g0, &w1);
        c2 = _addcarry_u64(c2, w2, g1, &w2);
        c2 = _addcarry_u64(c2, w3, g2, &w3);
        const unsigned char c3 = _addcarry_u64(c2, t.limb[i + 4], g3, &w4);
        const unsigned char c4 = _addcarry_u64(c1, w4, top_carry, &w4);
        top_carry = ull(c3) + c4;
        t.limb[i + 1] = w1;
        t.limb[i + 2] = w2;
        t.limb[i + 3] = w3;
        t.limb[i + 4] = w4;
    }
    // Result < 2p < 2^255, so top_carry is 0: subtract p once if needed.
    const U256 r{{t.limb[4], t.limb[5], t.limb[6], t.limb[7]}};
    U256 s;
    const uint64_t borrow = sub_to(s, r, F::MODULUS);
    return F::from_raw(borrow ? r : s);
}

template <class F>
[[gnu::always_inline]] inline F reduce_words(const uint64_t* t) {
#if defined(__x86_64__)
    if (cpu::use_mulx_adx()) {
        static constexpr unsigned long long inv = F::INV;  // the assembly's memory operand
        return F::from_raw(field_detail::redc_mulx(t, F::MODULUS_WORDS, inv));
    }
#endif
    U512 w;
    for (size_t i = 0; i < 8; ++i) w.limb[i] = t[i];
    return reduce_portable<F>(w);
}

// Montgomery reduction as reduce_portable (same input bound, same result), on mulx/adcx/adox
// where the CPU has BMI2 and ADX.
template <class F>
[[gnu::always_inline]] inline F reduce(const U512& t) {
    return reduce_words<F>(t.limb.data());
}

}  // namespace ps::wide

namespace ps {

// a·b − c·d with one Montgomery reduction instead of two (both products are below p², so
// their wrapped difference is below p·2^256): the last line of the Jacobian additions.
template <class Params>
[[gnu::always_inline]] inline MontField<Params> mul_sub(const MontField<Params>& a, const MontField<Params>& b,
                                                        const MontField<Params>& c, const MontField<Params>& d) {
    uint64_t ab[8], cd[8];
    wide::mul_words(ab, a.raw(), b.raw());
    wide::mul_words(cd, c.raw(), d.raw());
    wide::sub_wrapped_words<MontField<Params>>(ab, ab, cd);
    return wide::reduce_words<MontField<Params>>(ab);
}

}  // namespace ps
