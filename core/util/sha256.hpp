#pragma once
// SHA-256 (OpenSSL) for artifact digests: settings digests, proof.json provenance.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ps {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest sha256(std::span<const uint8_t> bytes);
Sha256Digest sha256(std::string_view text);
std::string to_hex(std::span<const uint8_t> bytes);  // lowercase, no 0x

// Incremental hashing for large inputs.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::span<const uint8_t> bytes);
    void update(std::string_view text);
    Sha256Digest finish();

private:
    void* ctx_;
};

}  // namespace ps
