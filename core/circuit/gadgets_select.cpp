// Ops proved by a sign bit and a range check (fixed_ops_select.cpp's decisions): Relu,
// LeakyRelu, PRelu, Max, Min, Abs, Clip, and the comparisons Less/Greater(OrEqual).
// Every one is built from sign(x) = ([x ≥ 0], max(x, 0)), whose range check bounds |x|
// by decomp_base^decomp_legs.
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"

#include <limits>

namespace ps::circuit {
namespace {

using model::Shape;

std::vector<WireTensor> relu(NodeContext& c) {
    WireTensor x = c.natural(0);
    for (auto& w : x.wires) w = c.b.sign(w).relu;
    return {x};
}

// x ≥ 0 ? x·2^ps : x·a = relu·(2^ps − a) + x·a, at scale sx + ps, then rebased.
std::vector<WireTensor> sloped(NodeContext& c, const model::IntTensor& slope) {
    const WireTensor x = c.natural(0);
    const Scale ps = c.args().param_scale;
    const Shape shape = model::broadcast_shapes(x.shape, slope.shape);
    const auto mx = model::broadcast_map(x.shape, shape), ma = model::broadcast_map(slope.shape, shape);
    std::vector<Wire> y;
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        const Wire& xe = x.wires[mx[e]];
        const i128 a = slope.data[ma[e]];
        const Wire xs[2] = {c.b.sign(xe).relu, xe};
        const i128 ws[2] = {(i128(1) << ps) - a, a};
        y.push_back(c.b.dot_fixed(xs, ws));
    }
    return {c.rebase(shape, std::move(y), x.scale + ps)};
}

std::vector<WireTensor> leaky_relu(NodeContext& c) {
    const int64_t a = quant::quantize(c.node.attr_float("alpha", 0.01f), c.args().param_scale);
    return sloped(c, model::IntTensor({}, {a}));
}

std::vector<WireTensor> prelu(NodeContext& c) {
    if (!c.is_constant(1) || !c.params_fixed()) c.fail("PRelu with a slope that is not a fixed parameter is not provable yet");
    return sloped(c, c.param(1, c.args().param_scale).t);
}

// max(a, b) = b + relu(a − b); min(a, b) = a − relu(a − b).
Wire extreme(CircuitBuilder& b, const Wire& x, const Wire& y, bool is_max) {
    const Wire d = b.sub(x, y);
    const Wire r = b.sign(d).relu;
    return is_max ? b.add(y, r) : b.sub(x, r);
}

template <bool IsMax>
std::vector<WireTensor> extremum(NodeContext& c) {
    const Scale s = c.common_scale();
    WireTensor acc;
    bool first = true;
    for (size_t i = 0; i < c.input_count(); ++i) {
        if (!c.present(i)) continue;
        const WireTensor v = c.at_scale(i, s);
        if (first) {
            acc = v;
            first = false;
            continue;
        }
        const Shape shape = model::broadcast_shapes(acc.shape, v.shape);
        const auto ma = model::broadcast_map(acc.shape, shape), mv = model::broadcast_map(v.shape, shape);
        WireTensor next{shape, s, {}};
        for (size_t e = 0; e < model::element_count(shape); ++e)
            next.wires.push_back(extreme(c.b, acc.wires[ma[e]], v.wires[mv[e]], IsMax));
        acc = std::move(next);
    }
    return {acc};
}

// |x| = 2·relu(x) − x
std::vector<WireTensor> abs_op(NodeContext& c) {
    WireTensor x = c.natural(0);
    for (auto& w : x.wires) {
        const Wire xs[2] = {c.b.sign(w).relu, w};
        const i128 ws[2] = {2, -1};
        w = c.b.dot_fixed(xs, ws);
    }
    return {x};
}

std::vector<WireTensor> clip(NodeContext& c) {
    WireTensor x = c.natural(0);
    auto bound = [&](size_t i, const char* attr) -> std::optional<Wire> {
        if (c.present(i)) {
            if (!c.is_constant(i)) c.fail("Clip bounds computed at run time are not provable yet");
            return c.at_scale(i, x.scale).wires.at(0);
        }
        if (c.circuit.graph.opset < 11 && c.node.has_attr(attr)) {
            const float v = c.node.attr_float(attr, 0.0f);
            if (std::fabs(v) < 1e30f) return c.b.constant(quant::quantize(v, x.scale, c.location()));
        }
        return std::nullopt;
    };
    const auto lo = bound(1, "min"), hi = bound(2, "max");
    for (auto& w : x.wires) {
        if (lo) w = extreme(c.b, w, *lo, true);
        if (hi) w = extreme(c.b, w, *hi, false);
    }
    return {x};
}

// a < b ⟺ [b − a − 1 ≥ 0];  a ≤ b ⟺ [b − a ≥ 0]  (with the operands swapped for >, ≥).
template <bool Strict, bool Swap>
std::vector<WireTensor> compare(NodeContext& c) {
    const Scale s = c.common_scale();
    const WireTensor a = c.at_scale(Swap ? 1 : 0, s), b = c.at_scale(Swap ? 0 : 1, s);
    const Shape shape = model::broadcast_shapes(a.shape, b.shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    WireTensor out{shape, 0, {}};
    const Wire one = c.b.constant(1);
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        Wire d = c.b.sub(b.wires[mb[e]], a.wires[ma[e]]);
        if (Strict) d = c.b.sub(d, one);
        out.wires.push_back(c.b.sign(d).bit);
    }
    return {out};
}

}  // namespace

void register_select_gadgets(GadgetTable& t) {
    t["Relu"] = &relu;
    t["LeakyRelu"] = &leaky_relu;
    t["PRelu"] = &prelu;
    t["Max"] = &extremum<true>;
    t["Min"] = &extremum<false>;
    t["Abs"] = &abs_op;
    t["Clip"] = &clip;
    t["Less"] = &compare<true, false>;
    t["LessOrEqual"] = &compare<false, false>;
    t["Greater"] = &compare<true, true>;
    t["GreaterOrEqual"] = &compare<false, true>;
}

}  // namespace ps::circuit
