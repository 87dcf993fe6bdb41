#pragma once
// Is an SRS what it claims to be? Checks, batched with random linear combinations so
// large k stays fast (two MSMs and two pairing products instead of 2^k pairings):
//   powers[0] = G1 generator, g2 = G2 generator, τ ≠ 0;
//   e([τ^i]G1, [τ]G2) = e([τ^(i+1)]G1, G2) for every i (one random combination);
//   Lagrange points = inverse NTT of the powers: Σ r_i·Lag_i = Σ (iNTT r)_j·[τ^j]G1.
#include "core/kzg/srs.hpp"
#include <string>

namespace ps {

struct SrsVerdict {
    bool ok = false;
    std::string reason;  // which check failed, or a summary when ok
};

// `challenge_source` supplies the random combination coefficients (SystemRandom: a forged
// SRS cannot anticipate them).
SrsVerdict check_srs(const Srs& srs, RandomSource& challenge_source, ProgressSink& progress);

}  // namespace ps
