#pragma once
// Signed 128-bit integers as field elements: v for v ≥ 0, r − |v| otherwise.
#include "core/field/fr.hpp"

namespace ps::circuit {

inline Fr field_value(__int128 v) {
    const bool negative = v < 0;
    const unsigned __int128 m = negative ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    U256 u;
    u.limb[0] = uint64_t(m);
    u.limb[1] = uint64_t(m >> 64);
    const Fr f = *Fr::from_canonical(u);
    return negative ? -f : f;
}

}  // namespace ps::circuit
