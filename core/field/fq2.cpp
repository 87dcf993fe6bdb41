#include "core/field/fq2.hpp"

namespace ps {

std::optional<Fq2> Fq2::sqrt() const {
    if (is_zero()) return *this;
    U256 e;  // (p - 3) / 4
    sub_to(e, Fq::MODULUS, U256::from_u64(3));
    e = shr1(shr1(e));
    const Fq2 a1 = pow(e);
    const Fq2 alpha = a1 * a1 * *this;
    const Fq2 x0 = a1 * *this;
    const Fq2 minus_one{-Fq::one(), Fq::zero()};
    if (alpha == minus_one) {
        // x0 · u
        return Fq2{-x0.c1, x0.c0};
    }
    U256 h;  // (p - 1) / 2
    sub_to(h, Fq::MODULUS, U256::from_u64(1));
    h = shr1(h);
    const Fq2 b = (alpha + one()).pow(h);
    const Fq2 root = b * x0;
    if (!(root.square() == *this)) return std::nullopt;
    return root;
}

}  // namespace ps
