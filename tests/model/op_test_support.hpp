#pragma once
// Builds single nodes and runs them through the float executor's kernels, so each op test
// reads as: node, inputs, hand-computed expected output.
#include "core/model/executor.hpp"
#include "core/model/graph.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace ps::model::testing {

inline FloatTensor T(Shape shape, std::vector<float> data) { return FloatTensor(std::move(shape), std::move(data)); }

class NodeBuilder {
public:
    explicit NodeBuilder(std::string op, size_t inputs = 1, size_t outputs = 1) {
        node_.op = op;
        node_.name = op + "_test";
        for (size_t i = 0; i < inputs; ++i) node_.inputs.push_back("in" + std::to_string(i));
        for (size_t i = 0; i < outputs; ++i) node_.outputs.push_back("out" + std::to_string(i));
    }
    NodeBuilder& i(const std::string& k, int64_t v) { return set(k, Attribute::Kind::Int, [&](Attribute& a) { a.i = v; }); }
    NodeBuilder& f(const std::string& k, float v) { return set(k, Attribute::Kind::Float, [&](Attribute& a) { a.f = v; }); }
    NodeBuilder& s(const std::string& k, std::string v) { return set(k, Attribute::Kind::String, [&](Attribute& a) { a.s = v; }); }
    NodeBuilder& ints(const std::string& k, std::vector<int64_t> v) { return set(k, Attribute::Kind::Ints, [&](Attribute& a) { a.ints = v; }); }
    NodeBuilder& floats(const std::string& k, std::vector<float> v) { return set(k, Attribute::Kind::Floats, [&](Attribute& a) { a.floats = v; }); }
    NodeBuilder& strings(const std::string& k, std::vector<std::string> v) { return set(k, Attribute::Kind::Strings, [&](Attribute& a) { a.strings = v; }); }
    NodeBuilder& tensor(const std::string& k, FloatTensor v) { return set(k, Attribute::Kind::Tensor, [&](Attribute& a) { a.tensor = v; }); }
    const Node& node() const { return node_; }

private:
    template <class F>
    NodeBuilder& set(const std::string& k, Attribute::Kind kind, F fill) {
        Attribute a;
        a.kind = kind;
        fill(a);
        node_.attrs[k] = a;
        return *this;
    }
    Node node_;
};

// nullptr-free convenience: every given input present; `missing` positions omitted.
inline std::vector<FloatTensor> run(const NodeBuilder& b, const std::vector<FloatTensor>& inputs, int64_t opset = 17,
                                    std::vector<DType> out_types = {}, std::vector<DType> in_types = {},
                                    std::vector<size_t> missing = {}) {
    std::vector<const FloatTensor*> ptrs;
    for (size_t i = 0; i < inputs.size(); ++i) {
        bool skip = false;
        for (size_t m : missing) skip = skip || m == i;
        ptrs.push_back(skip ? nullptr : &inputs[i]);
    }
    if (in_types.empty()) in_types.assign(inputs.size(), DType::Float);
    if (out_types.empty()) out_types.assign(b.node().outputs.size(), DType::Float);
    return run_float_node(b.node(), ptrs, in_types, out_types, opset);
}

// Empty string when `got` has `shape` and every value within `tol` (absolute + relative).
inline std::string mismatch(const FloatTensor& got, const Shape& shape, const std::vector<float>& expected, double tol = 1e-5) {
    if (got.shape != shape) return "shape " + shape_to_string(got.shape) + ", expected " + shape_to_string(shape);
    if (got.data.size() != expected.size()) return std::to_string(got.data.size()) + " values, expected " + std::to_string(expected.size());
    for (size_t k = 0; k < expected.size(); ++k) {
        const double a = got.data[k], e = expected[k];
        if (std::isnan(e) ? !std::isnan(a) : std::fabs(a - e) > tol * (1.0 + std::fabs(e)))
            return "value " + std::to_string(k) + " = " + std::to_string(a) + ", expected " + std::to_string(e);
    }
    return {};
}

}  // namespace ps::model::testing

#define EXPECT_TENSOR(got, shape, ...)                                                          \
    do {                                                                                        \
        const std::string _m = ps::model::testing::mismatch((got), shape, __VA_ARGS__);       \
        QVERIFY2(_m.empty(), _m.c_str());                                                       \
    } while (0)
