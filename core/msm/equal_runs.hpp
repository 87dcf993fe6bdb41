#pragma once
// Adjacent terms with one scalar share it: k·P_i + … + k·P_j = k·(P_i + … + P_j). The prover
// commits to columns that stay constant over long stretches of rows (a grand product over rows
// no constraint touches, a lookup accumulator past its last entry): lenet_5's MSMs of 2^18
// terms include runs of up to 262 128 equal scalars. Pippenger spends a bucket addition per
// term and window on each, and all of a run's terms land in one bucket, where the batch-affine
// kernel has to fall back to Jacobian additions; summing the run's points once first is ~20×
// less work.
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"

#include <optional>
#include <span>
#include <vector>

namespace ps::msm_detail {

struct CollapsedTerms {
    std::vector<G1Affine> points;  // one per run of equal non-zero scalars: the run's points summed
    std::vector<Fr> scalars;       // the run's scalar
};

// The terms with each run of equal adjacent scalars as one term and zero scalars left out; the
// MSM over them equals the MSM over the input. nullopt when fewer than one adjacent pair in
// `min_share` has equal non-zero scalars. Collapsing costs a sum and an affine conversion per
// run plus fresh arrays (page faults): one lenet_5 MSM with 8 % equal neighbours took 400 ms
// to collapse and saved less, so by default at least half the neighbours must be equal.
std::optional<CollapsedTerms> collapse_equal_runs(std::span<const G1Affine> points, std::span<const Fr> scalars,
                                                  size_t min_share = 2);

}  // namespace ps::msm_detail
