#pragma once
// The multiplicative subgroup H = {ω^i : 0 ≤ i < 2^k} of Fr that indexes a circuit's
// rows, with the NTTs between coefficient and evaluation form and the Lagrange-basis
// facts the prover and verifier need (halo2's EvaluationDomain, split in two classes:
// this one and ExtendedDomain for the quotient).
#include "core/field/fr.hpp"
#include <cstdint>
#include <span>
#include <vector>

namespace ps {

class EvaluationDomain {
public:
    // 2^k points, k ≤ 28 (Fr's two-adicity); ω = fr::root_of_unity(k) as in halo2.
    explicit EvaluationDomain(unsigned k);

    unsigned k() const { return k_; }
    size_t size() const { return size_t(1) << k_; }
    const Fr& omega() const { return omega_; }
    const Fr& omega_inv() const { return omega_inv_; }
    const Fr& size_inv() const { return size_inv_; }  // 1/n

    // The coset shift used by coset_ntt by default: Fr's multiplicative generator 7.
    static Fr coset_generator() { return Fr::from_u64(fr::GENERATOR); }

    // values.size() must equal size(). In place.
    void ntt(std::span<Fr> coeffs) const;   // coefficients -> evaluations p(ω^i)
    void intt(std::span<Fr> evals) const;   // evaluations p(ω^i) -> coefficients
    // Evaluations on the coset shift·H: p(shift·ω^i), and back.
    void coset_ntt(std::span<Fr> coeffs, const Fr& shift = coset_generator()) const;
    void coset_intt(std::span<Fr> evals, const Fr& shift = coset_generator()) const;

    // ω^i for any integer i (negative: ω^{-|i|}); rotate(x, r) = x·ω^r (row rotation).
    Fr element(int64_t i) const;
    Fr rotate(const Fr& x, int64_t rotation) const { return x * element(rotation); }

    // Z_H(x) = x^n − 1.
    Fr vanishing_at(const Fr& x) const;
    // L_i(x) = ω^i (x^n − 1) / (n (x − ω^i)) for the i-th row (negative i counts from the
    // end: −1 is the last row); exact 1/0 when x ∈ H.
    Fr lagrange_at(int64_t i, const Fr& x) const;
    // All L_i(x), i = 0..n−1, with one batch inversion.
    std::vector<Fr> lagrange_basis_at(const Fr& x) const;
    // Σ evals_i L_i(x): the value at x of the polynomial with these row values.
    Fr evaluate_lagrange(std::span<const Fr> evals, const Fr& x) const;

private:
    unsigned k_;
    Fr omega_, omega_inv_, size_inv_;
};

// The bigger coset domain on which a quotient is computed: for constraints of degree
// at most d the extended size is the least 2^(k+j) ≥ n·(d − 1) (halo2), evaluation points
// shift·ω_ext^i with shift = 7, where X^n − 1 never vanishes.
// j such that the coset of 2^(k+j) points holds a constraint of this degree: 2^j ≥ degree − 1.
unsigned extension_log_for(unsigned k, unsigned max_constraint_degree);

class ExtendedDomain {
public:
    ExtendedDomain(unsigned k, unsigned max_constraint_degree);

    const EvaluationDomain& base() const { return base_; }
    const EvaluationDomain& extended() const { return extended_; }
    unsigned extension_log() const { return j_; }  // j: extended size = n · 2^j
    size_t size() const { return extended_.size(); }
    const Fr& coset_shift() const { return shift_; }

    // Coefficients (at most 2^(k+j) of them) -> evaluations at shift·ω_ext^i.
    std::vector<Fr> coeff_to_extended(std::span<const Fr> coeffs) const;
    // Back to 2^(k+j) coefficients.
    std::vector<Fr> extended_to_coeff(std::vector<Fr> evals) const;
    // Pointwise division by Z_H(X) = X^n − 1 on the extended coset (its 2^j distinct
    // values are inverted once).
    void divide_by_vanishing(std::span<Fr> extended_evals) const;
    // A rotation by r rows of the base domain moves r·2^j places in the extended one.
    int64_t extended_rotation(int64_t rows) const { return rows * (int64_t(1) << j_); }
    // The extended-coset point of index i: shift·ω_ext^i.
    Fr point(size_t i) const { return shift_ * extended_.element(int64_t(i)); }

private:
    EvaluationDomain base_, extended_;
    unsigned j_;
    Fr shift_;
    std::vector<Fr> vanishing_inv_;  // 1/((shift·ω_ext^i)^n − 1), i < 2^j
};

}  // namespace ps
