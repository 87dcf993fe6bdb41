// Convolutions and average pooling in fixed point (ONNX Conv, ConvTranspose,
// AveragePool, GlobalAveragePool; N spatial dimensions). Dot products accumulate in
// i128 and are rebased once per output, as EZKL's einsum-based conv.
#include "core/model/op_registry.hpp"
#include "core/witness/conv_geometry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::fixed {
namespace {

using model::IntTensor;
using model::Shape;
using quant::i128;

FixedResult conv(const FixedCall& call) {
    const FixedTensor x = call.natural(0), w = call.natural(1);
    const Shape& xs = x.t.shape;
    const Shape& ws = w.t.shape;
    if (xs.size() < 3 || ws.size() != xs.size()) call.fail("Conv needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], c = xs[1], m = ws[0], group = call.node.attr_int("group", 1);
    // group >= 1 is an import-time rule (attribute_rules.cpp); dividing the channels is a shape rule.
    if (c % group != 0 || m % group != 0)
        call.fail("Conv group " + std::to_string(group) + " does not divide the " + std::to_string(c) + " input and " +
               std::to_string(m) + " output channels");
    const int64_t cg = c / group, mg = m / group;
    if (ws[1] != cg) call.fail("Conv weight has " + std::to_string(ws[1]) + " input channels per group, expected " + std::to_string(cg));
    const Window win = window_of(call.node, call.env.graph, xs, Shape(ws.begin() + 2, ws.end()));
    const Taps taps = taps_of(win);
    const size_t in_sp = model::element_count(win.in), out_sp = taps.out_count, k_sp = taps.kernel_count;
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    WideTensor y(out_shape);
    const Scale s = x.scale + w.scale;
    FixedTensor bias;
    if (call.present(2)) bias = call.at_scale(2, s);
    for (int64_t b = 0; b < n; ++b)
        for (int64_t oc = 0; oc < m; ++oc) {
            const int64_t g = oc / mg;
            i128* Y = y.data.data() + size_t(b * m + oc) * out_sp;
            for (size_t oi = 0; oi < out_sp; ++oi) {
                i128 acc = call.present(2) ? i128(bias.t.data[size_t(oc)]) : 0;
                for (int64_t ic = 0; ic < cg; ++ic) {
                    const int64_t* X = x.t.data.data() + size_t(b * c + g * cg + ic) * in_sp;
                    const int64_t* W = w.t.data.data() + size_t(oc * cg + ic) * k_sp;
                    const int64_t* tap = taps.input.data() + oi * k_sp;
                    for (size_t ki = 0; ki < k_sp; ++ki)
                        if (tap[ki] >= 0) acc += i128(X[tap[ki]]) * W[ki];
                }
                Y[oi] = acc;
            }
        }
    call.add_cells(3 * uint64_t(y.size()) * uint64_t(cg) * k_sp);
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

FixedResult conv_transpose(const FixedCall& call) {
    const FixedTensor x = call.natural(0), w = call.natural(1);
    const Shape& xs = x.t.shape;
    const Shape& ws = w.t.shape;
    if (xs.size() < 3 || ws.size() != xs.size()) call.fail("ConvTranspose needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], c = xs[1], group = call.node.attr_int("group", 1);
    if (c % group != 0)
        call.fail("ConvTranspose group " + std::to_string(group) + " does not divide the " + std::to_string(c) + " input channels");
    const int64_t cg = c / group, mg = ws[1], m = mg * group;
    const TransposeTaps taps = transpose_taps_of(call.node, xs, ws);
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), taps.out.begin(), taps.out.end());
    const Scale s = x.scale + w.scale;
    WideTensor y(out_shape);
    const size_t in_sp = taps.in_count, out_sp = taps.out_count, k_sp = taps.kernel_count;
    const std::vector<int64_t>& land = taps.land;
    for (int64_t b = 0; b < n; ++b)
        for (int64_t ic = 0; ic < c; ++ic) {
            const int64_t g = ic / cg;
            const int64_t* X = x.t.data.data() + size_t(b * c + ic) * in_sp;
            for (int64_t j = 0; j < mg; ++j) {
                const int64_t oc = g * mg + j;
                const int64_t* W = w.t.data.data() + size_t(ic * mg + j) * k_sp;
                i128* Y = y.data.data() + size_t(b * m + oc) * out_sp;
                for (size_t i = 0; i < in_sp; ++i)
                    for (size_t k = 0; k < k_sp; ++k)
                        if (const int64_t at = land[i * k_sp + k]; at >= 0) Y[at] += i128(X[i]) * W[k];
            }
        }
    if (call.present(2)) {
        const FixedTensor bias = call.at_scale(2, s);
        for (int64_t b = 0; b < n; ++b)
            for (int64_t oc = 0; oc < m; ++oc)
                for (size_t o = 0; o < out_sp; ++o) y.data[size_t(b * m + oc) * out_sp + o] += bias.t.data[size_t(oc)];
    }
    call.add_cells(3 * uint64_t(n) * uint64_t(c) * uint64_t(mg) * in_sp * k_sp);
    return {{call.rebase(std::move(y), s)}, ProofKind::Linear};
}

FixedResult average_pool(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    const Window win = window_of(call.node, call.env.graph, x.t.shape, call.node.attr_ints("kernel_shape"));
    const Taps taps = taps_of(win);
    const bool include_pad = call.node.attr_int("count_include_pad", 0) != 0;
    const size_t in_sp = model::element_count(win.in), channels = size_t(x.t.shape[0] * x.t.shape[1]);
    Shape out_shape{x.t.shape[0], x.t.shape[1]};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    WideTensor y(out_shape);
    int64_t largest = 1;
    for (size_t ch = 0; ch < channels; ++ch)
        for (size_t oi = 0; oi < taps.out_count; ++oi) {
            i128 acc = 0;
            int64_t count = 0;
            for (size_t ki = 0; ki < taps.kernel_count; ++ki) {
                const int64_t at = taps.input[oi * taps.kernel_count + ki];
                if (at >= 0) {
                    acc += x.t.data[ch * in_sp + size_t(at)];
                    ++count;
                } else if (include_pad && taps.inside_pads[oi * taps.kernel_count + ki]) {
                    ++count;
                }
            }
            largest = std::max(largest, count);
            y.data[ch * taps.out_count + oi] = count ? quant::div_round(acc, count) : 0;
        }
    call.env.stats.range_checks.insert({0, largest - 1});
    call.add_cells(uint64_t(y.size()) * (taps.kernel_count + 4));
    return {{call.narrow(y, x.scale)}, ProofKind::Linear};
}

FixedResult global_average_pool(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    std::vector<int64_t> axes;
    for (size_t d = 2; d < x.t.rank(); ++d) axes.push_back(int64_t(d));
    const ReductionPlan p = plan_reduction(x.t.shape, axes, true);
    WideTensor y(p.out_shape);
    for (size_t i = 0; i < x.t.size(); ++i) y.data[p.target[i]] += x.t.data[i];
    for (auto& v : y.data) v = quant::div_round(v, i128(p.group));
    call.env.stats.range_checks.insert({0, int64_t(p.group) - 1});
    call.add_cells(2 * x.t.size() + 4 * y.size());
    return {{call.narrow(y, x.scale)}, ProofKind::Linear};
}

}  // namespace

void register_fixed_conv_ops(FixedKernelTable& t) {
    t["Conv"] = &conv;
    t["ConvTranspose"] = &conv_transpose;
    t["AveragePool"] = &average_pool;
    t["GlobalAveragePool"] = &global_average_pool;
}

}  // namespace ps::fixed
