#pragma once
// Fq6 = Fq2[v] / (v^3 - ξ), ξ = 9 + u: the middle of the BN254 tower.
#include "core/field/fq2.hpp"

namespace ps {

struct Fq6 {
    Fq2 c0, c1, c2;  // c0 + c1 v + c2 v^2

    static Fq6 zero() { return Fq6{}; }
    static Fq6 one() { return Fq6{Fq2::one(), Fq2{}, Fq2{}}; }
    static Fq6 random(RandomSource& rng) {
        return Fq6{Fq2::random(rng), Fq2::random(rng), Fq2::random(rng)};
    }

    bool is_zero() const { return c0.is_zero() && c1.is_zero() && c2.is_zero(); }
    bool operator==(const Fq6&) const = default;

    Fq6 operator+(const Fq6& o) const { return Fq6{c0 + o.c0, c1 + o.c1, c2 + o.c2}; }
    Fq6 operator-(const Fq6& o) const { return Fq6{c0 - o.c0, c1 - o.c1, c2 - o.c2}; }
    Fq6 operator-() const { return Fq6{-c0, -c1, -c2}; }
    Fq6 dbl() const { return Fq6{c0.dbl(), c1.dbl(), c2.dbl()}; }
    // Karatsuba over three coefficients (Devegili, Ó hÉigeartaigh, Scott, Dahab,
    // "Multiplication and squaring on pairing-friendly fields", §4): 6 Fq2 products.
    Fq6 operator*(const Fq6& o) const {
        const Fq2 v0 = c0 * o.c0, v1 = c1 * o.c1, v2 = c2 * o.c2;
        return Fq6{v0 + ((c1 + c2) * (o.c1 + o.c2) - v1 - v2).mul_by_nonresidue(),
                   (c0 + c1) * (o.c0 + o.c1) - v0 - v1 + v2.mul_by_nonresidue(),
                   (c0 + c2) * (o.c0 + o.c2) - v0 - v2 + v1};
    }
    Fq6 operator*(const Fq2& s) const { return Fq6{c0 * s, c1 * s, c2 * s}; }
    Fq6& operator+=(const Fq6& o) { return *this = *this + o; }
    Fq6& operator-=(const Fq6& o) { return *this = *this - o; }
    Fq6& operator*=(const Fq6& o) { return *this = *this * o; }
    // CH-SQR2 from the same paper: 2 multiplications and 3 squarings in Fq2.
    Fq6 square() const {
        const Fq2 s0 = c0.square();
        const Fq2 s1 = (c0 * c1).dbl();
        const Fq2 s2 = (c0 - c1 + c2).square();
        const Fq2 s3 = (c1 * c2).dbl();
        const Fq2 s4 = c2.square();
        return Fq6{s0 + s3.mul_by_nonresidue(), s1 + s4.mul_by_nonresidue(),
                   s1 + s2 + s3 - s0 - s4};
    }
    // Multiplication by v: (c0, c1, c2) -> (ξ c2, c0, c1).
    Fq6 mul_by_v() const { return Fq6{c2.mul_by_nonresidue(), c0, c1}; }
    // Product with the sparse b0 + b1 v (line functions of the Miller loop): 5 Fq2 products.
    Fq6 mul_by_01(const Fq2& b0, const Fq2& b1) const {
        const Fq2 v0 = c0 * b0, v1 = c1 * b1;
        return Fq6{v0 + ((c1 + c2) * b1 - v1).mul_by_nonresidue(),
                   (c0 + c1) * (b0 + b1) - v0 - v1,
                   c2 * b0 + v1};
    }
    Fq6 inverse() const;          // zero -> zero
    Fq6 inverse_vartime() const;  // public data only
    Fq6 pow(const U256& e) const;
    Fq6 frobenius_map(unsigned power) const;
};

}  // namespace ps
