#pragma once
// The proof.json fields (ARCHITECTURE.md): EZKL's shape — `instances` (per column, each
// value as 64 hex digits of its canonical little-endian bytes, as EZKL writes field
// elements), `proof` (bytes as numbers), `hex_proof`, `transcript_type`,
// `pretty_public_inputs`, `timestamp`, `commitment`, `version` — and nothing else: no
// timings (they depend on the witness), no digests of private files (allow-listed in
// proof_json_fields()).
#include "core/plonk/prover.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace ps::plonk {

struct ProofJsonContext {
    nlohmann::json pretty_public_inputs = nlohmann::json::object();  // the public values, dequantised
    std::string version = "proofscope";
    int64_t timestamp_ms = 0;  // 0: now
};

nlohmann::json proof_to_json(const Proof& proof, const ProofJsonContext& context = {});

// The top-level fields proof_to_json writes: the allow-list of what a proof may reveal.
const std::vector<std::string>& proof_json_fields();
// A proof is a few kilobytes (proof_size(vk): commitments and evaluations, tens per
// column); 1 MiB is far beyond any, so a larger `proof` is refused before it is copied.
inline constexpr size_t PROOF_JSON_MAX_BYTES = size_t(1) << 20;

// Reads `instances` and `proof` (checking `hex_proof` agrees when present).
// Throws ps::Error naming `where` and the field for malformed input.
Proof proof_from_json(const nlohmann::json& json, const std::string& where);

std::string fr_to_ezkl_hex(const Fr& v);
std::optional<Fr> fr_from_ezkl_hex(std::string_view hex);

}  // namespace ps::plonk
