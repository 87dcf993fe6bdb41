#pragma once
// A development SRS shared by the proof tests (seeded: reproducible, never for real use)
// and a helper that runs keygen → prove → verify on a test circuit.
#include "test_circuits.hpp"

#include "core/kzg/srs.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/error.hpp"

#include <map>

namespace ps::plonk::test {

inline const Srs& test_srs(unsigned k) {
    static std::map<unsigned, Srs> cache;
    auto it = cache.find(k);
    if (it == cache.end()) {
        SeededRandom tau(0x5125 + k);
        NullProgress quiet;
        it = cache.emplace(k, generate_srs(k, tau, quiet)).first;
    }
    return it->second;
}

struct Proven {
    ProvingKey pk;
    Proof proof;
};

inline Proven prove_circuit(const TestCircuit& c, RandomSource& rng) {
    NullProgress quiet;
    const Srs& srs = test_srs(c.assignment->k());
    ProvingKey pk = keygen(srs, *c.assignment, quiet);
    Proof proof = create_proof(pk, srs, *c.assignment, rng, quiet);
    return {std::move(pk), std::move(proof)};
}

inline VerifyResult verify_with(const VerifyingKey& vk, const std::vector<std::vector<Fr>>& instances,
                                std::span<const uint8_t> bytes) {
    return verify_proof(vk, test_srs(vk.k).verifier_params(), instances, bytes);
}

// A circuit with its keys and one honest proof (blinding seeded), for suites that tamper
// with the proof: `verify` checks other bytes against the same key and public values.
struct ProvenCircuit {
    TestCircuit circuit;
    ProvingKey pk;
    Proof proof;
    VerifyResult verify(std::span<const uint8_t> bytes) const { return verify_with(pk.vk, proof.instances, bytes); }
};

inline ProvenCircuit prove_with_seed(TestCircuit c, uint64_t blinding_seed) {
    SeededRandom rng(blinding_seed);
    auto [pk, proof] = prove_circuit(c, rng);
    return ProvenCircuit{std::move(c), std::move(pk), std::move(proof)};
}

}  // namespace ps::plonk::test
