#pragma once
// table: the model's node table (EZKL's `table`): every input and node with its op, how
// the circuit proves it, its output shape and fixed-point scale.
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
};

struct NodeTable : StepResult {
    std::vector<NodeRow> rows;
    size_t nodes = 0;
    uint64_t estimated_rows = 0;
    uint32_t logrows = 0;
    RunArgs run_args;
};

// `settings` (optional) supplies the scales; EZKL's defaults without it. The model runs
// once in fixed point on placeholder inputs (0.5; 0 for integer inputs).
NodeTable node_table(const std::filesystem::path& model, const std::optional<std::filesystem::path>& settings,
                     ProgressSink& progress);

}  // namespace ps::pipeline
