#pragma once
// The BN254 scalar field Fr (r ≈ 2^254), the field of circuit values and polynomials.
#include "core/field/mont_field.hpp"

namespace ps {

struct FrParams {
    // r = 21888242871839275222246405745257275088548364400416034343698204186575808495617
    static constexpr U256 modulus{{0x43e1f593f0000001ULL, 0x2833e84879b97091ULL,
                                   0xb85045b68181585dULL, 0x30644e72e131a029ULL}};
};

using Fr = MontField<FrParams>;

namespace fr {
// r - 1 = 2^28 · t with t odd: domains of size up to 2^28 exist.
inline constexpr unsigned TWO_ADICITY = 28;
// The multiplicative generator halo2 and EZKL use for Fr.
inline constexpr uint64_t GENERATOR = 7;
// 7^t: a primitive 2^28-th root of unity (halo2's ROOT_OF_UNITY).
const Fr& two_adic_root_of_unity();
// A primitive 2^k-th root of unity, k <= 28: the generator of the size-2^k domain.
Fr root_of_unity(unsigned k);
}  // namespace fr

}  // namespace ps
