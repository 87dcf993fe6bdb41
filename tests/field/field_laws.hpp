#pragma once
// One property suite for every field type (STYLE.md: arkworks-style `field_laws<F>`):
// identities, inverses, commutativity, associativity, distributivity, squaring and
// doubling shortcuts, inversion and small powers, on edge values and seeded random ones.
// Returns the first violated law as a sentence, or an empty string.
#include "core/util/random.hpp"
#include <string>
#include <vector>

namespace field_laws {

template <class F>
F pow_small(const F& a, unsigned e) {
    F r = F::one();
    for (unsigned i = 0; i < e; ++i) r = r * a;
    return r;
}

template <class F>
std::string check_unary(const F& a) {
    const F zero = F::zero(), one = F::one();
    if (!(a + zero == a)) return "additive identity: a + 0 = a";
    if (!(a * one == a)) return "multiplicative identity: a · 1 = a";
    if (!(a * zero == zero)) return "absorbing zero: a · 0 = 0";
    if (!(a - a == zero)) return "a - a = 0";
    if (!(a + (-a) == zero)) return "additive inverse: a + (-a) = 0";
    if (!(-(-a) == a)) return "double negation: -(-a) = a";
    if (!(a.square() == a * a)) return "squaring: a.square() = a · a";
    if (!(a.dbl() == a + a)) return "doubling: a.dbl() = a + a";
    if (a.is_zero() != (a == zero)) return "is_zero() agrees with == 0";
    if (a.is_zero()) {
        if (!(a.inverse() == zero) || !(a.inverse_vartime() == zero)) return "the inverse of zero is zero";
    } else {
        if (!(a * a.inverse() == one)) return "multiplicative inverse: a · a⁻¹ = 1";
        if (!(a.inverse().inverse() == a)) return "(a⁻¹)⁻¹ = a";
        if (!(a.inverse_vartime() == a.inverse())) return "inverse_vartime() = inverse()";
    }
    for (unsigned e : {0u, 1u, 2u, 3u, 7u, 64u}) {
        if (!(a.pow(ps::U256::from_u64(e)) == pow_small(a, e))) return "pow(e) = a · … · a (e times)";
    }
    return {};
}

template <class F>
std::string check_binary(const F& a, const F& b, const F& c) {
    if (!(a + b == b + a)) return "commutativity of +";
    if (!(a * b == b * a)) return "commutativity of ·";
    if (!((a + b) + c == a + (b + c))) return "associativity of +";
    if (!((a * b) * c == a * (b * c))) return "associativity of ·";
    if (!(a * (b + c) == a * b + a * c)) return "distributivity: a(b + c) = ab + ac";
    if (!((a - b) + b == a)) return "(a - b) + b = a";
    if (!(a - b == a + (-b))) return "a - b = a + (-b)";
    if (!((a + b).square() == a.square() + (a * b).dbl() + b.square()))
        return "(a + b)² = a² + 2ab + b²";
    if (!b.is_zero() && !((a * b) * b.inverse() == a)) return "(ab)·b⁻¹ = a";
    return {};
}

// Runs every law on all edge values (pairs and triples drawn cyclically) and `rounds`
// random triples. Returns "law (on edge value i / random round j)" for the first failure.
template <class F>
std::string check_all(const std::vector<F>& edges, ps::RandomSource& rng, int rounds) {
    std::vector<F> values = edges;
    for (int i = 0; i < rounds; ++i) values.push_back(F::random(rng));
    for (size_t i = 0; i < values.size(); ++i) {
        if (auto e = check_unary(values[i]); !e.empty()) return e + " (value " + std::to_string(i) + ")";
    }
    // Every pair of edge values (with a third drawn cyclically), then random triples.
    for (size_t i = 0; i < edges.size(); ++i)
        for (size_t j = 0; j < edges.size(); ++j) {
            const F& c = values[(i + j + 1) % values.size()];
            if (auto e = check_binary(values[i], values[j], c); !e.empty())
                return e + " (edge values " + std::to_string(i) + ", " + std::to_string(j) + ")";
        }
    for (size_t i = edges.size(); i + 2 < values.size(); ++i) {
        if (auto e = check_binary(values[i], values[i + 1], values[i + 2]); !e.empty())
            return e + " (random round " + std::to_string(i - edges.size()) + ")";
    }
    return {};
}

}  // namespace field_laws
