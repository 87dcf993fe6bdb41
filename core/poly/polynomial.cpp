#include "core/poly/polynomial.hpp"
#include "core/poly/ntt.hpp"
#include "core/util/error.hpp"
#include <tbb/parallel_for.h>
#include <algorithm>
#include <string>

namespace ps {

std::vector<Fr> powers(const Fr& base, size_t count) {
    std::vector<Fr> out(count);
    constexpr size_t CHUNK = 4096;
    tbb::parallel_for(size_t(0), (count + CHUNK - 1) / CHUNK, [&](size_t c) {
        const size_t lo = c * CHUNK, hi = std::min(count, lo + CHUNK);
        Fr w = base.pow(uint64_t(lo));
        for (size_t j = lo; j < hi; ++j) {
            out[j] = w;
            w *= base;
        }
    });
    return out;
}

namespace {
constexpr size_t CHUNK = 4096;
size_t chunk_count(size_t n) { return (n + CHUNK - 1) / CHUNK; }
}  // namespace

Fr evaluate(std::span<const Fr> coeffs, const Fr& x) {
    const size_t n = coeffs.size();
    if (n <= CHUNK) {
        Fr acc = Fr::zero();
        for (size_t i = n; i-- > 0;) acc = acc * x + coeffs[i];
        return acc;
    }
    // Horner per chunk, then Σ chunk_c · x^(c·CHUNK).
    std::vector<Fr> partial(chunk_count(n));
    tbb::parallel_for(size_t(0), partial.size(), [&](size_t c) {
        const size_t lo = c * CHUNK, hi = std::min(n, lo + CHUNK);
        Fr acc = Fr::zero();
        for (size_t i = hi; i-- > lo;) acc = acc * x + coeffs[i];
        partial[c] = acc;
    });
    const Fr step = x.pow(uint64_t(CHUNK));
    Fr acc = Fr::zero();
    for (size_t c = partial.size(); c-- > 0;) acc = acc * step + partial[c];
    return acc;
}

void add_scaled(std::span<Fr> acc, std::span<const Fr> p, const Fr& s) {
    if (acc.size() < p.size())
        throw Error("add_scaled", "accumulator has " + std::to_string(acc.size()) +
                                      " coefficients, the addend " + std::to_string(p.size()));
    tbb::parallel_for(tbb::blocked_range<size_t>(0, p.size(), CHUNK), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) acc[i] += p[i] * s;
    });
}

Coeffs add(std::span<const Fr> a, std::span<const Fr> b) {
    Coeffs r(std::max(a.size(), b.size()));
    for (size_t i = 0; i < a.size(); ++i) r[i] = a[i];
    for (size_t i = 0; i < b.size(); ++i) r[i] += b[i];
    return r;
}

Coeffs sub(std::span<const Fr> a, std::span<const Fr> b) {
    Coeffs r(std::max(a.size(), b.size()));
    for (size_t i = 0; i < a.size(); ++i) r[i] = a[i];
    for (size_t i = 0; i < b.size(); ++i) r[i] -= b[i];
    return r;
}

void scale(std::span<Fr> p, const Fr& s) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, p.size(), CHUNK), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) p[i] *= s;
    });
}

Coeffs multiply(std::span<const Fr> a, std::span<const Fr> b) {
    if (a.empty() || b.empty()) return {};
    const size_t out = a.size() + b.size() - 1;
    if (std::min(a.size(), b.size()) <= 64) {
        Coeffs r(out);
        for (size_t i = 0; i < a.size(); ++i)
            for (size_t j = 0; j < b.size(); ++j) r[i + j] += a[i] * b[j];
        return r;
    }
    unsigned k = 0;
    while ((size_t(1) << k) < out) ++k;
    const size_t n = size_t(1) << k;
    Coeffs fa(n), fb(n);
    std::copy(a.begin(), a.end(), fa.begin());
    std::copy(b.begin(), b.end(), fb.begin());
    const Fr w = fr::root_of_unity(k);
    ntt::transform(fa, w);
    ntt::transform(fb, w);
    for (size_t i = 0; i < n; ++i) fa[i] *= fb[i];
    ntt::transform(fa, w.inverse());
    const Fr n_inv = Fr::from_u64(n).inverse();
    fa.resize(out);
    scale(fa, n_inv);
    return fa;
}

Coeffs divide_by_linear(std::span<const Fr> coeffs, const Fr& z) {
    // Synthetic division from the top: q_{i-1} = p_i + z·q_i.
    if (coeffs.size() <= 1) return {};
    Coeffs q(coeffs.size() - 1);
    Fr carry = Fr::zero();
    for (size_t i = coeffs.size() - 1; i >= 1; --i) {
        carry = coeffs[i] + carry * z;
        q[i - 1] = carry;
    }
    return q;
}

Coeffs from_roots(std::span<const Fr> roots) {
    Coeffs p{Fr::one()};
    for (const Fr& r : roots) {
        Coeffs next(p.size() + 1);
        for (size_t i = 0; i < p.size(); ++i) {
            next[i + 1] += p[i];
            next[i] -= p[i] * r;
        }
        p = std::move(next);
    }
    return p;
}

}  // namespace ps
