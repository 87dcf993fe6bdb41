#pragma once
// Dense univariate polynomials over Fr in coefficient (monomial) form: coefficient i is
// the coefficient of X^i. Plain std::vector<Fr> so callers can hand spans to NTT / MSM.
#include "core/field/fr.hpp"
#include <span>
#include <vector>

namespace ps {

using Coeffs = std::vector<Fr>;

// base^i for i < count, in parallel chunks (each chunk starts at base^lo): NTT twiddles,
// the SRS's powers of τ.
std::vector<Fr> powers(const Fr& base, size_t count);

// p(x) by Horner's rule (parallel over chunks for large p).
Fr evaluate(std::span<const Fr> coeffs, const Fr& x);

// acc += scale · p (acc must be at least as long as p).
void add_scaled(std::span<Fr> acc, std::span<const Fr> p, const Fr& scale);
// Elementwise: a + b and a − b (result as long as the longer input).
Coeffs add(std::span<const Fr> a, std::span<const Fr> b);
Coeffs sub(std::span<const Fr> a, std::span<const Fr> b);
// p := s · p in place.
void scale(std::span<Fr> p, const Fr& s);
// a · b: schoolbook for small inputs, NTT above.
Coeffs multiply(std::span<const Fr> a, std::span<const Fr> b);

// The quotient q of p(X) − p(z) = q(X)·(X − z) (synthetic division; the remainder p(z)
// is dropped, as in KZG opening). Result has p.size() − 1 coefficients (empty for empty p).
Coeffs divide_by_linear(std::span<const Fr> coeffs, const Fr& z);

// Coefficients of ∏ (X − roots[i]) (degree roots.size()).
Coeffs from_roots(std::span<const Fr> roots);

}  // namespace ps
