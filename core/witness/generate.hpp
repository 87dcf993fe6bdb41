#pragma once
// Witness generation: runs a compiled circuit's graph in fixed point (the exact integers
// the circuit constrains) and in float (the reference), and records every layer.
// This header is the API the GUI and the CLI call (contract in docs: witness.json).
#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/util/progress.hpp"
#include "core/witness/fixed_point.hpp"
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps {

// One value of the graph: a model input or one output of a node.
struct LayerTrace {
    size_t index = 0;            // position in WitnessResult::layers
    std::string name;            // "input_0" for model inputs, else the node name
    std::string op;              // "Input" or the ONNX op
    std::vector<std::string> inputs;  // value names the node reads
    std::string output;          // the value's name
    std::vector<int64_t> shape;
    Scale scale = 0;
    std::vector<int64_t> quantised;       // integers at `scale` (field element = v mod r)
    std::vector<double> float_reference;  // the float executor's value (empty if unknown)
    int64_t min = 0, max = 0;             // of quantised
    std::optional<std::pair<int64_t, int64_t>> bounds;  // range the circuit constrains it to
    uint64_t saturated = 0;               // values strictly outside `bounds` (a value at a bound is in range)
    double max_abs_error = 0, mean_abs_error = 0;  // dequantised vs float_reference
    // How the circuit will prove this value; empty when the file did not say.
    std::optional<fixed::ProofKind> kind;

    double dequantised(size_t i) const;  // quantised[i] / 2^scale
    size_t size() const { return quantised.size(); }
    bool has_float_reference() const { return !float_reference.empty(); }
    std::string shape_text() const;  // "1×1×8×8"
};

struct WitnessResult {
    std::vector<std::vector<int64_t>> inputs;   // quantised model inputs
    std::vector<std::vector<int64_t>> outputs;  // quantised model outputs
    std::vector<Scale> input_scales, output_scales;
    std::pair<int64_t, int64_t> lookup_range{0, 0};
    int64_t min_lookup_input = 0, max_lookup_input = 0;  // over every lookup of this run
    int64_t max_range_size = 0;
    std::vector<LayerTrace> layers;
    std::vector<size_t> output_layers;  // index in `layers` of each model output
    std::string version = "proofscope-0.1";

    // Largest |dequantised − float| over the model outputs.
    double output_max_abs_error() const;
};

struct WitnessOptions {
    // SAFE check_mode throws on the first saturated value; calibration sets this false
    // to measure instead (saturation is then only counted).
    bool stop_on_saturation = true;
    // Run the float executor for the reference columns (the GUI wants them; timing
    // runs may not).
    bool float_reference = true;
};

// The model inputs' shapes, for read_input_json's checks.
std::vector<std::vector<int64_t>> input_shapes(const model::Graph& graph);

// Throws ps::Error naming the layer for saturation (SAFE mode), overflow or an input
// mismatch; ps::Cancelled when the sink asks to stop.
WitnessResult generate_witness(const CompiledCircuit& circuit, const InputData& input, ProgressSink& progress,
                               const WitnessOptions& options = {});

void write_witness_json(const WitnessResult& w, const std::filesystem::path& path);  // atomic
WitnessResult read_witness_json(const std::filesystem::path& path);
std::string witness_json_text(const WitnessResult& w);
WitnessResult witness_from_json_text(const std::string& text, const std::string& where);

}  // namespace ps
