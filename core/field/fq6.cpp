#include "core/field/fq6.hpp"
#include "core/field/tower_constants.hpp"

namespace ps {

// Norm-based inversion (Devegili et al. / "Guide to pairing-based cryptography" Alg. 5.23).
Fq6 Fq6::inverse() const {
    const Fq2 t0 = c0.square() - (c1 * c2).mul_by_nonresidue();
    const Fq2 t1 = c2.square().mul_by_nonresidue() - c0 * c1;
    const Fq2 t2 = c1.square() - c0 * c2;
    const Fq2 n = c0 * t0 + (c2 * t1 + c1 * t2).mul_by_nonresidue();
    const Fq2 ninv = n.inverse();
    return Fq6{t0 * ninv, t1 * ninv, t2 * ninv};
}

Fq6 Fq6::pow(const U256& e) const {
    Fq6 r = one();
    for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
        r = r.square();
        if (e.bit(unsigned(i))) r *= *this;
    }
    return r;
}

// (c0 + c1 v + c2 v^2)^p = c̄0 + c̄1 v^p + c̄2 v^2p with v^p = v · ξ^((p-1)/3).
Fq6 Fq6::frobenius_map(unsigned power) const {
    Fq6 r = *this;
    for (unsigned i = 0; i < power % 6; ++i)
        r = Fq6{r.c0.conjugate(), r.c1.conjugate() * tower::frob_v(),
                r.c2.conjugate() * tower::frob_v2()};
    return r;
}

}  // namespace ps
