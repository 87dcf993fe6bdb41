#pragma once
// Number-theoretic transform kernels over Fr. Most callers want EvaluationDomain
// (domain.hpp), which owns the roots of unity; these are the in-place kernels below it.
#include "core/field/fr.hpp"
#include <span>

namespace ps::ntt {

// a[i] <-> a[bitrev(i)]; a.size() must be a power of two.
void bit_reverse_permute(std::span<Fr> a);

// In place: a (coefficients, natural order) := (Σ_j a_j ω^{ij})_i (natural order).
// omega must have multiplicative order exactly a.size() (a power of two).
// Radix-2 decimation in time, cache-blocked, parallel with oneTBB for large a. Exact
// field arithmetic: the result does not depend on the thread count.
void transform(std::span<Fr> a, const Fr& omega);

// a[i] *= shift^i (shift^0 = 1): the coset step before/after an NTT.
void distribute_powers(std::span<Fr> a, const Fr& shift);

}  // namespace ps::ntt
