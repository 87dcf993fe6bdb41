#include "core/plonk/prover.hpp"

#include "core/kzg/srs_check.hpp"
#include "core/plonk/columns.hpp"
#include "core/plonk/lookup.hpp"
#include "core/plonk/permutation.hpp"
#include "core/plonk/vanishing.hpp"
#include "core/util/error.hpp"

namespace ps::plonk {

namespace {

void check_shape(const ProvingKey& pk, const Srs& srs, const Assignment& witness) {
    if (srs.k != pk.vk.k)
        throw Error("prove", "the SRS has 2^" + std::to_string(srs.k) + " points, the circuit 2^" +
                                 std::to_string(pk.vk.k) + " rows",
                    "downsize the SRS to k = " + std::to_string(pk.vk.k));
    if (const SrsVerdict v = check_srs_cheap(srs); !v.ok)
        throw Error("prove: SRS", v.reason, "use a ceremony's SRS (e.g. EZKL's kzg files) or gen-srs for development");
    if (srs_binding_digest(srs.verifier_params()) != pk.vk.srs_digest)
        throw Error("prove: SRS",
                    "the SRS is not the one the verifying key was made with (its g, g2 and [τ]G2 differ)",
                    "prove with the kzg.srs used at setup, or run setup again with this one");
    if (witness.k() != pk.vk.k || !(witness.constraint_system() == pk.vk.cs))
        throw Error("prove", "the witness was laid out for a different circuit than the proving key",
                    "regenerate pk.key for this circuit (setup) or rebuild the witness");
    const auto& lengths = witness.instance_lengths();
    for (size_t c = 0; c < lengths.size(); ++c)
        if (lengths[c] != pk.vk.instance_lengths.at(c))
            throw Error("prove", "instance column " + std::to_string(c) + " has " + std::to_string(lengths[c]) +
                                     " public values, the proving key expects " +
                                     std::to_string(pk.vk.instance_lengths[c]),
                        "lay the witness out with the public inputs and outputs of setup (or run setup again)");
}

}  // namespace

Proof create_proof(const ProvingKey& pk, const Srs& srs, const Assignment& witness, RandomSource& rng,
                   ProgressSink& progress) {
    check_shape(pk, srs, witness);
    Proof proof;
    proof.instances = witness.instance_values();
    auto& t = proof.timings;
    ProofWriter transcript;
    Challenges ch;
    const EvaluationDomain& domain = pk.domain->base();

    columns::write_statement(pk.vk, proof.instances, transcript);

    WitnessPolynomials columns_committed;
    {
        TimedStage s(progress, t, "commit advice", pk.vk.cs.num_advice_columns());
        columns_committed = columns::commit_witness(pk, srs, witness, rng, transcript, &s);
    }
    const ColumnValues base = base_column_values(pk, columns_committed);
    ch.theta = transcript.squeeze(tag::THETA);

    lookup::MultiplicitiesCommitted multiplicities;
    {
        TimedStage s(progress, t, "lookup multiplicities");
        multiplicities = lookup::commit_multiplicities(pk, srs, base, ch, rng, transcript, &progress);
    }
    ch.beta = transcript.squeeze(tag::BETA);
    ch.gamma = transcript.squeeze(tag::GAMMA);

    permutation::ProductsCommitted products;
    {
        TimedStage s(progress, t, "permutation products");
        products = permutation::commit_products(pk, srs, base, ch, rng, transcript, &progress);
    }
    lookup::AccumulatorsCommitted accumulators;
    {
        TimedStage s(progress, t, "lookup accumulators");
        accumulators = lookup::commit_accumulators(std::move(multiplicities), pk, srs, ch, rng, transcript, &progress);
    }

    vanishing::QuotientCommitted quotient;
    {
        TimedStage s(progress, t, "vanishing argument", pk.domain->size());
        s.check_cancelled();
        auto random = vanishing::commit_random_polynomial(pk, srs, rng, transcript);
        ch.y = transcript.squeeze(tag::Y);
        quotient = vanishing::commit_quotient(std::move(random), pk, srs, columns_committed, products,
                                              accumulators, ch, progress, transcript);
    }
    ch.x = transcript.squeeze(tag::X);

    std::vector<ProverQuery> queries;
    PointEvaluations at;
    permutation::ProductsEvaluated product_evals;
    lookup::Evaluated lookup_evals;
    vanishing::Evaluated vanishing_evals;
    {
        TimedStage s(progress, t, "evaluate");
        at = columns::evaluate(pk, columns_committed, ch.x, transcript);
        s.check_cancelled();
        product_evals = permutation::evaluate(pk, products, ch, at.x_next, at.x_last, transcript);
        lookup_evals = lookup::evaluate(accumulators, ch, at.x_next, transcript);
        vanishing_evals = vanishing::evaluate(quotient, ch, domain.size(), transcript);
    }
    {
        TimedStage s(progress, t, "multi-point opening");
        columns::add_opening_queries(pk, columns_committed, at, queries);
        permutation::add_opening_queries(pk, products, product_evals, at, queries);
        lookup::add_opening_queries(accumulators, lookup_evals, at, queries);
        vanishing::add_opening_queries(quotient, vanishing_evals, ch.x, queries);
        transcript.set_opening_tag(std::string(tag::OPENING));
        const MultiOpeningProof opening = open_multi(srs, queries, transcript, &progress);
        for (const auto& w : opening.witnesses) transcript.append_point(w);
    }
    proof.transcript_operations = transcript.transcript().operations();
    proof.bytes = transcript.finish();
    return proof;
}

}  // namespace ps::plonk
