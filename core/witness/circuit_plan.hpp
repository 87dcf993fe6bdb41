#pragma once
// From a graph and run_args to settings.json and network.ezkl: the model is run once in
// fixed point (on the calibration input when given, else on placeholder inputs) to fix
// every value's scale, quantise the parameters and count what the circuit will hold.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/witness/fixed_point.hpp"

namespace ps {

struct CircuitPlan {
    Settings settings;        // with every computed field filled in
    CompiledCircuit circuit;  // graph, value scales, quantised params (settings = above)
    fixed::ExecStats stats;
    uint32_t minimum_logrows = 0;
};

// Rows reserved at the end of every column for blinding (halo2 reserves
// blinding_factors + 1; 8 covers the query counts of our gates). An estimate, like
// num_rows, until the circuit layout lands.
inline constexpr uint64_t RESERVED_BLINDING_ROWS = 8;

// Plans the circuit. When `logrows_fixed` is false, run_args.logrows is replaced by the
// smallest that fits; otherwise a too-small logrows is an error with the needed value.
// `sample` (optional) is a representative input; placeholders (0.5, 0 for integer
// inputs) are used without it.
CircuitPlan plan_circuit(const model::Graph& graph, const RunArgs& args, bool logrows_fixed,
                         const InputData* sample = nullptr);

// compile-circuit: the plan for `settings`, which must be the settings this build
// derives for the model (else an error says which field differs).
CompiledCircuit compile_circuit(const model::Graph& graph, const Settings& settings, const std::string& settings_file);

// The model inputs' shapes, for read_input_json's checks.
std::vector<std::vector<int64_t>> input_shapes(const model::Graph& graph);

}  // namespace ps
