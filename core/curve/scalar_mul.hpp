#pragma once
// Variable-base scalar multiplication by width-w NAF (Hankerson–Menezes–Vanstone,
// "Guide to Elliptic Curve Cryptography", Alg. 3.36). Not constant time: callers use it
// on public data (verification, tests); the prover's secret scalars go through MSM.
#include "core/curve/endomorphism.hpp"
#include "core/curve/jacobian.hpp"
#include <algorithm>
#include "core/field/u256.hpp"
#include <array>
#include <cstdint>

namespace ps::curve_detail {

// Signed digits d_i in {0, ±1, ±3, ..., ±(2^(w-1)-1)}, k = Σ d_i 2^i; at most one of any
// w consecutive digits is non-zero. Returns the number of digits used.
inline int wnaf_digits(U256 k, int w, std::array<int8_t, 258>& out) {
    const uint64_t window = uint64_t(1) << w;
    uint64_t top = 0;  // bit 256: rounding a digit up can carry out of 256 bits
    int n = 0;
    while (!k.is_zero() || top) {
        int digit = 0;
        if (k.bit(0)) {
            uint64_t low = k.limb[0] & (window - 1);
            if (low >= window / 2) {
                digit = int(low) - int(window);
                top += add_to(k, k, U256::from_u64(uint64_t(-digit)));
            } else {
                digit = int(low);
                sub_to(k, k, U256::from_u64(low));
            }
        }
        out[size_t(n++)] = int8_t(digit);
        k = shr1(k);
        k.limb[3] |= top << 63;
        top = 0;
    }
    return n;
}

template <class P, int W = 5>
P scalar_mul_wnaf(const P& p, const U256& k) {
    constexpr int TABLE = 1 << (W - 2);  // P, 3P, ..., (2^(W-1)-1)P
    std::array<P, TABLE> odd;
    odd[0] = p;
    const P twice = jacobian_double(p);
    for (int i = 1; i < TABLE; ++i) odd[size_t(i)] = jacobian_add(odd[size_t(i - 1)], twice);
    std::array<int8_t, 258> digits{};
    const int n = wnaf_digits(k, W, digits);
    P acc{};
    for (int i = n - 1; i >= 0; --i) {
        acc = jacobian_double(acc);
        const int d = digits[size_t(i)];
        if (d > 0) acc = jacobian_add(acc, odd[size_t(d / 2)]);
        if (d < 0) {
            P neg = odd[size_t(-d / 2)];
            neg.y = -neg.y;
            acc = jacobian_add(acc, neg);
        }
    }
    return acc;
}

}  // namespace ps::curve_detail

namespace ps::curve_detail {

// The shared main loop: signs applied to the tables, then one chain of doublings with
// each short scalar's wNAF digits added from its table (T: Jacobian or affine entries;
// add: the matching addition).
template <class P, class T, size_t N, size_t TABLE, class Add>
P interleaved_wnaf_sum(std::array<std::array<T, TABLE>, N>& tables,
                       const std::array<SignedHalf, N>& k, int w, Add&& add) {
    std::array<std::array<int8_t, 258>, N> digits{};
    int n = 0;
    for (size_t j = 0; j < N; ++j) {
        if (k[j].negative)
            for (auto& e : tables[j]) e.y = -e.y;
        const U256 magnitude{{uint64_t(k[j].magnitude), uint64_t(k[j].magnitude >> 64), 0, 0}};
        n = std::max(n, wnaf_digits(magnitude, w, digits[j]));
    }
    P acc{};
    for (int i = n - 1; i >= 0; --i) {
        acc = jacobian_double(acc);
        for (size_t j = 0; j < N; ++j) {
            const int d = digits[j][size_t(i)];
            if (d > 0) {
                acc = add(acc, tables[j][size_t(d / 2)]);
            } else if (d < 0) {
                T neg = tables[j][size_t(-d / 2)];
                neg.y = -neg.y;
                acc = add(acc, neg);
            }
        }
    }
    return acc;
}

// k·P = Σ_j k[j]·E^j(P) for an endomorphism E acting on P's group as multiplication by
// the decomposition's eigenvalue: the short scalars share one chain of doublings
// (interleaved wNAF, Hankerson–Menezes–Vanstone Alg. 3.51).
template <class P, size_t N, class Endo, int W = 5>
P scalar_mul_endomorphism(const P& p, const std::array<SignedHalf, N>& k, Endo&& endo) {
    constexpr int TABLE = 1 << (W - 2);  // odd multiples 1, 3, ..., 2^(W-1) - 1
    std::array<std::array<P, TABLE>, N> tables;
    tables[0][0] = p;
    const P twice = jacobian_double(p);
    for (int i = 1; i < TABLE; ++i) tables[0][size_t(i)] = jacobian_add(tables[0][size_t(i - 1)], twice);
    for (size_t j = 1; j < N; ++j)
        for (int i = 0; i < TABLE; ++i) tables[j][size_t(i)] = endo(tables[j - 1][size_t(i)]);
    return interleaved_wnaf_sum<P>(tables, k, W,
                                   [](const P& a, const P& b) { return jacobian_add(a, b); });
}

}  // namespace ps::curve_detail

namespace ps::curve_detail {

// P, 3P, 5P, ... in Jacobian form. 2P = (X2 : Y2 : Z2) is the affine point (X2, Y2) of the
// isomorphic curve y² = x³ + b·Z2⁶ (the map (x, y) ↦ (Z2²x, Z2³y)), and the a = 0 formulas
// never involve b: so the chain runs there with mixed additions (8M + 3S) instead of full
// ones (12M + 4S), and Z·Z2 maps each result back (Longa, Miri, "New composite operations
// and precomputation scheme for elliptic curve cryptosystems over prime fields", PKC 2008).
template <class P, class A, size_t TABLE>
void odd_multiples_isomorphic(const P& p, std::array<P, TABLE>& out) {
    out[0] = p;
    const P twice = jacobian_double(p);
    if (p.z.is_zero() || twice.z.is_zero()) {  // no isomorphism to take: plain additions
        for (size_t i = 1; i < TABLE; ++i) out[i] = jacobian_add(out[i - 1], twice);
        return;
    }
    const auto z2 = twice.z.square();
    const auto z3 = z2 * twice.z;
    const A t{twice.x, twice.y, false};
    P cur{p.x * z2, p.y * z3, p.z};  // p on the isomorphic curve
    for (size_t i = 1; i < TABLE; ++i) {
        cur = jacobian_add_mixed(cur, t);
        out[i] = P{cur.x, cur.y, cur.z * twice.z};
    }
}

// The same with the tables in affine form (one batched inversion, jacobian.hpp), so the
// main loop uses mixed additions: worth it where an addition costs much more than the
// inversion amortised over it (G2). EndoAffine maps an affine point A to E(A); EndoAffine2
// maps A to E²(A) (for G2's ψ² a product by an Fq constant per coordinate, much cheaper
// than ψ twice), used for the tables from the third on.
template <class P, class A, size_t N, class EndoAffine, class EndoAffine2, int W = 5>
P scalar_mul_endomorphism_affine(const P& p, const std::array<SignedHalf, N>& k, EndoAffine&& endo,
                                 EndoAffine2&& endo2) {
    constexpr int TABLE = 1 << (W - 2);
    std::array<P, TABLE> jacobian;
    odd_multiples_isomorphic<P, A>(p, jacobian);
    std::array<std::array<A, TABLE>, N> tables;
    jacobian_batch_to_affine<P, A>(std::span<const P>(jacobian), std::span<A>(tables[0]));
    for (size_t j = 1; j < N; ++j)
        for (int i = 0; i < TABLE; ++i)
            tables[j][size_t(i)] = j >= 2 ? endo2(tables[j - 2][size_t(i)]) : endo(tables[j - 1][size_t(i)]);
    return interleaved_wnaf_sum<P>(tables, k, W,
                                   [](const P& a, const A& b) { return jacobian_add_mixed(a, b); });
}

}  // namespace ps::curve_detail
