#pragma once
// What the rounds of the prover and the verifier share: the transcript tags (one list,
// used by both sides, so their absorb/squeeze sequences can be compared in tests), the
// challenges, the prover's view of the columns and the verifier's view of the
// evaluations at x.
#include "core/field/mul_each.hpp"
#include "core/kzg/opening.hpp"
#include "core/plonk/expression_evaluator.hpp"
#include "core/plonk/keys.hpp"
#include "core/transcript/proof_stream.hpp"
#include "core/util/random.hpp"

#include <map>
#include <string_view>

namespace ps::plonk {

namespace tag {
inline constexpr std::string_view VK_DIGEST = "[TRANSCRIPT-1] verifying key digest";
inline constexpr std::string_view INSTANCES = "[TRANSCRIPT-2] public inputs";
inline constexpr std::string_view ADVICE = "[TRANSCRIPT-3] advice commitments";
inline constexpr std::string_view THETA = "[TRANSCRIPT-4] theta (lookup tuple compression)";
inline constexpr std::string_view MULTIPLICITIES = "[TRANSCRIPT-5] lookup multiplicities";
inline constexpr std::string_view BETA = "[TRANSCRIPT-6] beta";
inline constexpr std::string_view GAMMA = "[TRANSCRIPT-7] gamma";
inline constexpr std::string_view PERMUTATION_PRODUCTS = "[TRANSCRIPT-8] permutation products";
inline constexpr std::string_view LOOKUP_HELPERS = "[TRANSCRIPT-9] lookup helpers h_j = m_j/(t_j + beta)";
inline constexpr std::string_view LOOKUP_ACCUMULATORS = "[TRANSCRIPT-9] lookup accumulators";
inline constexpr std::string_view RANDOM_POLY = "[TRANSCRIPT-10] vanishing random polynomial";
inline constexpr std::string_view Y = "[TRANSCRIPT-11] y (constraint combination)";
inline constexpr std::string_view QUOTIENT = "[TRANSCRIPT-12] quotient pieces";
inline constexpr std::string_view X = "[TRANSCRIPT-13] x (evaluation point)";
inline constexpr std::string_view ADVICE_EVALS = "[TRANSCRIPT-14] advice evaluations";
inline constexpr std::string_view FIXED_EVALS = "[TRANSCRIPT-15] fixed evaluations";
inline constexpr std::string_view SIGMA_EVALS = "[TRANSCRIPT-16] permutation sigma evaluations";
inline constexpr std::string_view PRODUCT_EVALS = "[TRANSCRIPT-17] permutation product evaluations";
inline constexpr std::string_view LOOKUP_EVALS = "[TRANSCRIPT-18] lookup evaluations";
inline constexpr std::string_view VANISHING_EVALS = "[TRANSCRIPT-19] vanishing evaluations";
inline constexpr std::string_view OPENING = "[TRANSCRIPT-20] multi-point opening";
}  // namespace tag

struct Challenges {
    Fr theta, beta, gamma, y, x;
};

// acc := acc·y + c for each constraint in turn (Horner in y): prover and verifier add
// constraints in the same order — gates, permutation, lookups.
inline void fold_constraint(Fr& acc, const Fr& y, const Fr& c) { acc = acc * y + c; }
// The same over a chunk of rows, acc[r] := acc[r]·y + c[r]; the products eight at a time where
// the CPU can (mul_each).
inline void fold_constraint(std::span<Fr> acc, const Fr& y, std::span<const Fr> c) {
    mul_each<Fr>(acc, acc, y);
    for (size_t r = 0; r < acc.size(); ++r) acc[r] += c[r];
}

// The prover's witness columns (instance and advice) in all three forms.
struct WitnessPolynomials {
    std::vector<PreparedPolynomial> instance, advice;
};

// Values of every column on the n rows (rotation scale 1).
ColumnValues base_column_values(const ProvingKey& pk, const WitnessPolynomials& w);
// Values on the extended coset (a row rotation moves 2^j places).
ColumnValues extended_column_values(const ProvingKey& pk, const WitnessPolynomials& w);

// Everything the verifier knows at x once the evaluations are read.
struct PointEvaluations {
    Fr x, x_next, x_last;             // x, ωx, ω^u·x (u = usable rows)
    Fr l_first, l_last, l_active;     // L_0(x), L_u(x), Σ_{i<u} L_i(x)
    std::map<Query, Fr> query_values;  // advice, fixed and instance queries

    Fr query(Column c, int32_t rotation) const { return query_values.at(Query{c, rotation}); }
    Fr evaluate(const Expression& e) const {
        return e.evaluate([this](Column c, int32_t r) { return query(c, r); });
    }
};

// ((e_0·θ + e_1)·θ + …): a tuple compressed to one value by a random θ.
inline Fr compress(std::span<const Fr> tuple, const Fr& theta) {
    Fr acc;
    for (const Fr& v : tuple) acc = acc * theta + v;
    return acc;
}

// Commit to values on the n rows (Lagrange basis) and return the affine point.
G1Affine commit_values(const Srs& srs, std::span<const Fr> values);

// The zero-knowledge invariant (halo2's blinding rows): every witness-derived column the
// prover commits gets CSPRNG values on the rows from `first_random_row` on — rows no
// constraint reads — so its commitment and its few openings reveal nothing about the
// witness. Fills them, absorbs the commitment under `tag` and returns the column in
// coefficient and extended form. Every committed column passes through here, so it is
// where a round notices a cancellation (before its MSM and NTTs, the costly part).
PreparedPolynomial blind_and_commit(std::vector<Fr> values, size_t first_random_row, const ProvingKey& pk,
                                    const Srs& srs, RandomSource& rng, ProofWriter& transcript,
                                    std::string_view tag, const ProgressSink* progress = nullptr);

}  // namespace ps::plonk
