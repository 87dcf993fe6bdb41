#include "core/plonk/keys.hpp"

#include "core/plonk/field_codec.hpp"
#include "core/transcript/keccak.hpp"

#include <tbb/parallel_for.h>

namespace ps::plonk {

const Fr& permutation_delta() {
    static const Fr delta = [] {
        Fr d = Fr::from_u64(fr::GENERATOR);
        for (unsigned i = 0; i < fr::TWO_ADICITY; ++i) d = d.square();
        return d;
    }();
    return delta;
}

std::vector<uint8_t> VerifyingKey::encode() const {
    ByteWriter out;
    out.raw(std::span(reinterpret_cast<const uint8_t*>(VK_ENCODING_TAG), 16));
    out.u32(k);
    const auto cs_bytes = cs.encode();
    out.u64(cs_bytes.size());
    out.raw(cs_bytes);
    out.u64(instance_lengths.size());
    for (uint64_t length : instance_lengths) out.u64(length);
    out.raw(srs_digest);
    out.u64(fixed_commitments.size());
    for (const auto& c : fixed_commitments) out.raw(g1_to_evm(c));
    out.u64(permutation_commitments.size());
    for (const auto& c : permutation_commitments) out.raw(g1_to_evm(c));
    return std::move(out.bytes());
}

Digest32 VerifyingKey::compute_digest() const { return keccak256(encode()); }

PreparedPolynomial prepare_polynomial(std::vector<Fr> values, const ExtendedDomain& domain) {
    PreparedPolynomial p;
    p.coeffs = values;
    domain.base().intt(p.coeffs);
    p.extended = domain.coeff_to_extended(p.coeffs);
    p.values = std::move(values);
    return p;
}

ProvingKey ProvingKey::from_values(VerifyingKey vk, std::vector<std::vector<Fr>> fixed_values,
                                   std::vector<std::vector<Fr>> permutation_values,
                                   const ProgressSink* progress) {
    ProvingKey pk;
    pk.domain = std::make_shared<ExtendedDomain>(vk.k, vk.cs.degree());
    const ExtendedDomain& d = *pk.domain;
    auto prepare = [&](std::vector<Fr>& values) {
        if (progress) throw_if_cancelled(*progress);
        return prepare_polynomial(std::move(values), d);
    };
    for (auto& v : fixed_values) pk.fixed.push_back(prepare(v));
    for (auto& v : permutation_values) pk.permutation.push_back(prepare(v));

    const size_t n = vk.n(), usable = vk.cs.usable_rows(vk.k);
    auto indicator = [&](size_t first, size_t end) {
        std::vector<Fr> rows(n);
        for (size_t i = first; i < end; ++i) rows[i] = Fr::one();
        d.base().intt(rows);
        return d.coeff_to_extended(rows);
    };
    pk.l_first = indicator(0, 1);
    pk.l_last = indicator(usable, usable + 1);
    pk.l_active = indicator(0, usable);
    pk.vk = std::move(vk);
    return pk;
}

}  // namespace ps::plonk
