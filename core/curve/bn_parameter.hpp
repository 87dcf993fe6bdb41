#pragma once
// The BN254 curve family parameter u (called x or z in some papers):
// p = 36u⁴ + 36u³ + 24u² + 6u + 1, r = 36u⁴ + 36u³ + 18u² + 6u + 1, trace t = 6u² + 1.
// Everything the pairing loop and the endomorphism decompositions need derives from it.
#include <cstdint>

namespace ps::curve_detail {

inline constexpr uint64_t BN_U = 4965661367192848881ULL;

}  // namespace ps::curve_detail
