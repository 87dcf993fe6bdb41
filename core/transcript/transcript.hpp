#pragma once
// The Fiat–Shamir transcript: a running Keccak-256 sponge (EVM-friendly) that absorbs
// the verifying-key digest, every commitment, the public inputs and every evaluation,
// and squeezes Fr challenges by wide reduction (64 hash bytes mod r, so the bias is
// ~2^-256 rather than the ~2^-2 of reducing a single 32-byte hash).
//
// Every absorb and squeeze carries a tag such as "[TRANSCRIPT-4] lookup multiplicities";
// the prover and the verifier use the same tags and the transcript keeps the sequence,
// so a test can show both sides absorbed the same things in the same order.
#include "core/field/fr.hpp"
#include "core/transcript/keccak.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

class Transcript {
public:
    // The label separates this protocol's transcripts from any other use of Keccak.
    explicit Transcript(std::string_view protocol_label);

    void absorb_bytes(std::string_view tag, std::span<const uint8_t> bytes);
    // Canonical 32-byte big-endian encoding (the EVM word order).
    void absorb_scalar(std::string_view tag, const Fr& value);
    // challenge = (keccak(state‖0x00) ‖ keccak(state‖0x01)) mod r, read big-endian;
    // the sponge then restarts from keccak(state‖0x00) so later challenges depend on it.
    Fr squeeze_challenge(std::string_view tag);

    // "absorb <tag>" / "squeeze <tag>" in call order.
    const std::vector<std::string>& operations() const { return operations_; }

private:
    Keccak256 sponge_;
    std::vector<std::string> operations_;
};

}  // namespace ps
