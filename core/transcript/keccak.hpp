#pragma once
// Keccak-256 as the EVM computes it (`keccak256`, Solidity/EIP-1967 style): the
// Keccak-f[1600] sponge of FIPS 202 at rate 136 bytes, but with the ORIGINAL Keccak
// padding (domain byte 0x01) rather than SHA3-256's 0x06. The padding byte is a
// parameter so the permutation can be checked against OpenSSL's SHA3-256.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace ps {

using KeccakDigest = std::array<uint8_t, 32>;

class Keccak256 {
public:
    static constexpr size_t RATE = 136;  // (1600 - 2·256) / 8 bytes
    static constexpr uint8_t KECCAK_PADDING = 0x01;  // original Keccak, the EVM's
    static constexpr uint8_t SHA3_PADDING = 0x06;    // FIPS 202 SHA3-256

    explicit Keccak256(uint8_t padding = KECCAK_PADDING) : padding_(padding) {}
    void update(std::span<const uint8_t> bytes);
    void update(std::string_view text);
    // Pads, squeezes 32 bytes and leaves the object unusable until reset().
    KeccakDigest finish();
    void reset();

private:
    void absorb_block();
    std::array<uint64_t, 25> state_{};
    std::array<uint8_t, RATE> block_{};
    size_t filled_ = 0;
    uint8_t padding_;
};

KeccakDigest keccak256(std::span<const uint8_t> bytes);
KeccakDigest keccak256(std::string_view text);

// The Keccak-f[1600] permutation (24 rounds), lanes indexed x + 5·y.
void keccak_f1600(std::array<uint64_t, 25>& lanes);

}  // namespace ps
