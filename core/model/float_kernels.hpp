#pragma once
// Helpers for float kernels: element-wise maps with broadcasting (computed in double,
// stored as float) and ONNX integer semantics for integer-typed results.
#include "core/model/op_registry.hpp"
#include "core/model/tensor_index.hpp"

#include <cmath>

namespace ps::model {

// A value stored as float but typed as an ONNX integer type: truncate toward zero as
// C++ conversion (and ONNX Runtime) does; bool is 0/1.
inline double to_dtype(double v, DType t) {
    if (t == DType::Bool) return v != 0.0 ? 1.0 : 0.0;
    if (is_integer(t)) return std::isfinite(v) ? std::trunc(v) : 0.0;
    return v;
}

template <class F>
FloatTensor map_unary(const FloatTensor& x, F f) {
    FloatTensor out;
    out.shape = x.shape;
    out.data.resize(x.size());
    for (size_t i = 0; i < x.size(); ++i) out.data[i] = static_cast<float>(f(static_cast<double>(x.data[i])));
    return out;
}

template <class F>
FloatTensor map_binary(const FloatTensor& a, const FloatTensor& b, F f) {
    const Shape shape = broadcast_shapes(a.shape, b.shape);
    FloatTensor out(shape);
    if (a.shape == shape && b.shape == shape) {
        for (size_t i = 0; i < out.size(); ++i)
            out.data[i] = static_cast<float>(f(static_cast<double>(a.data[i]), static_cast<double>(b.data[i])));
        return out;
    }
    const std::vector<size_t> ma = broadcast_map(a.shape, shape), mb = broadcast_map(b.shape, shape);
    for (size_t i = 0; i < out.size(); ++i)
        out.data[i] = static_cast<float>(f(static_cast<double>(a.data[ma[i]]), static_cast<double>(b.data[mb[i]])));
    return out;
}

// Variadic ops (Sum, Max, Min, Mean): fold the inputs pairwise with broadcasting.
template <class F>
FloatTensor fold_variadic(const OpCall& call, F f) {
    FloatTensor acc = call.in(0);
    for (size_t i = 1; i < call.input_count(); ++i)
        if (call.has(i)) acc = map_binary(acc, *call.inputs[i], f);
    return acc;
}

// Index-like input (axes, shape, k) as integers; empty when the input is omitted.
inline std::vector<int64_t> int_input(const OpCall& call, size_t i) {
    return call.has(i) ? to_ints(*call.inputs[i]) : std::vector<int64_t>{};
}

inline float scalar_input(const OpCall& call, size_t i, float fallback) {
    return call.has(i) && call.inputs[i]->size() ? call.inputs[i]->data[0] : fallback;
}

// numpy.matmul with batch broadcasting (ops_linear.cpp).
FloatTensor matmul(const FloatTensor& a, const FloatTensor& b);
// Conv with the node's attributes on explicit operands (ops_conv.cpp); bias may be null.
std::vector<FloatTensor> conv_with_inputs(const OpCall& call, const FloatTensor& x, const FloatTensor& w, const FloatTensor* bias);

}  // namespace ps::model
