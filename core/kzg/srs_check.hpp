#pragma once
// Is an SRS what it claims to be? Checks, batched with random linear combinations so
// large k stays fast (two MSMs and two pairing products instead of 2^k pairings):
//   powers[0] = G1 generator, g2 = G2 generator, τ ≠ 0;
//   e([τ^i]G1, [τ]G2) = e([τ^(i+1)]G1, G2) for every i (one random combination);
//   Lagrange points = inverse NTT of the powers: Σ r_i·Lag_i = Σ (iNTT r)_j·[τ^j]G1.
#include "core/kzg/srs.hpp"
#include <array>
#include <string>

namespace ps {

struct SrsVerdict {
    bool ok = false;
    std::string reason;  // which check failed, or a summary when ok
};

// `challenge_source` supplies the random combination coefficients (SystemRandom: a forged
// SRS cannot anticipate them).
SrsVerdict check_srs(const Srs& srs, RandomSource& challenge_source, ProgressSink& progress);

// What a verifier can check of its three points: the standard generators and τ ∉ {0, 1}
// ([τ]G2 neither the identity nor G2). A degenerate SRS (all zero, τ = 1) fails here.
SrsVerdict check_verifier_params(const KzgVerifierParams& params);

// The checks every setup, prove and verify runs on the SRS it is given, cheap at any k:
// check_verifier_params; 2^k powers and Lagrange points; e([τ]G1, G2) = e(G1, [τ]G2)
// (one pairing product: g[1] carries the τ of [τ]G2); and Σ [L_i(τ)]G1 = G1 (the
// Lagrange polynomials sum to 1; 2^k mixed additions). It does not check every power
// or every Lagrange point: check_srs does, and srs-info runs it.
SrsVerdict check_srs_cheap(const Srs& srs);

// SHA-256 of g[0] ‖ g2 ‖ [τ]G2 (EVM encodings): what a verifying key records of the SRS
// it was made with. Downsizing keeps all three, so the digest names the ceremony's τ.
std::array<uint8_t, 32> srs_binding_digest(const KzgVerifierParams& params);

}  // namespace ps
