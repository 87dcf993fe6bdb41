#pragma once
// The first rounds: the statement (vk digest and public inputs) and the witness columns
// — advice committed with random values in the blinding rows, instance left to the
// verifier, who evaluates it from the public inputs — and, after x, the column
// evaluations at every queried rotation. Prover and verifier halves side by side.
#include "core/plonk/assignment.hpp"
#include "core/plonk/protocol.hpp"
#include "core/plonk/stage_timer.hpp"

namespace ps::plonk::columns {

// keccak256 over the public inputs: per instance column its length, then its values, all
// as 32-byte big-endian words.
Digest32 instance_digest(const std::vector<std::vector<Fr>>& instances);

// ---- prover
// [TRANSCRIPT-1], [TRANSCRIPT-2]: the vk digest and the instance digest are written into
// the proof (so a mismatch is diagnosed precisely), then every public input is absorbed.
void write_statement(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                     ProofWriter& transcript);
// `stage` (optional) advances one unit per advice column and is where a Cancel is seen
// between columns, so a large circuit stops within one column's MSM.
WitnessPolynomials commit_witness(const ProvingKey& pk, const Srs& srs, const Assignment& assignment,
                                  RandomSource& rng, ProofWriter& transcript, TimedStage* stage = nullptr);
// Writes advice then fixed query evaluations; returns every query's value at x (instance
// included) and the row-indicator values the verifier will use.
PointEvaluations evaluate(const ProvingKey& pk, const WitnessPolynomials& witness, const Fr& x,
                          ProofWriter& transcript);
void add_opening_queries(const ProvingKey& pk, const WitnessPolynomials& witness, const PointEvaluations& at,
                         std::vector<ProverQuery>& queries);

// ---- verifier
enum class StatementCheck { Ok, WrongVerifyingKey, WrongPublicInputs };
StatementCheck read_statement(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                              ProofReader& transcript);
std::vector<G1Affine> read_advice_commitments(const VerifyingKey& vk, ProofReader& transcript);
PointEvaluations read_evaluations(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                                  const Fr& x, ProofReader& transcript);
void add_verifier_queries(const VerifyingKey& vk, const std::vector<G1Affine>& advice,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries);

// x, ωx, ω^u x and L_0(x), L_u(x), Σ_{i<u} L_i(x) for a circuit of vk's shape.
PointEvaluations point_basics(const VerifyingKey& vk, const Fr& x);
// Σ_i values_i·L_i(z) with one batch inversion.
Fr evaluate_instance(const EvaluationDomain& domain, std::span<const Fr> values, const Fr& z);

}  // namespace ps::plonk::columns
