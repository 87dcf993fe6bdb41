#pragma once
// table: the model's node table (EZKL's `table`): every input and node with its op, how
// the circuit proves it and at what cost in rows, its output shape and fixed-point scale.
#include "core/artifacts/settings.hpp"
#include "core/pipeline/step.hpp"

#include <optional>

namespace ps::pipeline {

struct NodeRow {
    std::string index;            // "in" for model inputs, else the node's position
    std::string name, op;
    std::string proved_by;        // "linear", "lookup", ..., "instance/advice" for inputs
    std::string output_shape;     // "1×10", "?" when the run did not reach the node
    Scale scale = 0;
    std::vector<std::string> inputs;
    std::string rows;             // "arith/lookup/range" rows the circuit spends, or "no gadget"
};

struct NodeTable : StepResult {
    std::vector<NodeRow> rows;
    size_t nodes = 0;
    uint64_t num_rows = 0;        // rows the circuit layout uses (an estimate when unprovable)
    uint32_t logrows = 0;
    std::string unprovable;       // why the model cannot be laid out yet ("" when it can)
    RunArgs run_args;
};

// `settings` (optional) supplies the scales; EZKL's defaults without it. The model runs
// once in fixed point on placeholder inputs (0.5; 0 for integer inputs).
NodeTable node_table(const std::filesystem::path& model, const std::optional<std::filesystem::path>& settings,
                     ProgressSink& progress);
// The same with explicit run_args (Python's table(model, py_run_args)).
NodeTable node_table(const std::filesystem::path& model, const RunArgs& run_args, ProgressSink& progress);

// The table as text, as `proofscope-cli table` prints it and Python's table() returns it.
std::string node_table_text(const NodeTable& table);

}  // namespace ps::pipeline
