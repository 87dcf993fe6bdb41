#include "core/kzg/opening.hpp"
#include "core/kzg/prepared_g2.hpp"
#include "core/kzg/commit.hpp"
#include "core/msm/msm.hpp"
#include "core/poly/polynomial.hpp"
#include "core/util/error.hpp"
#include <algorithm>
#include <string>

namespace ps {

namespace {

// Indices of the queries at each distinct point, points in order of first appearance
// (halo2's construct_intermediate_sets, without merging duplicate queries).
template <class Q>
std::vector<std::pair<Fr, std::vector<size_t>>> group_by_point(std::span<const Q> queries) {
    std::vector<std::pair<Fr, std::vector<size_t>>> groups;
    for (size_t i = 0; i < queries.size(); ++i) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == queries[i].point; });
        if (it == groups.end()) groups.push_back({queries[i].point, {i}});
        else it->second.push_back(i);
    }
    return groups;
}

}  // namespace

MultiOpeningProof open_multi(const Srs& srs, std::span<const ProverQuery> queries,
                             OpeningTranscript& transcript, const ProgressSink* progress) {
    if (queries.empty()) throw Error("KZG multi-open", "no queries to open");
    const Fr v = transcript.squeeze_challenge();
    MultiOpeningProof proof;
    for (const auto& [z, members] : group_by_point(queries)) {
        if (progress) throw_if_cancelled(*progress);
        // f = Σ v^j p_j, e = Σ v^j e_j over this point's queries; W = [(f − e)/(X − z)]
        size_t len = 0;
        for (size_t i : members) len = std::max(len, queries[i].poly.size());
        Coeffs folded(len);
        Fr eval = Fr::zero(), vj = Fr::one();
        for (size_t i : members) {
            add_scaled(folded, queries[i].poly, vj);
            eval += vj * queries[i].eval;
            vj *= v;
        }
        if (!folded.empty()) folded[0] -= eval;
        const G1Affine w = commit_monomial(srs, divide_by_linear(folded, z), progress).to_affine();
        transcript.absorb_point(w);
        proof.witnesses.push_back(w);
    }
    return proof;
}

OpeningVerdict verify_multi(const KzgVerifierParams& params, std::span<const VerifierQuery> queries,
                            const MultiOpeningProof& proof, OpeningTranscript& transcript) {
    if (queries.empty()) return {false, "no queries to verify"};
    const Fr v = transcript.squeeze_challenge();
    const auto groups = group_by_point(queries);
    if (proof.witnesses.size() != groups.size())
        return {false, "opening proof has " + std::to_string(proof.witnesses.size()) + " witnesses, the queries need " +
                           std::to_string(groups.size()) + " (one per distinct point)"};
    for (const auto& w : proof.witnesses) {
        if (!w.is_on_curve()) return {false, "an opening witness is not on the curve"};
        transcript.absorb_point(w);
    }
    const Fr u = transcript.squeeze_challenge();

    // left = Σ u^i W_i;  right = Σ u^i (z_i W_i + Σ_j v^j C_ij) − (Σ u^i Σ_j v^j e_ij) G
    std::vector<G1> right_points;
    std::vector<Fr> right_scalars, left_scalars;
    Fr ui = Fr::one(), eval_total = Fr::zero();
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto& [z, members] = groups[g];
        left_scalars.push_back(ui);
        right_points.push_back(G1::from_affine(proof.witnesses[g]));
        right_scalars.push_back(ui * z);
        Fr vj = Fr::one();
        for (size_t i : members) {
            right_points.push_back(queries[i].commitment);
            right_scalars.push_back(ui * vj);
            eval_total += ui * vj * queries[i].eval;
            vj *= v;
        }
        ui *= u;
    }
    right_points.push_back(G1::from_affine(params.g));
    right_scalars.push_back(-eval_total);

    std::vector<G1Affine> right_affine(right_points.size());
    G1::batch_to_affine(right_points, right_affine);
    const G1Affine left = msm(proof.witnesses, left_scalars).to_affine();
    const G1Affine right = msm(right_affine, right_scalars).to_affine();
    const G1Affine ps[2] = {left, -right};
    const G2Affine qs[2] = {params.s_g2, params.g2};
    if (!kzg_pairing_check(ps, qs))
        return {false, "KZG opening check failed: e(W, [τ]G2) ≠ e(z·W + C − e·G, G2) for the batched openings "
                       "(a wrong evaluation, point, commitment or SRS)"};
    return {true, {}};
}

SingleOpening open_single(const Srs& srs, std::span<const Fr> poly, const Fr& z) {
    SingleOpening o;
    o.eval = evaluate(poly, z);
    Coeffs shifted(poly.begin(), poly.end());
    if (!shifted.empty()) shifted[0] -= o.eval;
    o.witness = commit_monomial(srs, divide_by_linear(shifted, z)).to_affine();
    return o;
}

bool verify_single(const KzgVerifierParams& params, const G1Affine& commitment, const Fr& z,
                   const Fr& eval, const G1Affine& witness) {
    // e(W, [τ]G2) = e(C − e·G + z·W, G2): τ·W = z·W + (p(τ) − e)·G when W is honest.
    const G1 rhs = G1::from_affine(commitment) - G1::generator() * eval + G1::from_affine(witness) * z;
    const G1Affine ps[2] = {witness, -rhs.to_affine()};
    const G2Affine qs[2] = {params.s_g2, params.g2};
    return kzg_pairing_check(ps, qs);
}

}  // namespace ps
