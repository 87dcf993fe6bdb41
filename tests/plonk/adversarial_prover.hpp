#pragma once
// A cheating prover for the soundness tests (tst_adversarial_prover): the rounds of
// create_proof (core/plonk/prover.cpp) rebuilt from the same public round functions, with
// a hook per commitment round that may rewrite the values before they are committed.
// Each round first runs honestly into a scratch transcript; its values — honest or
// rewritten — are then blinded and committed into the real transcript, so with no hook
// set the proof verifies (the tests check that), and a rejection is due to the cheat.
// Test-only on purpose: production code has no hook a user could set.
#include "proof_fixture.hpp"

#include "core/kzg/commit.hpp"
#include "core/plonk/columns.hpp"
#include "core/plonk/lookup.hpp"
#include "core/plonk/permutation.hpp"
#include "core/plonk/vanishing.hpp"
#include "core/poly/polynomial.hpp"

#include <functional>
#include <optional>

namespace ps::plonk::test {

struct Cheats {
    // The public inputs written into the statement (default: the witness's).
    std::optional<std::vector<std::vector<Fr>>> statement;
    // The prover's own instance polynomials, as values on the n rows.
    std::function<void(std::vector<std::vector<Fr>>& rows)> instance_rows;
    // m_j per lookup and chunk on the n rows (rows from the first unusable one are blinded).
    std::function<void(lookup::PerChunk<std::vector<Fr>>& m, const lookup::MultiplicitiesCommitted& honest)>
        multiplicities;
    // h_j and φ per lookup after β, as the honest prover builds them from the (rewritten) m.
    std::function<void(lookup::PerChunk<std::vector<Fr>>& helpers, std::vector<std::vector<Fr>>& phi,
                       const lookup::AccumulatorsCommitted& honest, const Challenges& ch)>
        accumulators;
    // z_j per permutation chunk.
    std::function<void(std::vector<std::vector<Fr>>& z)> products;
    // Commit the quotient whole — the last piece as long as h needs, beyond its n
    // coefficients — with this larger SRS of the same τ (a prover holding a ceremony's
    // bigger SRS can), instead of dropping what lies above the pieces.
    const Srs* full_quotient_srs = nullptr;
};

namespace adversary_detail {

inline std::vector<Fr> values_of(const PreparedPolynomial& p) { return p.values; }

// The numerator Σ y^i·c_i on the extended coset divided by Z_H, in coefficients: all of
// it, where vanishing::commit_quotient keeps (degree − 1)·n coefficients.
inline std::vector<Fr> full_quotient(const ProvingKey& pk, const WitnessPolynomials& witness,
                                     const permutation::ProductsCommitted& products,
                                     const lookup::AccumulatorsCommitted& lookups, const Challenges& ch) {
    const ColumnValues extended = extended_column_values(pk, witness);
    std::vector<Fr> numerator(extended.size), value(extended.size);
    std::vector<std::vector<Fr>> scratch;
    for (const Gate& g : pk.vk.cs.gates())
        for (const auto& c : g.constraints) {
            CompiledExpression(c).evaluate(extended, 0, value, scratch);
            for (size_t r = 0; r < value.size(); ++r) fold_constraint(numerator[r], ch.y, value[r]);
        }
    permutation::fold_extended_constraints(pk, products, extended, ch, 0, numerator);
    lookup::fold_extended_constraints(pk, lookups, extended, ch, 0, numerator, scratch);
    pk.domain->divide_by_vanishing(numerator);
    return pk.domain->extended_to_coeff(std::move(numerator));
}

}  // namespace adversary_detail

inline Proof create_cheating_proof(const ProvingKey& pk, const Srs& srs, const Assignment& witness,
                                   RandomSource& rng, const Cheats& cheats) {
    using adversary_detail::values_of;
    NullProgress quiet;
    const size_t usable = pk.vk.cs.usable_rows(pk.vk.k);
    Proof proof;
    proof.instances = cheats.statement ? *cheats.statement : witness.instance_values();
    ProofWriter transcript;
    Challenges ch;

    columns::write_statement(pk.vk, proof.instances, transcript);
    WitnessPolynomials w = columns::commit_witness(pk, srs, witness, rng, transcript);
    if (cheats.instance_rows) {
        std::vector<std::vector<Fr>> rows;
        for (const auto& p : w.instance) rows.push_back(p.values);
        cheats.instance_rows(rows);
        for (size_t c = 0; c < rows.size(); ++c) w.instance[c] = prepare_polynomial(std::move(rows[c]), *pk.domain);
    }
    const ColumnValues base = base_column_values(pk, w);
    ch.theta = transcript.squeeze(tag::THETA);

    ProofWriter scratch;  // the honest rounds write here; only the recommitted values count
    lookup::MultiplicitiesCommitted mult = lookup::commit_multiplicities(pk, srs, base, ch, rng, scratch);
    {
        lookup::PerChunk<std::vector<Fr>> m;
        for (const auto& chunks : mult.multiplicities) {
            auto& out = m.emplace_back();
            for (const auto& p : chunks) out.push_back(values_of(p));
        }
        if (cheats.multiplicities) cheats.multiplicities(m, mult);
        for (size_t l = 0; l < m.size(); ++l)
            for (size_t j = 0; j < m[l].size(); ++j)
                mult.multiplicities[l][j] =
                    blind_and_commit(std::move(m[l][j]), usable, pk, srs, rng, transcript, tag::MULTIPLICITIES);
    }
    ch.beta = transcript.squeeze(tag::BETA);
    ch.gamma = transcript.squeeze(tag::GAMMA);

    permutation::ProductsCommitted products = permutation::commit_products(pk, srs, base, ch, rng, scratch);
    {
        std::vector<std::vector<Fr>> z;
        for (const auto& p : products.products) z.push_back(values_of(p));
        if (cheats.products) cheats.products(z);
        for (size_t j = 0; j < z.size(); ++j)
            products.products[j] =
                blind_and_commit(std::move(z[j]), usable + 1, pk, srs, rng, transcript, tag::PERMUTATION_PRODUCTS);
    }

    lookup::AccumulatorsCommitted acc = lookup::commit_accumulators(std::move(mult), pk, srs, ch, rng, scratch);
    {
        lookup::PerChunk<std::vector<Fr>> h;
        std::vector<std::vector<Fr>> phi;
        for (size_t l = 0; l < acc.accumulators.size(); ++l) {
            auto& out = h.emplace_back();
            for (const auto& p : acc.helpers[l]) out.push_back(values_of(p));
            phi.push_back(values_of(acc.accumulators[l]));
        }
        if (cheats.accumulators) cheats.accumulators(h, phi, acc, ch);
        for (size_t l = 0; l < h.size(); ++l)
            for (size_t j = 0; j < h[l].size(); ++j)
                acc.helpers[l][j] = blind_and_commit(std::move(h[l][j]), usable, pk, srs, rng, transcript,
                                                     tag::LOOKUP_HELPERS);
        for (size_t l = 0; l < phi.size(); ++l)
            acc.accumulators[l] = blind_and_commit(std::move(phi[l]), usable + 1, pk, srs, rng, transcript,
                                                   tag::LOOKUP_ACCUMULATORS);
    }

    auto random = vanishing::commit_random_polynomial(pk, srs, rng, transcript);
    ch.y = transcript.squeeze(tag::Y);
    vanishing::QuotientCommitted quotient;
    if (!cheats.full_quotient_srs) {
        quotient = vanishing::commit_quotient(std::move(random), pk, srs, w, products, acc, ch, quiet, transcript);
    } else {
        const std::vector<Fr> h = adversary_detail::full_quotient(pk, w, products, acc, ch);
        const size_t n = pk.vk.n(), pieces = vanishing::quotient_piece_count(pk.vk.cs);
        quotient.random = std::move(random);
        for (size_t i = 0; i < pieces; ++i) {
            const size_t end = i + 1 == pieces ? h.size() : (i + 1) * n;
            std::vector<Fr> piece(h.begin() + long(i * n), h.begin() + long(end));
            transcript.write_point(tag::QUOTIENT, commit_monomial(*cheats.full_quotient_srs, piece).to_affine());
            quotient.pieces.push_back(std::move(piece));
        }
    }
    ch.x = transcript.squeeze(tag::X);

    const PointEvaluations at = columns::evaluate(pk, w, ch.x, transcript);
    const auto product_evals = permutation::evaluate(pk, products, ch, at.x_next, at.x_last, transcript);
    const auto lookup_evals = lookup::evaluate(acc, ch, at.x_next, transcript);
    vanishing::Evaluated vanishing_evals;
    {
        // vanishing::evaluate, for pieces of any length: Σ x^{n·i}·h_i and its value at x.
        size_t len = 0;
        for (const auto& p : quotient.pieces) len = std::max(len, p.size());
        vanishing_evals.combined_quotient.assign(len, Fr::zero());
        const Fr xn = ch.x.pow(uint64_t(pk.vk.n()));
        Fr power = Fr::one();
        for (const auto& p : quotient.pieces) {
            add_scaled(vanishing_evals.combined_quotient, p, power);
            power *= xn;
        }
        vanishing_evals.random_eval = ps::evaluate(quotient.random.random_poly, ch.x);
        vanishing_evals.quotient_eval = ps::evaluate(vanishing_evals.combined_quotient, ch.x);
        transcript.write_scalar(tag::VANISHING_EVALS, vanishing_evals.random_eval);
        transcript.write_scalar(tag::VANISHING_EVALS, vanishing_evals.quotient_eval);
    }

    std::vector<ProverQuery> queries;
    columns::add_opening_queries(pk, w, at, queries);
    permutation::add_opening_queries(pk, products, product_evals, at, queries);
    lookup::add_opening_queries(acc, lookup_evals, at, queries);
    vanishing::add_opening_queries(quotient, vanishing_evals, ch.x, queries);
    transcript.set_opening_tag(std::string(tag::OPENING));
    const MultiOpeningProof opening =
        open_multi(cheats.full_quotient_srs ? *cheats.full_quotient_srs : srs, queries, transcript);
    for (const auto& p : opening.witnesses) transcript.append_point(p);
    proof.bytes = transcript.finish();
    return proof;
}

}  // namespace ps::plonk::test
