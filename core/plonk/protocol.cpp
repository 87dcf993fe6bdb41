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

}  // namespace ps::plonk
