#include "core/field/fq12.hpp"
#include "core/field/tower_constants.hpp"

namespace ps {

// (a + b w)⁻¹ = (a − b w) / (a² − v b²)
Fq12 Fq12::inverse() const {
    const Fq6 ninv = (c0.square() - c1.square().mul_by_v()).inverse();
    return Fq12{c0 * ninv, -(c1 * ninv)};
}
Fq12 Fq12::inverse_vartime() const {
    const Fq6 ninv = (c0.square() - c1.square().mul_by_v()).inverse_vartime();
    return Fq12{c0 * ninv, -(c1 * ninv)};
}

// (a + b w)^p = a^p + b^p w^p with w^p = w · ξ^((p-1)/6).
Fq12 Fq12::frobenius_map(unsigned power) const {
    Fq12 r = *this;
    for (unsigned i = 0; i < power % 12; ++i)
        r = Fq12{r.c0.frobenius_map(1), r.c1.frobenius_map(1) * tower::frob_w()};
    return r;
}

Fq12 Fq12::mul_by_line(const Fq2& a, const Fq2& b, const Fq2& c) const {
    const Fq6 v0 = c0 * a;
    const Fq6 v1 = c1.mul_by_01(b, c);
    const Fq6 mixed = (c0 + c1).mul_by_01(a + b, c);
    return Fq12{v0 + v1.mul_by_v(), mixed - v0 - v1};
}

namespace {
// (x + y s)^2 in Fq4 = Fq2[s]/(s^2 - ξ): returns (x^2 + ξ y^2, 2xy).
inline void fq4_square(const Fq2& x, const Fq2& y, Fq2& out0, Fq2& out1) {
    const Fq2 x2 = x.square(), y2 = y.square();
    out0 = x2 + y2.mul_by_nonresidue();
    out1 = (x + y).square() - x2 - y2;
}
inline Fq2 times3(const Fq2& a) { return a.dbl() + a; }
}  // namespace

// View f as A0 + A1 w + A2 w^2 over Fq4 with s = w^3 (w^6 = ξ):
// A0 = (g0, h1), A1 = (h0, g2), A2 = (g1, h2) where f = (g0 + g1 v + g2 v^2) + (h0 + ...)w.
// Granger–Scott: f^2 = (3A0^2 - 2Ā0) + (3 s A2^2 + 2Ā1) w + (3A1^2 - 2Ā2) w^2.
Fq12 Fq12::cyclotomic_square() const {
    const Fq2 &g0 = c0.c0, &g1 = c0.c1, &g2 = c0.c2;
    const Fq2 &h0 = c1.c0, &h1 = c1.c1, &h2 = c1.c2;
    Fq2 t00, t01, t10, t11, t20, t21;
    fq4_square(g0, h1, t00, t01);
    fq4_square(h0, g2, t10, t11);
    fq4_square(g1, h2, t20, t21);
    Fq12 r;
    r.c0.c0 = times3(t00) - g0.dbl();
    r.c1.c1 = times3(t01) + h1.dbl();
    r.c1.c0 = times3(t21.mul_by_nonresidue()) + h0.dbl();
    r.c0.c2 = times3(t20) - g2.dbl();
    r.c0.c1 = times3(t10) - g1.dbl();
    r.c1.c2 = times3(t11) + h2.dbl();
    return r;
}

Fq12 Fq12::pow(const U256& e) const {
    Fq12 r = one();
    for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
        r = r.square();
        if (e.bit(unsigned(i))) r *= *this;
    }
    return r;
}

Fq12 Fq12::pow_be(std::span<const uint8_t> e) const {
    Fq12 r = one();
    for (uint8_t byte : e)
        for (int b = 7; b >= 0; --b) {
            r = r.square();
            if ((byte >> b) & 1) r *= *this;
        }
    return r;
}

}  // namespace ps
