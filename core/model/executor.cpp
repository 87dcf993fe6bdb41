// Runs the graph node by node in its (topological) order.
#include "core/model/executor.hpp"
#include "core/model/float_kernels.hpp"

#include <exception>
#include <stdexcept>

namespace ps::model {

std::vector<FloatTensor> run_float_node(const Node& node, const std::vector<const FloatTensor*>& inputs,
                                        const std::vector<DType>& input_dtypes,
                                        const std::vector<DType>& output_dtypes, int64_t opset) {
    const FloatKernel* kernel = find_float_kernel(node.op);
    if (!kernel)
        throw Error(node_location(node), "op '" + node.op + "' is not supported by the float executor",
                    "replace it in the exporter or open an issue with the model attached");
    OpCall call{node, inputs, input_dtypes, output_dtypes, opset};
    std::vector<FloatTensor> outputs;
    try {
        outputs = (*kernel)(call);
    } catch (const Error&) {
        throw;
    } catch (const std::invalid_argument& e) {  // shape/attribute problems from the templates
        call.fail(e.what(), "check the node's attributes and input shapes against the ONNX operator spec");
    } catch (const std::exception& e) {
        call.fail(std::string("kernel failed: ") + e.what());
    }
    if (outputs.size() < node.outputs.size()) {
        // Optional trailing outputs a kernel does not produce stay absent only if unnamed.
        for (size_t i = outputs.size(); i < node.outputs.size(); ++i)
            if (!node.outputs[i].empty())
                call.fail("produces " + std::to_string(outputs.size()) + " outputs, the model uses output " +
                              std::to_string(i),
                          "this optional output is not implemented");
    }
    for (size_t i = 0; i < outputs.size(); ++i)
        if (outputs[i].data.size() != element_count(outputs[i].shape))
            call.fail("internal: output " + std::to_string(i) + " has " + std::to_string(outputs[i].data.size()) +
                      " values for shape " + shape_to_string(outputs[i].shape));
    return outputs;
}

std::map<std::string, FloatTensor> run_float(const Graph& graph, const std::vector<FloatTensor>& inputs) {
    NullProgress quiet;
    return run_float(graph, inputs, quiet);
}

std::map<std::string, FloatTensor> run_float(const Graph& graph, const std::vector<FloatTensor>& inputs, ProgressSink& progress) {
    const std::string where = graph.source.filename().string().empty() ? "model" : graph.source.filename().string();
    if (inputs.size() != graph.inputs.size())
        throw Error(where, "the model has " + std::to_string(graph.inputs.size()) + " inputs, found " +
                               std::to_string(inputs.size()) + " input arrays",
                    "give one array per model input in input.json's input_data");

    std::map<std::string, FloatTensor> values;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const ValueInfo& info = graph.inputs[i];
        FloatTensor t = inputs[i];
        const size_t expected = element_count(info.shape);
        if (t.data.size() != expected)
            throw Error(where + ": input " + std::to_string(i) + " ('" + info.name + "')",
                        "expects " + shape_to_string(info.shape) + " = " + std::to_string(expected) +
                            " values, found " + std::to_string(t.data.size()),
                        "check input.json against the model's input shape");
        t.shape = info.shape;
        if (is_integer(info.dtype))  // input.json carries numbers; an int64/bool input takes their integer part
            for (float& v : t.data) v = static_cast<float>(to_dtype(v, info.dtype));
        values[info.name] = std::move(t);
    }

    auto lookup = [&](const std::string& name) -> const FloatTensor* {
        if (name.empty()) return nullptr;
        if (auto it = values.find(name); it != values.end()) return &it->second;
        if (auto it = graph.initializers.find(name); it != graph.initializers.end()) return &it->second;
        return nullptr;
    };

    ProgressStage stage(progress, "float reference", graph.nodes.size());
    for (const Node& node : graph.nodes) {
        throw_if_cancelled(progress);
        std::vector<const FloatTensor*> args;
        std::vector<DType> in_types, out_types;
        for (const std::string& name : node.inputs) {
            const FloatTensor* t = lookup(name);
            if (!name.empty() && !t)
                throw Error(node_location(node), "input '" + name + "' has no value",
                            "the graph is not in topological order or references a missing tensor");
            args.push_back(t);
            in_types.push_back(graph.dtype_of(name));
        }
        for (const std::string& name : node.outputs) out_types.push_back(graph.dtype_of(name));
        std::vector<FloatTensor> outs;
        try {
            outs = run_float_node(node, args, in_types, out_types, graph.opset);
        } catch (const Error& e) {
            throw in_model_file(e, graph);
        }
        for (size_t i = 0; i < outs.size() && i < node.outputs.size(); ++i)
            if (!node.outputs[i].empty()) values[node.outputs[i]] = std::move(outs[i]);
        stage.advance(node.index + 1);
    }
    for (const ValueInfo& out : graph.outputs)
        if (!values.count(out.name))
            if (auto it = graph.initializers.find(out.name); it != graph.initializers.end())
                values[out.name] = it->second;
    return values;
}

}  // namespace ps::model
