#pragma once
// Unreduced 512-bit products and Montgomery reduction, for "lazy reduction" in extension
// fields: a Karatsuba Fq2 product needs three integer products but only two reductions
// (Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing
// pairings over ordinary curves", EUROCRYPT 2011, §3).
#include "core/field/u256.hpp"
#include <array>
#include <immintrin.h>

namespace ps::wide {

struct U512 {
    std::array<uint64_t, 8> limb{};  // little-endian
};

// a·b as a 512-bit integer (any 256-bit a, b).
inline U512 mul(const U256& a, const U256& b) {
    U512 t;
    for (int i = 0; i < 4; ++i) {
        u128 c = 0;
        for (int j = 0; j < 4; ++j) {
            c += u128(a.limb[size_t(i)]) * b.limb[size_t(j)] + t.limb[size_t(i + j)];
            t.limb[size_t(i + j)] = uint64_t(c);
            c >>= 64;
        }
        t.limb[size_t(i + 4)] = uint64_t(c);
    }
    return t;
}

inline U512 add(const U512& a, const U512& b) {  // caller guarantees no overflow
    U512 r;
    unsigned char c = 0;
    for (size_t i = 0; i < 8; ++i) {
        unsigned long long s;
        c = _addcarry_u64(c, a.limb[i], b.limb[i], &s);
        r.limb[i] = s;
    }
    return r;
}

inline U512 sub(const U512& a, const U512& b) {  // caller guarantees a >= b
    U512 r;
    unsigned char c = 0;
    for (size_t i = 0; i < 8; ++i) {
        unsigned long long d;
        c = _subborrow_u64(c, a.limb[i], b.limb[i], &d);
        r.limb[i] = d;
    }
    return r;
}

// p² for the field F, as a 512-bit integer (added before a subtraction that could go
// negative; it is ≡ 0 after reduction).
template <class F>
const U512& modulus_squared() {
    static const U512 sq = mul(F::MODULUS, F::MODULUS);
    return sq;
}

// Montgomery reduction t·2^-256 mod p for t < p·2^256, as the field element whose stored
// (Montgomery) form that is: reducing a product of two stored forms gives the product.
template <class F>
F reduce(U512 t) {
    const auto& p = F::MODULUS.limb;
    uint64_t top_carry = 0;
    for (int i = 0; i < 4; ++i) {
        const uint64_t m = t.limb[size_t(i)] * F::INV;
        u128 c = (u128(m) * p[0] + t.limb[size_t(i)]) >> 64;
        for (int j = 1; j < 4; ++j) {
            c += u128(m) * p[size_t(j)] + t.limb[size_t(i + j)];
            t.limb[size_t(i + j)] = uint64_t(c);
            c >>= 64;
        }
        const u128 s = u128(t.limb[size_t(i + 4)]) + uint64_t(c) + top_carry;
        t.limb[size_t(i + 4)] = uint64_t(s);
        top_carry = uint64_t(s >> 64);
    }
    // Result < 2p < 2^255, so top_carry is 0: subtract p once if needed.
    const U256 r{{t.limb[4], t.limb[5], t.limb[6], t.limb[7]}};
    U256 s;
    const uint64_t borrow = sub_to(s, r, F::MODULUS);
    return F::from_raw(borrow ? r : s);
}

}  // namespace ps::wide
