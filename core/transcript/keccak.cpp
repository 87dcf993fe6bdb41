#include "core/transcript/keccak.hpp"

#include <bit>

namespace ps {

namespace {

// Round constants ι of Keccak-f[1600] (FIPS 202, §3.2.5: rc(t) from the LFSR).
constexpr uint64_t ROUND_CONSTANTS[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

// ρ rotation offsets, lane x + 5·y (FIPS 202, Table 2).
constexpr int RHO[25] = {
    0,  1,  62, 28, 27,  //
    36, 44, 6,  55, 20,  //
    3,  10, 43, 25, 39,  //
    41, 45, 15, 21, 8,   //
    18, 2,  61, 56, 14,
};

}  // namespace

void keccak_f1600(std::array<uint64_t, 25>& a) {
    for (int round = 0; round < 24; ++round) {
        // θ: each lane absorbs the parities of two neighbouring columns.
        uint64_t c[5];
        for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            const uint64_t d = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
        }
        // ρ and π: rotate each lane, then move lane (x, y) to (y, 2x + 3y).
        std::array<uint64_t, 25> b;
        for (int x = 0; x < 5; ++x)
            for (int y = 0; y < 5; ++y)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(a[x + 5 * y], RHO[x + 5 * y]);
        // χ: the only non-linear step.
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; ++x)
                a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        // ι
        a[0] ^= ROUND_CONSTANTS[round];
    }
}

void Keccak256::absorb_block() {
    for (size_t i = 0; i < RATE / 8; ++i) {
        uint64_t lane = 0;
        for (int j = 0; j < 8; ++j) lane |= uint64_t(block_[8 * i + size_t(j)]) << (8 * j);
        state_[i] ^= lane;
    }
    keccak_f1600(state_);
    filled_ = 0;
}

void Keccak256::update(std::span<const uint8_t> bytes) {
    for (uint8_t byte : bytes) {
        block_[filled_++] = byte;
        if (filled_ == RATE) absorb_block();
    }
}

void Keccak256::update(std::string_view text) {
    update(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

KeccakDigest Keccak256::finish() {
    // pad10*1 with the domain bits in front: first pad byte `padding_`, last byte |= 0x80
    // (both in one byte when only one byte of the block is left).
    for (size_t i = filled_; i < RATE; ++i) block_[i] = 0;
    block_[filled_] ^= padding_;
    block_[RATE - 1] ^= 0x80;
    absorb_block();
    KeccakDigest out{};
    for (size_t i = 0; i < out.size(); ++i) out[i] = uint8_t(state_[i / 8] >> (8 * (i % 8)));
    return out;
}

void Keccak256::reset() {
    state_.fill(0);
    filled_ = 0;
}

KeccakDigest keccak256(std::span<const uint8_t> bytes) {
    Keccak256 h;
    h.update(bytes);
    return h.finish();
}

KeccakDigest keccak256(std::string_view text) {
    Keccak256 h;
    h.update(text);
    return h.finish();
}

}  // namespace ps
