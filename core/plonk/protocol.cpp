#include "core/plonk/protocol.hpp"

#include "core/kzg/commit.hpp"

namespace ps::plonk {

ColumnValues base_column_values(const ProvingKey& pk, const WitnessPolynomials& w) {
    ColumnValues v;
    v.size = pk.vk.n();
    for (const auto& p : w.instance) v.add(ColumnKind::Instance, p.values);
    for (const auto& p : w.advice) v.add(ColumnKind::Advice, p.values);
    for (const auto& p : pk.fixed) v.add(ColumnKind::Fixed, p.values);
    return v;
}

ColumnValues extended_column_values(const ProvingKey& pk, const WitnessPolynomials& w) {
    ColumnValues v;
    v.size = pk.domain->size();
    v.rotation_scale = pk.domain->extended_rotation(1);
    for (const auto& p : w.instance) v.add(ColumnKind::Instance, p.extended);
    for (const auto& p : w.advice) v.add(ColumnKind::Advice, p.extended);
    for (const auto& p : pk.fixed) v.add(ColumnKind::Fixed, p.extended);
    return v;
}

G1Affine commit_values(const Srs& srs, std::span<const Fr> values) {
    return commit_lagrange(srs, values).to_affine();
}

PreparedPolynomial blind_and_commit(std::vector<Fr> values, size_t first_random_row, const ProvingKey& pk,
                                    const Srs& srs, RandomSource& rng, ProofWriter& transcript,
                                    std::string_view tag, const ProgressSink* progress) {
    if (progress) throw_if_cancelled(*progress);
    values.resize(pk.vk.n());
    for (size_t i = first_random_row; i < values.size(); ++i) values[i] = Fr::random(rng);
    transcript.write_point(tag, commit_lagrange(srs, values, progress).to_affine());
    return prepare_polynomial(std::move(values), *pk.domain);
}

}  // namespace ps::plonk
