#pragma once
// KZG openings: one polynomial at one point, and the batched multi-point opening of
// GWC (Gabizon–Williamson–Ciobotaru, PLONK §3; halo2's `multiopen::gwc`): queries are
// grouped by point (in order of first appearance); per point the polynomials are folded
// with powers of a challenge v and one witness W = [(f(X) − f(z))/(X − z)] is committed;
// the verifier folds the points with powers of u and checks one pairing equation
//   e(Σ u^i W_i, [τ]G2) = e(Σ u^i (z_i W_i + C_i − e_i G), G2).
#include "core/kzg/srs.hpp"
#include "core/util/progress.hpp"

#include <span>
#include <string>
#include <vector>

namespace ps {

// The Fiat–Shamir interface the opening needs; core/transcript's Keccak transcript
// implements it. Prover and verifier must see the same absorb/squeeze sequence.
struct OpeningTranscript {
    virtual ~OpeningTranscript() = default;
    virtual Fr squeeze_challenge() = 0;
    virtual void absorb_point(const G1Affine& p) = 0;
    virtual void absorb_scalar(const Fr& s) = 0;
};

// poly in coefficient form (at most srs.size() coefficients); eval must be poly(point)
// (the protocol has already sent it). A wrong eval yields a proof that fails to verify.
struct ProverQuery {
    std::span<const Fr> poly;
    Fr point;
    Fr eval;
};

struct VerifierQuery {
    G1 commitment;
    Fr point;
    Fr eval;
};

// One witness per distinct point, in the order the points first appear in the queries.
struct MultiOpeningProof {
    std::vector<G1Affine> witnesses;
};

struct OpeningVerdict {
    bool ok = false;
    std::string reason;
};

// Squeezes v, then commits and absorbs the witnesses. Queries must not be empty.
// `progress`, when given, is asked before each point's witness whether to stop.
MultiOpeningProof open_multi(const Srs& srs, std::span<const ProverQuery> queries,
                             OpeningTranscript& transcript, const ProgressSink* progress = nullptr);

// Squeezes v, absorbs the proof's witnesses, squeezes u, checks the pairing equation.
OpeningVerdict verify_multi(const KzgVerifierParams& params, std::span<const VerifierQuery> queries,
                            const MultiOpeningProof& proof, OpeningTranscript& transcript);

// A single opening without a transcript: W = [(p(X) − p(z))/(X − z)].
struct SingleOpening {
    Fr eval;
    G1Affine witness;
};
SingleOpening open_single(const Srs& srs, std::span<const Fr> poly, const Fr& z);
// e(W, [τ]G2 − [z]G2) = e(C − [e]G, G2)
bool verify_single(const KzgVerifierParams& params, const G1Affine& commitment, const Fr& z,
                   const Fr& eval, const G1Affine& witness);

}  // namespace ps
