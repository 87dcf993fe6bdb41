#pragma once
// verify_proof: replays the prover's transcript from the proof bytes and returns a
// verdict naming the check that failed. An invalid proof is an answer, not an error:
// nothing here throws for bad proof bytes or wrong public inputs.
#include "core/kzg/srs.hpp"
#include "core/plonk/keys.hpp"

#include <span>
#include <string>
#include <vector>

namespace ps::plonk {

enum class VerifyCheck {
    Passed,
    ProofFormat,     // truncated, trailing bytes, a point off the curve, a scalar ≥ r
    VerifyingKey,    // the proof was made for another circuit / vk
    PublicInputs,    // the public inputs differ from the proof's, or have the wrong shape
    Vanishing,       // h(x)·(x^n − 1) ≠ N(x): gates, copy constraints or lookups do not hold
    OpeningPairing,  // the committed polynomials do not open to the claimed evaluations
    Srs,             // the SRS is degenerate or not the one the vk was made with
};

const char* to_string(VerifyCheck check);

struct VerifyResult {
    bool ok = false;
    VerifyCheck check = VerifyCheck::ProofFormat;
    std::string reason;
    std::vector<std::string> transcript_operations;
};

VerifyResult verify_proof(const VerifyingKey& vk, const KzgVerifierParams& params,
                          const std::vector<std::vector<Fr>>& instances, std::span<const uint8_t> proof);

}  // namespace ps::plonk
