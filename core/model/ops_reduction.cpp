// Reductions (ONNX Operators.md: ReduceSum/Mean/Max/Min/Prod/L1/L2/LogSum/LogSumExp/
// SumSquare, ArgMax, ArgMin, CumSum). Axes arrive as an attribute before opset 13
// (ReduceSum) or 18 (the others), as input 1 after; an empty axes list reduces everything
// unless noop_with_empty_axes. Accumulation in double.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

enum class Reduce { Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare };

template <Reduce R>
std::vector<FloatTensor> reduce(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    std::vector<int64_t> axes = call.has(1) ? int_input(call, 1) : call.node.attr_ints("axes");
    const bool keepdims = call.node.attr_int("keepdims", 1) != 0;
    if (axes.empty() && call.node.attr_int("noop_with_empty_axes", 0) != 0) return {x};
    std::vector<bool> reduced(x.rank(), axes.empty());
    for (int64_t a : axes) reduced[normalise_axis(a, x.rank())] = true;

    Shape out_shape, kept_shape;
    for (size_t d = 0; d < x.rank(); ++d) {
        if (reduced[d]) {
            if (keepdims) out_shape.push_back(1);
        } else {
            out_shape.push_back(x.shape[d]);
        }
        kept_shape.push_back(reduced[d] ? 1 : x.shape[d]);
    }
    const size_t n_out = element_count(kept_shape);
    const double init = R == Reduce::Max ? -INFINITY : R == Reduce::Min ? INFINITY : R == Reduce::Prod ? 1.0 : 0.0;
    std::vector<double> acc(n_out, init), max_for_lse(n_out, -INFINITY);
    const std::vector<size_t> kept_strides = strides_of(kept_shape);
    std::vector<int64_t> idx;
    auto target = [&](size_t flat) {
        unravel(flat, x.shape, idx);
        for (size_t d = 0; d < idx.size(); ++d)
            if (reduced[d]) idx[d] = 0;
        return ravel(idx, kept_strides);
    };
    std::vector<size_t> dst(x.size());
    for (size_t i = 0; i < x.size(); ++i) dst[i] = target(i);
    if (R == Reduce::LogSumExp)
        for (size_t i = 0; i < x.size(); ++i) max_for_lse[dst[i]] = std::max<double>(max_for_lse[dst[i]], x.data[i]);
    for (size_t i = 0; i < x.size(); ++i) {
        const double v = x.data[i];
        double& a = acc[dst[i]];
        switch (R) {
        case Reduce::Sum: case Reduce::Mean: case Reduce::LogSum: a += v; break;
        case Reduce::Max: a = std::max(a, v); break;
        case Reduce::Min: a = std::min(a, v); break;
        case Reduce::Prod: a *= v; break;
        case Reduce::L1: a += std::fabs(v); break;
        case Reduce::L2: case Reduce::SumSquare: a += v * v; break;
        case Reduce::LogSumExp: a += std::exp(v - max_for_lse[dst[i]]); break;
        }
    }
    const double count = n_out ? static_cast<double>(x.size()) / static_cast<double>(n_out) : 0.0;
    FloatTensor out(out_shape);
    for (size_t i = 0; i < n_out; ++i) {
        double v = acc[i];
        if (R == Reduce::Mean) v /= count;
        if (R == Reduce::L2) v = std::sqrt(v);
        if (R == Reduce::LogSum) v = std::log(v);
        if (R == Reduce::LogSumExp) v = std::log(v) + max_for_lse[i];
        out.data[i] = static_cast<float>(v);
    }
    return {out};
}

template <bool Max>
std::vector<FloatTensor> arg_extreme(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const size_t axis = normalise_axis(call.node.attr_int("axis", 0), x.rank());
    const bool keepdims = call.node.attr_int("keepdims", 1) != 0, last = call.node.attr_int("select_last_index", 0) != 0;
    const AxisSplit s = split_at_axis(x.shape, axis);
    if (s.length == 0) call.fail("cannot take an arg-extreme over an empty axis");
    Shape shape = x.shape;
    if (keepdims) shape[axis] = 1;
    else shape.erase(shape.begin() + static_cast<std::ptrdiff_t>(axis));
    FloatTensor out(shape);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            size_t best = 0;
            float best_v = x.data[o * s.length * s.inner + in];
            for (size_t k = 1; k < s.length; ++k) {
                const float v = x.data[(o * s.length + k) * s.inner + in];
                const bool better = Max ? (last ? v >= best_v : v > best_v) : (last ? v <= best_v : v < best_v);
                if (better) best = k, best_v = v;
            }
            out.data[o * s.inner + in] = static_cast<float>(best);
        }
    return {out};
}

std::vector<FloatTensor> cum_sum(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const size_t axis = normalise_axis(to_index(scalar_input(call, 1, 0)), x.rank());
    const bool exclusive = call.node.attr_int("exclusive", 0) != 0, reverse = call.node.attr_int("reverse", 0) != 0;
    const AxisSplit s = split_at_axis(x.shape, axis);
    FloatTensor out(x.shape);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            double acc = 0;
            for (size_t step = 0; step < s.length; ++step) {
                const size_t k = reverse ? s.length - 1 - step : step;
                const size_t at = (o * s.length + k) * s.inner + in;
                if (exclusive) {
                    out.data[at] = static_cast<float>(acc);
                    acc += x.data[at];
                } else {
                    acc += x.data[at];
                    out.data[at] = static_cast<float>(acc);
                }
            }
        }
    return {out};
}

}  // namespace

void register_reduction_ops(KernelTable& t) {
    t["ReduceSum"] = &reduce<Reduce::Sum>;
    t["ReduceMean"] = &reduce<Reduce::Mean>;
    t["ReduceMax"] = &reduce<Reduce::Max>;
    t["ReduceMin"] = &reduce<Reduce::Min>;
    t["ReduceProd"] = &reduce<Reduce::Prod>;
    t["ReduceL1"] = &reduce<Reduce::L1>;
    t["ReduceL2"] = &reduce<Reduce::L2>;
    t["ReduceLogSum"] = &reduce<Reduce::LogSum>;
    t["ReduceLogSumExp"] = &reduce<Reduce::LogSumExp>;
    t["ReduceSumSquare"] = &reduce<Reduce::SumSquare>;
    t["ArgMax"] = &arg_extreme<true>;
    t["ArgMin"] = &arg_extreme<false>;
    t["CumSum"] = &cum_sum;
}

}  // namespace ps::model
