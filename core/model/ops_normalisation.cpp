// Normalisation layers in inference form (ONNX Operators.md: BatchNormalization,
// InstanceNormalization, LayerNormalization, LpNormalization, MeanVarianceNormalization).
// Statistics accumulate in double.
#include "core/model/float_kernels.hpp"

namespace ps::model {
namespace {

// Y = (X − mean) / sqrt(var + ε) · scale + B, per channel (axis 1), running statistics.
std::vector<FloatTensor> batch_norm(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor &scale = call.in(1), &bias = call.in(2), &mean = call.in(3), &var = call.in(4);
    if (call.node.attr_int("training_mode", 0) != 0) call.fail("training_mode = 1 is not supported", "export the model in eval() mode");
    const double eps = call.node.attr_float("epsilon", 1e-5f);
    const size_t c = x.rank() > 1 ? static_cast<size_t>(x.shape[1]) : 1;
    const size_t n = x.rank() ? static_cast<size_t>(x.shape[0]) : 1;
    const size_t inner = c && n ? x.size() / (c * n) : 0;
    if (scale.size() != c || bias.size() != c || mean.size() != c || var.size() != c)
        call.fail("scale/B/mean/var must hold " + std::to_string(c) + " values (one per channel)");
    FloatTensor y(x.shape);
    for (size_t b = 0; b < n; ++b)
        for (size_t ch = 0; ch < c; ++ch) {
            const double mul = scale.data[ch] / std::sqrt(static_cast<double>(var.data[ch]) + eps);
            const double add = bias.data[ch] - mean.data[ch] * mul;
            for (size_t i = 0; i < inner; ++i) {
                const size_t at = (b * c + ch) * inner + i;
                y.data[at] = static_cast<float>(x.data[at] * mul + add);
            }
        }
    return {y};
}

// Normalises each of `groups` contiguous blocks of `block` values: (v − μ)/sqrt(σ² + ε).
// Returns per-block mean and 1/sqrt(σ² + ε).
std::pair<std::vector<double>, std::vector<double>> normalise_blocks(const FloatTensor& x, FloatTensor& y, size_t block, double eps) {
    const size_t groups = block ? x.size() / block : 0;
    std::vector<double> means(groups), inv_std(groups);
    for (size_t g = 0; g < groups; ++g) {
        const float* p = x.data.data() + g * block;
        double sum = 0;
        for (size_t i = 0; i < block; ++i) sum += p[i];
        const double mu = sum / static_cast<double>(block);
        double sq = 0;
        for (size_t i = 0; i < block; ++i) sq += (p[i] - mu) * (p[i] - mu);
        const double inv = 1.0 / std::sqrt(sq / static_cast<double>(block) + eps);
        for (size_t i = 0; i < block; ++i) y.data[g * block + i] = static_cast<float>((p[i] - mu) * inv);
        means[g] = mu;
        inv_std[g] = inv;
    }
    return {means, inv_std};
}

std::vector<FloatTensor> instance_norm(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const FloatTensor &scale = call.in(1), &bias = call.in(2);
    if (x.rank() < 3) call.fail("expects [N, C, spatial...], found " + shape_to_string(x.shape));
    const size_t c = static_cast<size_t>(x.shape[1]), area = x.size() / std::max<size_t>(static_cast<size_t>(x.shape[0] * x.shape[1]), 1);
    if (scale.size() != c || bias.size() != c) call.fail("scale and B must hold " + std::to_string(c) + " values (one per channel)");
    FloatTensor y(x.shape);
    normalise_blocks(x, y, area, call.node.attr_float("epsilon", 1e-5f));
    for (size_t i = 0; i < y.size(); ++i) {
        const size_t ch = (i / area) % c;
        y.data[i] = static_cast<float>(static_cast<double>(y.data[i]) * scale.data[ch] + bias.data[ch]);
    }
    return {y};
}

// LayerNormalization-17: normalise over dims [axis, rank), then · Scale + B (broadcast).
std::vector<FloatTensor> layer_norm(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const size_t axis = normalise_axis(call.node.attr_int("axis", -1), x.rank());
    const AxisSplit s = split_at_axis(x.shape, axis);
    const size_t block = s.length * s.inner;
    FloatTensor y(x.shape);
    auto [means, inv_std] = normalise_blocks(x, y, block, call.node.attr_float("epsilon", 1e-5f));
    const Shape norm_shape(x.shape.begin() + static_cast<std::ptrdiff_t>(axis), x.shape.end());
    const std::vector<size_t> ms = broadcast_map(call.in(1).shape, norm_shape);
    std::vector<size_t> mb;
    if (call.has(2)) mb = broadcast_map(call.in(2).shape, norm_shape);
    for (size_t i = 0; i < y.size(); ++i) {
        const size_t j = i % block;
        double v = static_cast<double>(y.data[i]) * call.in(1).data[ms[j]];
        if (call.has(2)) v += call.in(2).data[mb[j]];
        y.data[i] = static_cast<float>(v);
    }
    Shape stat_shape = x.shape;
    for (size_t d = axis; d < stat_shape.size(); ++d) stat_shape[d] = 1;
    FloatTensor mean_out(stat_shape), inv_out(stat_shape);
    for (size_t g = 0; g < means.size(); ++g) {
        mean_out.data[g] = static_cast<float>(means[g]);
        inv_out.data[g] = static_cast<float>(inv_std[g]);
    }
    return {y, mean_out, inv_out};
}

std::vector<FloatTensor> lp_norm(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const size_t axis = normalise_axis(call.node.attr_int("axis", -1), x.rank());
    const int64_t p = call.node.attr_int("p", 2);
    const AxisSplit s = split_at_axis(x.shape, axis);
    FloatTensor y(x.shape);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            double norm = 0;
            for (size_t k = 0; k < s.length; ++k) {
                const double v = x.data[(o * s.length + k) * s.inner + in];
                norm += p == 1 ? std::fabs(v) : v * v;
            }
            if (p != 1) norm = std::sqrt(norm);
            for (size_t k = 0; k < s.length; ++k) {
                const size_t at = (o * s.length + k) * s.inner + in;
                y.data[at] = norm == 0 ? 0.0f : static_cast<float>(x.data[at] / norm);
            }
        }
    return {y};
}

// (X − E[X]) / sqrt(E[(X − E[X])²]) over `axes` (default [0, 2, 3]), no epsilon (spec
// function body uses 1e-9 only to avoid division by zero).
std::vector<FloatTensor> mean_variance_norm(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    const auto axes = call.node.attr_ints("axes", {0, 2, 3});
    std::vector<bool> reduced(x.rank(), false);
    for (int64_t a : axes) reduced[normalise_axis(a, x.rank())] = true;
    Shape kept = x.shape;
    for (size_t d = 0; d < kept.size(); ++d)
        if (reduced[d]) kept[d] = 1;
    const size_t groups = element_count(kept), per = x.size() / std::max<size_t>(groups, 1);
    const std::vector<size_t> ks = strides_of(kept);
    std::vector<size_t> dst(x.size());
    std::vector<int64_t> idx;
    for (size_t i = 0; i < x.size(); ++i) {
        unravel(i, x.shape, idx);
        for (size_t d = 0; d < idx.size(); ++d)
            if (reduced[d]) idx[d] = 0;
        dst[i] = ravel(idx, ks);
    }
    std::vector<double> sum(groups, 0), sq(groups, 0);
    for (size_t i = 0; i < x.size(); ++i) sum[dst[i]] += x.data[i];
    for (double& v : sum) v /= static_cast<double>(per);
    for (size_t i = 0; i < x.size(); ++i) sq[dst[i]] += (x.data[i] - sum[dst[i]]) * (x.data[i] - sum[dst[i]]);
    FloatTensor y(x.shape);
    for (size_t i = 0; i < x.size(); ++i)
        y.data[i] = static_cast<float>((x.data[i] - sum[dst[i]]) / (std::sqrt(sq[dst[i]] / static_cast<double>(per)) + 1e-9));
    return {y};
}

// LRN: y = x / (bias + alpha/size · Σ x²)^beta over the channel window
// [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉].
std::vector<FloatTensor> lrn(const OpCall& call) {
    const FloatTensor& x = call.in(0);
    if (x.rank() < 3) call.fail("expects [N, C, spatial...], found " + shape_to_string(x.shape));
    const int64_t size = call.node.attr_int("size", 1);
    const double alpha = call.node.attr_float("alpha", 1e-4f), beta = call.node.attr_float("beta", 0.75f), bias = call.node.attr_float("bias", 1.0f);
    const int64_t c = x.shape[1], before = (size - 1) / 2, after = size - 1 - before;
    const size_t area = x.size() / static_cast<size_t>(x.shape[0] * c);
    FloatTensor y(x.shape);
    for (int64_t n = 0; n < x.shape[0]; ++n)
        for (int64_t ch = 0; ch < c; ++ch)
            for (size_t i = 0; i < area; ++i) {
                double sq = 0;
                for (int64_t k = std::max<int64_t>(0, ch - before); k <= std::min(c - 1, ch + after); ++k) {
                    const double v = x.data[static_cast<size_t>(n * c + k) * area + i];
                    sq += v * v;
                }
                const size_t at = static_cast<size_t>(n * c + ch) * area + i;
                y.data[at] = static_cast<float>(x.data[at] / std::pow(bias + alpha / static_cast<double>(size) * sq, beta));
            }
    return {y};
}

}  // namespace

void register_normalisation_ops(KernelTable& t) {
    t["BatchNormalization"] = &batch_norm;
    t["InstanceNormalization"] = &instance_norm;
    t["LayerNormalization"] = &layer_norm;
    t["LpNormalization"] = &lp_norm;
    t["MeanVarianceNormalization"] = &mean_variance_norm;
    t["LRN"] = &lrn;
}

}  // namespace ps::model
