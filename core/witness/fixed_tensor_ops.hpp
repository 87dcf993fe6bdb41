#pragma once
// Small integer helpers the fixed-point kernels share: broadcasting element-wise maps
// into i128 accumulators and reductions over axes.
#include "core/model/tensor_index.hpp"
#include "core/witness/fixed_point.hpp"
#include <cmath>
#include <set>

namespace ps::fixed {

using WideTensor = model::Tensor<quant::i128>;

template <class F>
WideTensor zip_wide(const model::IntTensor& a, const model::IntTensor& b, F f) {
    const model::Shape shape = model::broadcast_shapes(a.shape, b.shape);
    WideTensor out(shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    for (size_t i = 0; i < out.size(); ++i) out.data[i] = f(quant::i128(a.data[ma[i]]), quant::i128(b.data[mb[i]]));
    return out;
}

inline WideTensor widen(const model::IntTensor& a) {
    WideTensor out(a.shape);
    for (size_t i = 0; i < a.size(); ++i) out.data[i] = a.data[i];
    return out;
}

// Which output element each input element of `shape` reduces into, for `axes`
// (normalised, empty = all). `out_shape` gets keepdims semantics applied.
struct ReductionPlan {
    model::Shape out_shape;
    std::vector<size_t> target;  // per input flat index
    size_t group = 1;            // inputs per output
};

inline ReductionPlan plan_reduction(const model::Shape& shape, std::vector<int64_t> axes, bool keepdims) {
    std::set<size_t> reduce;
    if (axes.empty())
        for (size_t d = 0; d < shape.size(); ++d) reduce.insert(d);
    for (int64_t a : axes) reduce.insert(model::normalise_axis(a, shape.size()));
    ReductionPlan p;
    model::Shape kept;  // output shape with reduced axes as 1
    for (size_t d = 0; d < shape.size(); ++d) {
        kept.push_back(reduce.count(d) ? 1 : shape[d]);
        if (reduce.count(d)) p.group *= size_t(shape[d]);
        if (!reduce.count(d)) p.out_shape.push_back(shape[d]);
        else if (keepdims) p.out_shape.push_back(1);
    }
    const auto out_strides = model::strides_of(kept);
    const size_t n = model::element_count(shape);
    p.target.resize(n);
    std::vector<int64_t> idx;
    for (size_t i = 0; i < n; ++i) {
        model::unravel(i, shape, idx);
        size_t t = 0;
        for (size_t d = 0; d < shape.size(); ++d) t += reduce.count(d) ? 0 : size_t(idx[d]) * out_strides[d];
        p.target[i] = t;
    }
    return p;
}

// Reduction axes of ReduceX: the `axes` attribute before the opset that moved it to an
// input (13 for ReduceSum, 18 for the others), input 1 after.
inline std::vector<int64_t> reduction_axes(const FixedCall& call) {
    if (call.present(1)) return call.integers(1).data;
    return call.node.attr_ints("axes");
}

// Inference BatchNormalization folded to y = a·x + b per channel, a = γ/√(σ²+ε),
// b = β − μ·a, in float (the kernel and the circuit quantise these same values).
struct FoldedBatchNorm {
    model::FloatTensor a, b;
};
inline FoldedBatchNorm fold_batch_norm(const model::FloatTensor& gamma, const model::FloatTensor& beta,
                                       const model::FloatTensor& mu, const model::FloatTensor& var, double eps) {
    const size_t channels = gamma.size();
    FoldedBatchNorm f{model::FloatTensor({int64_t(channels)}), model::FloatTensor({int64_t(channels)})};
    for (size_t c = 0; c < channels; ++c) {
        const double a = gamma.data[c] / std::sqrt(double(var.data[c]) + eps);
        f.a.data[c] = float(a);
        f.b.data[c] = float(beta.data[c] - mu.data[c] * a);
    }
    return f;
}

}  // namespace ps::fixed
