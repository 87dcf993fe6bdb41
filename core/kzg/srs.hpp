#pragma once
// The structured reference string of KZG over BN254, in halo2's ParamsKZG shape:
// powers [τ^i]G1, the Lagrange basis [L_i(τ)]G1 of the size-2^k domain, G2 and [τ]G2.
#include "core/curve/g1.hpp"
#include "core/curve/g2.hpp"
#include "core/util/progress.hpp"
#include "core/util/random.hpp"
#include <cstdint>
#include <vector>

namespace ps {

// What a KZG verifier needs from the SRS (halo2's ParamsVerifierKZG).
struct KzgVerifierParams {
    G1Affine g;     // [1]G1 (= powers[0])
    G2Affine g2;    // [1]G2
    G2Affine s_g2;  // [τ]G2
};

struct Srs {
    unsigned k = 0;
    std::vector<G1Affine> g;           // [τ^i]G1, i < 2^k
    std::vector<G1Affine> g_lagrange;  // [L_i(τ)]G1 over the domain of ω = root_of_unity(k)
    G2Affine g2;
    G2Affine s_g2;

    size_t size() const { return size_t(1) << k; }
    KzgVerifierParams verifier_params() const { return {g.at(0), g2, s_g2}; }
};

// A development SRS from τ drawn from `tau_source` (OpenSSL's CSPRNG in production,
// SeededRandom for reproducible tests). τ is erased before returning. Anyone who knows τ
// can forge proofs: real deployments use a ceremony's SRS (e.g. EZKL's files).
Srs generate_srs(unsigned k, RandomSource& tau_source, ProgressSink& progress);

// The same SRS restricted to 2^k powers with the Lagrange basis re-derived by an inverse
// NTT in G1 (halo2's ParamsKZG::downsize). Requires k ≤ srs.k.
Srs downsize_srs(const Srs& srs, unsigned k, ProgressSink& progress);

// [L_i(τ)]G1 from the powers [τ^i]G1: the inverse NTT of the powers, computed in G1.
std::vector<G1Affine> lagrange_basis_from_powers(std::span<const G1Affine> powers,
                                                 ProgressSink& progress);

}  // namespace ps
