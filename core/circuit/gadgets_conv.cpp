// Convolutions and average pooling as dot products over the kernel window (the
// constraints of fixed_ops_conv.cpp, on the same window geometry, conv_geometry.hpp):
// Conv, ConvTranspose, AveragePool, GlobalAveragePool. Every output is one dot product
// (+ bias), rebased like the kernel; pools are a sum and a range-checked division.
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"
#include "core/witness/conv_geometry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::circuit {
namespace {

using model::Shape;

// The weights of a Conv/ConvTranspose as fixed weights (param_visibility fixed) or wires.
struct Weights {
    const model::IntTensor* fixed = nullptr;
    WireTensor wires;
    Scale scale = 0;
    const Shape& shape() const { return fixed ? fixed->shape : wires.shape; }
};

Weights weights_of(NodeContext& c) {
    Weights w;
    w.scale = c.natural_scale(1);
    if (c.is_constant(1) && c.params_fixed()) w.fixed = &c.param(1, w.scale).t;
    else w.wires = c.natural(1);
    return w;
}

// Bias per output channel at the product's scale s, as the kernel's at_scale(2, s).
struct Bias {
    std::vector<i128> fixed;
    std::vector<Wire> wires;
};

Bias bias_of(NodeContext& c, Scale s, int64_t channels) {
    Bias bias;
    if (!c.present(2)) return bias;
    if (c.is_constant(2) && c.params_fixed()) {
        const model::IntTensor& t = c.param(2, s).t;
        if (t.size() != size_t(channels)) c.fail("bias has " + std::to_string(t.size()) + " values, expected " + std::to_string(channels));
        bias.fixed.assign(t.data.begin(), t.data.end());
    } else {
        bias.wires = c.at_scale(2, s).wires;
        if (bias.wires.size() != size_t(channels)) c.fail("bias has " + std::to_string(bias.wires.size()) + " values, expected " + std::to_string(channels));
    }
    return bias;
}

// Σ x[xi]·w[wi] (+ bias[channel]) for one output.
Wire window_dot(NodeContext& c, const WireTensor& x, const Weights& w, const Bias& bias, int64_t channel,
                const std::vector<std::pair<size_t, size_t>>& terms) {
    std::vector<Wire> xs;
    xs.reserve(terms.size() + 1);
    for (const auto& [xi, wi] : terms) xs.push_back(x.wires[xi]);
    if (w.fixed) {
        std::vector<i128> ws;
        ws.reserve(terms.size() + 1);
        for (const auto& [xi, wi] : terms) ws.push_back(w.fixed->data[wi]);
        if (!bias.fixed.empty()) {
            xs.push_back(c.b.constant(1));
            ws.push_back(bias.fixed[size_t(channel)]);
        } else if (!bias.wires.empty()) {  // private bias with fixed weights: add it after
            return c.b.add(c.b.dot_fixed(xs, ws), bias.wires[size_t(channel)]);
        }
        return c.b.dot_fixed(xs, ws);
    }
    std::vector<Wire> ys;
    ys.reserve(terms.size() + 1);
    for (const auto& [xi, wi] : terms) ys.push_back(w.wires.wires[wi]);
    if (!bias.wires.empty() || !bias.fixed.empty()) {
        xs.push_back(c.b.constant(1));
        ys.push_back(bias.wires.empty() ? c.b.constant(bias.fixed[size_t(channel)]) : bias.wires[size_t(channel)]);
    }
    return c.b.dot(xs, ys);
}

std::vector<WireTensor> conv(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const Weights w = weights_of(c);
    const Shape &xs = x.shape, &ws = w.shape();
    if (xs.size() < 3 || ws.size() != xs.size()) c.fail("Conv needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], ch = xs[1], m = ws[0], group = c.node.attr_int("group", 1);
    // group >= 1 is an import-time rule (attribute_rules.cpp); dividing the channels is a shape rule.
    if (ch % group != 0 || m % group != 0)
        c.fail("Conv group " + std::to_string(group) + " does not divide the " + std::to_string(ch) + " input and " +
               std::to_string(m) + " output channels");
    const int64_t cg = ch / group, mg = m / group;
    if (ws[1] != cg) c.fail("Conv weight has " + std::to_string(ws[1]) + " input channels per group, expected " + std::to_string(cg));
    const fixed::Window win = fixed::window_of(c.node, c.circuit.graph, xs, Shape(ws.begin() + 2, ws.end()));
    const fixed::Taps taps = fixed::taps_of(win);
    const size_t in_sp = model::element_count(win.in), out_sp = taps.out_count, k_sp = taps.kernel_count;
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    const Scale s = x.scale + w.scale;
    const Bias bias = bias_of(c, s, m);
    std::vector<Wire> y;
    y.reserve(model::element_count(out_shape));
    std::vector<std::pair<size_t, size_t>> terms;
    for (int64_t b = 0; b < n; ++b)
        for (int64_t oc = 0; oc < m; ++oc) {
            const int64_t g = oc / mg;
            for (size_t oi = 0; oi < out_sp; ++oi) {
                terms.clear();
                for (int64_t ic = 0; ic < cg; ++ic) {
                    const size_t x_base = size_t(b * ch + g * cg + ic) * in_sp, w_base = size_t(oc * cg + ic) * k_sp;
                    for (size_t ki = 0; ki < k_sp; ++ki)
                        if (const int64_t at = taps.input[oi * k_sp + ki]; at >= 0)
                            terms.push_back({x_base + size_t(at), w_base + ki});
                }
                y.push_back(window_dot(c, x, w, bias, oc, terms));
            }
        }
    return {c.rebase(out_shape, std::move(y), s)};
}

std::vector<WireTensor> conv_transpose(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const Weights w = weights_of(c);
    const Shape &xs = x.shape, &ws = w.shape();
    if (xs.size() < 3 || ws.size() != xs.size()) c.fail("ConvTranspose needs input and weight of the same rank >= 3");
    const int64_t n = xs[0], ch = xs[1], group = c.node.attr_int("group", 1);
    if (ch % group != 0)
        c.fail("ConvTranspose group " + std::to_string(group) + " does not divide the " + std::to_string(ch) + " input channels");
    const int64_t cg = ch / group, mg = ws[1], m = mg * group;
    const fixed::TransposeTaps taps = fixed::transpose_taps_of(c.node, xs, ws);
    Shape out_shape{n, m};
    out_shape.insert(out_shape.end(), taps.out.begin(), taps.out.end());
    const Scale s = x.scale + w.scale;
    const Bias bias = bias_of(c, s, m);
    const size_t in_sp = taps.in_count, out_sp = taps.out_count, k_sp = taps.kernel_count;
    // Each output gathers the (input, weight) pairs the kernel scatters onto it.
    std::vector<std::vector<std::pair<size_t, size_t>>> terms(model::element_count(out_shape));
    for (int64_t b = 0; b < n; ++b)
        for (int64_t ic = 0; ic < ch; ++ic) {
            const int64_t g = ic / cg;
            for (int64_t j = 0; j < mg; ++j) {
                const int64_t oc = g * mg + j;
                const size_t x_base = size_t(b * ch + ic) * in_sp, w_base = size_t(ic * mg + j) * k_sp;
                const size_t y_base = size_t(b * m + oc) * out_sp;
                for (size_t i = 0; i < in_sp; ++i)
                    for (size_t k = 0; k < k_sp; ++k)
                        if (const int64_t at = taps.land[i * k_sp + k]; at >= 0)
                            terms[y_base + size_t(at)].push_back({x_base + i, w_base + k});
            }
        }
    std::vector<Wire> y;
    y.reserve(terms.size());
    for (size_t o = 0; o < terms.size(); ++o) y.push_back(window_dot(c, x, w, bias, int64_t(o / out_sp) % m, terms[o]));
    return {c.rebase(out_shape, std::move(y), s)};
}

// round(window sum / count), count = cells inside the input (or the pads when
// count_include_pad), as fixed_ops_conv.cpp's average_pool.
std::vector<WireTensor> average_pool(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const fixed::Window win = fixed::window_of(c.node, c.circuit.graph, x.shape, c.node.attr_ints("kernel_shape"));
    const fixed::Taps taps = fixed::taps_of(win);
    const bool include_pad = c.node.attr_int("count_include_pad", 0) != 0;
    const size_t in_sp = model::element_count(win.in), channels = size_t(x.shape[0] * x.shape[1]);
    Shape out_shape{x.shape[0], x.shape[1]};
    out_shape.insert(out_shape.end(), win.out.begin(), win.out.end());
    std::vector<Wire> y;
    std::vector<Wire> cells;
    for (size_t ch = 0; ch < channels; ++ch)
        for (size_t oi = 0; oi < taps.out_count; ++oi) {
            cells.clear();
            int64_t count = 0;
            for (size_t ki = 0; ki < taps.kernel_count; ++ki) {
                const int64_t at = taps.input[oi * taps.kernel_count + ki];
                if (at >= 0) {
                    cells.push_back(x.wires[ch * in_sp + size_t(at)]);
                    ++count;
                } else if (include_pad && taps.inside_pads[oi * taps.kernel_count + ki]) {
                    ++count;
                }
            }
            const size_t e = y.size();
            y.push_back(count ? c.b.divide(c.b.sum(cells), count, c.claim(e)) : c.b.constant(0));
        }
    return {WireTensor{out_shape, x.scale, std::move(y)}};
}

std::vector<WireTensor> global_average_pool(NodeContext& c) {
    const WireTensor x = c.natural(0);
    std::vector<int64_t> axes;
    for (size_t d = 2; d < x.shape.size(); ++d) axes.push_back(int64_t(d));
    const fixed::ReductionPlan p = fixed::plan_reduction(x.shape, axes, true);
    std::vector<std::vector<Wire>> groups(model::element_count(p.out_shape));
    for (size_t i = 0; i < x.size(); ++i) groups[p.target[i]].push_back(x.wires[i]);
    std::vector<Wire> sums;
    for (const auto& g : groups) sums.push_back(c.b.sum(g));
    return {WireTensor{p.out_shape, x.scale, c.divide_all(sums, i128(p.group))}};
}

}  // namespace

void register_conv_gadgets(GadgetTable& t) {
    t["Conv"] = &conv;
    t["ConvTranspose"] = &conv_transpose;
    t["AveragePool"] = &average_pool;
    t["GlobalAveragePool"] = &global_average_pool;
}

}  // namespace ps::circuit
