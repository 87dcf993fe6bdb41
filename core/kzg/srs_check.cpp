#include "core/kzg/srs_check.hpp"
#include "core/kzg/prepared_g2.hpp"
#include "core/msm/msm.hpp"
#include "core/poly/domain.hpp"
#include "core/util/sha256.hpp"
#include <string>

namespace ps {

namespace {

// 128-bit coefficients: a wrong SRS passes a folded check with probability ≤ 2^-128 per
// check, and the MSMs need only half the windows of full-size scalars.
std::vector<Fr> random_scalars(size_t n, RandomSource& rng) {
    std::vector<uint64_t> raw(2 * n);
    rng.fill(std::span(reinterpret_cast<uint8_t*>(raw.data()), raw.size() * sizeof(uint64_t)));
    std::vector<Fr> r(n);
    for (size_t i = 0; i < n; ++i) r[i] = *Fr::from_canonical(U256{{raw[2 * i], raw[2 * i + 1], 0, 0}});
    return r;
}

SrsVerdict fail(std::string reason) { return {false, std::move(reason)}; }

}  // namespace

SrsVerdict check_srs(const Srs& srs, RandomSource& challenge_source, ProgressSink& progress) {
    const size_t n = srs.size();
    if (srs.g.size() != n || srs.g_lagrange.size() != n)
        return fail("k = " + std::to_string(srs.k) + " but " + std::to_string(srs.g.size()) + " powers and " +
                    std::to_string(srs.g_lagrange.size()) + " Lagrange points");
    if (!(srs.g[0] == G1Affine::generator()))
        return fail("the first power [τ^0]G1 is not the G1 generator (1, 2)");
    if (!(srs.g2 == G2Affine::generator()))
        return fail("the G2 point is not the standard G2 generator");
    if (srs.s_g2.infinity || srs.s_g2 == srs.g2)
        return fail("[τ]G2 is the identity or the generator: τ would be 0 or 1");

    ProgressStage stage(progress, "SRS consistency", 3);
    // Chain: e([τ^i]G1, [τ]G2) = e([τ^(i+1)]G1, G2) for all i < n − 1, folded with random
    // r_i: e(Σ r_i [τ^i]G1, [τ]G2) · e(−Σ r_i [τ^(i+1)]G1, G2) = 1. For n = 1 the single
    // power carries no τ; [τ]G2 is then unconstrained (as in halo2).
    if (n > 1) {
        const std::vector<Fr> r = random_scalars(n - 1, challenge_source);
        const std::span<const G1Affine> g(srs.g);
        const G1Affine lhs = msm(g.first(n - 1), r).to_affine();
        const G1Affine rhs = msm(g.subspan(1), r).to_affine();
        const G1Affine ps[2] = {lhs, -rhs};
        const G2Affine qs[2] = {srs.s_g2, srs.g2};
        if (!kzg_pairing_check(ps, qs))
            return fail("the powers are not successive powers of the τ in [τ]G2: "
                        "e([τ^i]G1, [τ]G2) = e([τ^(i+1)]G1, G2) fails for some i");
    }
    stage.advance(1);
    throw_if_cancelled(progress);

    // Lagrange basis: Lag = M·g with M_ij = ω^(−ij)/n (the inverse NTT), so for random s,
    // Σ s_i Lag_i = Σ_j (M s)_j [τ^j]G1 = MSM(g, iNTT(s)) (M is symmetric).
    const std::vector<Fr> s = random_scalars(n, challenge_source);
    std::vector<Fr> c = s;
    EvaluationDomain(srs.k).intt(c);
    const G1 lag = msm(srs.g_lagrange, s);
    stage.advance(2);
    const G1 pow = msm(srs.g, c);
    stage.advance(3);
    if (!(lag == pow))
        return fail("the Lagrange points are not the inverse NTT of the powers "
                    "(they do not commit to L_i(τ) for the same τ)");
    return {true, "consistent: " + std::to_string(n) + " powers chained by pairings, " + std::to_string(n) +
                      " Lagrange points match the inverse NTT of the powers, G2 points in the subgroup"};
}

SrsVerdict check_verifier_params(const KzgVerifierParams& params) {
    if (!(params.g == G1Affine::generator())) return fail("the first power [τ^0]G1 is not the G1 generator (1, 2)");
    if (!(params.g2 == G2Affine::generator())) return fail("the G2 point is not the standard G2 generator");
    if (params.s_g2.infinity || params.s_g2 == params.g2)
        return fail("[τ]G2 is the identity or the generator: τ would be 0 or 1, and anyone could forge proofs");
    return {true, "standard generators, τ ∉ {0, 1}"};
}

SrsVerdict check_srs_cheap(const Srs& srs) {
    const size_t n = srs.size();
    if (srs.g.size() != n || srs.g_lagrange.size() != n)
        return fail("k = " + std::to_string(srs.k) + " but " + std::to_string(srs.g.size()) + " powers and " +
                    std::to_string(srs.g_lagrange.size()) + " Lagrange points");
    if (n == 0) return fail("the SRS has no points");
    if (SrsVerdict v = check_verifier_params(srs.verifier_params()); !v.ok) return v;
    if (n > 1) {
        // e([τ]G1, G2) · e(−G1, [τ]G2) = 1
        const G1Affine ps[2] = {srs.g[1], -srs.g[0]};
        const G2Affine qs[2] = {srs.g2, srs.s_g2};
        if (!kzg_pairing_check(ps, qs))
            return fail("e([τ]G1, G2) ≠ e(G1, [τ]G2): the powers and [τ]G2 come from different τ");
    }
    G1 sum = G1::identity();
    for (const G1Affine& p : srs.g_lagrange) sum = sum.add_mixed(p);
    if (!(sum.to_affine() == G1Affine::generator()))
        return fail("the Lagrange points do not sum to the G1 generator (Σ L_i(τ) = 1 fails)");
    return {true, "generators, τ ∉ {0, 1}, e([τ]G1, G2) = e(G1, [τ]G2), Σ Lagrange points = G1"};
}

std::array<uint8_t, 32> srs_binding_digest(const KzgVerifierParams& params) {
    Sha256 h;
    h.update("ProofScope SRS binding v1");
    h.update(g1_to_evm(params.g));
    h.update(g2_to_evm(params.g2));
    h.update(g2_to_evm(params.s_g2));
    return h.finish();
}

}  // namespace ps
