#pragma once
// The log-derivative lookup argument (logUp, Haböck 2022, eprint 2022/1530; halo2's
// "mv-lookup"). For each lookup, with f the θ-compressed input tuple and t_1..t_J the
// compressed tuples of its J table chunks, the prover commits one multiplicity column
// m_j per chunk (how often each chunk row is looked up) and, after β, the running sum φ
// with φ(ω^0) = 0 and on active rows
//   φ(ωX) − φ(X) = 1/(f(X) + β) − Σ_j m_j(X)/(t_j(X) + β),
// so φ(ω^u) = 0 exactly when Σ 1/(f + β) = Σ_j Σ m_j/(t_j + β), i.e. (β random, drawn
// after m_j is bound) when every input is a row of some chunk.
// One chunk: the identity is checked multiplied out, with no extra column:
//   (φ(ωX) − φ(X))·(f + β)·(t + β) − (t + β) + m·(f + β) = 0.
// Several: multiplying out would raise the degree by one per chunk, so the prover also
// commits helper columns h_j = m_j/(t_j + β) (after β, with φ) and the degree stays
// 2 + max(deg f, deg t_j) for any J:
//   h_j·(t_j + β) − m_j = 0                      on active rows, for each j
//   (φ(ωX) − φ(X) + Σ_j h_j)·(f + β) − 1 = 0      on active rows.
// Prover and verifier halves side by side; the typestates make the rounds run in order.
#include "core/plonk/protocol.hpp"

namespace ps::plonk::lookup {

// ---- prover
// Per lookup (outer index), per chunk (inner index).
template <class T>
using PerChunk = std::vector<std::vector<T>>;

struct MultiplicitiesCommitted {
    std::vector<std::vector<Fr>> inputs;  // compressed f on the usable rows
    PerChunk<std::vector<Fr>> tables;     // compressed t_j on the usable rows
    PerChunk<PreparedPolynomial> multiplicities;
};

// An input found in several chunks (or rows) counts once, at its first row; an input
// missing from every chunk gets no multiplicity (the proof will then fail to
// verify); the mock prover is where such a witness is diagnosed.
MultiplicitiesCommitted commit_multiplicities(const ProvingKey& pk, const Srs& srs, const ColumnValues& base,
                                              const Challenges& ch, RandomSource& rng,
                                              ProofWriter& transcript, const ProgressSink* progress = nullptr);

struct AccumulatorsCommitted {
    MultiplicitiesCommitted previous;
    PerChunk<PreparedPolynomial> helpers;          // h_j (none for a one-chunk lookup)
    std::vector<PreparedPolynomial> accumulators;  // φ
};

AccumulatorsCommitted commit_accumulators(MultiplicitiesCommitted committed, const ProvingKey& pk,
                                          const Srs& srs, const Challenges& ch, RandomSource& rng,
                                          ProofWriter& transcript, const ProgressSink* progress = nullptr);

void fold_extended_constraints(const ProvingKey& pk, const AccumulatorsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc, std::vector<std::vector<Fr>>& scratch);

struct Evaluated {
    PerChunk<Fr> multiplicity, helper;            // m_j(x), h_j(x)
    std::vector<Fr> accumulator, accumulator_next;  // φ(x), φ(ωx)
};

Evaluated evaluate(const AccumulatorsCommitted& committed, const Challenges& ch, const Fr& x_next,
                   ProofWriter& transcript);
void add_opening_queries(const AccumulatorsCommitted& committed, const Evaluated& evals,
                         const PointEvaluations& at, std::vector<ProverQuery>& queries);

// ---- verifier
struct VerifierCommitted {
    PerChunk<G1Affine> multiplicities, helpers;
    std::vector<G1Affine> accumulators;
};
void read_multiplicities(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out);
void read_accumulators(const VerifyingKey& vk, ProofReader& transcript, VerifierCommitted& out);
Evaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript);
void fold_constraints_at(const VerifyingKey& vk, const Evaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc);
void add_verifier_queries(const VerifierCommitted& committed, const Evaluated& evals,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries);

}  // namespace ps::plonk::lookup
