#include "core/field/fq6.hpp"
#include "core/field/tower_constants.hpp"

namespace ps {

namespace {
// Norm-based inversion (Devegili et al. / "Guide to pairing-based cryptography" Alg. 5.23):
// one Fq2 inversion, which `invert` performs.
template <class Invert>
Fq6 invert_fq6(const Fq6& a, Invert&& invert) {
    const Fq2 t0 = a.c0.square() - (a.c1 * a.c2).mul_by_nonresidue();
    const Fq2 t1 = a.c2.square().mul_by_nonresidue() - a.c0 * a.c1;
    const Fq2 t2 = a.c1.square() - a.c0 * a.c2;
    const Fq2 n = a.c0 * t0 + (a.c2 * t1 + a.c1 * t2).mul_by_nonresidue();
    const Fq2 ninv = invert(n);
    return Fq6{t0 * ninv, t1 * ninv, t2 * ninv};
}
}  // namespace

Fq6 Fq6::inverse() const {
    return invert_fq6(*this, [](const Fq2& n) { return n.inverse(); });
}
Fq6 Fq6::inverse_vartime() const {
    return invert_fq6(*this, [](const Fq2& n) { return n.inverse_vartime(); });
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
