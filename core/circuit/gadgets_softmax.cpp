// Softmax and LogSoftmax as fixed_ops_lookup.cpp computes them: per row the max (a
// max chain), d = x − max ≤ 0, e = exp-table(d), the row sum S, then
//   Softmax     round(e · 2^s / S), a division by the run-time S (gadget_helpers.hpp)
//   LogSoftmax  d − log-table(S)
// The exp table covers [lookup_range_lo, 0]. S ≥ exp-table(0) = 2^s > 0, since the row's max gives d = 0 and every table value is
// non-negative, so the division needs no check of its divisor.
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::circuit {
namespace {

// The reduced axes: opset < 13 coerces to 2-D at `axis` (default 1), opset >= 13 reduces
// the single `axis` (default −1), as fixed_ops_lookup.cpp's softmax_axes.
std::vector<int64_t> softmax_axes(const NodeContext& c, size_t rank) {
    std::vector<int64_t> axes;
    if (c.circuit.graph.opset < 13) {
        const size_t from = model::normalise_axis(c.node.attr_int("axis", 1), rank);
        for (size_t d = from; d < rank; ++d) axes.push_back(int64_t(d));
    } else {
        axes.push_back(int64_t(model::normalise_axis(c.node.attr_int("axis", -1), rank)));
    }
    return axes;
}

fixed::LookupFunction function_named(const NodeContext& c, const char* op, Scale s) {
    model::Node n;
    n.op = op;
    const auto fn = fixed::lookup_function(n, std::nullopt, s);
    if (!fn) c.fail(std::string("no ") + op + " table at scale " + std::to_string(s));
    return *fn;
}

template <bool Log>
std::vector<WireTensor> softmax(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const Scale s = x.scale;
    const fixed::ReductionPlan p = fixed::plan_reduction(x.shape, softmax_axes(c, x.shape.size()), true);
    const size_t rows = model::element_count(p.out_shape);
    std::vector<std::vector<Wire>> members(rows);
    for (size_t i = 0; i < x.size(); ++i) members[p.target[i]].push_back(x.wires[i]);
    std::vector<Wire> row_max;
    for (const auto& m : members) row_max.push_back(extreme_of(c.b, m, true));

    // d ≤ 0 by construction, so the exp table stops at 0: exp of the positive half of
    // lookup_range would not fit the fixed-point range.
    const fixed::LookupFunction exp_fn = function_named(c, "Exp", s);
    const uint32_t exp_tag = c.b.table("Exp(x<=0)@" + std::to_string(s), c.args().lookup_range_lo,
                                       std::min<int64_t>(0, c.args().lookup_range_hi),
                                       [&](int64_t v) { return fixed::lookup_entry(exp_fn, v, s, s); });
    std::vector<Wire> shifted, e;
    std::vector<std::vector<Wire>> row_e(rows);
    for (size_t i = 0; i < x.size(); ++i) {
        shifted.push_back(c.b.sub(x.wires[i], row_max[p.target[i]]));
        e.push_back(c.b.lookup(exp_tag, shifted.back()));
        row_e[p.target[i]].push_back(e.back());
    }
    std::vector<Wire> sums;
    for (const auto& r : row_e) sums.push_back(c.b.sum(r));

    std::vector<Wire> y;
    if constexpr (!Log) {
        std::vector<RuntimeDivisor> divisors;
        for (const Wire& sum : sums) divisors.push_back(runtime_divisor(c.b, sum));
        for (size_t i = 0; i < x.size(); ++i)
            y.push_back(divide_by(c.b, c.b.scale_by(e[i], i128(1) << s), divisors[p.target[i]], c.claim(i)));
    } else {
        const uint32_t log_tag = function_table(c.b, function_named(c, "Log", s), s, c.args());
        std::vector<Wire> logs;
        for (const Wire& sum : sums) logs.push_back(c.b.lookup(log_tag, sum));
        for (size_t i = 0; i < x.size(); ++i) y.push_back(c.b.sub(shifted[i], logs[p.target[i]]));
    }
    return {WireTensor{x.shape, s, std::move(y)}};
}

}  // namespace

void register_softmax_gadgets(GadgetTable& t) {
    t["Softmax"] = &softmax<false>;
    t["LogSoftmax"] = &softmax<true>;
}

}  // namespace ps::circuit
