#pragma once
// The Ethereum BN254 precompiles as pure functions of their input bytes: ecAdd (0x06) and
// ecMul (0x07) from EIP-196, ecPairing (0x08) from EIP-197. nullopt means "the call
// fails" (invalid point, coordinate >= p, G2 point outside the subgroup, bad length).
// Used to check our arithmetic against the clients' published vectors, and by the
// Solidity-verifier path to predict what the chain will compute.
#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace ps::evm {

// Input is read as 128 bytes (shorter is zero-padded, longer is ignored): two G1 points.
std::optional<std::array<uint8_t, 64>> ec_add(std::span<const uint8_t> input);
// 96 bytes: a G1 point and a 256-bit big-endian scalar (not reduced mod r).
std::optional<std::array<uint8_t, 64>> ec_mul(std::span<const uint8_t> input);
// k·192 bytes of (G1, G2) pairs; 32-byte big-endian 1 if Π e(P_i, Q_i) = 1, else 0.
std::optional<std::array<uint8_t, 32>> ec_pairing(std::span<const uint8_t> input);

}  // namespace ps::evm
