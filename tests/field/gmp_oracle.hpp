#pragma once
// GMP as the big-integer oracle for the prime fields (STYLE.md: "a big-integer oracle in
// tests", as blst and mcl do): conversions between U256 and mpz_class.
#include "core/field/u256.hpp"
#include <gmpxx.h>

namespace gmp_oracle {

inline mpz_class to_mpz(const ps::U256& x) {
    mpz_class r;
    mpz_import(r.get_mpz_t(), 4, -1, sizeof(uint64_t), 0, 0, x.limb.data());
    return r;
}

// x must lie in [0, 2^256).
inline ps::U256 to_u256(const mpz_class& x) {
    ps::U256 r;
    size_t count = 0;
    mpz_export(r.limb.data(), &count, -1, sizeof(uint64_t), 0, 0, x.get_mpz_t());
    return r;
}

inline mpz_class pow2(unsigned k) {
    mpz_class r = 1;
    r <<= k;
    return r;
}

}  // namespace gmp_oracle
