#pragma once
// The vanishing argument (halo2 `plonk/vanishing`): every constraint — gates, the
// permutation's and the lookups' — is folded with powers of y into one numerator N(X),
// which must vanish on H; the prover computes h = N / (X^n − 1) on the extended coset,
// splits it into degree()−1 pieces of n coefficients and commits them. At x the verifier
// recomputes N(x) from the evaluations and checks h(x)·(x^n − 1) = N(x), with h(x) then
// opened against Σ x^{n·i}·[h_i]. A random polynomial committed before y is opened at x
// as well (halo2's `random_poly`), so the batched opening reveals no more than h(x).
#include "core/plonk/lookup.hpp"
#include "core/plonk/permutation.hpp"
#include "core/util/progress.hpp"

namespace ps::plonk::vanishing {

// ---- prover
struct RandomCommitted {
    std::vector<Fr> random_poly;  // n random coefficients
};
RandomCommitted commit_random_polynomial(const ProvingKey& pk, const Srs& srs, RandomSource& rng,
                                         ProofWriter& transcript);

struct QuotientCommitted {
    RandomCommitted random;
    std::vector<std::vector<Fr>> pieces;  // h_i, n coefficients each
};
QuotientCommitted commit_quotient(RandomCommitted random, const ProvingKey& pk, const Srs& srs,
                                  const WitnessPolynomials& witness,
                                  const permutation::ProductsCommitted& permutation,
                                  const lookup::AccumulatorsCommitted& lookups, const Challenges& ch,
                                  ProgressSink& progress, ProofWriter& transcript);

struct Evaluated {
    std::vector<Fr> combined_quotient;  // Σ x^{n·i}·h_i(X)
    Fr random_eval, quotient_eval;
};
Evaluated evaluate(const QuotientCommitted& q, const Challenges& ch, size_t n, ProofWriter& transcript);
void add_opening_queries(const QuotientCommitted& q, const Evaluated& e, const Fr& x,
                         std::vector<ProverQuery>& queries);

// ---- verifier
struct VerifierCommitted {
    G1Affine random_poly;
    std::vector<G1Affine> pieces;
};
G1Affine read_random_commitment(ProofReader& transcript);
std::vector<G1Affine> read_quotient_commitments(const VerifyingKey& vk, ProofReader& transcript);
struct VerifierEvaluated {
    Fr random_eval, quotient_eval;
};
VerifierEvaluated read_evaluations(ProofReader& transcript);

// The gates' part of N(x).
void fold_gates_at(const VerifyingKey& vk, const PointEvaluations& at, const Challenges& ch, Fr& acc);
// h(x)·(x^n − 1) == N(x)
bool identity_holds(const VerifyingKey& vk, const VerifierEvaluated& e, const Fr& numerator, const Fr& x);
void add_verifier_queries(const VerifyingKey& vk, const VerifierCommitted& c, const VerifierEvaluated& e,
                          const Fr& x, std::vector<VerifierQuery>& queries);

size_t quotient_piece_count(const ConstraintSystem& cs);

}  // namespace ps::plonk::vanishing
