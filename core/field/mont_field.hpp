#pragma once
// Prime fields of < 255 bits in Montgomery form over 4x64-bit limbs (R = 2^256).
// One template serves Fr and Fq; Params supplies the modulus, every other constant
// (R, R^2, R^3, -p^-1 mod 2^64) is derived at compile time so it cannot be mistyped.
#include "core/field/safegcd.hpp"
#include "core/field/u256.hpp"
#include "core/util/cpu_features.hpp"
#include "core/util/random.hpp"
#include <immintrin.h>  // _addcarry_u64 / _subborrow_u64 (x86-64)
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

// The product is forced inline (see operator* below) except under AddressSanitizer, which
// takes registers the product's assembly needs: clang failed to allocate its twelve in G1's
// formulas with -fsanitize=address. Sanitizer builds are for correctness, not speed.
#if defined(__SANITIZE_ADDRESS__)
#define PS_PRODUCT_INLINE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PS_PRODUCT_INLINE
#endif
#endif
#ifndef PS_PRODUCT_INLINE
#define PS_PRODUCT_INLINE [[gnu::always_inline]]
#endif

namespace ps {

namespace field_detail {

constexpr uint64_t neg_inverse_mod_2_64(uint64_t p0) {
    uint64_t inv = 1;  // Newton: each step doubles the correct low bits
    for (int i = 0; i < 7; ++i) inv *= 2 - p0 * inv;
    return ~inv + 1;
}

// 2^(256*n) mod m by repeated doubling (n = 1: R, 2: R^2, 3: R^3)
constexpr U256 pow2_256n_mod(const U256& m, int n) {
    U256 x = U256::from_u64(1);
    for (int i = 0; i < 256 * n; ++i) x = add_mod(x, x, m);
    return x;
}

}  // namespace field_detail

template <class Params>
class MontField {
public:
    static constexpr U256 MODULUS = Params::modulus;
    // The modulus as the word array the assembly kernels address: one copy for all of them.
    static constexpr unsigned long long MODULUS_WORDS[4] = {MODULUS.limb[0], MODULUS.limb[1], MODULUS.limb[2],
                                                            MODULUS.limb[3]};
    static constexpr uint64_t INV = field_detail::neg_inverse_mod_2_64(Params::modulus.limb[0]);
    static constexpr U256 R1 = field_detail::pow2_256n_mod(Params::modulus, 1);
    static constexpr U256 R2 = field_detail::pow2_256n_mod(Params::modulus, 2);
    static constexpr U256 R3 = field_detail::pow2_256n_mod(Params::modulus, 3);
    static_assert(Params::modulus.limb[3] < (uint64_t(1) << 62), "needs two spare top bits");

    constexpr MontField() = default;  // zero

    static constexpr MontField zero() { return MontField(); }
    static constexpr MontField one() { return from_raw(R1); }
    // The value whose Montgomery representation is `mont` (halo2's raw byte layout).
    // mont must be < p (the multiplication assumes reduced operands): check first.
    static constexpr MontField from_raw(const U256& mont) {
        MontField f;
        f.v_ = mont;
        return f;
    }
    static MontField from_u64(uint64_t x) { return from_raw(U256::from_u64(x)) * from_raw(R2); }
    static MontField from_i64(int64_t x) {
        const MontField m = from_u64(x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x));
        return x < 0 ? -m : m;
    }
    // nullopt unless x < p
    static std::optional<MontField> from_canonical(const U256& x) {
        if (!lt(x, MODULUS)) return std::nullopt;
        return from_raw(x) * from_raw(R2);
    }
    // Any 256-bit integer, reduced mod p.
    static MontField from_u256_reduced(const U256& x) { return from_raw(reduce_below_modulus(x)) * from_raw(R2); }
    // A 512-bit integer (lo + hi·2^256) reduced mod p: unbiased sampling from 64 bytes.
    static MontField from_u512_reduced(const U256& lo, const U256& hi) {
        return from_raw(reduce_below_modulus(lo)) * from_raw(R2) + from_raw(reduce_below_modulus(hi)) * from_raw(R3);
    }
    static MontField random(RandomSource& rng) {
        std::array<uint8_t, 64> b{};
        rng.fill(b);
        U256 lo, hi;
        for (int i = 0; i < 32; ++i) {
            lo.limb[i / 8] |= uint64_t(b[i]) << (8 * (i % 8));
            hi.limb[i / 8] |= uint64_t(b[32 + i]) << (8 * (i % 8));
        }
        return from_u512_reduced(lo, hi);
    }

    U256 to_canonical() const {
        MontField t;
        mont_mul(t.v_, v_, U256::from_u64(1));
        return t.v_;
    }
    constexpr const U256& raw() const { return v_; }  // Montgomery form

    // Canonical little-/big-endian 32-byte encodings; readers reject values >= p.
    std::array<uint8_t, 32> to_bytes_le() const { return u256_to_le(to_canonical()); }
    std::array<uint8_t, 32> to_bytes_be() const { return reversed(to_bytes_le()); }
    static std::optional<MontField> from_bytes_le(std::span<const uint8_t, 32> b) {
        return from_canonical(le_to_u256(b));
    }
    static std::optional<MontField> from_bytes_be(std::span<const uint8_t, 32> b) {
        std::array<uint8_t, 32> le;
        for (int i = 0; i < 32; ++i) le[i] = b[31 - i];
        return from_canonical(le_to_u256(le));
    }
    // Decimal or 0x-hex (canonical value); nullopt on bad text or a value >= p.
    static std::optional<MontField> from_string(std::string_view text) {
        auto u = U256::parse(text);
        if (!u) return std::nullopt;
        return from_canonical(*u);
    }
    std::string to_dec() const { return to_canonical().to_dec(); }
    std::string to_hex() const { return to_canonical().to_hex(); }

    constexpr bool is_zero() const { return v_.is_zero(); }
    constexpr bool operator==(const MontField&) const = default;

    // Branch-free: a + b < 2p < 2^255, then subtract p unless that borrows.
    MontField operator+(const MontField& o) const {
        MontField r;
        add_mod_p(r.v_, v_, o.v_);
        return r;
    }
    MontField operator-(const MontField& o) const {
        MontField r;
        sub_mod_p(r.v_, v_, o.v_);
        return r;
    }
    MontField operator-() const { return MontField() - *this; }
    // Always inlined: GCC sizes an asm block by its line count, judged the product too big
    // to inline in larger functions, and then a dependent chain of products went through a
    // call and memory (23.4 instead of 16.0 ns a product in bench_field_curve, perf-checked).
    PS_PRODUCT_INLINE MontField operator*(const MontField& o) const {
        MontField r;
        mont_mul(r.v_, v_, o.v_);
        return r;
    }
    MontField& operator+=(const MontField& o) { return *this = *this + o; }
    MontField& operator-=(const MontField& o) { return *this = *this - o; }
    MontField& operator*=(const MontField& o) { return *this = *this * o; }
    // A dedicated squaring where the CPU has mulx/adx (ten word products for the
    // square instead of sixteen, mont_sqr below); a product with itself elsewhere.
    MontField square() const {
        MontField r;
        mont_sqr(r.v_, v_);
        return r;
    }
    MontField dbl() const { return *this + *this; }

    MontField pow(const U256& e) const {
        MontField r = one();
        for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
            r = r.square();
            if (e.bit(unsigned(i))) r *= *this;
        }
        return r;
    }
    MontField pow(uint64_t e) const { return pow(U256::from_u64(e)); }

    // Bernstein–Yang divsteps with a fixed number of steps and no branch on the value
    // (safegcd.hpp): safe for blinding scalars. The stored value is aR and the wanted one
    // a⁻¹R = R²/(aR), so the division by the stored value is all there is to do. The
    // inverse of zero is zero; callers that care check is_zero() first.
    MontField inverse() const { return from_raw(safegcd::divide_consttime(R2, v_, SAFEGCD)); }

    // The same value, stopping as soon as the gcd is found: several times faster than
    // Fermat's a^(p−2), but its running time depends on the value, so only for public
    // data and the MSM's batch inversion (see msm.hpp on why that is variable time).
    MontField inverse_vartime() const { return from_raw(safegcd::divide_vartime(R2, v_, SAFEGCD)); }

    // Fermat's a^(p−2): the slow, obviously correct reference the tests hold the
    // divstep inversions against.
    MontField inverse_fermat() const {
        U256 e;
        sub_to(e, MODULUS, U256::from_u64(2));
        return pow(e);
    }

    // 1 for a non-zero square, -1 for a non-square, 0 for zero (Euler's criterion).
    int legendre() const {
        if (is_zero()) return 0;
        U256 e;
        sub_to(e, MODULUS, U256::from_u64(1));
        return pow(shr1(e)) == one() ? 1 : -1;
    }

    // A square root (Tonelli–Shanks; p ≡ 3 mod 4 takes the one-exponentiation path).
    std::optional<MontField> sqrt() const;

    // The Montgomery product in portable C++, whatever the target: the reference the
    // assembly path (mulx/adcx/adox, on CPUs with BMI2 and ADX) is tested against.
    static MontField mul_portable(const MontField& a, const MontField& b) {
        MontField r;
        mont_mul_portable(r.v_, a.v_, b.v_);
        return r;
    }
    // The square in portable C++ (the product with itself): the reference for square().
    static MontField square_portable(const MontField& a) { return mul_portable(a, a); }
    // Sum and difference in portable C++: the references for operator+ and operator−.
    static MontField add_portable(const MontField& a, const MontField& b) {
        MontField r;
        add_mod_p_portable(r.v_, a.v_, b.v_);
        return r;
    }
    static MontField sub_portable(const MontField& a, const MontField& b) {
        MontField r;
        sub_mod_p_portable(r.v_, a.v_, b.v_);
        return r;
    }

private:
    static constexpr safegcd::Modulus SAFEGCD = safegcd::Modulus::of(Params::modulus);

    // x mod p for any 256-bit x: mont_mul requires both operands below p. Fr::random
    // feeds it secret bytes, so it is branch-free: p > 2^253 gives x < 8p, and subtracting
    // 4p, 2p, p each when it does not borrow leaves x mod p whatever x is.
    static U256 reduce_below_modulus(U256 x) {
        x = subtract_unless_below(x, shl(MODULUS, 2));
        x = subtract_unless_below(x, shl(MODULUS, 1));
        return subtract_unless_below(x, MODULUS);
    }
    static constexpr U256 shl(const U256& a, unsigned bits) {  // bits < 64, no overflow (p < 2^254)
        return {{a.limb[0] << bits, (a.limb[1] << bits) | (a.limb[0] >> (64 - bits)),
                 (a.limb[2] << bits) | (a.limb[1] >> (64 - bits)), (a.limb[3] << bits) | (a.limb[2] >> (64 - bits))}};
    }
    // x − c when x ≥ c, else x: the borrow becomes a mask, no branch on x.
    static U256 subtract_unless_below(const U256& x, const U256& c) {
        unsigned long long d[4];
        unsigned char borrow = _subborrow_u64(0, x.limb[0], c.limb[0], &d[0]);
        borrow = _subborrow_u64(borrow, x.limb[1], c.limb[1], &d[1]);
        borrow = _subborrow_u64(borrow, x.limb[2], c.limb[2], &d[2]);
        borrow = _subborrow_u64(borrow, x.limb[3], c.limb[3], &d[3]);
        const uint64_t keep = uint64_t(0) - uint64_t(borrow);  // all ones when x < c
        U256 r;
        for (int i = 0; i < 4; ++i) r.limb[size_t(i)] = (x.limb[size_t(i)] & keep) | (uint64_t(d[i]) & ~keep);
        return r;
    }
    PS_PRODUCT_INLINE static void mont_mul(U256& out, const U256& a, const U256& b);
    static void mont_mul_portable(U256& out, const U256& a, const U256& b);
    static void mont_sqr(U256& out, const U256& a);
    static void mont_rows_portable(unsigned long long (&t)[4], const U256& a, const U256& b);
    static void add_mod_p(U256& out, const U256& a, const U256& b);
    static void sub_mod_p(U256& out, const U256& a, const U256& b);
    static void add_mod_p_portable(U256& out, const U256& a, const U256& b);
    static void sub_mod_p_portable(U256& out, const U256& a, const U256& b);
    static std::array<uint8_t, 32> u256_to_le(const U256& x) {
        std::array<uint8_t, 32> b{};
        for (int i = 0; i < 32; ++i) b[i] = uint8_t(x.limb[i / 8] >> (8 * (i % 8)));
        return b;
    }
    static std::array<uint8_t, 32> reversed(std::array<uint8_t, 32> b) {
        for (int i = 0; i < 16; ++i) std::swap(b[i], b[31 - i]);
        return b;
    }
    static U256 le_to_u256(std::span<const uint8_t, 32> b) {
        U256 x;
        for (int i = 0; i < 32; ++i) x.limb[i / 8] |= uint64_t(b[i]) << (8 * (i % 8));
        return x;
    }

    U256 v_{};
};

// One CIOS row (mont_row below) in x86-64 assembly: rdx = b_i; two independent carry chains (adcx: CF,
// adox: OF) so the low and high halves of the products add in parallel.
#define PS_MONT_ROW(OFF, T0, T1, T2, T3, T4)                   \
    "movq " #OFF "(%[b]), %%rdx\n\t"                            \
    "xorl %k[z], %k[z]\n\t"                                     \
    "mulxq 0(%[a]), %[lo], %[hi]\n\t"                           \
    "adcxq %[lo], " T0 "\n\t"                                   \
    "adoxq %[hi], " T1 "\n\t"                                   \
    "mulxq 8(%[a]), %[lo], %[hi]\n\t"                           \
    "adcxq %[lo], " T1 "\n\t"                                   \
    "adoxq %[hi], " T2 "\n\t"                                   \
    "mulxq 16(%[a]), %[lo], %[hi]\n\t"                          \
    "adcxq %[lo], " T2 "\n\t"                                   \
    "adoxq %[hi], " T3 "\n\t"                                   \
    "mulxq 24(%[a]), %[lo], %[hi]\n\t"                          \
    "adcxq %[lo], " T3 "\n\t"                                   \
    "movq %[z], " T4 "\n\t"                                     \
    "adoxq %[hi], " T4 "\n\t"                                   \
    "adcxq %[z], " T4 "\n\t"                                    \
    "movq " T0 ", %%rdx\n\t"                                    \
    "imulq %[inv], %%rdx\n\t"                                   \
    "xorl %k[z], %k[z]\n\t"                                     \
    "mulxq 0(%[p]), %[lo], %[hi]\n\t"                           \
    "adcxq " T0 ", %[lo]\n\t"                                   \
    "adoxq %[hi], " T1 "\n\t"                                   \
    "mulxq 8(%[p]), %[lo], %[hi]\n\t"                           \
    "adcxq %[lo], " T1 "\n\t"                                   \
    "adoxq %[hi], " T2 "\n\t"                                   \
    "mulxq 16(%[p]), %[lo], %[hi]\n\t"                          \
    "adcxq %[lo], " T2 "\n\t"                                   \
    "adoxq %[hi], " T3 "\n\t"                                   \
    "mulxq 24(%[p]), %[lo], %[hi]\n\t"                          \
    "adcxq %[lo], " T3 "\n\t"                                   \
    "adoxq %[hi], " T4 "\n\t"                                   \
    "adcxq %[z], " T4 "\n\t"

namespace field_detail {

// hi:lo = a·b. mulx (BMI2) where the target has it: it leaves the flags alone, so the
// carry chains around it stay intact; a 128-bit product elsewhere (PROOFSCOPE_PORTABLE).
[[gnu::always_inline]] inline unsigned long long mul64(unsigned long long a, unsigned long long b,
                                                       unsigned long long* hi) {
#if defined(__BMI2__)
    return _mulx_u64(a, b, hi);
#else
    const u128 p = u128(a) * b;
    *hi = static_cast<unsigned long long>(p >> 64);
    return static_cast<unsigned long long>(p);
#endif
}

// One CIOS row: t ← (t + a·b_i + m·p) / 2^64 with m = (t + a·b_i)_0 · inv mod 2^64.
[[gnu::always_inline]] inline void mont_row(unsigned long long (&t)[4], const unsigned long long (&a)[4],
                                            unsigned long long bi, const unsigned long long (&p)[4],
                                            unsigned long long inv) {
    using ull = unsigned long long;
    // u = t + a·b_i (five words): low halves in one carry chain, high halves in another.
    ull h0, h1, h2, h3;
    const ull l0 = mul64(a[0], bi, &h0), l1 = mul64(a[1], bi, &h1), l2 = mul64(a[2], bi, &h2),
              l3 = mul64(a[3], bi, &h3);
    ull u0, u1, u2, u3, u4;
    unsigned char c = _addcarry_u64(0, t[0], l0, &u0);
    c = _addcarry_u64(c, t[1], l1, &u1);
    c = _addcarry_u64(c, t[2], l2, &u2);
    c = _addcarry_u64(c, t[3], l3, &u3);
    u4 = c;
    c = _addcarry_u64(0, u1, h0, &u1);
    c = _addcarry_u64(c, u2, h1, &u2);
    c = _addcarry_u64(c, u3, h2, &u3);
    _addcarry_u64(c, u4, h3, &u4);
    // + m·p, which zeroes the low word; the rest shifts down one word.
    const ull m = u0 * inv;
    ull g0, g1, g2, g3;
    const ull k0 = mul64(m, p[0], &g0), k1 = mul64(m, p[1], &g1), k2 = mul64(m, p[2], &g2),
              k3 = mul64(m, p[3], &g3);
    ull dropped;
    c = _addcarry_u64(0, u0, k0, &dropped);
    c = _addcarry_u64(c, u1, k1, &t[0]);
    c = _addcarry_u64(c, u2, k2, &t[1]);
    c = _addcarry_u64(c, u3, k3, &t[2]);
    t[3] = u4 + c;
    c = _addcarry_u64(0, t[0], g0, &t[0]);
    c = _addcarry_u64(c, t[1], g1, &t[1]);
    c = _addcarry_u64(c, t[2], g2, &t[2]);
    _addcarry_u64(c, t[3], g3, &t[3]);
}

// a + b or a − b over four words in one carry chain, unreduced: the caller keeps the result in
// range. In assembly on x86-64: in C++ GCC carried the flag through setb and vector inserts.
template <bool Subtract>
[[gnu::always_inline]] inline U256 carry_chain(const U256& a, const U256& b) {
#if defined(__x86_64__)
    unsigned long long r0 = a.limb[0], r1 = a.limb[1], r2 = a.limb[2], r3 = a.limb[3];
#define PS_CHAIN4(FIRST, NEXT)                                                                             \
    asm(FIRST " %[b0], %[r0]\n\t" NEXT " %[b1], %[r1]\n\t" NEXT " %[b2], %[r2]\n\t" NEXT " %[b3], %[r3]\n\t" \
        : [r0] "+r"(r0), [r1] "+r"(r1), [r2] "+r"(r2), [r3] "+r"(r3)                                         \
        : [b0] "rm"(b.limb[0]), [b1] "rm"(b.limb[1]), [b2] "rm"(b.limb[2]), [b3] "rm"(b.limb[3])             \
        : "cc")
    if constexpr (Subtract)
        PS_CHAIN4("subq", "sbbq");
    else
        PS_CHAIN4("addq", "adcq");
#undef PS_CHAIN4
    return U256{{r0, r1, r2, r3}};
#else
    U256 r;
    unsigned char c = 0;
    for (size_t i = 0; i < 4; ++i) {
        unsigned long long x;
        c = Subtract ? _subborrow_u64(c, a.limb[i], b.limb[i], &x) : _addcarry_u64(c, a.limb[i], b.limb[i], &x);
        r.limb[i] = x;
    }
    return r;
#endif
}

// t − p when t ≥ p, else t (t < 2p): the last step of every Montgomery product. The
// selection is cmov in assembly: written as `?:`, GCC turned it into a conditional jump in
// some inlining contexts, which random data mispredicts (Fr multiplication 23 ns instead
// of 15.5 in bench_field_curve's chain) and which leaks the value's timing.
[[gnu::always_inline]] inline U256 subtract_p_once(const unsigned long long (&t)[4], const unsigned long long (&p)[4]) {
#if defined(__x86_64__)
    unsigned long long d0 = t[0], d1 = t[1], d2 = t[2], d3 = t[3];
    asm("subq %[p0], %[d0]\n\t"
        "sbbq %[p1], %[d1]\n\t"
        "sbbq %[p2], %[d2]\n\t"
        "sbbq %[p3], %[d3]\n\t"
        "cmovcq %[t0], %[d0]\n\t"  // t < p: keep t
        "cmovcq %[t1], %[d1]\n\t"
        "cmovcq %[t2], %[d2]\n\t"
        "cmovcq %[t3], %[d3]\n\t"
        : [d0] "+&r"(d0), [d1] "+&r"(d1), [d2] "+&r"(d2), [d3] "+&r"(d3)
        : [t0] "rm"(t[0]), [t1] "rm"(t[1]), [t2] "rm"(t[2]), [t3] "rm"(t[3]), [p0] "m"(p[0]), [p1] "m"(p[1]),
          [p2] "m"(p[2]), [p3] "m"(p[3])
        : "cc");
    return U256{{d0, d1, d2, d3}};
#else
    unsigned long long d0, d1, d2, d3;
    unsigned char br = _subborrow_u64(0, t[0], p[0], &d0);
    br = _subborrow_u64(br, t[1], p[1], &d1);
    br = _subborrow_u64(br, t[2], p[2], &d2);
    br = _subborrow_u64(br, t[3], p[3], &d3);
    return U256{{br ? t[0] : d0, br ? t[1] : d1, br ? t[2] : d2, br ? t[3] : d3}};
#endif
}

#if defined(__x86_64__)  // assembled for every x86-64; used where cpu::use_mulx_adx()
// t = a·b as eight words, any 256-bit a, b. Row i adds a_i·b at word i: low product halves in
// the CF chain (adcx), high halves in the OF chain (adox), as in PS_MONT_ROW; after row i
// word i is final and goes to memory, so five registers rotate.
#define PS_WIDE_ROW(OFF, T0, T1, T2, T3, T4)                   \
    "movq " #OFF "(%[a]), %%rdx\n\t"                            \
    "xorl %k[z], %k[z]\n\t"                                     \
    "mulxq 0(%[b]), %[lo], %[hi]\n\t"                           \
    "adcxq %[lo], " T0 "\n\t"                                   \
    "adoxq %[hi], " T1 "\n\t"                                   \
    "mulxq 8(%[b]), %[lo], %[hi]\n\t"                           \
    "adcxq %[lo], " T1 "\n\t"                                   \
    "adoxq %[hi], " T2 "\n\t"                                   \
    "mulxq 16(%[b]), %[lo], %[hi]\n\t"                          \
    "adcxq %[lo], " T2 "\n\t"                                   \
    "adoxq %[hi], " T3 "\n\t"                                   \
    "mulxq 24(%[b]), %[lo], " T4 "\n\t"                         \
    "adcxq %[lo], " T3 "\n\t"                                   \
    "adoxq %[z], " T4 "\n\t"                                    \
    "adcxq %[z], " T4 "\n\t"                                    \
    "movq " T0 ", " #OFF "(%[t])\n\t"

[[gnu::always_inline]] inline void mul_wide_mulx(uint64_t* t, const uint64_t* a, const uint64_t* b) {
    unsigned long long r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4, lo, hi, z;
    // The memory operands tell GCC which words the assembly reads and writes, so no
    // "memory" clobber spills everything else around it.
    asm(PS_WIDE_ROW(0, "%[r0]", "%[r1]", "%[r2]", "%[r3]", "%[r4]")
        PS_WIDE_ROW(8, "%[r1]", "%[r2]", "%[r3]", "%[r4]", "%[r0]")
        PS_WIDE_ROW(16, "%[r2]", "%[r3]", "%[r4]", "%[r0]", "%[r1]")
        PS_WIDE_ROW(24, "%[r3]", "%[r4]", "%[r0]", "%[r1]", "%[r2]")
        "movq %[r4], 32(%[t])\n\t"
        "movq %[r0], 40(%[t])\n\t"
        "movq %[r1], 48(%[t])\n\t"
        "movq %[r2], 56(%[t])\n\t"
        : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [r4] "=&r"(r4), [lo] "=&r"(lo),
          [hi] "=&r"(hi), [z] "=&r"(z), "=m"(*reinterpret_cast<uint64_t(*)[8]>(t))
        : [a] "r"(a), [b] "r"(b), [t] "r"(t), "m"(*reinterpret_cast<const uint64_t(*)[4]>(a)),
          "m"(*reinterpret_cast<const uint64_t(*)[4]>(b))
        : "rdx", "cc");
}
#undef PS_WIDE_ROW

// t = a² as eight words, any 256-bit a: the six cross products a_i·a_j (i < j) once, doubled
// by a shift, plus the four squares a_i² on the diagonal (ten word products, not sixteen).
[[gnu::always_inline]] inline void sqr_wide_mulx(uint64_t* t, const uint64_t* a) {
    unsigned long long r0, r1, r2, r3, r4, r5, r6, r7, lo, hi;
    asm(// cross products: a0·(a1, a2, a3), a1·a3, a2·a3 in one carry chain, then a1·a2
        "movq 0(%[a]), %%rdx\n\t"
        "mulxq 8(%[a]), %[r1], %[r2]\n\t"
        "mulxq 16(%[a]), %[lo], %[r3]\n\t"
        "addq %[lo], %[r2]\n\t"
        "mulxq 24(%[a]), %[lo], %[r4]\n\t"
        "adcq %[lo], %[r3]\n\t"
        "movq 8(%[a]), %%rdx\n\t"
        "mulxq 24(%[a]), %[lo], %[r5]\n\t"
        "adcq %[lo], %[r4]\n\t"
        "movq 16(%[a]), %%rdx\n\t"
        "mulxq 24(%[a]), %[lo], %[r6]\n\t"
        "adcq %[lo], %[r5]\n\t"
        "adcq $0, %[r6]\n\t"
        "movq 8(%[a]), %%rdx\n\t"
        "mulxq 16(%[a]), %[lo], %[hi]\n\t"
        "addq %[lo], %[r3]\n\t"
        "adcq %[hi], %[r4]\n\t"
        "adcq $0, %[r5]\n\t"
        "adcq $0, %[r6]\n\t"
        // doubling in the CF chain, the squares a_i² in the OF chain
        "xorl %k[lo], %k[lo]\n\t"
        "movq 0(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[r0], %[hi]\n\t"
        "adcxq %[r1], %[r1]\n\t"
        "adoxq %[hi], %[r1]\n\t"
        "movq 8(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[hi]\n\t"
        "adcxq %[r2], %[r2]\n\t"
        "adoxq %[lo], %[r2]\n\t"
        "adcxq %[r3], %[r3]\n\t"
        "adoxq %[hi], %[r3]\n\t"
        "movq 16(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[hi]\n\t"
        "adcxq %[r4], %[r4]\n\t"
        "adoxq %[lo], %[r4]\n\t"
        "adcxq %[r5], %[r5]\n\t"
        "adoxq %[hi], %[r5]\n\t"
        "movq 24(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[r7]\n\t"
        "adcxq %[r6], %[r6]\n\t"
        "adoxq %[lo], %[r6]\n\t"
        "movl $0, %k[lo]\n\t"  // a zero without touching the flags
        "adcxq %[lo], %[r7]\n\t"
        "adoxq %[lo], %[r7]\n\t"
        : [r0] "=&r"(r0), [r1] "=&r"(r1), [r2] "=&r"(r2), [r3] "=&r"(r3), [r4] "=&r"(r4), [r5] "=&r"(r5),
          [r6] "=&r"(r6), [r7] "=&r"(r7), [lo] "=&r"(lo), [hi] "=&r"(hi)
        : [a] "r"(a), "m"(*reinterpret_cast<const uint64_t(*)[4]>(a))
        : "rdx", "cc");
    t[0] = r0;
    t[1] = r1;
    t[2] = r2;
    t[3] = r3;
    t[4] = r4;
    t[5] = r5;
    t[6] = r6;
    t[7] = r7;
}

// One Montgomery reduction row on four words: t ← (t + m·p) / 2^64, m = t_0·inv. t < 2^256
// keeps (t + m·p) / 2^64 < 2^192 + p, four words again, so no carry word.
#define PS_REDC_ROW(T0, T1, T2, T3)                             \
    "movq " T0 ", %%rdx\n\t"                                    \
    "imulq %[inv], %%rdx\n\t"                                   \
    "xorl %k[z], %k[z]\n\t"                                     \
    "mulxq %[p0], %[lo], %[hi]\n\t"                             \
    "adcxq " T0 ", %[lo]\n\t"                                   \
    "adoxq %[hi], " T1 "\n\t"                                   \
    "mulxq %[p1], %[lo], %[hi]\n\t"                             \
    "adcxq %[lo], " T1 "\n\t"                                   \
    "adoxq %[hi], " T2 "\n\t"                                   \
    "mulxq %[p2], %[lo], %[hi]\n\t"                             \
    "adcxq %[lo], " T2 "\n\t"                                   \
    "adoxq %[hi], " T3 "\n\t"                                   \
    "mulxq %[p3], %[lo], " T0 "\n\t"                            \
    "adcxq %[lo], " T3 "\n\t"                                   \
    "adoxq %[z], " T0 "\n\t"                                    \
    "adcxq %[z], " T0 "\n\t"

// Montgomery reduction of t < p·2^256 (eight words): (t_low + M·p) / 2^256 ≤ p after four
// rows, plus t_high < p gives < 2p, so one conditional subtraction of p finishes.
// redc_below_2p leaves the value < 2p in u; redc_mulx finishes it.
[[gnu::always_inline]] inline void redc_below_2p(unsigned long long (&u)[4], const uint64_t* t,
                                                 const unsigned long long (&p)[4], const unsigned long long& inv) {
    unsigned long long r0 = t[0], r1 = t[1], r2 = t[2], r3 = t[3], lo, hi, z;
    asm(PS_REDC_ROW("%[r0]", "%[r1]", "%[r2]", "%[r3]")
        PS_REDC_ROW("%[r1]", "%[r2]", "%[r3]", "%[r0]")
        PS_REDC_ROW("%[r2]", "%[r3]", "%[r0]", "%[r1]")
        PS_REDC_ROW("%[r3]", "%[r0]", "%[r1]", "%[r2]")
        "addq 32(%[t]), %[r0]\n\t"
        "adcq 40(%[t]), %[r1]\n\t"
        "adcq 48(%[t]), %[r2]\n\t"
        "adcq 56(%[t]), %[r3]\n\t"
        : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [lo] "=&r"(lo), [hi] "=&r"(hi),
          [z] "=&r"(z)
        : [t] "r"(t), "m"(*reinterpret_cast<const uint64_t(*)[8]>(t)), [p0] "m"(p[0]), [p1] "m"(p[1]),
          [p2] "m"(p[2]), [p3] "m"(p[3]), [inv] "m"(inv)
        : "rdx", "cc");
    u[0] = r0;
    u[1] = r1;
    u[2] = r2;
    u[3] = r3;
}
#undef PS_REDC_ROW

[[gnu::always_inline]] inline U256 redc_mulx(const uint64_t* t, const unsigned long long (&p)[4],
                                             const unsigned long long& inv) {
    unsigned long long u[4];
    redc_below_2p(u, t, p, inv);
    return subtract_p_once(u, p);
}


#endif

}  // namespace field_detail

// CIOS Montgomery multiplication (Koç, Acar, Kaliski 1996) in its "no-carry" form
// (gnark-crypto, "Faster big-integer modular multiplication for most moduli", 2020):
// when the top limb of p is below 2^63 - 1 the running value t + a·b_i + m·p fits five
// words and t stays below 2p, so no per-row carry words are kept. Inputs < p, output < p.
// Word by word with the four rows spelt out: with 128-bit temporaries in loops GCC kept
// partial products on the stack (on AMD Zen 4 a G1 mixed addition cost 570 ns, not 250).
template <class Params>
inline void MontField<Params>::mont_rows_portable(unsigned long long (&t)[4], const U256& a, const U256& b) {
    static_assert(Params::modulus.limb[3] < (uint64_t(1) << 63) - 1, "no-carry CIOS needs a spare top bit");
    using ull = unsigned long long;
    const ull av[4] = {a.limb[0], a.limb[1], a.limb[2], a.limb[3]};
    t[0] = t[1] = t[2] = t[3] = 0;
    field_detail::mont_row(t, av, b.limb[0], MODULUS_WORDS, INV);
    field_detail::mont_row(t, av, b.limb[1], MODULUS_WORDS, INV);
    field_detail::mont_row(t, av, b.limb[2], MODULUS_WORDS, INV);
    field_detail::mont_row(t, av, b.limb[3], MODULUS_WORDS, INV);
}

template <class Params>
inline void MontField<Params>::mont_mul_portable(U256& out, const U256& a, const U256& b) {
    unsigned long long t[4];
    mont_rows_portable(t, a, b);
    out = field_detail::subtract_p_once(t, MODULUS_WORDS);
}

// The same rows in assembly where the CPU has BMI2 (mulx) and ADX (cpu::use_mulx_adx): a row's low and
// high product halves add in two independent carry chains (adcx on CF, adox on OF), which
// C++ cannot express (one carry flag); 15.6 ns instead of 26 ns a product on Zen 4.
template <class Params>
inline void MontField<Params>::mont_mul(U256& out, const U256& a, const U256& b) {
    using ull = unsigned long long;
    const auto& p = MODULUS_WORDS;
    ull t[4];  // the product before its last step, < 2p
#if defined(__x86_64__)
    if (cpu::use_mulx_adx()) {
        static constexpr ull inv = INV;
        ull t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4, lo, hi, z;
        // Registers rotate: each row leaves t in the next four (t1..t4 after row 0, …).
        asm(PS_MONT_ROW(0, "%[t0]", "%[t1]", "%[t2]", "%[t3]", "%[t4]")
            PS_MONT_ROW(8, "%[t1]", "%[t2]", "%[t3]", "%[t4]", "%[t0]")
            PS_MONT_ROW(16, "%[t2]", "%[t3]", "%[t4]", "%[t0]", "%[t1]")
            PS_MONT_ROW(24, "%[t3]", "%[t4]", "%[t0]", "%[t1]", "%[t2]")
            : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "=&r"(t4), [lo] "=&r"(lo),
              [hi] "=&r"(hi), [z] "=&r"(z)
            : [a] "r"(a.limb.data()), [b] "r"(b.limb.data()), [p] "r"(p), [inv] "m"(inv), "m"(a.limb), "m"(b.limb),
              "m"(p)
            : "rdx", "cc");
        t[0] = t4;
        t[1] = t0;
        t[2] = t1;
        t[3] = t2;
    } else
#endif
    {
        mont_rows_portable(t, a, b);
    }
    // One final step for both paths: chosen at run time, they meet in four registers. (With the
    // step in each, GCC joined them through a copy in memory whose reload missed store
    // forwarding: 31 instead of 20 ns a product in a portable build.)
    out = field_detail::subtract_p_once(t, p);
}

// The square as a 512-bit square (ten word products) and a separate Montgomery reduction
// (sixteen): 26 multiplications instead of the product's 32. (One fused block keeping the
// eight words in registers measured 14.5 against 15.1 ns, but needs twelve registers, more
// than GCC finds free where it inlines into core/msm.)
template <class Params>
inline void MontField<Params>::mont_sqr(U256& out, const U256& a) {
    unsigned long long t[4];  // < 2p; one final step for both paths, as in mont_mul
#if defined(__x86_64__)
    if (cpu::use_mulx_adx()) {
        static constexpr unsigned long long inv = INV;  // the assembly's memory operand
        uint64_t wide[8];
        field_detail::sqr_wide_mulx(wide, a.limb.data());
        field_detail::redc_below_2p(t, wide, MODULUS_WORDS, inv);
    } else
#endif
    {
        mont_rows_portable(t, a, a);
    }
    out = field_detail::subtract_p_once(t, MODULUS_WORDS);
}

// a + b mod p and a − b mod p for a, b < p. The C++ forms are the portable reference; GCC
// compiles their final selection into a branch (measured: a jb on the reduction, which a
// random operand mispredicts half the time, and not constant time), so on x86-64 the
// selection is spelt out as cmov in assembly.
template <class Params>
inline void MontField<Params>::add_mod_p_portable(U256& out, const U256& a, const U256& b) {
    unsigned long long s0, s1, s2, s3, d0, d1, d2, d3;
    unsigned char c = _addcarry_u64(0, a.limb[0], b.limb[0], &s0);
    c = _addcarry_u64(c, a.limb[1], b.limb[1], &s1);
    c = _addcarry_u64(c, a.limb[2], b.limb[2], &s2);
    _addcarry_u64(c, a.limb[3], b.limb[3], &s3);
    unsigned char br = _subborrow_u64(0, s0, MODULUS.limb[0], &d0);
    br = _subborrow_u64(br, s1, MODULUS.limb[1], &d1);
    br = _subborrow_u64(br, s2, MODULUS.limb[2], &d2);
    br = _subborrow_u64(br, s3, MODULUS.limb[3], &d3);
    out.limb = {br ? s0 : d0, br ? s1 : d1, br ? s2 : d2, br ? s3 : d3};
}

template <class Params>
inline void MontField<Params>::sub_mod_p_portable(U256& out, const U256& a, const U256& b) {
    unsigned long long d0, d1, d2, d3;
    unsigned char br = _subborrow_u64(0, a.limb[0], b.limb[0], &d0);
    br = _subborrow_u64(br, a.limb[1], b.limb[1], &d1);
    br = _subborrow_u64(br, a.limb[2], b.limb[2], &d2);
    br = _subborrow_u64(br, a.limb[3], b.limb[3], &d3);
    const uint64_t mask = uint64_t(0) - br;  // add p back when a < b
    unsigned char c = _addcarry_u64(0, d0, MODULUS.limb[0] & mask, &d0);
    c = _addcarry_u64(c, d1, MODULUS.limb[1] & mask, &d1);
    c = _addcarry_u64(c, d2, MODULUS.limb[2] & mask, &d2);
    _addcarry_u64(c, d3, MODULUS.limb[3] & mask, &d3);
    out.limb = {d0, d1, d2, d3};
}

template <class Params>
inline void MontField<Params>::add_mod_p(U256& out, const U256& a, const U256& b) {
#if defined(__x86_64__)
    const U256 s = field_detail::carry_chain<false>(a, b);  // < 2p < 2^256
    const unsigned long long t[4] = {s.limb[0], s.limb[1], s.limb[2], s.limb[3]};
    out = field_detail::subtract_p_once(t, MODULUS_WORDS);
#else
    add_mod_p_portable(out, a, b);
#endif
}

template <class Params>
inline void MontField<Params>::sub_mod_p(U256& out, const U256& a, const U256& b) {
#if defined(__x86_64__)
    using ull = unsigned long long;
    const auto& p = MODULUS_WORDS;
    ull r0 = a.limb[0], r1 = a.limb[1], r2 = a.limb[2], r3 = a.limb[3], t0, t1, t2, t3;
    asm("xorl %k[t0], %k[t0]\n\t"
        "xorl %k[t1], %k[t1]\n\t"
        "xorl %k[t2], %k[t2]\n\t"
        "xorl %k[t3], %k[t3]\n\t"
        "subq %[b0], %[r0]\n\t"
        "sbbq %[b1], %[r1]\n\t"
        "sbbq %[b2], %[r2]\n\t"
        "sbbq %[b3], %[r3]\n\t"
        "cmovcq %[p0], %[t0]\n\t"  // a < b: add p back
        "cmovcq %[p1], %[t1]\n\t"
        "cmovcq %[p2], %[t2]\n\t"
        "cmovcq %[p3], %[t3]\n\t"
        "addq %[t0], %[r0]\n\t"
        "adcq %[t1], %[r1]\n\t"
        "adcq %[t2], %[r2]\n\t"
        "adcq %[t3], %[r3]\n\t"
        : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [t0] "=&r"(t0), [t1] "=&r"(t1),
          [t2] "=&r"(t2), [t3] "=&r"(t3)
        : [b0] "rm"(b.limb[0]), [b1] "rm"(b.limb[1]), [b2] "rm"(b.limb[2]), [b3] "rm"(b.limb[3]), [p0] "m"(p[0]),
          [p1] "m"(p[1]), [p2] "m"(p[2]), [p3] "m"(p[3])
        : "cc");
    out.limb = {r0, r1, r2, r3};
#else
    sub_mod_p_portable(out, a, b);
#endif
}

template <class Params>
std::optional<MontField<Params>> MontField<Params>::sqrt() const {
    if (is_zero()) return *this;
    if (legendre() != 1) return std::nullopt;
    U256 pm1;
    sub_to(pm1, MODULUS, U256::from_u64(1));
    if ((MODULUS.limb[0] & 3) == 3) {
        U256 e;  // (p + 1) / 4
        add_to(e, MODULUS, U256::from_u64(1));
        e = shr1(shr1(e));
        return pow(e);
    }
    // Tonelli–Shanks: p - 1 = q · 2^s with q odd.
    unsigned s = 0;
    U256 q = pm1;
    while (!q.bit(0)) {
        q = shr1(q);
        ++s;
    }
    MontField z = from_u64(2);
    while (z.legendre() != -1) z += one();
    MontField c = z.pow(q);
    U256 q1;
    add_to(q1, q, U256::from_u64(1));
    MontField x = pow(shr1(q1));
    MontField t = pow(q);
    unsigned m = s;
    while (!(t == one())) {
        unsigned i = 0;
        MontField t2 = t;
        while (!(t2 == one())) {
            t2 = t2.square();
            ++i;
        }
        MontField b = c;
        for (unsigned j = 0; j + 1 < m - i; ++j) b = b.square();
        x *= b;
        c = b.square();
        t *= c;
        m = i;
    }
    return x;
}

}  // namespace ps
