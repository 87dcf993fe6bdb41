#pragma once
// network.ezkl: the project's own binary format for a compiled circuit (the name is
// EZKL's; the layout is ours). It holds everything witness generation and key
// generation need without the .onnx file:
//
//   offset  size  field
//   0       8     magic "PSCIRCT\x1a"
//   8       4     format version (u32 LE) = 1
//   12      4     reserved, 0
//   16      32    SHA-256 settings digest (settings_digest of the embedded settings)
//   48      32    SHA-256 of the payload
//   80      8     payload length (u64 LE)
//   88      ...   payload: settings.json text, graph IR, value scales, quantised params
//
// A reader rejects a wrong magic, an unknown version, a truncated file, a payload that
// does not match its digest, and (check_settings_match) a settings.json it was not
// compiled with.
#include "core/artifacts/settings.hpp"
#include "core/model/graph.hpp"
#include <filesystem>
#include <map>
#include <string>

namespace ps {

struct QuantisedTensor {
    Scale scale = 0;
    model::IntTensor tensor;  // round(x · 2^scale)
    bool operator==(const QuantisedTensor& o) const {
        return scale == o.scale && tensor.shape == o.tensor.shape && tensor.data == o.tensor.data;
    }
};

struct CompiledCircuit {
    Settings settings;
    model::Graph graph;
    // The fixed-point scale of every value of the graph (inputs, node outputs,
    // initialisers as consumed), decided at compile time.
    std::map<std::string, Scale> value_scales;
    // Every initialiser quantised at the scale its consumers need.
    std::map<std::string, QuantisedTensor> params;
};

inline constexpr uint32_t COMPILED_CIRCUIT_VERSION = 1;

std::vector<uint8_t> compiled_circuit_bytes(const CompiledCircuit& c);
// `file` names the source in errors.
CompiledCircuit compiled_circuit_from_bytes(std::span<const uint8_t> bytes, const std::string& file);

void write_compiled_circuit(const CompiledCircuit& c, const std::filesystem::path& path);  // atomic
CompiledCircuit read_compiled_circuit(const std::filesystem::path& path);

// Throws ps::Error naming both files when `settings` is not the one `c` was compiled with.
void check_settings_match(const CompiledCircuit& c, const Settings& settings,
                          const std::string& settings_file, const std::string& circuit_file);

}  // namespace ps
