#pragma once
// Frobenius coefficients of the Fq6/Fq12 tower, derived at first use from ξ = 9 + u (so
// they cannot be mistyped): for x in Fq2, ξ^((p-1)/k) is what v^p/v, w^p/w pick up.
#include "core/field/fq2.hpp"

namespace ps::tower {

const Fq2& xi();                 // 9 + u
const Fq2& frob_v();             // ξ^((p-1)/3) = v^(p-1)
const Fq2& frob_v2();            // ξ^(2(p-1)/3) = v^(2(p-1))
const Fq2& frob_w();             // ξ^((p-1)/6) = w^(p-1)
// (p - 1) / d for a small divisor d of p - 1.
U256 p_minus_one_over(uint64_t d);

}  // namespace ps::tower
