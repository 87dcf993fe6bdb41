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

// The cost model behind num_rows (an estimate until the circuit layout issue lands):
// kernels count advice cells as they run (FixedCall::add_cells), per output element:
//   dot products (MatMul, Gemm, Conv, ConvTranspose)  3 per multiply-accumulate
//   element-wise Add/Sub/Mul, boolean logic            3;  Sum/Mean: inputs + 1
//   rebase (÷2^k with rounding) and constant Div       3–4, plus a remainder range check
//   lookups (Sigmoid, Exp, …)                          2 (input, output)
//   comparisons, Relu, Max/Min, Clip, Abs, Cast        decomp_legs + 3 (decomposition)
//   Softmax 9, LogSoftmax 7; AveragePool kernel + 4; float fallback 2
//   copies (Reshape, Transpose, Gather, …)             0 (copy constraints)
// num_rows = ceil(cells / num_inner_cols). logrows is the smallest k with
// 2^k ≥ max(num_rows, largest lookup/range table) + RESERVED_BLINDING_ROWS: tables are
// counted as one column each (EZKL instead splits large tables over several columns,
// which is why its logrows can be smaller than the table).
//
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
