// Constant folding and shape completion. Folding runs the float executor's own kernels on
// constant inputs, so a folded value is exactly what the executor would have computed.
#include "core/model/executor.hpp"
#include "core/model/graph_passes.hpp"
#include "core/model/op_registry.hpp"

#include <algorithm>
#include <set>

namespace ps::model::detail {
namespace {

// Ops whose output must not be frozen at load time even when their inputs are constant.
bool never_fold(const std::string& op) {
    return op == "RandomNormal" || op == "RandomUniform" || op == "RandomNormalLike" ||
           op == "RandomUniformLike" || op == "Multinomial" || op == "Bernoulli";
}

// Ops whose output shape depends on input values, not just input shapes.
bool data_dependent_shape(const std::string& op) {
    return op == "NonZero" || op == "Unique" || op == "Compress" || op == "NonMaxSuppression" ||
           op == "TopK" /* k may be a runtime input */;
}

bool all_inputs_constant(const Graph& graph, const Node& node) {
    for (const std::string& in : node.inputs)
        if (!in.empty() && !graph.initializers.count(in)) return false;
    return true;
}

void add_constant(Graph& graph, const std::string& name, FloatTensor value, DType type) {
    graph.shapes[name] = value.shape;
    if (type != DType::Undefined) graph.dtypes[name] = type;
    graph.initializers[name] = std::move(value);
}

// Shape of a value whose static shape inference already knows: fold without its data.
bool fold_shape_node(Graph& graph, const Node& node) {
    if (node.inputs.empty()) return false;
    auto it = graph.shapes.find(node.inputs[0]);
    if (it == graph.shapes.end()) return false;
    FloatTensor shape_value;
    shape_value.shape = {static_cast<int64_t>(it->second.size())};
    for (int64_t d : it->second) shape_value.data.push_back(static_cast<float>(d));
    // Shape-15 start/end attributes select a slice of the dims.
    const int64_t rank = static_cast<int64_t>(it->second.size());
    int64_t start = node.attr_int("start", 0), end = node.attr_int("end", rank);
    if (start < 0) start += rank;
    if (end < 0) end += rank;
    start = std::clamp<int64_t>(start, 0, rank);
    end = std::clamp<int64_t>(end, start, rank);
    std::vector<float> sliced(shape_value.data.begin() + start, shape_value.data.begin() + end);
    add_constant(graph, node.outputs[0], FloatTensor({static_cast<int64_t>(sliced.size())}, sliced), DType::Int64);
    return true;
}

void drop_unused_initializers(Graph& graph) {
    std::set<std::string> used;
    for (const Node& n : graph.nodes) used.insert(n.inputs.begin(), n.inputs.end());
    for (const ValueInfo& o : graph.outputs) used.insert(o.name);
    for (auto it = graph.initializers.begin(); it != graph.initializers.end();)
        it = used.count(it->first) ? std::next(it) : graph.initializers.erase(it);
}

}  // namespace

void renumber(Graph& graph) {
    for (size_t i = 0; i < graph.nodes.size(); ++i) graph.nodes[i].index = i;
}

void fold_constants(Graph& graph) {
    std::vector<Node> kept;
    for (Node& node : graph.nodes) {
        bool folded = false;
        if (node.op == "Shape") {
            folded = fold_shape_node(graph, node);
        } else if (!never_fold(node.op) && float_op_supported(node.op) && all_inputs_constant(graph, node)) {
            std::vector<const FloatTensor*> args;
            std::vector<DType> in_types, out_types;
            for (const std::string& in : node.inputs) {
                args.push_back(in.empty() ? nullptr : &graph.initializers.at(in));
                in_types.push_back(graph.dtype_of(in));
            }
            for (const std::string& out : node.outputs) out_types.push_back(graph.dtype_of(out));
            std::vector<FloatTensor> outs = run_float_node(node, args, in_types, out_types, graph.opset);
            for (size_t i = 0; i < outs.size() && i < node.outputs.size(); ++i)
                if (!node.outputs[i].empty())
                    add_constant(graph, node.outputs[i], std::move(outs[i]), out_types[i]);
            folded = true;
        }
        if (!folded) kept.push_back(std::move(node));
    }
    graph.nodes = std::move(kept);
    renumber(graph);
    drop_unused_initializers(graph);
    for (ValueInfo& o : graph.outputs)
        if (o.shape.empty() && graph.shapes.count(o.name)) o.shape = graph.shapes[o.name];
}

void complete_shapes(Graph& graph) {
    bool missing = false;
    for (const Node& n : graph.nodes)
        for (const std::string& o : n.outputs)
            if (!o.empty() && !graph.shapes.count(o)) missing = true;
    if (!missing) return;

    std::set<std::string> data_dependent;
    for (const Node& n : graph.nodes) {
        bool tainted = data_dependent_shape(n.op);
        for (const std::string& in : n.inputs) tainted = tainted || data_dependent.count(in);
        if (tainted) data_dependent.insert(n.outputs.begin(), n.outputs.end());
    }
    std::vector<FloatTensor> zeros;
    for (const ValueInfo& in : graph.inputs) zeros.emplace_back(in.shape, 0.0f);
    std::map<std::string, FloatTensor> values;
    try {
        values = run_float(graph, zeros);
    } catch (const std::exception&) {
        return;  // an op the executor lacks or rejects: shapes stay as inference left them
    }
    for (const auto& [name, value] : values)
        if (!graph.shapes.count(name) && !data_dependent.count(name)) graph.shapes[name] = value.shape;
    for (ValueInfo& o : graph.outputs)
        if (graph.shapes.count(o.name)) o.shape = graph.shapes[o.name];
}

}  // namespace ps::model::detail
