#pragma once
// Runs a graph in fixed point, node by node, producing every value with its scale and
// how it is proved, plus the statistics settings are derived from.
#include "core/util/progress.hpp"
#include "core/witness/fixed_point.hpp"

namespace ps::fixed {

struct FixedRun {
    std::map<std::string, FixedTensor> values;  // inputs and node outputs
    std::vector<ProofKind> node_kinds;          // per graph node
    ExecStats stats;
    std::map<std::string, BoundRecord> bounds;  // per value with a lookup/range bound
};

struct FixedRunOptions {
    bool frozen_params = true;       // false while compiling: parameters are created
    bool stop_on_saturation = true;  // false while planning or calibrating
};

// Scale of model input i: 0 for integer-typed inputs, run_args.input_scale otherwise.
Scale input_scale_of(const model::Graph& graph, size_t i, const RunArgs& args);

// `inputs` are the real input values (flat, one per graph input), checked by the caller.
FixedRun run_fixed(const model::Graph& graph, const RunArgs& args, std::map<std::string, QuantisedTensor>& params,
                   const std::vector<std::vector<double>>& inputs, const FixedRunOptions& options,
                   ProgressSink& progress);

}  // namespace ps::fixed
