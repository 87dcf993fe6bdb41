#pragma once
// The per-layer trace of a witness.json as the workbench shows it. The schema is the
// one "quant" writes (docs: the `layers` array next to EZKL's fields); the GUI reads the
// file rather than core structs so that any witness.json on disk can be inspected.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ps::ui {

using IntRange = std::pair<int64_t, int64_t>;

struct LayerTrace {
    int index = 0;
    std::string name;    // node name, or "input_0" for model inputs
    std::string op;      // ONNX op, or "Input"
    std::vector<std::string> inputs;
    std::string output;  // name of the value this layer produces
    std::vector<int64_t> shape;
    int scale = 0;       // fixed-point scale: real ≈ quantised / 2^scale
    std::vector<int64_t> quantised;
    std::vector<double> dequantised;
    std::vector<double> float_reference;  // empty when the file has none
    int64_t min = 0, max = 0;             // of quantised
    std::optional<IntRange> bounds;       // range the circuit constrains this value to
    int64_t saturated = 0;                // values at or beyond bounds
    double max_abs_error = 0, mean_abs_error = 0;
    // How the circuit proves it: "linear", "lookup", "range", "copy", "float-fallback"
    // (computed from floats: not provable yet); empty when the file does not say.
    std::string kind;

    size_t size() const { return quantised.size(); }
    bool has_float_reference() const { return !float_reference.empty(); }
    std::string shape_text() const;  // "1×1×8×8"
};

struct WitnessTrace {
    std::vector<LayerTrace> layers;
    std::optional<IntRange> lookup_range;
    int64_t min_lookup_inputs = 0, max_lookup_inputs = 0, max_range_size = 0;
    size_t input_count = 0, output_count = 0;  // field elements in `inputs` / `outputs`
    std::string version;
};

// Throws ps::Error naming the file and the field (e.g. "witness.json: layers[3].shape").
WitnessTrace load_witness_trace(const std::filesystem::path& path);
WitnessTrace parse_witness_trace(const nlohmann::json& doc, const std::string& file_label);

// Multi-index of flat position `flat` in a row-major tensor of `shape`: "[0, 2, 3, 1]".
std::string multi_index_text(const std::vector<int64_t>& shape, size_t flat);

}  // namespace ps::ui
