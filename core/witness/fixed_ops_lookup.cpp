// Ops the circuit proves with lookup tables over lookup_range (EZKL LookupOp):
// element-wise non-linear functions, and Softmax/LogSoftmax built from an exp table, a
// sum and a range-checked division. Cast to integer types truncates exactly.
#include "core/model/op_registry.hpp"
#include "core/util/error.hpp"
#include "core/witness/fixed_tensor_ops.hpp"
#include "core/witness/lookup_functions.hpp"
#include <cmath>

namespace ps::fixed {
namespace {

using model::IntTensor;
using quant::i128;

void record_lookup(const FixedCall& call, const LookupFunction& fn, Scale s) {
    call.env.stats.lookups.insert({fn.name, s, fn.has_parameter ? fn.parameter : 0.0});
}

FixedResult elementwise_lookup(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    std::optional<double> exponent;
    if (call.node.op == "Pow") {
        if (!call.is_constant(1) || call.constant(1).size() != 1) return float_fallback(call);
        exponent = call.constant(1).data[0];
    }
    const auto fn = lookup_function(call.node, exponent, x.scale);
    if (!fn) return float_fallback(call);
    call.check_lookup_input(0, x);
    record_lookup(call, *fn, x.scale);
    try {
        for (auto& v : x.t.data) v = lookup_entry(*fn, v, x.scale, x.scale);
    } catch (const Error& e) {  // f(x) too large for the scale: say which node
        call.fail(e.where() + ": " + e.problem(), "lower the scale or narrow the lookup_range");
    }
    call.add_cells(2 * x.t.size());
    return {{x}, ProofKind::Lookup};
}

FixedResult cast(const FixedCall& call) {
    FixedTensor x = call.natural(0);
    const auto to = model::DType(call.node.attr_int("to", int64_t(model::DType::Float)));
    if (!model::is_integer(to)) return {{x}, ProofKind::Copy};
    if (to == model::DType::Bool) {
        for (auto& v : x.t.data) v = v != 0;
    } else {
        for (auto& v : x.t.data) v = int64_t(i128(v) / (i128(1) << x.scale));  // toward zero, as C++
    }
    if (x.scale != 0) call.check_range_input(0, x);
    x.scale = 0;
    call.add_cells((call.env.args.decomp_legs + 3) * x.t.size());
    return {{x}, ProofKind::Range};
}

// The reduced axes of Softmax: opset < 13 coerces to 2-D at `axis` (default 1);
// opset >= 13 reduces the single `axis` (default −1).
std::vector<int64_t> softmax_axes(const FixedCall& call, size_t rank) {
    std::vector<int64_t> axes;
    if (call.env.graph.opset < 13) {
        const size_t from = model::normalise_axis(call.node.attr_int("axis", 1), rank);
        for (size_t d = from; d < rank; ++d) axes.push_back(int64_t(d));
    } else {
        axes.push_back(int64_t(model::normalise_axis(call.node.attr_int("axis", -1), rank)));
    }
    return axes;
}

FixedResult softmax(const FixedCall& call, bool log_softmax) {
    const FixedTensor x = call.natural(0);
    const Scale s = x.scale;
    call.check_range_input(0, x);
    const ReductionPlan p = plan_reduction(x.t.shape, softmax_axes(call, x.t.rank()), true);
    std::vector<int64_t> row_max(model::element_count(p.out_shape), std::numeric_limits<int64_t>::min());
    for (size_t i = 0; i < x.t.size(); ++i) row_max[p.target[i]] = std::max(row_max[p.target[i]], x.t.data[i]);
    // d = x − max ≤ 0 is the exp table's input.
    FixedTensor shifted{IntTensor(x.t.shape), s};
    for (size_t i = 0; i < x.t.size(); ++i) shifted.t.data[i] = x.t.data[i] - row_max[p.target[i]];
    call.check_lookup_input(0, shifted);
    model::Node exp_node;
    exp_node.op = "Exp";
    const LookupFunction exp_fn = *lookup_function(exp_node, std::nullopt, s);
    record_lookup(call, exp_fn, s);
    std::vector<i128> sums(row_max.size(), 0);
    IntTensor e(x.t.shape);
    for (size_t i = 0; i < x.t.size(); ++i) {
        e.data[i] = lookup_entry(exp_fn, shifted.t.data[i], s, s);
        sums[p.target[i]] += e.data[i];
    }
    WideTensor out(x.t.shape);
    if (!log_softmax) {
        // The remainder of the division is below the sum, at most group · 2^s: a bound
        // that depends on the shape only, so settings do not depend on the data.
        const int64_t largest_sum = int64_t(p.group) << s;
        for (size_t i = 0; i < x.t.size(); ++i) {
            const i128 sum = sums[p.target[i]];
            out.data[i] = sum > 0 ? quant::div_round(i128(e.data[i]) * (i128(1) << s), sum) : 0;
        }
        call.env.stats.range_checks.insert({0, largest_sum - 1});
        call.add_cells(9 * x.t.size());
    } else {
        model::Node log_node;
        log_node.op = "Log";
        const LookupFunction log_fn = *lookup_function(log_node, std::nullopt, s);
        record_lookup(call, log_fn, s);
        FixedTensor sum_t{IntTensor({int64_t(sums.size())}), s};
        for (size_t r = 0; r < sums.size(); ++r) sum_t.t.data[r] = call.narrow(WideTensor({1}, {sums[r]}), s).t.data[0];
        call.check_lookup_input(0, sum_t);
        for (size_t i = 0; i < x.t.size(); ++i)
            out.data[i] = i128(shifted.t.data[i]) - lookup_entry(log_fn, sum_t.t.data[p.target[i]], s, s);
        call.add_cells(7 * x.t.size());
    }
    return {{call.narrow(out, s)}, ProofKind::Lookup};
}

FixedResult softmax_op(const FixedCall& c) { return softmax(c, false); }
FixedResult log_softmax_op(const FixedCall& c) { return softmax(c, true); }

}  // namespace

void register_fixed_lookup_ops(FixedKernelTable& t) {
    for (const char* op : elementwise_lookup_ops())
        t[op] = &elementwise_lookup;
    t["Cast"] = &cast;
    t["Softmax"] = &softmax_op;
    t["LogSoftmax"] = &log_softmax_op;
}

}  // namespace ps::fixed
