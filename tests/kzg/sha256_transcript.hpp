#pragma once
// A small Fiat–Shamir transcript for the opening tests (the product's Keccak transcript
// lives in core/transcript, which depends on kzg, not the other way round): the state is
// SHA-256 over everything absorbed so far; a challenge is the hash of state || counter
// reduced into Fr.
#include "core/kzg/opening.hpp"
#include "core/util/sha256.hpp"
#include <string>

namespace ps::test {

class Sha256Transcript final : public OpeningTranscript {
public:
    explicit Sha256Transcript(std::string_view label) { append(label); }

    Fr squeeze_challenge() override {
        append("challenge");
        const Sha256Digest d = sha256(std::string_view(state_));
        state_.assign(d.begin(), d.end());  // the challenge is part of the state
        U256 x;
        for (int i = 0; i < 32; ++i) x.limb[size_t(i / 8)] |= uint64_t(d[size_t(i)]) << (8 * (i % 8));
        return Fr::from_u256_reduced(x);
    }
    void absorb_point(const G1Affine& p) override {
        const auto b = g1_to_halo2_raw(p);
        state_.append(reinterpret_cast<const char*>(b.data()), b.size());
    }
    void absorb_scalar(const Fr& s) override {
        const auto b = s.to_bytes_le();
        state_.append(reinterpret_cast<const char*>(b.data()), b.size());
    }

private:
    void append(std::string_view s) { state_.append(s); }
    std::string state_;
};

}  // namespace ps::test
