#pragma once
// Multi-scalar multiplication Σ scalars[i]·points[i] over G1: Pippenger's bucket method
// with GLV (scalars above 128 bits split into two halves of ≤ 127 bits over P and φ(P)),
// signed-digit windows and batch-affine bucket accumulation, parallel with oneTBB over
// windows. Witness columns (small integers of both signs, −s stored as r − s) go in signed
// instead: |k|·(±P) with as few windows as the largest |k| needs, their few long blinding
// values in a second MSM. Runs of equal adjacent scalars first collapse to one term each
// (equal_runs.hpp). Parallel with oneTBB over
// windows. The result is the same group element for every thread count (exact
// arithmetic; the work split depends only on n and the scalars' bit length).
#include "core/curve/g1.hpp"
#include "core/field/fr.hpp"
#include "core/util/progress.hpp"
#include <span>

namespace ps {

// points.size() must equal scalars.size(); n = 0 gives the identity. Identity points and
// zero scalars are allowed anywhere.
//
// Variable time, on purpose: bucket indices, skipped zero digits and the batch-affine
// accumulation all depend on the scalars, which in the prover are witness values. Every
// zk prover's MSM is built this way (constant-time Pippenger costs several times more).
// It is acceptable because only the prover's own machine sees its timing: proof.json
// carries no stage timings (proof_json_fields() is the allow-list), and the proof
// hides the witness whatever the timing. A prover run as a service where others can
// time requests would need a constant-time MSM. Secret *keys* never go through here:
// the development SRS's τ uses SecretFixedBaseTable / ct::mul_secret.
//
// `progress`, when given, is asked before each window's bucket pass (a few per thread at
// the prover's sizes) and a stop throws Cancelled: a cancelled prove does not wait for
// an MSM of 2^k points to finish.
G1 msm(std::span<const G1Affine> points, std::span<const Fr> scalars, const ProgressSink* progress = nullptr);

// The obvious Σ k_i·P_i with one scalar multiplication each: the oracle in tests, and
// faster than Pippenger for a handful of terms.
G1 msm_naive(std::span<const G1Affine> points, std::span<const Fr> scalars);

}  // namespace ps
