#pragma once
// Prime fields of < 255 bits in Montgomery form over 4x64-bit limbs (R = 2^256).
// One template serves Fr and Fq; Params supplies the modulus, every other constant
// (R, R^2, R^3, -p^-1 mod 2^64) is derived at compile time so it cannot be mistyped.
#include "core/field/u256.hpp"
#include "core/util/random.hpp"
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
    static MontField from_u256_reduced(const U256& x) { return from_raw(x) * from_raw(R2); }
    // A 512-bit integer (lo + hi·2^256) reduced mod p: unbiased sampling from 64 bytes.
    static MontField from_u512_reduced(const U256& lo, const U256& hi) {
        return from_raw(lo) * from_raw(R2) + from_raw(hi) * from_raw(R3);
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

    MontField operator+(const MontField& o) const {
        MontField r;
        add_to(r.v_, v_, o.v_);  // < 2p < 2^255: no carry out
        U256 s;
        if (!sub_to(s, r.v_, MODULUS)) r.v_ = s;
        return r;
    }
    MontField operator-(const MontField& o) const {
        MontField r;
        if (sub_to(r.v_, v_, o.v_)) add_to(r.v_, r.v_, MODULUS);
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
    static void mont_mul(U256& out, const U256& a, const U256& b);
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

// CIOS Montgomery multiplication (Koç, Acar, Kaliski 1996): interleaves the product and
// the reduction row by row; with p < 2^254 the running value stays below 2p.
template <class Params>
inline void MontField<Params>::mont_mul(U256& out, const U256& a, const U256& b) {
    const auto& p = MODULUS.limb;
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
    for (int i = 0; i < 4; ++i) {
        const uint64_t bi = b.limb[i];
        u128 c = u128(a.limb[0]) * bi + t0;
        t0 = uint64_t(c);
        c = (c >> 64) + u128(a.limb[1]) * bi + t1;
        t1 = uint64_t(c);
        c = (c >> 64) + u128(a.limb[2]) * bi + t2;
        t2 = uint64_t(c);
        c = (c >> 64) + u128(a.limb[3]) * bi + t3;
        t3 = uint64_t(c);
        const u128 top = u128(t4) + uint64_t(c >> 64);
        t4 = uint64_t(top);
        const uint64_t t5 = uint64_t(top >> 64);

        const uint64_t m = t0 * INV;
        c = (u128(m) * p[0] + t0) >> 64;
        c += u128(m) * p[1] + t1;
        t0 = uint64_t(c);
        c = (c >> 64) + u128(m) * p[2] + t2;
        t1 = uint64_t(c);
        c = (c >> 64) + u128(m) * p[3] + t3;
        t2 = uint64_t(c);
        c = (c >> 64) + t4;
        t3 = uint64_t(c);
        t4 = t5 + uint64_t(c >> 64);
    }
    U256 r{{t0, t1, t2, t3}};
    U256 s;
    const uint64_t borrow = sub_to(s, r, MODULUS);
    out = (t4 || !borrow) ? s : r;
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
