#include "core/model/op_registry.hpp"
#include "core/model/executor.hpp"

#include <algorithm>

namespace ps::model {
namespace {

const KernelTable& kernel_table() {
    static const KernelTable table = [] {
        KernelTable t;
        register_elementwise_ops(t);
        register_activation_ops(t);
        register_linear_ops(t);
        register_conv_ops(t);
        register_pooling_ops(t);
        register_normalisation_ops(t);
        register_data_movement_ops(t);
        register_shape_ops(t);
        register_reduction_ops(t);
        register_logic_ops(t);
        register_recurrent_ops(t);
        register_topk_ops(t);
        register_quantisation_ops(t);
        register_loss_ops(t);
        register_detection_ops(t);
        return t;
    }();
    return table;
}

}  // namespace

std::string node_location(const Node& node) {
    return "node '" + node.name + "' (#" + std::to_string(node.index) + ", " + node.op + ")";
}

const FloatTensor& OpCall::in(size_t i) const {
    if (!has(i))
        fail("input " + std::to_string(i) + " is missing",
             "the ONNX operator spec requires it; re-export the model");
    return *inputs[i];
}

Error in_model_file(const Error& e, const Graph& graph) {
    const std::string file = graph.source.filename().string();
    if (file.empty() || e.where().rfind(file, 0) == 0 || e.where().find(file + ":") != std::string::npos) return e;
    return Error(file + ": " + e.where(), e.problem(), e.fix());
}

void OpCall::fail(const std::string& problem, const std::string& fix) const {
    throw Error(node_location(node), problem, fix);
}

const FloatKernel* find_float_kernel(const std::string& op) {
    const KernelTable& t = kernel_table();
    auto it = t.find(op);
    return it == t.end() ? nullptr : &it->second;
}

bool float_op_supported(const std::string& op) { return find_float_kernel(op) != nullptr; }

std::vector<std::string> supported_float_ops() {
    std::vector<std::string> names;
    for (const auto& [name, kernel] : kernel_table()) names.push_back(name);
    return names;  // std::map keeps them sorted
}

}  // namespace ps::model
