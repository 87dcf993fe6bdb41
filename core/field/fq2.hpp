#pragma once
// Fq2 = Fq[u] / (u^2 + 1): the field of G2 coordinates and the base of the Fq6/Fq12 tower
// (EIP-197's convention: an element is c0 + c1·u).
#include "core/field/fq.hpp"
#include "core/field/wide.hpp"

namespace ps {

struct Fq2 {
    Fq c0, c1;

    static Fq2 zero() { return Fq2{}; }
    static Fq2 one() { return Fq2{Fq::one(), Fq::zero()}; }
    static Fq2 random(RandomSource& rng) { return Fq2{Fq::random(rng), Fq::random(rng)}; }

    bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
    bool operator==(const Fq2&) const = default;

    Fq2 operator+(const Fq2& o) const { return Fq2{c0 + o.c0, c1 + o.c1}; }
    Fq2 operator-(const Fq2& o) const { return Fq2{c0 - o.c0, c1 - o.c1}; }
    Fq2 operator-() const { return Fq2{-c0, -c1}; }
    // Karatsuba with lazy reduction (wide.hpp): three 512-bit products, two Montgomery
    // reductions. c0 = a0b0 − a1b1 (+ p·2^256 when negative) and
    // c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1 = a0b1 + a1b0 < 2p², both below p·2^256 as the
    // reduction needs. On word arrays (wide::mul_words): no U512 zeroing or copies.
    Fq2 operator*(const Fq2& o) const {
        uint64_t d0[8], d1[8];
        mul_unreduced(d0, d1, *this, o);
        return Fq2{wide::reduce_words<Fq>(d0), wide::reduce_words<Fq>(d1)};
    }
    // a·b − c·d with two reductions instead of four: each unreduced component is below
    // p·2^256, and so is their wrapped difference (wide::sub_wrapped_words).
    friend Fq2 mul_sub(const Fq2& a, const Fq2& b, const Fq2& c, const Fq2& d) {
        uint64_t ab0[8], ab1[8], cd0[8], cd1[8];
        mul_unreduced(ab0, ab1, a, b);
        mul_unreduced(cd0, cd1, c, d);
        wide::sub_wrapped_words<Fq>(ab0, ab0, cd0);
        wide::sub_wrapped_words<Fq>(ab1, ab1, cd1);
        return Fq2{wide::reduce_words<Fq>(ab0), wide::reduce_words<Fq>(ab1)};
    }
    Fq2 operator*(const Fq& s) const { return Fq2{c0 * s, c1 * s}; }
    Fq2& operator+=(const Fq2& o) { return *this = *this + o; }
    Fq2& operator-=(const Fq2& o) { return *this = *this - o; }
    Fq2& operator*=(const Fq2& o) { return *this = *this * o; }
    // (c0 + c1 u)^2 = (c0 + c1)(c0 - c1) + 2 c0 c1 u: two products, each reduced once, of
    // unreduced operands: (c0 + c1)(c0 + p − c1) < 4p² and 2c0·c1 < 2p², both below p·2^256.
    Fq2 square() const {
        const U256 sum = wide::add_unreduced(c0.raw(), c1.raw());
        const U256 diff = wide::sub_unreduced(wide::add_unreduced(c0.raw(), Fq::MODULUS), c1.raw());
        const U256 twice = wide::add_unreduced(c0.raw(), c0.raw());
        uint64_t t0[8], t1[8];
        wide::mul_words(t0, sum, diff);
        wide::mul_words(t1, twice, c1.raw());
        return Fq2{wide::reduce_words<Fq>(t0), wide::reduce_words<Fq>(t1)};
    }
    Fq2 dbl() const { return Fq2{c0.dbl(), c1.dbl()}; }
    Fq2 conjugate() const { return Fq2{c0, -c1}; }
    // x^p = conjugate(x) because u^p = -u (p ≡ 3 mod 4).
    Fq2 frobenius_map(unsigned power) const { return power % 2 ? conjugate() : *this; }
    // Multiplication by ξ = 9 + u, the non-residue that defines Fq6 (v^3 = ξ).
    Fq2 mul_by_nonresidue() const {
        const Fq2 t8{c0.dbl().dbl().dbl(), c1.dbl().dbl().dbl()};
        return Fq2{t8.c0 + c0 - c1, t8.c1 + c1 + c0};
    }
    Fq norm() const { return c0.square() + c1.square(); }
    // 1/(c0 + c1 u) = (c0 - c1 u)/(c0^2 + c1^2); the inverse of zero is zero.
    Fq2 inverse() const {
        const Fq n = norm().inverse();
        return Fq2{c0 * n, -(c1 * n)};
    }
    Fq2 inverse_vartime() const {  // public data only (see MontField::inverse_vartime)
        const Fq n = norm().inverse_vartime();
        return Fq2{c0 * n, -(c1 * n)};
    }
    Fq2 pow(const U256& e) const {
        Fq2 r = one();
        for (int i = int(e.bit_length()) - 1; i >= 0; --i) {
            r = r.square();
            if (e.bit(unsigned(i))) r *= *this;
        }
        return r;
    }
    int legendre() const { return norm().legendre(); }
    // A square root, or nullopt for a non-square (Adj–Rodríguez-Henríquez,
    // "Square root computation over even extension fields", Alg. 9, for p ≡ 3 mod 4).
    std::optional<Fq2> sqrt() const;

private:
    // a·b before its two reductions: d0 ≡ a0b0 − a1b1 and d1 = a0b1 + a1b0, each < p·2^256.
    [[gnu::always_inline]] static void mul_unreduced(uint64_t* d0, uint64_t* d1, const Fq2& a, const Fq2& b) {
        uint64_t v0[8], v1[8], mid[8];
        wide::mul_words(v0, a.c0.raw(), b.c0.raw());
        wide::mul_words(v1, a.c1.raw(), b.c1.raw());
        // unreduced sums < 2p < 2^255
        wide::mul_words(mid, wide::add_unreduced(a.c0.raw(), a.c1.raw()), wide::add_unreduced(b.c0.raw(), b.c1.raw()));
        wide::karatsuba_combine<Fq>(d0, d1, v0, v1, mid);
    }
};

}  // namespace ps
