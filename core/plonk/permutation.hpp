#pragma once
// The permutation (copy-constraint) argument of PLONK §5 as halo2 chunks it: equality
// columns are split into chunks of degree()−2 columns; chunk j has a grand product z_j
// with z_0(ω^0) = 1, z_j(ω^0) = z_{j−1}(ω^u), z_last(ω^u) ∈ {0, 1}, and on active rows
//   z_j(ωX)·Π(p_c(X) + β·σ_c(X) + γ) = z_j(X)·Π(p_c(X) + β·δ^c·X + γ).
// Keygen, prover half and verifier half side by side.
#include "core/plonk/assignment.hpp"
#include "core/plonk/protocol.hpp"

namespace ps::plonk::permutation {

// ---- keygen: σ_c(ω^i) = δ^{c'}·ω^{i'} where (c', i') follows (c, i) in its copy cycle.
std::vector<std::vector<Fr>> build_sigma_values(const ConstraintSystem& cs,
                                                std::span<const CopyConstraint> copies, unsigned k);

// ---- prover
struct ProductsCommitted {
    std::vector<PreparedPolynomial> products;  // z_j, one per chunk
};

ProductsCommitted commit_products(const ProvingKey& pk, const Srs& srs, const ColumnValues& base,
                                  const Challenges& ch, RandomSource& rng, ProofWriter& transcript,
                                  const ProgressSink* progress = nullptr);

// Folds this argument's constraints, for extended rows first..first+acc.size(), into acc.
void fold_extended_constraints(const ProvingKey& pk, const ProductsCommitted& committed,
                               const ColumnValues& extended, const Challenges& ch, size_t first,
                               std::span<Fr> acc);

struct ProductsEvaluated {
    std::vector<Fr> sigma;  // σ_c(x)
    std::vector<Fr> at_x, at_next, at_last;  // z_j at x, ωx, ω^u x (at_last: all but the last chunk)
};

ProductsEvaluated evaluate(const ProvingKey& pk, const ProductsCommitted& committed, const Challenges& ch,
                           const Fr& x_next, const Fr& x_last, ProofWriter& transcript);
void add_opening_queries(const ProvingKey& pk, const ProductsCommitted& committed,
                         const ProductsEvaluated& evals, const PointEvaluations& at,
                         std::vector<ProverQuery>& queries);

// ---- verifier
struct VerifierCommitted {
    std::vector<G1Affine> products;
};
VerifierCommitted read_products(const VerifyingKey& vk, ProofReader& transcript);
ProductsEvaluated read_evaluations(const VerifyingKey& vk, ProofReader& transcript);
void fold_constraints_at(const VerifyingKey& vk, const ProductsEvaluated& evals, const PointEvaluations& at,
                         const Challenges& ch, Fr& acc);
void add_verifier_queries(const VerifyingKey& vk, const VerifierCommitted& committed,
                          const ProductsEvaluated& evals, const PointEvaluations& at,
                          std::vector<VerifierQuery>& queries);

size_t chunk_count(const ConstraintSystem& cs);

}  // namespace ps::plonk::permutation
