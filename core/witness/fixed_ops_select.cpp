// Ops the circuit proves with range checks (comparison by decomposition, EZKL's hybrid
// ops): Relu, LeakyRelu, PRelu, Max, Min, Abs, Sign, Clip, comparisons, boolean logic,
// ReduceMax/Min, MaxPool, ArgMax/ArgMin, TopK. Their outputs are exact integers.
#include "core/model/executor.hpp"
#include "core/model/op_registry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"
#include <cmath>
#include <limits>

namespace ps::fixed {
namespace {

using model::IntTensor;
using quant::i128;

Scale common_scale(const FixedCall& call, size_t first = 0) {
    Scale s = 0;
    bool any = false;
    for (size_t i = first; i < call.input_count(); ++i)
        if (call.present(i) && call.runtime[i]) {
            s = any ? std::max(s, call.runtime[i]->scale) : call.runtime[i]->scale;
            any = true;
        }
    return any ? s : call.env.args.param_scale;
}

FixedResult relu(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    for (auto& v : x.t.data) v = std::max<int64_t>(v, 0);
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size());
    return {{x}, ProofKind::Range};
}

// x ≥ 0 ? x : slope·x, with the slope at param_scale: both branches at scale sx + ps.
FixedResult sloped(const FixedCall& call, const IntTensor& slope) {
    const FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    const Scale ps = call.env.args.param_scale;
    WideTensor y = zip_wide(x.t, slope, [ps](i128 v, i128 a) { return v >= 0 ? v * (i128(1) << ps) : v * a; });
    call.add_cells((call.env.args.decomp_legs + 5) * y.size());
    return {{call.rebase(std::move(y), x.scale + ps)}, ProofKind::Range};
}

FixedResult leaky_relu(const FixedCall& call) {
    const int64_t a = quant::quantize(call.node.attr_float("alpha", 0.01f), call.env.args.param_scale);
    return sloped(call, IntTensor({}, {a}));
}

FixedResult prelu(const FixedCall& call) { return sloped(call, call.at_scale(1, call.env.args.param_scale).t); }

template <bool IsMax>
FixedResult extremum(const FixedCall& call) {
    const Scale s = common_scale(call);
    FixedTensor acc;
    bool first = true;
    for (size_t i = 0; i < call.input_count(); ++i) {
        if (!call.present(i)) continue;
        const FixedTensor v = call.at_scale(i, s);
        if (call.runtime[i]) call.check_range_input(i, v);
        if (first) {
            acc = v;
            first = false;
            continue;
        }
        WideTensor r = zip_wide(acc.t, v.t, [](i128 a, i128 b) { return IsMax ? std::max(a, b) : std::min(a, b); });
        acc = call.narrow(r, s);
    }
    call.add_cells((call.env.args.decomp_legs + 3) * acc.t.size() * std::max<size_t>(1, call.input_count() - 1));
    return {{acc}, ProofKind::Range};
}

FixedResult abs_op(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    for (auto& v : x.t.data) v = std::llabs(v);
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size());
    return {{x}, ProofKind::Range};
}

FixedResult sign(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    for (auto& v : x.t.data) v = (v > 0) - (v < 0);
    x.scale = 0;
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size());
    return {{x}, ProofKind::Range};
}

FixedResult clip(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
    auto bound = [&](size_t i, const char* attr, float fallback, int64_t& out) {
        if (call.present(i)) {
            out = call.at_scale(i, x.scale).t.data.at(0);
        } else if (call.env.graph.opset < 11 && call.node.has_attr(attr)) {
            const float v = call.node.attr_float(attr, fallback);
            if (std::fabs(v) < 1e30f) out = quant::quantize(v, x.scale, model::node_location(call.node));
        }
    };
    bound(1, "min", -std::numeric_limits<float>::max(), lo);
    bound(2, "max", std::numeric_limits<float>::max(), hi);
    call.check_range_input(0, x);
    for (auto& v : x.t.data) v = std::min(std::max(v, lo), hi);
    call.add_cells(2 * (call.env.args.decomp_legs + 3) * x.t.size());
    return {{x}, ProofKind::Range};
}

template <class Cmp>
FixedResult compare(const FixedCall& call, Cmp cmp) {
    const Scale s = common_scale(call);
    const FixedTensor a = call.at_scale(0, s), b = call.at_scale(1, s);
    if (call.runtime[0]) call.check_range_input(0, a);
    if (call.runtime[1]) call.check_range_input(1, b);
    WideTensor r = zip_wide(a.t, b.t, [&](i128 x, i128 y) -> i128 { return cmp(x, y) ? 1 : 0; });
    call.add_cells((call.env.args.decomp_legs + 3) * r.size());
    return {{call.narrow(r, 0)}, ProofKind::Range};
}

FixedResult less(const FixedCall& c) { return compare(c, [](i128 a, i128 b) { return a < b; }); }
FixedResult less_equal(const FixedCall& c) { return compare(c, [](i128 a, i128 b) { return a <= b; }); }
FixedResult greater(const FixedCall& c) { return compare(c, [](i128 a, i128 b) { return a > b; }); }
FixedResult greater_equal(const FixedCall& c) { return compare(c, [](i128 a, i128 b) { return a >= b; }); }
FixedResult equal(const FixedCall& c) { return compare(c, [](i128 a, i128 b) { return a == b; }); }

// Boolean logic on 0/1 values: polynomial gates (a·b, a+b−a·b, a+b−2ab, 1−a).
template <class F>
FixedResult logic(const FixedCall& call, F f) {
    const IntTensor a = call.integers(0);
    WideTensor r = call.present(1) ? zip_wide(a, call.integers(1), [&](i128 x, i128 y) -> i128 { return f(x != 0, y != 0); })
                                   : zip_wide(a, a, [&](i128 x, i128) -> i128 { return f(x != 0, false); });
    call.add_cells(3 * r.size());
    return {{call.narrow(r, 0)}, ProofKind::Linear};
}

FixedResult and_op(const FixedCall& c) { return logic(c, [](bool a, bool b) { return a && b; }); }
FixedResult or_op(const FixedCall& c) { return logic(c, [](bool a, bool b) { return a || b; }); }
FixedResult xor_op(const FixedCall& c) { return logic(c, [](bool a, bool b) { return a != b; }); }
FixedResult not_op(const FixedCall& c) { return logic(c, [](bool a, bool) { return !a; }); }

template <bool IsMax>
FixedResult reduce_extremum(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    std::vector<int64_t> axes = reduction_axes(call);
    if (call.node.op.rfind("Global", 0) == 0)
        for (size_t d = 2; d < x.t.rank(); ++d) axes.push_back(int64_t(d));
    if (axes.empty() && call.node.attr_int("noop_with_empty_axes", 0)) return {{x}, ProofKind::Copy};
    const bool keep = call.node.op.rfind("Global", 0) == 0 || call.node.attr_int("keepdims", 1) != 0;
    const ReductionPlan p = plan_reduction(x.t.shape, axes, keep);
    IntTensor out(p.out_shape, IsMax ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max());
    for (size_t i = 0; i < x.t.size(); ++i) {
        int64_t& o = out.data[p.target[i]];
        o = IsMax ? std::max(o, x.t.data[i]) : std::min(o, x.t.data[i]);
    }
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size());
    return {{FixedTensor{out, x.scale}}, ProofKind::Range};
}

// Order-only ops (which element is largest) computed by the float kernel on the integers
// themselves: exact while every |value| < 2^24, where float32 holds integers exactly.
FixedResult order_via_float_kernel(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    constexpr int64_t exact = int64_t(1) << 24;
    std::vector<model::FloatTensor> storage(call.input_count());
    std::vector<const model::FloatTensor*> args(call.input_count(), nullptr);
    storage[0] = model::FloatTensor(x.t.shape);
    for (size_t k = 0; k < x.t.size(); ++k) {
        if (std::llabs(x.t.data[k]) >= exact)
            call.fail("value " + std::to_string(x.t.data[k]) + " is too large for the exact order kernel (|v| < 2^24)",
                      "lower the scale (--input-scale)");
        storage[0].data[k] = float(x.t.data[k]);
    }
    args[0] = &storage[0];
    std::vector<model::DType> in_types, out_types;
    for (size_t i = 0; i < call.input_count(); ++i) {
        in_types.push_back(call.env.graph.dtype_of(call.node.inputs[i]));
        if (i == 0 || !call.present(i)) continue;
        storage[i] = call.reals(i);
        args[i] = &storage[i];
    }
    for (const auto& o : call.node.outputs) out_types.push_back(call.env.graph.dtype_of(o));
    auto outs = model::run_float_node(call.node, args, in_types, out_types, call.env.graph.opset);
    FixedResult r;
    r.kind = ProofKind::Range;
    for (size_t k = 0; k < outs.size(); ++k) {
        // Indices, and Hardmax's 0/1 indicator, are plain integers at scale 0.
        const bool is_index = (k < out_types.size() && model::is_integer(out_types[k])) || call.node.op == "Hardmax";
        FixedTensor t{IntTensor(outs[k].shape), is_index ? 0 : x.scale};
        for (size_t e = 0; e < outs[k].size(); ++e) t.t.data[e] = int64_t(std::llround(outs[k].data[e]));
        r.outputs.push_back(std::move(t));
    }
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size() * 2);
    return r;
}

}  // namespace

void register_fixed_select_ops(FixedKernelTable& t) {
    t["Relu"] = &relu;
    t["LeakyRelu"] = &leaky_relu;
    t["PRelu"] = &prelu;
    t["Max"] = &extremum<true>;
    t["Min"] = &extremum<false>;
    t["Abs"] = &abs_op;
    t["Sign"] = &sign;
    t["Clip"] = &clip;
    t["Less"] = &less;
    t["LessOrEqual"] = &less_equal;
    t["Greater"] = &greater;
    t["GreaterOrEqual"] = &greater_equal;
    t["Equal"] = &equal;
    t["And"] = &and_op;
    t["Or"] = &or_op;
    t["Xor"] = &xor_op;
    t["Not"] = &not_op;
    t["ReduceMax"] = &reduce_extremum<true>;
    t["ReduceMin"] = &reduce_extremum<false>;
    t["GlobalMaxPool"] = &reduce_extremum<true>;
    t["MaxPool"] = &order_via_float_kernel;
    t["ArgMax"] = &order_via_float_kernel;
    t["ArgMin"] = &order_via_float_kernel;
    t["TopK"] = &order_via_float_kernel;
    t["Hardmax"] = &order_via_float_kernel;
}

}  // namespace ps::fixed
