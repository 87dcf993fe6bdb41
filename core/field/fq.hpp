#pragma once
// The BN254 base field Fq (p ≡ 3 mod 4), the field of curve coordinates.
#include "core/field/mont_field.hpp"

namespace ps {

struct FqParams {
    // p = 21888242871839275222246405745257275088696311157297823662689037894645226208583
    static constexpr U256 modulus{{0x3c208c16d87cfd47ULL, 0x97816a916871ca8dULL,
                                   0xb85045b68181585dULL, 0x30644e72e131a029ULL}};
};

using Fq = MontField<FqParams>;

}  // namespace ps
