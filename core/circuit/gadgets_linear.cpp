// Linear ops as dot-product and sum gates, products rebased by a range-checked division
// (the constraints of fixed_ops_linear.cpp, decision for decision): Add, Sub, Sum, Mean,
// Neg, Mul, Div by a constant, MatMul, Gemm, ReduceSum, ReduceMean, BatchNormalization.
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

#include <cmath>

namespace ps::circuit {
namespace {

using model::Shape;

std::vector<WireTensor> add_sub(NodeContext& c, bool subtract) {
    const Scale s = c.common_scale();
    const WireTensor a = c.at_scale(0, s), b = c.at_scale(1, s);
    const Shape shape = model::broadcast_shapes(a.shape, b.shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    WireTensor out{shape, s, {}};
    for (size_t k = 0; k < model::element_count(shape); ++k)
        out.wires.push_back(subtract ? c.b.sub(a.wires[ma[k]], b.wires[mb[k]]) : c.b.add(a.wires[ma[k]], b.wires[mb[k]]));
    return {out};
}

std::vector<WireTensor> add(NodeContext& c) { return add_sub(c, false); }
std::vector<WireTensor> sub(NodeContext& c) { return add_sub(c, true); }

std::vector<WireTensor> sum_or_mean(NodeContext& c, bool mean) {
    const Scale s = c.common_scale();
    std::vector<WireTensor> terms;
    Shape shape;
    for (size_t i = 0; i < c.input_count(); ++i) {
        if (!c.present(i)) continue;
        terms.push_back(c.at_scale(i, s));
        shape = terms.size() == 1 ? terms.back().shape : model::broadcast_shapes(shape, terms.back().shape);
    }
    std::vector<std::vector<size_t>> maps;
    for (const auto& t : terms) maps.push_back(model::broadcast_map(t.shape, shape));
    std::vector<Wire> sums;
    for (size_t k = 0; k < model::element_count(shape); ++k) {
        std::vector<Wire> xs;
        for (size_t t = 0; t < terms.size(); ++t) xs.push_back(terms[t].wires[maps[t][k]]);
        sums.push_back(c.b.sum(xs));
    }
    if (mean) sums = c.divide_all(sums, i128(terms.size()));
    return {WireTensor{shape, s, std::move(sums)}};
}

std::vector<WireTensor> sum(NodeContext& c) { return sum_or_mean(c, false); }
std::vector<WireTensor> mean(NodeContext& c) { return sum_or_mean(c, true); }

std::vector<WireTensor> neg(NodeContext& c) {
    WireTensor x = c.natural(0);
    const Wire zero = c.b.constant(0);
    for (auto& w : x.wires) w = c.b.sub(zero, w);
    return {x};
}

// x · (a constant or fixed parameter): a dot-product-fixed row, no cells for the constant.
std::vector<Wire> times_constants(NodeContext& c, const WireTensor& x, const model::IntTensor& k, Shape& shape) {
    shape = model::broadcast_shapes(x.shape, k.shape);
    const auto mx = model::broadcast_map(x.shape, shape), mk = model::broadcast_map(k.shape, shape);
    std::vector<Wire> out;
    for (size_t e = 0; e < model::element_count(shape); ++e) out.push_back(c.b.scale_by(x.wires[mx[e]], k.data[mk[e]]));
    return out;
}

std::vector<WireTensor> mul(NodeContext& c) {
    const bool integers = c.integer_typed(0) && c.integer_typed(1);
    Shape shape;
    std::vector<Wire> products;
    Scale scale = 0;
    for (size_t i : {size_t(0), size_t(1)}) {  // runtime × fixed parameter
        const size_t other = 1 - i;
        if (c.runtime(i) && c.is_constant(other) && c.params_fixed()) {
            const WireTensor x = c.natural(i);
            const Scale ks = c.natural_scale(other);
            products = times_constants(c, x, c.param(other, ks).t, shape);
            scale = x.scale + ks;
            break;
        }
    }
    if (products.empty()) {
        const WireTensor a = c.natural(0), b = c.natural(1);
        shape = model::broadcast_shapes(a.shape, b.shape);
        const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
        for (size_t k = 0; k < model::element_count(shape); ++k) products.push_back(c.b.mul(a.wires[ma[k]], b.wires[mb[k]]));
        scale = a.scale + b.scale;
    }
    if (integers) return {WireTensor{shape, 0, std::move(products)}};
    return {c.rebase(shape, std::move(products), scale)};
}

// A constant quantised at s the way fixed_ops_linear.cpp's quantise_constant does.
model::IntTensor quantised(const model::FloatTensor& values, Scale s, const NodeContext& c, double (*f)(double) = nullptr) {
    model::IntTensor out(values.shape);
    for (size_t i = 0; i < values.size(); ++i)
        out.data[i] = quant::quantize(f ? f(values.data[i]) : values.data[i], s, c.location());
    return out;
}

std::vector<WireTensor> div(NodeContext& c) {
    if (c.integer_typed(0) && c.integer_typed(1)) c.fail("integer division is not provable yet");
    if (!c.is_constant(1)) c.fail("division by a value computed at run time is not provable yet");
    const WireTensor a = c.natural(0);
    const model::FloatTensor& k = c.constant(1);
    bool integral = true;
    for (float v : k.data)
        if (v != std::trunc(v) || std::fabs(v) > 1e15) integral = false;
    Shape shape;
    if (integral) {
        const model::IntTensor d(k.shape, model::to_ints(k));
        shape = model::broadcast_shapes(a.shape, d.shape);
        const auto ma = model::broadcast_map(a.shape, shape), md = model::broadcast_map(d.shape, shape);
        std::vector<Wire> out;
        const Wire zero = c.b.constant(0);
        for (size_t e = 0; e < model::element_count(shape); ++e) {
            const int64_t divisor = d.data[md[e]];
            const auto claim = c.claim(e);
            if (divisor > 0) {
                out.push_back(c.b.divide(a.wires[ma[e]], divisor, claim));
            } else {  // −round(x / |d|)
                const Wire q = c.b.divide(a.wires[ma[e]], -i128(divisor), claim ? std::optional<i128>(-*claim) : std::nullopt);
                out.push_back(c.b.sub(zero, q));
            }
        }
        return {WireTensor{shape, a.scale, std::move(out)}};
    }
    const Scale ps = c.args().param_scale;
    const model::IntTensor recip = quantised(k, ps, c, [](double v) { return 1.0 / v; });
    std::vector<Wire> products = times_constants(c, a, recip, shape);
    return {c.rebase(shape, std::move(products), a.scale + ps)};
}

// Output element (i, j) of a (batched, broadcast) matrix product: the flat indices of
// A and B it multiplies, as fixed_ops_linear.cpp's matmul_wide walks them.
struct MatmulPlan {
    Shape out_shape;
    std::vector<std::vector<std::pair<size_t, size_t>>> terms;
};

MatmulPlan plan_matmul(const Shape& a_in, const Shape& b_in, bool trans_a, bool trans_b, const NodeContext& c) {
    Shape as = a_in, bs = b_in;
    const bool a_vec = as.size() == 1, b_vec = bs.size() == 1;
    if (a_vec) as.insert(as.begin(), 1);
    if (b_vec) bs.push_back(1);
    if (as.size() < 2 || bs.size() < 2) c.fail("MatMul needs inputs of rank >= 1");
    // A's (row, col) → flat index, honouring a transpose of the stored matrix.
    const int64_t a_rows = as[as.size() - 2], a_cols = as.back(), b_rows = bs[bs.size() - 2], b_cols = bs.back();
    const int64_t m = trans_a ? a_cols : a_rows, k = trans_a ? a_rows : a_cols;
    const int64_t kb = trans_b ? b_cols : b_rows, n = trans_b ? b_rows : b_cols;
    if (k != kb) c.fail("inner dimensions differ: " + model::shape_to_string(a_in) + " × " + model::shape_to_string(b_in));
    const Shape a_batch(as.begin(), as.end() - 2), b_batch(bs.begin(), bs.end() - 2);
    const Shape batch = model::broadcast_shapes(a_batch, b_batch);
    const auto ma = model::broadcast_map(a_batch, batch), mb = model::broadcast_map(b_batch, batch);
    MatmulPlan p;
    p.out_shape = batch;
    if (!a_vec) p.out_shape.push_back(m);
    if (!b_vec) p.out_shape.push_back(n);
    const size_t batches = model::element_count(batch);
    for (size_t bi = 0; bi < batches; ++bi)
        for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < n; ++j) {
                std::vector<std::pair<size_t, size_t>> t;
                for (int64_t q = 0; q < k; ++q) {
                    const int64_t ai = trans_a ? q * a_cols + i : i * a_cols + q;
                    const int64_t bj = trans_b ? j * b_cols + q : q * b_cols + j;
                    t.push_back({ma[bi] * size_t(a_rows * a_cols) + size_t(ai), mb[bi] * size_t(b_rows * b_cols) + size_t(bj)});
                }
                p.terms.push_back(std::move(t));
            }
    return p;
}

// Σ a·b (+ bias) per output, with B as fixed weights when it is a fixed parameter.
std::vector<Wire> products(NodeContext& c, const MatmulPlan& p, const WireTensor& a, const WireTensor* b_wires,
                           const model::IntTensor* b_fixed, const std::vector<Wire>* bias_wires,
                           const std::vector<i128>* bias_fixed) {
    std::vector<Wire> out;
    std::optional<Wire> one;  // the bias term's partner: a constant cell, made only when needed
    if (bias_wires || bias_fixed) one = c.b.constant(1);
    for (size_t o = 0; o < p.terms.size(); ++o) {
        std::vector<Wire> xs;
        for (const auto& [ai, bi] : p.terms[o]) xs.push_back(a.wires[ai]);
        if (b_fixed) {
            std::vector<i128> ws;
            for (const auto& [ai, bi] : p.terms[o]) ws.push_back(b_fixed->data[bi]);
            if (bias_fixed) {
                xs.push_back(*one);
                ws.push_back((*bias_fixed)[o]);
            }
            out.push_back(c.b.dot_fixed(xs, ws));
        } else {
            std::vector<Wire> ys;
            for (const auto& [ai, bi] : p.terms[o]) ys.push_back(b_wires->wires[bi]);
            if (bias_wires) {
                xs.push_back(*one);
                ys.push_back((*bias_wires)[o]);
            } else if (bias_fixed) {
                xs.push_back(*one);
                ys.push_back(c.b.constant((*bias_fixed)[o]));
            }
            out.push_back(c.b.dot(xs, ys));
        }
    }
    return out;
}

std::vector<WireTensor> matmul(NodeContext& c) {
    const WireTensor a = c.natural(0);
    const Scale bs = c.natural_scale(1);
    const MatmulPlan p = plan_matmul(a.shape, c.runtime(1) ? c.runtime(1)->shape : c.param(1, bs).t.shape, false, false, c);
    std::vector<Wire> y;
    if (c.is_constant(1) && c.params_fixed()) {
        y = products(c, p, a, nullptr, &c.param(1, bs).t, nullptr, nullptr);
    } else {
        const WireTensor b = c.natural(1);
        y = products(c, p, a, &b, nullptr, nullptr, nullptr);
    }
    return {c.rebase(p.out_shape, std::move(y), a.scale + bs)};
}

std::vector<WireTensor> gemm(NodeContext& c) {
    const float alpha = c.node.attr_float("alpha", 1.0f), beta = c.node.attr_float("beta", 1.0f);
    const bool ta = c.node.attr_int("transA", 0) != 0, tb = c.node.attr_int("transB", 0) != 0;
    const WireTensor a = c.natural(0);
    const Scale ps = c.args().param_scale;
    std::optional<model::IntTensor> b_derived;  // alpha folded into B
    Scale b_scale = c.natural_scale(1);
    if (alpha != 1.0f) {
        model::FloatTensor scaled = c.constant(1);
        for (auto& v : scaled.data) v *= alpha;
        b_derived = quantised(scaled, ps, c);
        b_scale = ps;
    }
    const bool b_fixed = b_derived || (c.is_constant(1) && c.params_fixed());
    const model::IntTensor* b_values = b_derived ? &*b_derived : b_fixed ? &c.param(1, b_scale).t : nullptr;
    const WireTensor b_wires = b_fixed ? WireTensor{} : c.natural(1);
    const Shape b_shape = b_fixed ? b_values->shape : b_wires.shape;
    if (a.shape.size() != 2 || b_shape.size() != 2) c.fail("Gemm needs rank-2 A and B");
    const MatmulPlan p = plan_matmul(a.shape, b_shape, ta, tb, c);
    const Scale s = a.scale + b_scale;

    std::vector<i128> bias_fixed;
    std::vector<Wire> bias_wires;
    if (c.present(2) && beta != 0.0f) {
        std::optional<model::IntTensor> fixed_bias;
        if (beta != 1.0f) {
            model::FloatTensor scaled = c.constant(2);
            for (auto& v : scaled.data) v *= beta;
            fixed_bias = quantised(scaled, s, c);
        } else if (c.is_constant(2) && c.params_fixed()) {
            fixed_bias = c.param(2, s).t;  // the bias at the product's scale (EZKL rebases constants)
        }
        if (fixed_bias) {
            const auto mc = model::broadcast_map(fixed_bias->shape, p.out_shape);
            for (size_t o = 0; o < p.terms.size(); ++o) bias_fixed.push_back(fixed_bias->data[mc[o]]);
        } else {
            const WireTensor bias = c.at_scale(2, s);
            const auto mc = model::broadcast_map(bias.shape, p.out_shape);
            for (size_t o = 0; o < p.terms.size(); ++o) bias_wires.push_back(bias.wires[mc[o]]);
        }
    }
    std::vector<Wire> y = products(c, p, a, b_fixed ? nullptr : &b_wires, b_fixed ? b_values : nullptr,
                                   bias_wires.empty() ? nullptr : &bias_wires, bias_fixed.empty() ? nullptr : &bias_fixed);
    return {c.rebase(p.out_shape, std::move(y), s)};
}

std::vector<WireTensor> reduce(NodeContext& c, bool mean) {
    const WireTensor x = c.natural(0);
    const std::vector<int64_t> axes = c.reduction_axes();
    if (axes.empty() && c.node.attr_int("noop_with_empty_axes", 0)) return {x};
    const fixed::ReductionPlan p = fixed::plan_reduction(x.shape, axes, c.node.attr_int("keepdims", 1) != 0);
    std::vector<std::vector<Wire>> groups(model::element_count(p.out_shape));
    for (size_t i = 0; i < x.size(); ++i) groups[p.target[i]].push_back(x.wires[i]);
    std::vector<Wire> sums;
    for (const auto& g : groups) sums.push_back(c.b.sum(g));
    if (mean) sums = c.divide_all(sums, i128(p.group));
    return {WireTensor{p.out_shape, x.scale, std::move(sums)}};
}

std::vector<WireTensor> reduce_sum(NodeContext& c) { return reduce(c, false); }
std::vector<WireTensor> reduce_mean(NodeContext& c) { return reduce(c, true); }

std::vector<WireTensor> batch_norm(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const model::FloatTensor &gamma = c.constant(1), &beta = c.constant(2), &mu = c.constant(3), &var = c.constant(4);
    const double eps = c.node.attr_float("epsilon", 1e-5f);
    const Scale ps = c.args().param_scale, s = x.scale + ps;
    const size_t channels = gamma.size();
    const fixed::FoldedBatchNorm folded = fixed::fold_batch_norm(gamma, beta, mu, var, eps);
    const model::IntTensor qa = quantised(folded.a, ps, c), qb = quantised(folded.b, s, c);
    if (x.shape.size() < 2 || size_t(x.shape[1]) != channels) c.fail("BatchNormalization: channel count mismatch");
    const auto split = model::split_at_axis(x.shape, 1);
    std::vector<Wire> y(x.size());
    const Wire one = c.b.constant(1);
    for (size_t o = 0; o < split.outer; ++o)
        for (size_t ch = 0; ch < channels; ++ch)
            for (size_t i = 0; i < split.inner; ++i) {
                const size_t at = (o * channels + ch) * split.inner + i;
                const Wire xs[2] = {x.wires[at], one};
                const i128 ws[2] = {qa.data[ch], qb.data[ch]};
                y[at] = c.b.dot_fixed(xs, ws);
            }
    return {c.rebase(x.shape, std::move(y), s)};
}

}  // namespace

void register_linear_gadgets(GadgetTable& t) {
    t["Add"] = &add;
    t["Sub"] = &sub;
    t["Sum"] = &sum;
    t["Mean"] = &mean;
    t["Mul"] = &mul;
    t["Neg"] = &neg;
    t["Div"] = &div;
    t["MatMul"] = &matmul;
    t["Gemm"] = &gemm;
    t["ReduceSum"] = &reduce_sum;
    t["ReduceMean"] = &reduce_mean;
    t["BatchNormalization"] = &batch_norm;
}

}  // namespace ps::circuit
