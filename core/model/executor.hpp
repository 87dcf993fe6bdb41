#pragma once
// The float reference executor: runs a Graph on float inputs and returns every value, so
// the per-layer trace can show the float reference of each node output. Kernels compute
// in double where accumulation matters (matmul, conv, reductions) and store float.
#include "core/model/graph.hpp"
#include "core/util/progress.hpp"

#include <map>
#include <string>
#include <vector>

namespace ps::model {

// `inputs` in Graph::inputs order. A tensor whose element count matches the declared
// input takes the declared shape (EZKL's input.json is flat). Returns the runtime inputs,
// every node output and every graph output (also when it is a folded constant).
// Throws ps::Error naming the input (count mismatch) or the node (unsupported op, bad
// attribute, shape mismatch).
std::map<std::string, FloatTensor> run_float(const Graph& graph, const std::vector<FloatTensor>& inputs);
// The same, as a stage "float reference" with one unit per node; checks for cancellation
// between nodes (throws ps::Cancelled).
std::map<std::string, FloatTensor> run_float(const Graph& graph, const std::vector<FloatTensor>& inputs, ProgressSink& progress);

// Runs one node on the given input values (nullptr for an omitted optional input).
// `dtypes` supplies element types of inputs/outputs (integer Div, Cast); opset selects
// attribute-vs-input forms. Used by constant folding and by tests.
std::vector<FloatTensor> run_float_node(const Node& node, const std::vector<const FloatTensor*>& inputs,
                                        const std::vector<DType>& input_dtypes,
                                        const std::vector<DType>& output_dtypes, int64_t opset);

bool float_op_supported(const std::string& op);
std::vector<std::string> supported_float_ops();  // sorted

}  // namespace ps::model
