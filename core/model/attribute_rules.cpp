// Rules from the ONNX operator specification (onnx/docs/Operators.md), per attribute name:
// the names below mean the same thing in every default-domain op that has them, so one
// table covers Conv, ConvTranspose, ConvInteger, QLinearConv, DeformConv, the pools, Col2Im
// and MaxUnpool alike.
#include "core/model/attribute_rules.hpp"
#include "core/model/op_registry.hpp"
#include "core/model/tensor_limits.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <set>

namespace ps::model {
namespace {

// Geometry values beyond 2^31 exist in no real model; bounding them keeps products such as
// dilation·(kernel − 1) and output·stride far from int64 overflow.
constexpr int64_t kGeometryBound = int64_t(1) << 31;

struct Rule {
    const char* attribute;
    int64_t min;         // smallest allowed value
    const char* reason;  // the spec's wording, for the message
};

// kernel_shape, strides, dilations divide or size the window; group and blocksize divide
// channels; hidden_size, size and num_outputs size outputs.
constexpr Rule kRules[] = {
    {"strides", 1, "every stride must be at least 1"},
    {"dilations", 1, "every dilation must be at least 1"},
    {"kernel_shape", 1, "every kernel dimension must be at least 1"},
    {"pads", 0, "pads must be non-negative"},
    {"output_padding", 0, "output_padding must be non-negative"},
    {"output_shape", 0, "output_shape must be non-negative"},
    {"group", 1, "group must be at least 1"},
    {"blocksize", 1, "blocksize must be at least 1"},
    {"block_size", 0, "block_size must be non-negative"},
    {"hidden_size", 1, "hidden_size must be at least 1"},
    {"size", 1, "size must be at least 1"},
    {"num_outputs", 1, "num_outputs must be at least 1"},
    {"output_height", 1, "output_height must be at least 1"},
    {"output_width", 1, "output_width must be at least 1"},
    {"p", 1, "p must be at least 1"},
};

std::string ints_text(const std::vector<int64_t>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size() && i < 8; ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + (v.size() > 8 ? ", ...]" : "]");
}

// Ops whose attribute of a rule's name means something else.
bool exempt(const std::string& op, const std::string& attribute) {
    if (attribute == "pads") return op == "Pad";  // Pad-2's pads may crop (negative)
    if (attribute == "size") return op != "LRN";
    if (attribute == "p") return op != "LpPool" && op != "LpNormalization";
    return false;
}

void check_rule(const Node& node, const Rule& rule, const std::string& where) {
    auto it = node.attrs.find(rule.attribute);
    if (it == node.attrs.end() || exempt(node.op, rule.attribute)) return;
    const Attribute& a = it->second;
    std::vector<int64_t> values;
    if (a.kind == Attribute::Kind::Int) values = {a.i};
    else if (a.kind == Attribute::Kind::Ints) values = a.ints;
    else return;  // a wrongly typed attribute reads as its default in the kernels
    for (int64_t v : values)
        if (v < rule.min || v > kGeometryBound)
            throw Error(where + ": attribute '" + rule.attribute + "'",
                        "= " + (a.kind == Attribute::Kind::Int ? std::to_string(a.i) : ints_text(values)) + ": " +
                            rule.reason + " and at most 2^31 (ONNX " + node.op + ")",
                        "the model file is corrupt or crafted; re-export it");
}

// Transpose's perm is a permutation of 0 … n−1 (n = its length; the kernel checks n
// against the input's rank). Reduce/Squeeze/Unsqueeze axes name each axis once.
void check_axes(const Node& node, const std::string& where) {
    if (auto it = node.attrs.find("perm"); it != node.attrs.end() && it->second.kind == Attribute::Kind::Ints) {
        const auto& perm = it->second.ints;
        std::vector<bool> seen(perm.size(), false);
        for (int64_t p : perm) {
            if (p < 0 || p >= int64_t(perm.size()) || seen[size_t(p)])
                throw Error(where + ": attribute 'perm'",
                            "= " + ints_text(perm) + " is not a permutation of 0.." + std::to_string(perm.size()) +
                                " (ONNX " + node.op + ": each axis exactly once)",
                            "the model file is corrupt or crafted; re-export it");
            seen[size_t(p)] = true;
        }
    }
    if (auto it = node.attrs.find("axes"); it != node.attrs.end() && it->second.kind == Attribute::Kind::Ints) {
        const auto& axes = it->second.ints;
        if (std::set<int64_t>(axes.begin(), axes.end()).size() != axes.size())
            throw Error(where + ": attribute 'axes'", "= " + ints_text(axes) + " repeats an axis (ONNX " + node.op + ")",
                        "the model file is corrupt or crafted; re-export it");
    }
}

}  // namespace

void check_node_attributes(const Node& node, const std::string& where) {
    for (const Rule& rule : kRules) check_rule(node, rule, where);
    check_axes(node, where);
    for (const auto& [key, a] : node.attrs)
        if (a.kind == Attribute::Kind::Tensor)
            check_declared_shape(a.tensor.shape, where + ": attribute '" + key + "' shape");
}

void check_graph(const Graph& graph, const std::string& file) {
    for (const Node& n : graph.nodes) check_node_attributes(n, file + ": " + node_location(n));
    for (const ValueInfo& v : graph.inputs) check_declared_shape(v.shape, file + ": input '" + v.name + "' shape");
    for (const ValueInfo& v : graph.outputs) check_declared_shape(v.shape, file + ": output '" + v.name + "' shape");
    for (const auto& [name, t] : graph.initializers)
        check_declared_shape(t.shape, file + ": initializer '" + name + "' shape");
    for (const auto& [name, s] : graph.shapes) check_declared_shape(s, file + ": value '" + name + "' shape");
}

}  // namespace ps::model
