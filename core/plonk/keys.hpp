#pragma once
// The verifying key (what anyone needs to check a proof) and the proving key (what the
// prover precomputes once per circuit), as halo2's VerifyingKey / ProvingKey.
#include "core/curve/g1.hpp"
#include "core/plonk/constraint_system.hpp"
#include "core/poly/domain.hpp"
#include "core/util/progress.hpp"

#include <array>
#include <memory>
#include <vector>

namespace ps::plonk {

using Digest32 = std::array<uint8_t, 32>;

// The first 16 bytes of VerifyingKey::encode(). v2 added the instance lengths and the
// SRS digest.
inline constexpr char VK_ENCODING_TAG[17] = "ProofScope vk v2";

struct VerifyingKey {
    unsigned k = 0;
    ConstraintSystem cs;
    // Public values per instance column (EZKL's model_instance_shapes, flattened): the
    // verifier requires exactly these lengths, so no prover can append unconstrained
    // public values (they would read as outputs the model never had).
    std::vector<uint64_t> instance_lengths;
    // srs_binding_digest of the SRS the commitments were made with: a proof checked
    // against another SRS is refused by name rather than by a failed pairing.
    Digest32 srs_digest{};
    std::vector<G1Affine> fixed_commitments;        // one per fixed column
    std::vector<G1Affine> permutation_commitments;  // σ, one per equality column
    Digest32 digest{};                              // keccak256 of encode(); absorbed first

    size_t n() const { return size_t(1) << k; }
    // Canonical bytes of everything the proof depends on (without the digest).
    std::vector<uint8_t> encode() const;
    Digest32 compute_digest() const;
};

// The polynomial in all three forms the prover uses.
struct PreparedPolynomial {
    std::vector<Fr> values;    // on the n rows
    std::vector<Fr> coeffs;    // monomial basis
    std::vector<Fr> extended;  // on the extended coset
};

PreparedPolynomial prepare_polynomial(std::vector<Fr> values, const ExtendedDomain& domain);

struct ProvingKey {
    VerifyingKey vk;
    std::shared_ptr<const ExtendedDomain> domain;
    std::vector<PreparedPolynomial> fixed;        // one per fixed column
    std::vector<PreparedPolynomial> permutation;  // σ, one per equality column
    // Row indicators on the extended coset: row 0, the "last" row u (right after the
    // usable rows), and the active rows 0..u−1.
    std::vector<Fr> l_first, l_last, l_active;

    // Builds everything but the vk from the fixed values and σ values on the n rows.
    // Two NTTs per column make this the slow part of setup's last stage and of reading
    // pk.key, so `progress`, when given, is asked before each column whether to stop.
    static ProvingKey from_values(VerifyingKey vk, std::vector<std::vector<Fr>> fixed_values,
                                  std::vector<std::vector<Fr>> permutation_values,
                                  const ProgressSink* progress = nullptr);
};

// δ = 7^(2^28) (halo2's DELTA): a generator of a subgroup of odd order, so the cosets
// δ^i·H that tell permutation columns apart are disjoint.
const Fr& permutation_delta();

}  // namespace ps::plonk
