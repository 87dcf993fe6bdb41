#pragma once
// Modular inversion by Bernstein–Yang divsteps ("Fast constant-time gcd computation and
// modular inversion", TCHES 2019), 62 divsteps per batch on the low 64 bits with the big
// numbers updated once per batch by a 2×2 matrix; d and e stay in (−2p, p) and are reduced
// once at the end. Timings against Fermat's a^(p−2) and mcl: docs/BENCHMARKS.md.
#include "core/field/u256.hpp"
#include <cstdint>

namespace ps::safegcd {

// What a modulus needs: its value (odd, below 2^254) and p⁻¹ mod 2^62.
struct Modulus {
    U256 p;
    uint64_t inv62;

    static constexpr Modulus of(const U256& p) {
        uint64_t inv = 1;  // Newton: each step doubles the correct low bits (p odd)
        for (int i = 0; i < 7; ++i) inv *= 2 - p.limb[0] * inv;
        return Modulus{p, inv & ((uint64_t(1) << 62) - 1)};
    }
};

// n·a⁻¹ mod p for n, a < p (a = 0 gives 0). The numerator rides along at no cost: with
// n = R² a Montgomery-form inverse needs no final product. Always 10 batches (620
// divsteps ≥ the 590 that suffice for 256-bit inputs with δ starting at 1/2) and no
// branch or memory access that depends on n or a: for secret values (blinding factors).
U256 divide_consttime(const U256& n, const U256& a, const Modulus& m);

// The same value; stops as soon as the gcd is found and takes several divsteps at once,
// so its time depends on a: public data only.
U256 divide_vartime(const U256& n, const U256& a, const Modulus& m);

}  // namespace ps::safegcd
