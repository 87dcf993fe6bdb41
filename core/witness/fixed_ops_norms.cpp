// Norm reductions (ReduceL1, ReduceSumSquare, ReduceL2) and Shape/Size, which the
// corpus would otherwise run by float fallback. L1 is a range-checked |x| and a sum;
// the squares are products, rebased like Mul; L2 takes the square root by lookup.
#include "core/model/op_registry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"
#include "core/witness/lookup_functions.hpp"

namespace ps::fixed {
namespace {

using model::IntTensor;
using quant::i128;

ReductionPlan plan_for(const FixedCall& call, const FixedTensor& x) {
    return plan_reduction(x.t.shape, reduction_axes(call), call.node.attr_int("keepdims", 1) != 0);
}

FixedResult reduce_l1(const FixedCall& call) {
    const FixedTensor x = call.natural(0);
    call.check_range_input(0, x);
    const ReductionPlan p = plan_for(call, x);
    WideTensor out(p.out_shape);
    for (size_t i = 0; i < x.t.size(); ++i) out.data[p.target[i]] += x.t.data[i] < 0 ? -i128(x.t.data[i]) : i128(x.t.data[i]);
    call.add_cells((call.env.args.decomp_legs + 5) * x.t.size());
    return {{call.narrow(out, x.scale)}, ProofKind::Range};
}

FixedTensor sum_of_squares(const FixedCall& call, const FixedTensor& x) {
    const ReductionPlan p = plan_for(call, x);
    WideTensor out(p.out_shape);
    for (size_t i = 0; i < x.t.size(); ++i) out.data[p.target[i]] += i128(x.t.data[i]) * x.t.data[i];
    call.add_cells(3 * x.t.size());
    return call.rebase(std::move(out), 2 * x.scale);
}

FixedResult reduce_sum_square(const FixedCall& call) { return {{sum_of_squares(call, call.natural(0))}, ProofKind::Linear}; }

FixedResult reduce_l2(const FixedCall& call) {
    FixedTensor s = sum_of_squares(call, call.natural(0));
    model::Node sqrt_node;
    sqrt_node.op = "Sqrt";
    const LookupFunction fn = *lookup_function(sqrt_node, std::nullopt, s.scale);
    // The sum is an intermediate, not a graph value: its bound is recorded on the output.
    call.check_lookup_input(call.input_count(), s);
    call.env.stats.lookups.insert({fn.name, s.scale, 0.0});
    for (auto& v : s.t.data) v = lookup_entry(fn, v, s.scale, s.scale);
    call.add_cells(2 * s.t.size());
    return {{s}, ProofKind::Lookup};
}

// Shape (opset 15: start/end attributes) and Size: integers fixed by the graph.
FixedResult shape(const FixedCall& call) {
    const model::Shape dims = call.natural(0).t.shape;
    const int64_t rank = int64_t(dims.size());
    auto clamp_axis = [rank](int64_t a) { return std::clamp(a < 0 ? a + rank : a, int64_t(0), rank); };
    const int64_t start = clamp_axis(call.node.attr_int("start", 0));
    const int64_t end = clamp_axis(call.node.attr_int("end", rank));
    IntTensor out({std::max<int64_t>(0, end - start)});
    for (int64_t i = start; i < end; ++i) out.data[size_t(i - start)] = dims[size_t(i)];
    return {{FixedTensor{out, 0}}, ProofKind::Copy};
}

FixedResult size(const FixedCall& call) {
    return {{FixedTensor{IntTensor({}, {int64_t(model::element_count(call.natural(0).t.shape))}), 0}}, ProofKind::Copy};
}

}  // namespace

void register_fixed_norm_ops(FixedKernelTable& t) {
    t["ReduceL1"] = &reduce_l1;
    t["ReduceSumSquare"] = &reduce_sum_square;
    t["ReduceL2"] = &reduce_l2;
    t["Shape"] = &shape;
    t["Size"] = &size;
}

}  // namespace ps::fixed
