#include "core/field/fr.hpp"
#include <stdexcept>

namespace ps::fr {

const Fr& two_adic_root_of_unity() {
    static const Fr root = [] {
        U256 t;
        sub_to(t, Fr::MODULUS, U256::from_u64(1));
        for (unsigned i = 0; i < TWO_ADICITY; ++i) t = shr1(t);
        return Fr::from_u64(GENERATOR).pow(t);
    }();
    return root;
}

Fr root_of_unity(unsigned k) {
    if (k > TWO_ADICITY) throw std::invalid_argument("Fr has no root of unity of order 2^k for k > 28");
    Fr w = two_adic_root_of_unity();
    for (unsigned i = k; i < TWO_ADICITY; ++i) w = w.square();
    return w;
}

}  // namespace ps::fr
