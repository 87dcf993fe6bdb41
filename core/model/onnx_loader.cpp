// ONNX → Graph: parse with the real protobuf classes, resolve symbolic dimensions to 1 (as
// EZKL does for the batch), run ONNX shape inference, convert nodes, attributes and
// initialisers, fold constants.
#include "core/model/attribute_rules.hpp"
#include "core/model/executor.hpp"
#include "core/model/graph_passes.hpp"
#include "core/model/onnx_proto.hpp"
#include "core/model/op_registry.hpp"
#include "core/model/tensor_limits.hpp"
#include "core/util/error.hpp"

#include <onnx/shape_inference/implementation.h>

#include <fstream>
#include <set>

namespace ps::model {
namespace {

// A negative dim_value is not symbolic but invalid (onnx.proto: dim_value >= 0); an input's
// declared size is checked before inference so nothing downstream multiplies past 2^64.
void resolve_symbolic_dims(onnx::ValueInfoProto& value, const std::string& file) {
    if (!value.type().has_tensor_type() || !value.type().tensor_type().has_shape()) return;
    auto* shape = value.mutable_type()->mutable_tensor_type()->mutable_shape();
    Shape declared;
    for (auto& dim : *shape->mutable_dim()) {
        if (!dim.has_dim_value()) dim.set_dim_value(1);
        declared.push_back(dim.dim_value());
    }
    check_declared_shape(declared, file + ": input '" + value.name() + "' shape");
}

void forget_symbolic_shape(onnx::ValueInfoProto& value) {
    if (!value.type().has_tensor_type() || !value.type().tensor_type().has_shape()) return;
    for (const auto& dim : value.type().tensor_type().shape().dim())
        if (!dim.has_dim_value() || dim.dim_value() < 0) {
            value.mutable_type()->mutable_tensor_type()->clear_shape();
            return;
        }
}

int64_t default_opset(const onnx::ModelProto& model) {
    for (const auto& op : model.opset_import())
        if (op.domain().empty() || op.domain() == "ai.onnx") return op.version();
    return 0;
}

// Shape inference fills value_info; data propagation lets Shape→Reshape chains resolve.
// A model the inference rejects still loads: the executor computes shapes at run time.
void infer_shapes(onnx::ModelProto& model) {
    try {
        onnx::ShapeInferenceOptions options(false, 0, true);
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(), options);
        return;
    } catch (const std::exception&) {
    }
    try {
        onnx::shape_inference::InferShapes(model);
    } catch (const std::exception&) {
    }
}

bool static_shape(const onnx::TypeProto& type, Shape& out) {
    if (!type.has_tensor_type() || !type.tensor_type().has_shape()) return false;
    out.clear();
    for (const auto& dim : type.tensor_type().shape().dim()) {
        if (!dim.has_dim_value()) return false;
        out.push_back(dim.dim_value());
    }
    return true;
}

void record_value_info(Graph& graph, const onnx::ValueInfoProto& v) {
    Shape s;
    if (static_shape(v.type(), s)) graph.shapes[v.name()] = s;
    if (v.type().has_tensor_type()) {
        DType t = detail::dtype_from_proto(v.type().tensor_type().elem_type());
        if (t != DType::Undefined) graph.dtypes[v.name()] = t;
    }
}

Attribute convert_attribute(const onnx::AttributeProto& a, const std::string& where) {
    Attribute out;
    switch (a.type()) {
    case onnx::AttributeProto::INT: out.kind = Attribute::Kind::Int; out.i = a.i(); break;
    case onnx::AttributeProto::FLOAT: out.kind = Attribute::Kind::Float; out.f = a.f(); break;
    case onnx::AttributeProto::STRING: out.kind = Attribute::Kind::String; out.s = a.s(); break;
    case onnx::AttributeProto::INTS:
        out.kind = Attribute::Kind::Ints;
        out.ints.assign(a.ints().begin(), a.ints().end());
        break;
    case onnx::AttributeProto::FLOATS:
        out.kind = Attribute::Kind::Floats;
        out.floats.assign(a.floats().begin(), a.floats().end());
        break;
    case onnx::AttributeProto::STRINGS:
        out.kind = Attribute::Kind::Strings;
        out.strings.assign(a.strings().begin(), a.strings().end());
        break;
    case onnx::AttributeProto::TENSOR:
        out.kind = Attribute::Kind::Tensor;
        out.tensor = detail::tensor_from_proto(a.t(), where + ": attribute '" + a.name() + "'");
        out.tensor_dtype = detail::dtype_from_proto(a.t().data_type());
        break;
    case onnx::AttributeProto::GRAPH:
        out.kind = Attribute::Kind::Graph;  // subgraphs (If/Loop/Scan) are not executed
        break;
    default:
        // Sparse tensors and type protos: keep the kind as a marker; no supported op uses them.
        out.kind = Attribute::Kind::Graph;
        break;
    }
    return out;
}

// A NodeProto as a graph node: name, op, edges and converted (not yet checked) attributes.
Node node_from_proto(const onnx::NodeProto& n, size_t i, const std::string& file) {
    Node node;
    node.index = i;
    node.op = n.domain().empty() || n.domain() == "ai.onnx" ? n.op_type() : n.domain() + "." + n.op_type();
    node.name = n.name().empty() ? n.op_type() + "_" + std::to_string(i) : n.name();
    node.inputs.assign(n.input().begin(), n.input().end());
    node.outputs.assign(n.output().begin(), n.output().end());
    for (const auto& a : n.attribute()) node.attrs[a.name()] = convert_attribute(a, file + ": " + node_location(node));
    return node;
}

Graph build_graph(const onnx::ModelProto& model, const std::filesystem::path& path) {
    const std::string file = path.string();
    const onnx::GraphProto& g = model.graph();
    Graph graph;
    graph.source = path;
    graph.opset = default_opset(model);

    for (const auto& init : g.initializer()) {
        graph.initializers[init.name()] = detail::tensor_from_proto(init, file + ": initializer '" + init.name() + "'");
        graph.shapes[init.name()] = graph.initializers[init.name()].shape;
        DType t = detail::dtype_from_proto(init.data_type());
        if (t != DType::Undefined) graph.dtypes[init.name()] = t;
    }
    for (const auto& v : g.value_info()) record_value_info(graph, v);
    for (const auto& v : g.output()) record_value_info(graph, v);
    for (const auto& v : g.input()) {
        record_value_info(graph, v);
        if (graph.initializers.count(v.name())) continue;  // IR < 4 lists weights as inputs
        if (!v.type().has_tensor_type())
            throw Error(file + ": input '" + v.name() + "'", "is a sequence, map or optional value; only tensor inputs are supported",
                        "export the model with plain tensor inputs");
        ValueInfo info{v.name(), graph.shapes.count(v.name()) ? graph.shapes[v.name()] : Shape{},
                       graph.dtype_of(v.name())};
        if (!graph.shapes.count(v.name()))
            throw Error(file + ": input '" + v.name() + "'", "has no static shape after resolving symbolic dims",
                        "export the model with a fixed input shape");
        graph.inputs.push_back(info);
    }
    for (const auto& v : g.output()) {
        ValueInfo info{v.name(), graph.shapes.count(v.name()) ? graph.shapes[v.name()] : Shape{},
                       graph.dtype_of(v.name())};
        graph.outputs.push_back(info);
    }
    for (int i = 0; i < g.node_size(); ++i) graph.nodes.push_back(node_from_proto(g.node(i), size_t(i), file));
    return graph;
}

// Before shape inference: libonnx's inference divides by strides, dilations and groups
// itself, so a crafted attribute must be refused before the model reaches it.
void check_proto_attributes(const onnx::GraphProto& g, const std::string& file) {
    for (int i = 0; i < g.node_size(); ++i) {
        const Node node = node_from_proto(g.node(i), size_t(i), file);
        check_node_attributes(node, file + ": " + node_location(node));
    }
}

// ONNX requires nodes in topological order; check it so the executor can rely on it.
void check_topological(const Graph& graph) {
    std::set<std::string> known;
    for (const auto& v : graph.inputs) known.insert(v.name);
    for (const auto& [name, t] : graph.initializers) known.insert(name);
    for (const Node& n : graph.nodes) {
        for (const std::string& in : n.inputs)
            if (!in.empty() && !known.count(in))
                throw Error(graph.source.string() + ": " + node_location(n),
                            "input '" + in + "' is produced by no earlier node, input or initializer",
                            "the model is not topologically sorted; re-export it");
        for (const std::string& out : n.outputs) known.insert(out);
    }
}

}  // namespace

std::vector<std::string> unsupported_nodes(const Graph& graph) {
    std::vector<std::string> out;
    for (const Node& n : graph.nodes)
        if (!float_op_supported(n.op)) out.push_back("node '" + n.name + "' (#" + std::to_string(n.index) + "): " + n.op);
    return out;
}

Graph load_onnx(const std::filesystem::path& path, const LoadOptions& options) {
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(file, "cannot open the model file", "check the path (-M network.onnx)");
    onnx::ModelProto model;
    if (!model.ParseFromIstream(&in))
        throw Error(file, "not a valid ONNX model (protobuf parse failed)", "export the model with torch.onnx.export or tf2onnx");
    if (!model.has_graph()) throw Error(file, "the model has no graph", "re-export the model");

    auto* g = model.mutable_graph();
    check_proto_attributes(*g, file);
    for (auto& v : *g->mutable_input()) resolve_symbolic_dims(v, file);
    // Symbolic dims elsewhere are forgotten rather than guessed: inference recomputes them
    // from the now concrete inputs (setting them to 1 could contradict it).
    for (auto& v : *g->mutable_output()) forget_symbolic_shape(v);
    for (auto& v : *g->mutable_value_info()) forget_symbolic_shape(v);
    infer_shapes(model);

    Graph graph = build_graph(model, path);
    check_graph(graph, file);
    check_topological(graph);

    if (options.reject_unsupported) {
        for (const Node& n : graph.nodes)
            if (!float_op_supported(n.op))
                throw Error(file + ": " + node_location(n), "op '" + n.op + "' is not supported",
                            "replace it in the exporter (see docs/CORPUS.md for the supported ops)");
    }
    if (options.fold_constants) detail::fold_constants(graph);
    detail::complete_shapes(graph);
    check_graph(graph, file);  // folding and completion add shapes computed from the file's values
    return graph;
}

}  // namespace ps::model
