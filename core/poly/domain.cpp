#include "core/poly/domain.hpp"
#include "core/poly/batch_inversion.hpp"
#include "core/poly/ntt.hpp"
#include "core/util/error.hpp"
#include "core/util/large_vector.hpp"
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <string>

namespace ps {

namespace {

void require_size(std::span<const Fr> v, size_t n, const char* what) {
    if (v.size() != n)
        throw Error(std::string("EvaluationDomain::") + what,
                    "got " + std::to_string(v.size()) + " values, the domain has " + std::to_string(n),
                    "pad or truncate the polynomial to the domain size");
}

void scale_all(std::span<Fr> v, const Fr& s) {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, v.size(), 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) v[i] *= s;
    });
}

// b_i = Σ_r a_{i+r·n}·c^r for i < n = b.size(): a reduced modulo X^n − c, which agrees with
// a wherever x^n = c.
void fold_onto_coset(std::span<const Fr> a, const Fr& c, std::span<Fr> b) {
    const size_t n = b.size();
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) {
            if (i >= a.size()) {
                b[i] = Fr::zero();
                continue;
            }
            size_t top = i + ((a.size() - 1 - i) / n) * n;  // the last a_{i+r·n}
            Fr acc = a[top];
            while (top >= n + i) {
                top -= n;
                acc = acc * c + a[top];
            }
            b[i] = acc;
        }
    });
}

}  // namespace

EvaluationDomain::EvaluationDomain(unsigned k) : k_(k) {
    if (k > fr::TWO_ADICITY)
        throw Error("EvaluationDomain", "k = " + std::to_string(k) + " exceeds Fr's two-adicity 28",
                    "use logrows ≤ 28");
    omega_ = fr::root_of_unity(k);
    omega_inv_ = omega_.inverse();
    size_inv_ = Fr::from_u64(uint64_t(1) << k).inverse();
}

void EvaluationDomain::ntt(std::span<Fr> coeffs) const {
    require_size(coeffs, size(), "ntt");
    ntt::transform(coeffs, omega_);
}

void EvaluationDomain::intt(std::span<Fr> evals) const {
    require_size(evals, size(), "intt");
    ntt::transform(evals, omega_inv_);
    scale_all(evals, size_inv_);
}

void EvaluationDomain::coset_ntt(std::span<Fr> coeffs, const Fr& shift) const {
    require_size(coeffs, size(), "coset_ntt");
    ntt::distribute_powers(coeffs, shift);
    ntt::transform(coeffs, omega_);
}

void EvaluationDomain::coset_intt(std::span<Fr> evals, const Fr& shift) const {
    intt(evals);
    ntt::distribute_powers(evals, shift.inverse());
}

Fr EvaluationDomain::element(int64_t i) const {
    const uint64_t n = size();
    const uint64_t e = uint64_t(((i % int64_t(n)) + int64_t(n)) % int64_t(n));
    return omega_.pow(e);
}

Fr EvaluationDomain::vanishing_at(const Fr& x) const {
    Fr r = x;
    for (unsigned i = 0; i < k_; ++i) r = r.square();
    return r - Fr::one();
}

Fr EvaluationDomain::lagrange_at(int64_t i, const Fr& x) const {
    const Fr wi = element(i);
    const Fr z = vanishing_at(x);
    if (z.is_zero()) return x == wi ? Fr::one() : Fr::zero();
    return wi * z * size_inv_ * (x - wi).inverse();
}

std::vector<Fr> EvaluationDomain::lagrange_basis_at(const Fr& x) const {
    const size_t n = size();
    std::vector<Fr> out(n);
    const Fr z = vanishing_at(x);
    if (z.is_zero()) {  // x = ω^m: L_i(x) = [i = m]
        Fr w = Fr::one();
        for (size_t i = 0; i < n; ++i, w *= omega_) out[i] = (w == x) ? Fr::one() : Fr::zero();
        return out;
    }
    // L_i(x) = ω^i · Z(x)/n / (x − ω^i)
    std::vector<Fr> wpow(n);
    Fr w = Fr::one();
    for (size_t i = 0; i < n; ++i, w *= omega_) {
        wpow[i] = w;
        out[i] = x - w;
    }
    batch_invert(out);
    const Fr c = z * size_inv_;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) out[i] *= wpow[i] * c;
    });
    return out;
}

Fr EvaluationDomain::evaluate_lagrange(std::span<const Fr> evals, const Fr& x) const {
    require_size(evals, size(), "evaluate_lagrange");
    const std::vector<Fr> basis = lagrange_basis_at(x);
    return tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, evals.size(), 4096), Fr::zero(),
        [&](const auto& r, Fr acc) {
            for (size_t i = r.begin(); i < r.end(); ++i) acc += evals[i] * basis[i];
            return acc;
        },
        [](const Fr& a, const Fr& b) { return a + b; });
}

unsigned extension_log_for(unsigned k, unsigned max_degree) {
    if (max_degree < 2) max_degree = 2;
    const uint64_t need = (uint64_t(1) << k) * (max_degree - 1);
    unsigned j = 0;
    while ((uint64_t(1) << (k + j)) < need) ++j;
    return j;
}

ExtendedDomain::ExtendedDomain(unsigned k, unsigned max_constraint_degree)
    : base_(k),
      extended_(k + extension_log_for(k, max_constraint_degree)),
      j_(extension_log_for(k, max_constraint_degree)),
      shift_(EvaluationDomain::coset_generator()) {
    // (shift·ω_ext^i)^n = shift^n · (ω_ext^n)^i, and ω_ext^n has order 2^j.
    const Fr shift_n = shift_.pow(uint64_t(1) << k);
    const Fr step = extended_.omega().pow(uint64_t(1) << k);
    vanishing_inv_.resize(size_t(1) << j_);
    Fr w = Fr::one();
    for (auto& v : vanishing_inv_) {
        v = shift_n * w - Fr::one();
        w *= step;
    }
    batch_invert(vanishing_inv_);
}

// The extended coset is 2^j cosets of the base domain, s_t·H with s_t = shift·ω_ext^t: its
// point t + 2^j·i is s_t·ω^i. So 2^j transforms of the base size replace one of the extended
// size: fewer butterfly levels and no products on the zero padding (with the buffers as huge
// pages, 2.57× → 1.7× the cost of its multiplications at 2^18 → 2^20, docs/BENCHMARKS.md).
// Coefficients beyond n fold onto each coset first, since (s_t·y)^n = s_t^n there.
std::vector<Fr> ExtendedDomain::coeff_to_extended(std::span<const Fr> coeffs) const {
    if (coeffs.size() > size())
        throw Error("ExtendedDomain::coeff_to_extended",
                    std::to_string(coeffs.size()) + " coefficients exceed the extended size " +
                        std::to_string(size()));
    const size_t n = base_.size(), cosets = size_t(1) << j_;
    std::vector<Fr> out = large_vector<Fr>(size());
    std::vector<Fr> coset = large_vector<Fr>(n);
    for (size_t t = 0; t < cosets; ++t) {
        const Fr s = shift_ * extended_.element(int64_t(t));
        fold_onto_coset(coeffs, s.pow(n), coset);
        base_.coset_ntt(coset, s);
        tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 4096), [&](const auto& r) {
            for (size_t i = r.begin(); i < r.end(); ++i) out[t + cosets * i] = coset[i];
        });
    }
    return out;
}

std::vector<Fr> ExtendedDomain::extended_to_coeff(std::vector<Fr> evals) const {
    extended_.coset_intt(evals, shift_);
    return evals;
}

void ExtendedDomain::divide_by_vanishing(std::span<Fr> extended_evals) const {
    require_size(extended_evals, size(), "divide_by_vanishing");
    const size_t mask = vanishing_inv_.size() - 1;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, extended_evals.size(), 4096), [&](const auto& r) {
        for (size_t i = r.begin(); i < r.end(); ++i) extended_evals[i] *= vanishing_inv_[i & mask];
    });
}

}  // namespace ps
