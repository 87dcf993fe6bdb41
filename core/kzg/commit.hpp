#pragma once
// KZG commitments: [p(τ)]G1 from coefficients (against the powers) or from the values on
// the domain rows (against the Lagrange basis).
#include "core/kzg/srs.hpp"
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include "core/util/progress.hpp"
#include <span>

namespace ps {

// coeffs.size() ≤ srs.size(). `progress` may cancel the MSM (see msm()).
G1 commit_monomial(const Srs& srs, std::span<const Fr> coeffs, const ProgressSink* progress = nullptr);
// evals.size() == srs.size() (the SRS's domain is the circuit's: downsize first).
G1 commit_lagrange(const Srs& srs, std::span<const Fr> evals, const ProgressSink* progress = nullptr);

}  // namespace ps
