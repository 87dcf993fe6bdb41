#pragma once
// From a graph and run_args to settings.json and network.ezkl: the model is run once in
// fixed point (on the calibration input when given, else on placeholder inputs) to fix
// every value's scale, quantise the parameters and count what the circuit will hold.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/witness/fixed_point.hpp"
#include <string>

namespace ps {

struct CircuitPlan {
    Settings settings;        // with every computed field filled in
    CompiledCircuit circuit;  // graph, value scales, quantised params (settings = above)
    fixed::ExecStats stats;
    uint32_t minimum_logrows = 0;    // the smallest logrows the layout fits in
    uint32_t preferred_logrows = 0;  // what gen-settings writes (≥ minimum; see preferred_k)
    std::string unprovable;  // why the model cannot be proved yet ("" when it can)
};

// num_rows is the rows the circuit layout (model_layout.hpp) uses: the longest of its
// arithmetic, lookup and range blocks, its range table and its public values; logrows the
// smallest k whose usable rows (2^k minus the blinding rows) hold them, or a larger k
// when the cost model of CircuitBuilder::preferred_k finds the function tables' chunks
// cheaper there. Function tables are split over chunks of columns and never force k. A model with an
// op no gadget proves yet (plan.unprovable says which) falls back to the executor's
// cell count (FixedCall::add_cells / num_inner_cols), which only sizes its witness.
inline constexpr uint64_t RESERVED_BLINDING_ROWS = 8;  // the fallback's blinding margin

// Plans the circuit. When `logrows_fixed` is false, run_args.logrows is replaced by the
// smallest that fits; otherwise a too-small logrows is an error with the needed value.
// `sample` (optional) is a representative input; placeholders (0.5, 0 for integer
// inputs) are used without it.
CircuitPlan plan_circuit(const model::Graph& graph, const RunArgs& args, bool logrows_fixed,
                         const InputData* sample = nullptr);

// compile-circuit: the plan for `settings`, which must be the settings this build
// derives for the model (else an error says which field differs).
CompiledCircuit compile_circuit(const model::Graph& graph, const Settings& settings, const std::string& settings_file);

}  // namespace ps
