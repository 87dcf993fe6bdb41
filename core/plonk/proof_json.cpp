#include "core/plonk/proof_json.hpp"

#include "core/util/error.hpp"
#include "core/util/sha256.hpp"

#include <chrono>

namespace ps::plonk {

std::string fr_to_ezkl_hex(const Fr& v) { return to_hex(v.to_bytes_le()); }

std::optional<Fr> fr_from_ezkl_hex(std::string_view hex) {
    if (hex.rfind("0x", 0) == 0) hex.remove_prefix(2);
    if (hex.size() != 64) return std::nullopt;
    std::array<uint8_t, 32> b{};
    for (size_t i = 0; i < 32; ++i) {
        auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        b[i] = uint8_t(hi * 16 + lo);
    }
    return Fr::from_bytes_le(b);
}

const std::vector<std::string>& proof_json_fields() {
    static const std::vector<std::string> fields = {"instances",  "proof",     "hex_proof", "transcript_type",
                                                    "pretty_public_inputs", "timestamp", "commitment", "version"};
    return fields;
}

nlohmann::json proof_to_json(const Proof& proof, const ProofJsonContext& context) {
    nlohmann::json j;
    auto& instances = j["instances"] = nlohmann::json::array();
    for (const auto& column : proof.instances) {
        auto col = nlohmann::json::array();
        for (const Fr& v : column) col.push_back(fr_to_ezkl_hex(v));
        instances.push_back(std::move(col));
    }
    j["proof"] = proof.bytes;
    j["hex_proof"] = "0x" + to_hex(proof.bytes);
    j["transcript_type"] = "EVM";
    j["pretty_public_inputs"] = context.pretty_public_inputs;
    j["timestamp"] = context.timestamp_ms ? context.timestamp_ms
                                          : std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count();
    j["commitment"] = "KZG";
    j["version"] = context.version;
    // Nothing else: stage timings depend on the witness (MSM digits, lookup counts) and
    // digests of private files identify them, so both stay out of a file anyone may see.
    return j;
}

Proof proof_from_json(const nlohmann::json& j, const std::string& where) {
    Proof p;
    if (!j.is_object()) throw Error(where, "not a JSON object", "pass a proof.json written by prove");
    if (!j.contains("instances") || !j["instances"].is_array())
        throw Error(where + ": instances", "missing or not an array of arrays", "regenerate the proof");
    for (size_t c = 0; c < j["instances"].size(); ++c) {
        const auto& col = j["instances"][c];
        if (!col.is_array()) throw Error(where + ": instances[" + std::to_string(c) + "]", "not an array");
        std::vector<Fr> values;
        for (size_t i = 0; i < col.size(); ++i) {
            const auto v = col[i].is_string() ? fr_from_ezkl_hex(col[i].get<std::string>()) : std::nullopt;
            if (!v)
                throw Error(where + ": instances[" + std::to_string(c) + "][" + std::to_string(i) + "]",
                            "not 64 hex digits of a field element below r", "regenerate the proof");
            values.push_back(*v);
        }
        p.instances.push_back(std::move(values));
    }
    if (!j.contains("proof") || !j["proof"].is_array())
        throw Error(where + ": proof", "missing or not an array of bytes", "regenerate the proof");
    if (j["proof"].size() > PROOF_JSON_MAX_BYTES)
        throw Error(where + ": proof",
                    std::to_string(j["proof"].size()) + " bytes, more than the " +
                        std::to_string(PROOF_JSON_MAX_BYTES) + " any proof of this prover has",
                    "pass a proof.json written by prove");
    p.bytes.reserve(j["proof"].size());
    for (const auto& b : j["proof"]) {
        if (!b.is_number_unsigned() || b.get<uint64_t>() > 255)
            throw Error(where + ": proof", "contains a value that is not a byte 0..255", "regenerate the proof");
        p.bytes.push_back(uint8_t(b.get<uint64_t>()));
    }
    if (j.contains("hex_proof") && j["hex_proof"].is_string() && j["hex_proof"] != "0x" + to_hex(p.bytes))
        throw Error(where + ": hex_proof", "does not match the `proof` bytes", "regenerate the proof");
    return p;
}

}  // namespace ps::plonk
