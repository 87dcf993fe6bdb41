#pragma once
// Short-Weierstrass arithmetic y^2 = x^3 + b (a = 0) in Jacobian coordinates
// (x, y, z) ~ (x/z^2, y/z^3), shared by G1 (over Fq) and G2 (over Fq2).
// Formulas: Explicit-Formulas Database, "g1p/auto/shortw/jacobian-0" (dbl-2009-l,
// add-1998-cmo-2; mixed addition from HMV, see below). Not constant time: public inputs.
#include "core/field/wide.hpp"  // mul_sub (lazy reduction), found by argument-dependent lookup
#include <span>
#include <vector>

namespace ps::curve_detail {

// P: a Jacobian point type with members x, y, z of one field type.
template <class P>
inline P jacobian_double(const P& p) {  // 2M + 5S
    if (p.z.is_zero()) return p;
    const auto a = p.x.square();
    const auto b = p.y.square();
    const auto c = b.square();
    auto d = (p.x + b).square() - a - c;
    d = d.dbl();
    const auto e = a.dbl() + a;
    const auto f = e.square();
    P r;
    r.x = f - d.dbl();
    auto c8 = c.dbl();
    c8 = c8.dbl();
    c8 = c8.dbl();
    r.y = e * (d - r.x) - c8;
    r.z = (p.y * p.z).dbl();
    return r;
}

// add-1998-cmo-2 (12M + 4S): one multiplication more than add-2007-bl but half the
// additions, a win where squaring costs a multiplication.
template <class P>
inline P jacobian_add(const P& p, const P& q) {
    if (p.z.is_zero()) return q;
    if (q.z.is_zero()) return p;
    const auto z1z1 = p.z.square();
    const auto z2z2 = q.z.square();
    const auto u1 = p.x * z2z2;
    const auto s1 = p.y * (q.z * z2z2);
    const auto h = q.x * z1z1 - u1;
    const auto rr = q.y * (p.z * z1z1) - s1;
    if (h.is_zero()) {
        if (rr.is_zero()) return jacobian_double(p);
        return P{};  // p = -q
    }
    const auto hh = h.square();
    const auto hhh = hh * h;
    const auto v = u1 * hh;
    P r;
    r.x = rr.square() - hhh - v.dbl();
    r.y = mul_sub(rr, v - r.x, s1, hhh);  // one set of reductions for both products
    r.z = p.z * q.z * h;
    return r;
}

// A: an affine type with x, y and a bool infinity.
// Hankerson–Menezes–Vanstone, "Guide to ECC", Alg. 3.22 (a = 0): 8M + 3S but only six
// additions, which beats madd-2007-bl's 7M + 4S with twelve here (squaring costs a
// multiplication in our fields).
template <class P, class A>
inline P jacobian_add_mixed(const P& p, const A& q) {
    if (q.infinity) return p;
    if (p.z.is_zero()) return P{q.x, q.y, decltype(q.x)::one()};
    const auto z1z1 = p.z.square();
    const auto h = q.x * z1z1 - p.x;        // U2 - X1
    const auto rr = q.y * (z1z1 * p.z) - p.y;  // S2 - Y1
    if (h.is_zero()) {
        if (rr.is_zero()) return jacobian_double(p);
        return P{};  // p = -q
    }
    const auto hh = h.square();
    const auto hhh = hh * h;
    const auto v = hh * p.x;
    P r;
    r.z = p.z * h;
    r.x = rr.square() - v.dbl() - hhh;
    r.y = mul_sub(v - r.x, rr, hhh, p.y);
    return r;
}

// Same point up to the projective scaling: x1 z2^2 = x2 z1^2 and y1 z2^3 = y2 z1^3.
template <class P>
inline bool jacobian_equal(const P& p, const P& q) {
    const bool pi = p.z.is_zero(), qi = q.z.is_zero();
    if (pi || qi) return pi == qi;
    const auto z1z1 = p.z.square();
    const auto z2z2 = q.z.square();
    if (!(p.x * z2z2 == q.x * z1z1)) return false;
    return p.y * z2z2 * q.z == q.y * z1z1 * p.z;
}

// y^2 = x^3 + b z^6
template <class P, class F>
inline bool jacobian_on_curve(const P& p, const F& b) {
    if (p.z.is_zero()) return true;
    const auto z2 = p.z.square();
    const auto z6 = (z2 * p.z).square();
    return p.y.square() == p.x.square() * p.x + b * z6;
}

template <class P, class A>
inline A jacobian_to_affine(const P& p) {
    if (p.z.is_zero()) return A{};
    const auto zinv = p.z.inverse_vartime();
    const auto zinv2 = zinv.square();
    A a;
    a.x = p.x * zinv2;
    a.y = p.y * zinv2 * zinv;
    a.infinity = false;
    return a;
}

// Montgomery's trick: one inversion for the whole batch (3 multiplications a point).
template <class P, class A>
void jacobian_batch_to_affine(std::span<const P> in, std::span<A> out) {
    using F = decltype(in[0].z);
    std::vector<F> prefix(in.size());
    F acc = F::one();
    for (size_t i = 0; i < in.size(); ++i) {
        prefix[i] = acc;
        if (!in[i].z.is_zero()) acc *= in[i].z;
    }
    F inv = acc.inverse_vartime();
    for (size_t i = in.size(); i-- > 0;) {
        if (in[i].z.is_zero()) {
            out[i] = A{};
            continue;
        }
        const F zinv = inv * prefix[i];
        inv *= in[i].z;
        const F zinv2 = zinv.square();
        A a;
        a.x = in[i].x * zinv2;
        a.y = in[i].y * zinv2 * zinv;
        a.infinity = false;
        out[i] = a;
    }
}

}  // namespace ps::curve_detail
