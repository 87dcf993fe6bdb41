#pragma once
// Scalar multiplication for secret scalars (the development SRS's τ): no branch and no
// memory address depends on the scalar. Tables are read whole and the wanted entry kept
// by a mask (a table scan), and every 4-bit digit d is used as d + 1, so no entry is the
// identity and the incomplete addition formulas never meet their special cases except
// with negligible probability; the offset Σ 16^j·P is public and subtracted at the end.
// Costs ~252 doublings + 64 additions + 64 scans of 16 points: a few times the
// variable-time GLV path (operator*), which stays the right tool for public scalars.
#include "core/field/fr.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>

namespace ps::ct {

// All ones when a == b, else 0, without a branch.
inline uint64_t equal_mask(uint64_t a, uint64_t b) {
    const uint64_t x = a ^ b;
    return ((x | (uint64_t(0) - x)) >> 63) - 1;
}

// table[index], reading every entry.
template <class T>
T select(std::span<const T> table, uint64_t index) {
    static_assert(std::is_trivially_copyable_v<T>);
    constexpr size_t WORDS = (sizeof(T) + 7) / 8;
    std::array<uint64_t, WORDS> out{};
    for (size_t i = 0; i < table.size(); ++i) {
        const uint64_t mask = equal_mask(i, index);
        std::array<uint64_t, WORDS> words{};
        std::memcpy(words.data(), &table[i], sizeof(T));
        for (size_t w = 0; w < WORDS; ++w) out[w] |= words[w] & mask;
    }
    T r;
    std::memcpy(static_cast<void*>(&r), out.data(), sizeof(T));
    return r;
}

// The 4-bit digit j (0 ≤ j < 64) of a canonical scalar.
inline uint64_t digit4(const U256& e, unsigned j) { return (e.limb[j / 16] >> (4 * (j % 16))) & 0xf; }

// k·P for a secret k (Jacobian J with affine A, e.g. G2 / G2Affine). P must not be the
// identity. Horner over 64 digits: acc = 16·acc + (d_j + 1)·P, then acc − Σ 16^j·P.
template <class J, class A>
J mul_secret(const A& point, const Fr& k) {
    std::array<J, 16> multiples;  // (i + 1)·P
    multiples[0] = J::from_affine(point);
    for (size_t i = 1; i < 16; ++i) multiples[i] = multiples[i - 1].add_mixed(point);
    std::array<A, 16> table;
    for (size_t i = 0; i < 16; ++i) table[i] = multiples[i].to_affine();

    const U256 e = k.to_canonical();
    J acc = J::from_affine(select<A>(table, digit4(e, 63)));
    J offset = J::from_affine(point);  // Σ 16^j·P by the same Horner with all digits 0 (public)
    for (int j = 62; j >= 0; --j) {
        for (int b = 0; b < 4; ++b) {
            acc = acc.dbl();
            offset = offset.dbl();
        }
        acc = acc.add_mixed(select<A>(table, digit4(e, unsigned(j))));
        offset = offset.add_mixed(point);
    }
    return acc - offset;
}

}  // namespace ps::ct
