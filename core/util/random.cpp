#include "core/util/random.hpp"
#include "core/util/sha256.hpp"
#include <openssl/rand.h>
#include <algorithm>
#include <stdexcept>

namespace ps {

void SystemRandom::fill(std::span<uint8_t> out) {
    if (out.empty()) return;
    if (RAND_bytes(out.data(), int(out.size())) != 1)
        throw std::runtime_error("OpenSSL RAND_bytes failed: no secure randomness available");
}

void SeededRandom::fill(std::span<uint8_t> out) {
    size_t off = 0;
    while (off < out.size()) {
        uint8_t block[16];
        for (int i = 0; i < 8; ++i) block[i] = uint8_t(seed_ >> (8 * i));
        for (int i = 0; i < 8; ++i) block[8 + i] = uint8_t(counter_ >> (8 * i));
        ++counter_;
        const auto d = sha256(std::span<const uint8_t>(block, 16));
        const size_t n = std::min(d.size(), out.size() - off);
        std::copy_n(d.begin(), n, out.begin() + off);
        off += n;
    }
}

}  // namespace ps
