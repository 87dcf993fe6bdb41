#include "core/plonk/verifier.hpp"

#include "core/kzg/srs_check.hpp"
#include "core/plonk/columns.hpp"
#include "core/plonk/lookup.hpp"
#include "core/plonk/permutation.hpp"
#include "core/plonk/vanishing.hpp"

#include <algorithm>

namespace ps::plonk {

const char* to_string(VerifyCheck check) {
    switch (check) {
    case VerifyCheck::Passed: return "passed";
    case VerifyCheck::ProofFormat: return "proof format";
    case VerifyCheck::VerifyingKey: return "verifying key";
    case VerifyCheck::PublicInputs: return "public inputs";
    case VerifyCheck::Vanishing: return "vanishing identity";
    case VerifyCheck::OpeningPairing: return "opening pairing";
    case VerifyCheck::Srs: return "SRS";
    }
    return "?";
}

namespace {

VerifyResult reject(VerifyCheck check, std::string reason, const ProofReader* transcript = nullptr) {
    VerifyResult r{false, check, std::move(reason), {}};
    if (transcript) r.transcript_operations = transcript->transcript().operations();
    return r;
}

std::string check_instance_shape(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances) {
    if (instances.size() != vk.cs.num_instance_columns())
        return "got " + std::to_string(instances.size()) + " instance columns, the circuit has " +
               std::to_string(vk.cs.num_instance_columns());
    if (vk.instance_lengths.size() != instances.size())
        return "the verifying key records " + std::to_string(vk.instance_lengths.size()) +
               " instance lengths for " + std::to_string(instances.size()) + " instance columns";
    for (size_t c = 0; c < instances.size(); ++c)
        if (instances[c].size() != vk.instance_lengths[c])
            return "instance column " + std::to_string(c) + " has " + std::to_string(instances[c].size()) +
                   " values, the verifying key expects " + std::to_string(vk.instance_lengths[c]);
    return {};
}

size_t distinct_points(const std::vector<VerifierQuery>& queries) {
    std::vector<Fr> points;
    for (const auto& q : queries)
        if (std::find(points.begin(), points.end(), q.point) == points.end()) points.push_back(q.point);
    return points.size();
}

VerifyResult verify_rounds(const VerifyingKey& vk, const KzgVerifierParams& params,
                           const std::vector<std::vector<Fr>>& instances, ProofReader& transcript) {
    Challenges ch;
    switch (columns::read_statement(vk, instances, transcript)) {
    case columns::StatementCheck::Ok: break;
    case columns::StatementCheck::WrongVerifyingKey:
        return reject(VerifyCheck::VerifyingKey,
                      "the proof was made for a different verifying key (its vk digest differs)", &transcript);
    case columns::StatementCheck::WrongPublicInputs:
        return reject(VerifyCheck::PublicInputs,
                      "the public inputs differ from the ones the proof was made for (instance digest differs)",
                      &transcript);
    }
    const auto advice = columns::read_advice_commitments(vk, transcript);
    ch.theta = transcript.squeeze(tag::THETA);
    lookup::VerifierCommitted lookups;
    lookup::read_multiplicities(vk, transcript, lookups);
    ch.beta = transcript.squeeze(tag::BETA);
    ch.gamma = transcript.squeeze(tag::GAMMA);
    const auto products = permutation::read_products(vk, transcript);
    lookup::read_accumulators(vk, transcript, lookups);
    vanishing::VerifierCommitted quotient;
    quotient.random_poly = vanishing::read_random_commitment(transcript);
    ch.y = transcript.squeeze(tag::Y);
    quotient.pieces = vanishing::read_quotient_commitments(vk, transcript);
    ch.x = transcript.squeeze(tag::X);

    const PointEvaluations at = columns::read_evaluations(vk, instances, ch.x, transcript);
    const auto product_evals = permutation::read_evaluations(vk, transcript);
    const auto lookup_evals = lookup::read_evaluations(vk, transcript);
    const auto vanishing_evals = vanishing::read_evaluations(transcript);

    Fr numerator;
    vanishing::fold_gates_at(vk, at, ch, numerator);
    permutation::fold_constraints_at(vk, product_evals, at, ch, numerator);
    lookup::fold_constraints_at(vk, lookup_evals, at, ch, numerator);
    if (!vanishing::identity_holds(vk, vanishing_evals, numerator, ch.x))
        return reject(VerifyCheck::Vanishing,
                      "the constraint identity h(x)·(x^n − 1) = Σ y^i·c_i(x) does not hold: the committed "
                      "witness does not satisfy the gates, copy constraints or lookups (run the mock "
                      "prover on the witness to find which)",
                      &transcript);

    std::vector<VerifierQuery> queries;
    columns::add_verifier_queries(vk, advice, at, queries);
    permutation::add_verifier_queries(vk, products, product_evals, at, queries);
    lookup::add_verifier_queries(lookups, lookup_evals, at, queries);
    vanishing::add_verifier_queries(vk, quotient, vanishing_evals, ch.x, queries);

    MultiOpeningProof opening;
    for (size_t i = 0, count = distinct_points(queries); i < count; ++i)
        opening.witnesses.push_back(transcript.take_point(tag::OPENING));
    transcript.expect_end();
    transcript.set_opening_tag(std::string(tag::OPENING));
    const OpeningVerdict verdict = verify_multi(params, queries, opening, transcript);
    if (!verdict.ok)
        return reject(VerifyCheck::OpeningPairing,
                      "the batched KZG opening does not verify: a commitment does not open to its claimed "
                      "evaluation (" + verdict.reason + ")",
                      &transcript);
    VerifyResult ok{true, VerifyCheck::Passed, "the proof is valid", transcript.transcript().operations()};
    return ok;
}

}  // namespace

VerifyResult verify_proof(const VerifyingKey& vk, const KzgVerifierParams& params,
                          const std::vector<std::vector<Fr>>& instances, std::span<const uint8_t> proof) {
    if (const SrsVerdict v = check_verifier_params(params); !v.ok)
        return reject(VerifyCheck::Srs, "the SRS is degenerate: " + v.reason);
    if (srs_binding_digest(params) != vk.srs_digest)
        return reject(VerifyCheck::Srs,
                      "the SRS is not the one the verifying key was made with (its g, g2 and [τ]G2 differ): "
                      "verify with the kzg.srs used at setup");
    if (const std::string problem = check_instance_shape(vk, instances); !problem.empty())
        return reject(VerifyCheck::PublicInputs, problem);
    ProofReader transcript(proof);
    try {
        return verify_rounds(vk, params, instances, transcript);
    } catch (const ProofFormatError& e) {
        return reject(VerifyCheck::ProofFormat, e.what(), &transcript);
    } catch (const std::exception& e) {
        return reject(VerifyCheck::ProofFormat, std::string("the proof could not be checked: ") + e.what(),
                      &transcript);
    }
}

}  // namespace ps::plonk
