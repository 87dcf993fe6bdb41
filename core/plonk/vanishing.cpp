#include "core/plonk/vanishing.hpp"

#include "core/kzg/commit.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/large_vector.hpp"

#include <atomic>
#include <tbb/parallel_for.h>

namespace ps::plonk::vanishing {

size_t quotient_piece_count(const ConstraintSystem& cs) { return cs.degree() - 1; }

// ---------------------------------------------------------------- prover

RandomCommitted commit_random_polynomial(const ProvingKey& pk, const Srs& srs, RandomSource& rng,
                                         ProofWriter& transcript) {
    RandomCommitted out;
    out.random_poly.resize(pk.vk.n());
    for (auto& c : out.random_poly) c = Fr::random(rng);
    transcript.write_point(tag::RANDOM_POLY, commit_monomial(srs, out.random_poly).to_affine());
    return out;
}

QuotientCommitted commit_quotient(RandomCommitted random, const ProvingKey& pk, const Srs& srs,
                                  const WitnessPolynomials& witness,
                                  const permutation::ProductsCommitted& permutation,
                                  const lookup::AccumulatorsCommitted& lookups, const Challenges& ch,
                                  ProgressSink& progress, ProofWriter& transcript) {
    const ColumnValues extended = extended_column_values(pk, witness);
    std::vector<CompiledExpression> gates;
    for (const Gate& g : pk.vk.cs.gates())
        for (const auto& c : g.constraints) gates.emplace_back(c);

    const size_t size = extended.size, chunk = std::min<size_t>(size, 1024);
    std::vector<Fr> numerator = large_vector<Fr>(size);
    std::atomic<uint64_t> done{0};
    std::atomic<bool> stop{false};
    tbb::parallel_for(tbb::blocked_range<size_t>(0, size / chunk, 1), [&](const auto& range) {
        std::vector<std::vector<Fr>> scratch;
        std::vector<Fr> value(chunk);
        for (size_t b = range.begin(); b < range.end(); ++b) {
            if (stop.load(std::memory_order_relaxed)) return;
            if (progress.cancelled()) {
                stop = true;
                return;
            }
            const size_t first = b * chunk;
            std::span<Fr> acc(numerator.data() + first, chunk);
            for (const auto& gate : gates) {
                gate.evaluate(extended, first, value, scratch);
                fold_constraint(acc, ch.y, value);
            }
            permutation::fold_extended_constraints(pk, permutation, extended, ch, first, acc);
            lookup::fold_extended_constraints(pk, lookups, extended, ch, first, acc, scratch);
            progress.advance(done += chunk);
        }
    });
    if (stop) throw Cancelled();

    pk.domain->divide_by_vanishing(numerator);
    std::vector<Fr> h = pk.domain->extended_to_coeff(std::move(numerator));
    throw_if_cancelled(progress);
    // deg h < (degree − 1)·n: an honest h fits the pieces; whatever lies above is dropped
    // and makes the identity fail at x.
    const size_t n = pk.vk.n(), pieces = quotient_piece_count(pk.vk.cs);
    QuotientCommitted out{std::move(random), {}};
    for (size_t i = 0; i < pieces; ++i) {
        throw_if_cancelled(progress);
        std::vector<Fr> piece(n);
        if (i * n < h.size())
            std::copy(h.begin() + long(i * n), h.begin() + long(std::min(h.size(), (i + 1) * n)), piece.begin());
        transcript.write_point(tag::QUOTIENT, commit_monomial(srs, piece, &progress).to_affine());
        out.pieces.push_back(std::move(piece));
    }
    return out;
}

Evaluated evaluate(const QuotientCommitted& q, const Challenges& ch, size_t n, ProofWriter& transcript) {
    Evaluated e;
    e.combined_quotient.assign(n, Fr::zero());
    const Fr xn = ch.x.pow(uint64_t(n));
    Fr power = Fr::one();
    for (const auto& piece : q.pieces) {
        add_scaled(e.combined_quotient, piece, power);
        power *= xn;
    }
    e.random_eval = ps::evaluate(q.random.random_poly, ch.x);
    e.quotient_eval = ps::evaluate(e.combined_quotient, ch.x);
    transcript.write_scalar(tag::VANISHING_EVALS, e.random_eval);
    transcript.write_scalar(tag::VANISHING_EVALS, e.quotient_eval);
    return e;
}

void add_opening_queries(const QuotientCommitted& q, const Evaluated& e, const Fr& x,
                         std::vector<ProverQuery>& queries) {
    queries.push_back({e.combined_quotient, x, e.quotient_eval});
    queries.push_back({q.random.random_poly, x, e.random_eval});
}

// ---------------------------------------------------------------- verifier

G1Affine read_random_commitment(ProofReader& transcript) { return transcript.read_point(tag::RANDOM_POLY); }

std::vector<G1Affine> read_quotient_commitments(const VerifyingKey& vk, ProofReader& transcript) {
    std::vector<G1Affine> pieces;
    for (size_t i = 0, count = quotient_piece_count(vk.cs); i < count; ++i)
        pieces.push_back(transcript.read_point(tag::QUOTIENT));
    return pieces;
}

VerifierEvaluated read_evaluations(ProofReader& transcript) {
    VerifierEvaluated e;
    e.random_eval = transcript.read_scalar(tag::VANISHING_EVALS);
    e.quotient_eval = transcript.read_scalar(tag::VANISHING_EVALS);
    return e;
}

void fold_gates_at(const VerifyingKey& vk, const PointEvaluations& at, const Challenges& ch, Fr& acc) {
    for (const Gate& g : vk.cs.gates())
        for (const auto& c : g.constraints) fold_constraint(acc, ch.y, at.evaluate(c));
}

bool identity_holds(const VerifyingKey& vk, const VerifierEvaluated& e, const Fr& numerator, const Fr& x) {
    return e.quotient_eval * (x.pow(uint64_t(vk.n())) - Fr::one()) == numerator;
}

void add_verifier_queries(const VerifyingKey& vk, const VerifierCommitted& c, const VerifierEvaluated& e,
                          const Fr& x, std::vector<VerifierQuery>& queries) {
    const Fr xn = x.pow(uint64_t(vk.n()));
    G1 combined = G1::identity();
    Fr power = Fr::one();
    for (const auto& piece : c.pieces) {
        combined += G1::from_affine(piece) * power;
        power *= xn;
    }
    queries.push_back({combined, x, e.quotient_eval});
    queries.push_back({G1::from_affine(c.random_poly), x, e.random_eval});
}

}  // namespace ps::plonk::vanishing
