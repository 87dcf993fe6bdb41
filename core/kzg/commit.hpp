#pragma once
// KZG commitments: [p(τ)]G1 from coefficients (against the powers) or from the values on
// the domain rows (against the Lagrange basis).
#include "core/kzg/srs.hpp"
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include <span>

namespace ps {

// coeffs.size() ≤ srs.size().
G1 commit_monomial(const Srs& srs, std::span<const Fr> coeffs);
// evals.size() == srs.size() (the SRS's domain is the circuit's: downsize first).
G1 commit_lagrange(const Srs& srs, std::span<const Fr> evals);

}  // namespace ps
