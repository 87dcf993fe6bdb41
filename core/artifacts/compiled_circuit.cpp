#include "core/artifacts/compiled_circuit.hpp"
#include "core/model/attribute_rules.hpp"
#include "core/artifacts/graph_codec.hpp"
#include "core/util/atomic_file.hpp"
#include <algorithm>
#include <array>
#include <cstring>

namespace ps {

static constexpr std::array<uint8_t, 8> MAGIC{'P', 'S', 'C', 'I', 'R', 'C', 'T', 0x1a};
static constexpr size_t HEADER_SIZE = 88;

static std::vector<uint8_t> payload_bytes(const CompiledCircuit& c) {
    ByteWriter w;
    w.str(settings_to_json_text(c.settings));
    encode_graph(w, c.graph);
    w.u64(c.value_scales.size());
    for (const auto& [name, s] : c.value_scales) {
        w.str(name);
        w.i64(s);
    }
    w.u64(c.params.size());
    for (const auto& [name, q] : c.params) {
        w.str(name);
        w.i64(q.scale);
        encode_int_tensor(w, q.tensor);
    }
    return std::move(w.bytes());
}

std::vector<uint8_t> compiled_circuit_bytes(const CompiledCircuit& c) {
    const std::vector<uint8_t> payload = payload_bytes(c);
    ByteWriter w;
    w.raw(MAGIC);
    w.u32(COMPILED_CIRCUIT_VERSION);
    w.u32(0);
    w.raw(settings_digest(c.settings));
    w.raw(sha256(payload));
    w.u64(payload.size());
    w.raw(payload);
    return std::move(w.bytes());
}

CompiledCircuit compiled_circuit_from_bytes(std::span<const uint8_t> bytes, const std::string& file) {
    const std::string regenerate = "regenerate it with proofscope-cli compile-circuit";
    if (bytes.size() < MAGIC.size() || !std::equal(MAGIC.begin(), MAGIC.end(), bytes.begin()))
        throw Error(file, "not a ProofScope compiled circuit (wrong magic number)",
                    "pass the network.ezkl written by proofscope-cli compile-circuit; EZKL's own "
                    ".ezkl files are a different format");
    if (bytes.size() < HEADER_SIZE)
        throw Error(file, "truncated header (" + std::to_string(bytes.size()) + " of " +
                              std::to_string(HEADER_SIZE) + " bytes)", regenerate);
    ByteReader r(bytes, file);
    r.raw(MAGIC.size());
    const uint32_t version = r.u32();
    if (version != COMPILED_CIRCUIT_VERSION)
        throw Error(file, "format version " + std::to_string(version) + ", this build reads version " +
                              std::to_string(COMPILED_CIRCUIT_VERSION), regenerate + " using this version");
    r.u32();
    Sha256Digest settings_dig{}, payload_dig{};
    std::memcpy(settings_dig.data(), r.raw(32).data(), 32);
    std::memcpy(payload_dig.data(), r.raw(32).data(), 32);
    const uint64_t length = r.u64();
    if (length != r.remaining())
        throw Error(file, "payload is " + std::to_string(r.remaining()) + " bytes, the header says " +
                              std::to_string(length) + ": the file is truncated or has trailing data",
                    regenerate);
    const auto payload = bytes.subspan(HEADER_SIZE);
    if (sha256(payload) != payload_dig)
        throw Error(file, "payload digest mismatch: the file is corrupted", regenerate);

    ByteReader pr(payload, file + " payload");
    CompiledCircuit c;
    c.settings = settings_from_json_text(pr.str(), file + " (embedded settings)");
    if (settings_digest(c.settings) != settings_dig)
        throw Error(file, "the embedded settings do not match the settings digest in the header",
                    regenerate);
    c.graph = decode_graph(pr);
    // The same ONNX rules as the import: the fixed-point kernels and the circuit layout
    // divide by these attributes too, and a crafted network.ezkl never saw the importer.
    model::check_graph(c.graph, file);
    for (uint64_t n = pr.count(16); n > 0; --n) {
        std::string name = pr.str();
        c.value_scales[name] = Scale(pr.i64());
    }
    for (uint64_t n = pr.count(16); n > 0; --n) {
        std::string name = pr.str();
        QuantisedTensor q;
        q.scale = Scale(pr.i64());
        q.tensor = decode_int_tensor(pr);
        c.params[name] = std::move(q);
    }
    if (pr.remaining() != 0)
        throw Error(file, std::to_string(pr.remaining()) + " unexpected bytes after the payload", regenerate);
    return c;
}

void write_compiled_circuit(const CompiledCircuit& c, const std::filesystem::path& path) {
    write_file_atomically(path, compiled_circuit_bytes(c));
}

CompiledCircuit read_compiled_circuit(const std::filesystem::path& path) {
    const std::vector<uint8_t> bytes = read_file_bytes(path);
    return compiled_circuit_from_bytes(bytes, path.filename().string());
}

void check_settings_match(const CompiledCircuit& c, const Settings& settings,
                          const std::string& settings_file, const std::string& circuit_file) {
    if (settings_digest(c.settings) == settings_digest(settings)) return;
    std::string detail;
    const RunArgs &a = c.settings.run_args, &b = settings.run_args;
    if (a.input_scale != b.input_scale) detail = "input_scale " + std::to_string(b.input_scale) + " vs " + std::to_string(a.input_scale);
    else if (a.param_scale != b.param_scale) detail = "param_scale " + std::to_string(b.param_scale) + " vs " + std::to_string(a.param_scale);
    else if (a.logrows != b.logrows) detail = "logrows " + std::to_string(b.logrows) + " vs " + std::to_string(a.logrows);
    else if (a.lookup_range_lo != b.lookup_range_lo || a.lookup_range_hi != b.lookup_range_hi) detail = "lookup_range differs";
    else detail = "the settings differ";
    throw Error(settings_file, "does not belong to " + circuit_file + " (" + detail + ", settings.json vs compiled)",
                "use the settings.json the circuit was compiled with, or recompile with compile-circuit");
}

}  // namespace ps
