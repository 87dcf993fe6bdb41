#include "core/field/tower_constants.hpp"

namespace ps::tower {

U256 p_minus_one_over(uint64_t d) {
    U256 n;
    sub_to(n, Fq::MODULUS, U256::from_u64(1));
    U256 q;
    u128 rem = 0;
    for (int i = 3; i >= 0; --i) {
        const u128 cur = (rem << 64) | n.limb[size_t(i)];
        q.limb[size_t(i)] = uint64_t(cur / d);
        rem = cur % d;
    }
    return q;
}

const Fq2& xi() {
    static const Fq2 v{Fq::from_u64(9), Fq::one()};
    return v;
}
const Fq2& frob_v() {
    static const Fq2 v = xi().pow(p_minus_one_over(3));
    return v;
}
const Fq2& frob_v2() {
    static const Fq2 v = frob_v().square();
    return v;
}
const Fq2& frob_w() {
    static const Fq2 v = xi().pow(p_minus_one_over(6));
    return v;
}

}  // namespace ps::tower
