#include "core/plonk/columns.hpp"

#include "core/poly/batch_inversion.hpp"
#include "core/poly/polynomial.hpp"
#include "core/transcript/keccak.hpp"

namespace ps::plonk::columns {

namespace {

std::array<uint8_t, 32> word(uint64_t v) {
    std::array<uint8_t, 32> w{};
    for (int i = 0; i < 8; ++i) w[size_t(31 - i)] = uint8_t(v >> (8 * i));
    return w;
}

}  // namespace

Digest32 instance_digest(const std::vector<std::vector<Fr>>& instances) {
    Keccak256 h;
    h.update(word(instances.size()));
    for (const auto& column : instances) {
        h.update(word(column.size()));
        for (const Fr& v : column) h.update(v.to_bytes_be());
    }
    return h.finish();
}

PointEvaluations point_basics(const VerifyingKey& vk, const Fr& x) {
    const EvaluationDomain domain(vk.k);
    const size_t usable = vk.cs.usable_rows(vk.k);
    PointEvaluations at;
    at.x = x;
    at.x_next = x * domain.omega();
    at.x_last = x * domain.element(int64_t(usable));
    at.l_first = domain.lagrange_at(0, x);
    at.l_last = domain.lagrange_at(int64_t(usable), x);
    // Σ_{i<u} L_i(x) = 1 − Σ_{i≥u} L_i(x): the short side has blinding_factors + 1 terms.
    Fr tail;
    for (size_t i = usable; i < vk.n(); ++i) tail += domain.lagrange_at(int64_t(i), x);
    at.l_active = Fr::one() - tail;
    return at;
}

Fr evaluate_instance(const EvaluationDomain& domain, std::span<const Fr> values, const Fr& z) {
    if (values.empty()) return Fr::zero();
    const Fr zn = domain.vanishing_at(z);
    if (zn.is_zero()) {  // z is a row: the value there
        for (size_t i = 0; i < values.size(); ++i)
            if (domain.element(int64_t(i)) == z) return values[i];
        return Fr::zero();
    }
    std::vector<Fr> denominators(values.size()), omegas(values.size());
    Fr w = Fr::one();
    for (size_t i = 0; i < values.size(); ++i, w *= domain.omega()) {
        omegas[i] = w;
        denominators[i] = z - w;
    }
    batch_invert(denominators);
    Fr sum;
    for (size_t i = 0; i < values.size(); ++i) sum += values[i] * omegas[i] * denominators[i];
    return sum * zn * domain.size_inv();
}

// ---------------------------------------------------------------- prover

void write_statement(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                     ProofWriter& transcript) {
    transcript.write_bytes32(tag::VK_DIGEST, vk.digest);
    transcript.write_bytes32(tag::INSTANCES, instance_digest(instances));
    for (const auto& column : instances)
        for (const Fr& v : column) transcript.absorb_common_scalar(tag::INSTANCES, v);
}

WitnessPolynomials commit_witness(const ProvingKey& pk, const Srs& srs, const Assignment& assignment,
                                  RandomSource& rng, ProofWriter& transcript, TimedStage* stage) {
    const size_t n = pk.vk.n();
    WitnessPolynomials w;
    for (const auto& column : assignment.columns(ColumnKind::Instance)) {
        if (stage) stage->check_cancelled();
        std::vector<Fr> values(column);
        values.resize(n);
        w.instance.push_back(prepare_polynomial(std::move(values), *pk.domain));
    }
    for (const auto& column : assignment.columns(ColumnKind::Advice)) {
        if (stage) stage->check_cancelled();
        w.advice.push_back(blind_and_commit(column, assignment.usable_rows(), pk, srs, rng, transcript, tag::ADVICE));
        if (stage) stage->advance(w.advice.size());
    }
    return w;
}

PointEvaluations evaluate(const ProvingKey& pk, const WitnessPolynomials& witness, const Fr& x,
                          ProofWriter& transcript) {
    PointEvaluations at = point_basics(pk.vk, x);
    const EvaluationDomain& domain = pk.domain->base();
    for (const Query& q : pk.vk.cs.queries(ColumnKind::Advice)) {
        const Fr v = ps::evaluate(witness.advice[q.column.index].coeffs, domain.rotate(x, q.rotation));
        transcript.write_scalar(tag::ADVICE_EVALS, v);
        at.query_values[q] = v;
    }
    for (const Query& q : pk.vk.cs.queries(ColumnKind::Fixed)) {
        const Fr v = ps::evaluate(pk.fixed[q.column.index].coeffs, domain.rotate(x, q.rotation));
        transcript.write_scalar(tag::FIXED_EVALS, v);
        at.query_values[q] = v;
    }
    for (const Query& q : pk.vk.cs.queries(ColumnKind::Instance))
        at.query_values[q] = ps::evaluate(witness.instance[q.column.index].coeffs, domain.rotate(x, q.rotation));
    return at;
}

void add_opening_queries(const ProvingKey& pk, const WitnessPolynomials& witness, const PointEvaluations& at,
                         std::vector<ProverQuery>& queries) {
    const EvaluationDomain& domain = pk.domain->base();
    for (const Query& q : pk.vk.cs.queries(ColumnKind::Advice))
        queries.push_back({witness.advice[q.column.index].coeffs, domain.rotate(at.x, q.rotation), at.query_values.at(q)});
    for (const Query& q : pk.vk.cs.queries(ColumnKind::Fixed))
        queries.push_back({pk.fixed[q.column.index].coeffs, domain.rotate(at.x, q.rotation), at.query_values.at(q)});
}

// ---------------------------------------------------------------- verifier

StatementCheck read_statement(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                              ProofReader& transcript) {
    if (transcript.read_bytes32(tag::VK_DIGEST) != vk.digest) return StatementCheck::WrongVerifyingKey;
    if (transcript.read_bytes32(tag::INSTANCES) != instance_digest(instances))
        return StatementCheck::WrongPublicInputs;
    for (const auto& column : instances)
        for (const Fr& v : column) transcript.absorb_common_scalar(tag::INSTANCES, v);
    return StatementCheck::Ok;
}

std::vector<G1Affine> read_advice_commitments(const VerifyingKey& vk, ProofReader& transcript) {
    std::vector<G1Affine> out;
    for (uint32_t i = 0; i < vk.cs.num_advice_columns(); ++i) out.push_back(transcript.read_point(tag::ADVICE));
    return out;
}

PointEvaluations read_evaluations(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                                  const Fr& x, ProofReader& transcript) {
    PointEvaluations at = point_basics(vk, x);
    const EvaluationDomain domain(vk.k);
    for (const Query& q : vk.cs.queries(ColumnKind::Advice))
        at.query_values[q] = transcript.read_scalar(tag::ADVICE_EVALS);
    for (const Query& q : vk.cs.queries(ColumnKind::Fixed))
        at.query_values[q] = transcript.read_scalar(tag::FIXED_EVALS);
    for (const Query& q : vk.cs.queries(ColumnKind::Instance))
        at.query_values[q] = evaluate_instance(domain, instances[q.column.index], domain.rotate(x, q.rotation));
    return at;
}

void add_verifier_queries(const VerifyingKey& vk, const std::vector<G1Affine>& advice,
                          const PointEvaluations& at, std::vector<VerifierQuery>& queries) {
    const EvaluationDomain domain(vk.k);
    for (const Query& q : vk.cs.queries(ColumnKind::Advice))
        queries.push_back({G1::from_affine(advice[q.column.index]), domain.rotate(at.x, q.rotation),
                           at.query_values.at(q)});
    for (const Query& q : vk.cs.queries(ColumnKind::Fixed))
        queries.push_back({G1::from_affine(vk.fixed_commitments[q.column.index]), domain.rotate(at.x, q.rotation),
                           at.query_values.at(q)});
}

}  // namespace ps::plonk::columns
