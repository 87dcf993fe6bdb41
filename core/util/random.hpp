#pragma once
// Randomness is passed in, never global (STYLE.md). Blinding factors and toxic waste
// come from OpenSSL's CSPRNG; tests inject a seeded generator for reproducibility.
#include <cstdint>
#include <span>

namespace ps {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<uint8_t> out) = 0;
};

// OpenSSL RAND_bytes; throws if the CSPRNG cannot deliver.
class SystemRandom final : public RandomSource {
public:
    void fill(std::span<uint8_t> out) override;
};

// Deterministic stream (SHA-256 in counter mode over the seed). For tests and
// reproducible dev SRS only: never for real blinding.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(uint64_t seed) : seed_(seed) {}
    void fill(std::span<uint8_t> out) override;

private:
    uint64_t seed_;
    uint64_t counter_ = 0;
};

}  // namespace ps
