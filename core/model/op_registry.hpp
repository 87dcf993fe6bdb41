#pragma once
// op name → float kernel. Each op family (ops_<family>.cpp) contributes its kernels
// through a register_<family>_ops function; op_registry.cpp calls them all once.
#include "core/model/graph.hpp"
#include "core/util/error.hpp"

#include <map>
#include <string>
#include <vector>

namespace ps::model {

// What a kernel sees: the node (attributes), its input values and element types.
struct OpCall {
    const Node& node;
    std::vector<const FloatTensor*> inputs;  // nullptr for omitted optional inputs
    std::vector<DType> input_dtypes;
    std::vector<DType> output_dtypes;
    int64_t opset = 0;

    size_t input_count() const { return inputs.size(); }
    bool has(size_t i) const { return i < inputs.size() && inputs[i] != nullptr; }
    const FloatTensor& in(size_t i) const;  // throws naming the node when input i is missing
    DType in_dtype(size_t i) const { return i < input_dtypes.size() ? input_dtypes[i] : DType::Float; }
    DType out_dtype(size_t i = 0) const { return i < output_dtypes.size() ? output_dtypes[i] : DType::Float; }
    // An error located at this node: "node 'conv1' (#3, Conv): <problem>".
    [[noreturn]] void fail(const std::string& problem, const std::string& fix = {}) const;
};

using FloatKernel = std::vector<FloatTensor> (*)(const OpCall&);
using KernelTable = std::map<std::string, FloatKernel>;

const FloatKernel* find_float_kernel(const std::string& op);
std::string node_location(const Node& node);  // "node 'conv1' (#3, Conv)"
// `e` with the model's file name in front of its place ("network.onnx: node 'conv1' …"),
// so an error from a kernel says which file to look at; unchanged when already there.
Error in_model_file(const Error& e, const Graph& graph);

// One per op family.
void register_elementwise_ops(KernelTable&);
void register_activation_ops(KernelTable&);
void register_linear_ops(KernelTable&);
void register_conv_ops(KernelTable&);
void register_pooling_ops(KernelTable&);
void register_normalisation_ops(KernelTable&);
void register_data_movement_ops(KernelTable&);
void register_shape_ops(KernelTable&);
void register_reduction_ops(KernelTable&);
void register_logic_ops(KernelTable&);
void register_recurrent_ops(KernelTable&);
void register_topk_ops(KernelTable&);
void register_quantisation_ops(KernelTable&);
void register_loss_ops(KernelTable&);
void register_detection_ops(KernelTable&);

}  // namespace ps::model
