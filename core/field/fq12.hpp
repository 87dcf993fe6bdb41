#pragma once
// Fq12 = Fq6[w] / (w^2 - v): the target group of the pairing lives in its r-th roots of unity.
#include "core/field/fq6.hpp"
#include <span>

namespace ps {

struct Fq12 {
    Fq6 c0, c1;  // c0 + c1 w

    static Fq12 zero() { return Fq12{}; }
    static Fq12 one() { return Fq12{Fq6::one(), Fq6{}}; }
    static Fq12 random(RandomSource& rng) { return Fq12{Fq6::random(rng), Fq6::random(rng)}; }

    bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
    bool is_one() const { return *this == one(); }
    bool operator==(const Fq12&) const = default;

    Fq12 operator+(const Fq12& o) const { return Fq12{c0 + o.c0, c1 + o.c1}; }
    Fq12 operator-(const Fq12& o) const { return Fq12{c0 - o.c0, c1 - o.c1}; }
    Fq12 operator-() const { return Fq12{-c0, -c1}; }
    Fq12 dbl() const { return Fq12{c0.dbl(), c1.dbl()}; }
    Fq12 operator*(const Fq12& o) const {
        const Fq6 v0 = c0 * o.c0, v1 = c1 * o.c1;
        return Fq12{v0 + v1.mul_by_v(), (c0 + c1) * (o.c0 + o.c1) - v0 - v1};
    }
    Fq12& operator+=(const Fq12& o) { return *this = *this + o; }
    Fq12& operator-=(const Fq12& o) { return *this = *this - o; }
    Fq12& operator*=(const Fq12& o) { return *this = *this * o; }
    // (a + b w)^2 = (a² + v b²) + ((a + b)² − a² − b²) w: three Fq6 squarings (CH-SQR2,
    // 2 products and 3 squarings in Fq2 each), 6 Fq2 products and 9 Fq2 squarings
    // against 12 Fq2 products for the complex method with two Fq6 products.
    Fq12 square() const {
        const Fq6 a2 = c0.square(), b2 = c1.square();
        return Fq12{a2 + b2.mul_by_v(), (c0 + c1).square() - a2 - b2};
    }
    // x^(p^6): for elements of the cyclotomic subgroup this is the inverse.
    Fq12 conjugate() const { return Fq12{c0, -c1}; }
    Fq12 inverse() const;          // zero -> zero
    Fq12 inverse_vartime() const;  // public data only (pairing verification)
    // x^(p^power): each coefficient of the w-basis is conjugated (odd powers) and
    // multiplied by a precomputed ξ^(i(p^k − 1)/6), k ≤ 3; larger powers compose.
    Fq12 frobenius_map(unsigned power) const;
    // Product with a line value a + b w + c v w (only Fq2 coefficients 0, 1 and 4 of the
    // w-basis are non-zero): 13 Fq2 products instead of 18.
    Fq12 mul_by_line(const Fq2& a, const Fq2& b, const Fq2& c) const;
    // The product of two line values (a + b w + c v w)(a2 + b2 w + c2 v w), 6 Fq2 products
    // by Karatsuba; its v²w coefficient is zero. Multiplying f by it (mul_by_line_product,
    // 17 Fq2 products) costs 23 instead of 26 for two mul_by_line: the Miller loop of
    // several pairs multiplies its lines in pairs.
    static Fq12 line_product(const Fq2& a, const Fq2& b, const Fq2& c, const Fq2& a2, const Fq2& b2, const Fq2& c2);
    Fq12 mul_by_line_product(const Fq12& m) const;  // requires m.c1.c2 == 0
    // Squaring for elements of the cyclotomic subgroup (after the easy part of the final
    // exponentiation): Granger–Scott, "Faster squaring in the cyclotomic subgroup of
    // sixth degree extensions", PKC 2010, §3.2.
    Fq12 cyclotomic_square() const;

    Fq12 pow(const U256& e) const;
    // e given as big-endian bytes of any length (the final exponent has ~2800 bits).
    Fq12 pow_be(std::span<const uint8_t> e) const;
};

}  // namespace ps
