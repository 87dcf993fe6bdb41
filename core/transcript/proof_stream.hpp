#pragma once
// A proof is the prover's side of the transcript written out: every commitment and
// evaluation is appended to the proof bytes and absorbed in the same step, and the
// verifier reads them back in the same order, absorbing them in turn (halo2's
// TranscriptWrite / TranscriptRead). Points are 64 bytes in the EVM layout (x ‖ y,
// big-endian), scalars 32 bytes big-endian, so an EVM verifier could replay the hash.
//
// Both streams implement the KZG module's OpeningTranscript, so the batched opening
// draws its challenges from the same sponge.
#include "core/curve/g1.hpp"
#include "core/kzg/opening.hpp"
#include "core/transcript/transcript.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace ps {

inline constexpr std::string_view PROOF_TRANSCRIPT_LABEL = "ProofScope PLONK/KZG-BN254 v1";

// A proof that cannot be parsed: truncated, a point off the curve, a scalar ≥ r.
// The verifier turns it into a verdict, never lets it escape.
struct ProofFormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ProofWriter final : public OpeningTranscript {
public:
    ProofWriter() : transcript_(PROOF_TRANSCRIPT_LABEL) {}

    void write_point(std::string_view tag, const G1Affine& point);
    void write_scalar(std::string_view tag, const Fr& value);
    void write_bytes32(std::string_view tag, std::span<const uint8_t, 32> bytes);
    // Absorbed, not written: values the verifier already holds (public inputs).
    void absorb_common_scalar(std::string_view tag, const Fr& value) { transcript_.absorb_scalar(tag, value); }
    Fr squeeze(std::string_view tag) { return transcript_.squeeze_challenge(tag); }

    // The tag under which the KZG opening's own absorbs and squeezes are recorded.
    void set_opening_tag(std::string tag) { opening_tag_ = std::move(tag); }
    // Written, not absorbed: points the opening already absorbed through the interface.
    void append_point(const G1Affine& point);

    Fr squeeze_challenge() override { return squeeze(opening_tag_); }
    void absorb_point(const G1Affine& p) override;
    void absorb_scalar(const Fr& s) override { transcript_.absorb_scalar(opening_tag_, s); }

    const Transcript& transcript() const { return transcript_; }
    std::vector<uint8_t> finish() { return std::move(bytes_); }

private:
    Transcript transcript_;
    std::vector<uint8_t> bytes_;
    std::string opening_tag_ = "opening";
};

class ProofReader final : public OpeningTranscript {
public:
    explicit ProofReader(std::span<const uint8_t> proof) : transcript_(PROOF_TRANSCRIPT_LABEL), proof_(proof) {}

    // Each throws ProofFormatError naming the tag and offset when the bytes are bad.
    G1Affine read_point(std::string_view tag);
    Fr read_scalar(std::string_view tag);
    std::array<uint8_t, 32> read_bytes32(std::string_view tag);
    void absorb_common_scalar(std::string_view tag, const Fr& value) { transcript_.absorb_scalar(tag, value); }
    Fr squeeze(std::string_view tag) { return transcript_.squeeze_challenge(tag); }

    void set_opening_tag(std::string tag) { opening_tag_ = std::move(tag); }
    G1Affine take_point(std::string_view tag);  // read, not absorbed (see ProofWriter::append_point)
    // Throws ProofFormatError when bytes are left over.
    void expect_end() const;

    Fr squeeze_challenge() override { return squeeze(opening_tag_); }
    void absorb_point(const G1Affine& p) override;
    void absorb_scalar(const Fr& s) override { transcript_.absorb_scalar(opening_tag_, s); }

    const Transcript& transcript() const { return transcript_; }

private:
    std::span<const uint8_t> take(size_t n, std::string_view tag);
    Transcript transcript_;
    std::span<const uint8_t> proof_;
    size_t pos_ = 0;
    std::string opening_tag_ = "opening";
};

}  // namespace ps
