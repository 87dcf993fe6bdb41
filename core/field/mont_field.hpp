#pragma once
// Prime fields of < 255 bits in Montgomery form over 4x64-bit limbs (R = 2^256).
// One template serves Fr and Fq; Params supplies the modulus, every other constant
// (R, R^2, R^3, -p^-1 mod 2^64) is derived at compile time so it cannot be mistyped.
#include "core/field/u256.hpp"
#include "core/util/random.hpp"
#include <immintrin.h>  // _addcarry_u64 / _subborrow_u64 (x86-64)
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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
    MontField operator*(const MontField& o) const {
        MontField r;
        mont_mul(r.v_, v_, o.v_);
        return r;
    }
    MontField& operator+=(const MontField& o) { return *this = *this + o; }
    MontField& operator-=(const MontField& o) { return *this = *this - o; }
    MontField& operator*=(const MontField& o) { return *this = *this * o; }
    MontField square() const { return *this * *this; }
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

    // a^(p-2): a fixed exponent, so no data-dependent exits (safe for blinding scalars).
    // The inverse of zero is zero; callers that care check is_zero() first.
    MontField inverse() const {
        U256 e;
        sub_to(e, MODULUS, U256::from_u64(2));
        return pow(e);
    }

    // The same value by the binary extended Euclidean algorithm (Hankerson–Menezes–Vanstone,
    // "Guide to ECC", Alg. 2.22): several times faster, but its running time depends on
    // the value, so only for public data (affine conversion, pairing verification).
    MontField inverse_vartime() const {
        if (is_zero()) return MontField();
        // Inverting the stored aR gives a⁻¹R⁻¹; one Montgomery product with R³ makes a⁻¹R.
        return from_raw(binary_inverse(v_)) * from_raw(R3);
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

private:
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
    static void mont_mul(U256& out, const U256& a, const U256& b);
    static U256 binary_inverse(const U256& a);
    static void add_mod_p(U256& out, const U256& a, const U256& b);
    static void sub_mod_p(U256& out, const U256& a, const U256& b);
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

// CIOS Montgomery multiplication (Koç, Acar, Kaliski 1996) in its "no-carry" form
// (gnark-crypto, "Faster big-integer modular multiplication for most moduli", 2020):
// when the top limb of p is below 2^63 - 1 the two carry chains of a row never overflow
// a word, so the per-row carry words t4/t5 of textbook CIOS disappear. Inputs < p,
// output < p; the running value stays below 2p.
template <class Params>
inline void MontField<Params>::mont_mul(U256& out, const U256& a, const U256& b) {
    static_assert(Params::modulus.limb[3] < (uint64_t(1) << 63) - 1, "no-carry CIOS needs a spare top bit");
    const auto& p = MODULUS.limb;
    uint64_t t[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
        const uint64_t bi = b.limb[size_t(i)];
        u128 x = u128(a.limb[0]) * bi + t[0];
        uint64_t carry_ab = uint64_t(x >> 64);
        const uint64_t m = uint64_t(x) * INV;
        u128 y = u128(m) * p[0] + uint64_t(x);
        uint64_t carry_mp = uint64_t(y >> 64);
        for (int j = 1; j < 4; ++j) {
            x = u128(a.limb[size_t(j)]) * bi + t[j] + carry_ab;
            carry_ab = uint64_t(x >> 64);
            y = u128(m) * p[size_t(j)] + uint64_t(x) + carry_mp;
            carry_mp = uint64_t(y >> 64);
            t[j - 1] = uint64_t(y);
        }
        t[3] = carry_mp + carry_ab;
    }
    const U256 r{{t[0], t[1], t[2], t[3]}};
    U256 s;
    const uint64_t borrow = sub_to(s, r, MODULUS);
    out = borrow ? r : s;
}

template <class Params>
inline void MontField<Params>::add_mod_p(U256& out, const U256& a, const U256& b) {
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
inline void MontField<Params>::sub_mod_p(U256& out, const U256& a, const U256& b) {
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

// a⁻¹ mod p for 0 < a < p: invariants x1·a ≡ u and x2·a ≡ v (mod p), halving u or v
// while even and subtracting the smaller from the larger, until one of them is 1.
template <class Params>
U256 MontField<Params>::binary_inverse(const U256& a) {
    U256 u = a, v = MODULUS;
    U256 x1 = U256::from_u64(1), x2{};
    const U256 one = U256::from_u64(1);
    auto halve_mod_p = [](U256& x) {
        if (x.bit(0)) add_to(x, x, MODULUS);  // x + p < 2^255: no carry out
        x = shr1(x);
    };
    while (!(u == one) && !(v == one)) {
        while (!u.bit(0)) {
            u = shr1(u);
            halve_mod_p(x1);
        }
        while (!v.bit(0)) {
            v = shr1(v);
            halve_mod_p(x2);
        }
        if (!lt(u, v)) {
            sub_to(u, u, v);
            sub_mod_p(x1, x1, x2);
        } else {
            sub_to(v, v, u);
            sub_mod_p(x2, x2, x1);
        }
    }
    return u == one ? x1 : x2;
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
