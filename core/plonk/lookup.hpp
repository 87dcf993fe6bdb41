#pragma once
// The log-derivative lookup argument (logUp, Haböck 2022, eprint 2022/1530; halo2's
// "mv-lookup"). For each lookup, with f the θ-compressed input tuple and t the compressed
// table tuple, the prover commits the multiplicities m (how often each table row is
// looked up) and, after β, the running sum φ with φ(ω^0) = 0 and on active rows
//   φ(ωX) − φ(X) = 1/(f(X) + β) − m(X)/(t(X) + β),
// so φ(ω^u) = 0 exactly when Σ 1/(f + β) = Σ m/(t + β), i.e. when every input is a
// table row. The identity is checked multiplied out:
//   (φ(ωX) − φ(X))·(f + β)·(t + β) − (t + β) + m·(f + β) = 0.
// Prover and verifier halves side by side; the typestates make the rounds run in order.
#include "core/plonk/protocol.hpp"

namespace ps::plonk::lookup {

// ---- prover
struct MultiplicitiesCommitted {
    std::vector<std::vector<Fr>> inputs, tables;  // compressed f, t on the usable rows
    std::vector<PreparedPolynomial> multiplicities;
};

// An input missing from its table gets no multiplicity (the proof will then fail to
// verify); the mock prover is where such a witness is diagnosed.
MultiplicitiesCommitted commit_multiplicities(const ProvingKey& pk, const Srs& srs, const ColumnValues& base,
                                              const Challenges& ch, RandomSource& rng,
                                              ProofWriter& transcript);

struct AccumulatorsCommitted {
    MultiplicitiesCommitted previous;
    std::vector<PreparedPolynomial> accumulators;  // φ
};

AccumulatorsCommitted commit_accumulators(MultiplicitiesCommitted committed, const ProvingKey& pk,
                                          const Srs& srs, const Challenges& ch, RandomSource& rng,
                                          ProofWriter& transcript);

void fold_extended_constraints(const ProvingKey& pk, const AccumulatorsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc, std::vector<std::vector<Fr>>& scratch);

struct Evaluated {
    std::vector<Fr> multiplicity, accumulator, accumulator_next;  // m(x), φ(x), φ(ωx)
};

Evaluated evaluate(const AccumulatorsCommitted& committed, const Challenges& ch, const Fr& x_next,
                   ProofWriter& transcript);
void add_opening_queries(const AccumulatorsCommitted& committed, const Evaluated& evals,
                         const PointEvaluations& at, std::vector<ProverQuery>& queries);

// ---- verifier
struct VerifierCommitted {
    std::vector<G1Affine> multiplicities, accumulators;
};
void read_multiplicities(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out);
void read_accumulators(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out);
Evaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript);
void fold_constraints_at(const VerifyingKey& vk, const Evaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc);
void add_verifier_queries(const VerifierCommitted& committed, const Evaluated& evals,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries);

}  // namespace ps::plonk::lookup
