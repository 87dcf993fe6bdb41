#pragma once
// Builds small graph IRs by hand for fixed-point tests (no ONNX file needed).
#include "core/model/graph.hpp"
#include <string>
#include <vector>

namespace ps::test {

struct GraphBuilder {
    model::Graph g;

    GraphBuilder() { g.opset = 17; }
    GraphBuilder& input(const std::string& name, model::Shape shape, model::DType t = model::DType::Float) {
        g.inputs.push_back({name, shape, t});
        g.shapes[name] = shape;
        g.dtypes[name] = t;
        return *this;
    }
    GraphBuilder& init(const std::string& name, model::Shape shape, std::vector<float> values,
                       model::DType t = model::DType::Float) {
        g.initializers[name] = model::FloatTensor(shape, std::move(values));
        g.shapes[name] = shape;
        g.dtypes[name] = t;
        return *this;
    }
    GraphBuilder& node(const std::string& op, std::vector<std::string> inputs, std::vector<std::string> outputs,
                       std::map<std::string, model::Attribute> attrs = {}) {
        model::Node n;
        n.index = g.nodes.size();
        n.name = op + "_" + std::to_string(n.index);
        n.op = op;
        n.inputs = std::move(inputs);
        n.outputs = std::move(outputs);
        n.attrs = std::move(attrs);
        for (const auto& o : n.outputs) g.dtypes[o] = model::DType::Float;
        g.nodes.push_back(std::move(n));
        return *this;
    }
    GraphBuilder& output(const std::string& name, model::Shape shape = {}) {
        g.outputs.push_back({name, shape, model::DType::Float});
        if (!shape.empty()) g.shapes[name] = shape;
        return *this;
    }
};

inline model::Attribute int_attr(int64_t v) {
    model::Attribute a;
    a.kind = model::Attribute::Kind::Int;
    a.i = v;
    return a;
}
inline model::Attribute ints_attr(std::vector<int64_t> v) {
    model::Attribute a;
    a.kind = model::Attribute::Kind::Ints;
    a.ints = std::move(v);
    return a;
}
inline model::Attribute float_attr(float v) {
    model::Attribute a;
    a.kind = model::Attribute::Kind::Float;
    a.f = v;
    return a;
}

}  // namespace ps::test
