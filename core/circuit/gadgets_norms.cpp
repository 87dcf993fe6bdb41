// Norm reductions as fixed_ops_norms.cpp computes them: ReduceL1 = Σ |x| with
// |x| = 2·relu(x) − x (one sign gadget per element, one dot-product-fixed per output),
// ReduceSumSquare = Σ x·x rebased like Mul, ReduceL2 = the sqrt table's value of that.
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::circuit {
namespace {

fixed::ReductionPlan plan_for(const NodeContext& c, const WireTensor& x) {
    return fixed::plan_reduction(x.shape, c.reduction_axes(), c.node.attr_int("keepdims", 1) != 0);
}

std::vector<WireTensor> reduce_l1(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const fixed::ReductionPlan p = plan_for(c, x);
    std::vector<std::vector<Wire>> terms(model::element_count(p.out_shape));
    std::vector<std::vector<i128>> weights(terms.size());
    for (size_t i = 0; i < x.size(); ++i) {
        const size_t o = p.target[i];
        terms[o].push_back(c.b.sign(x.wires[i]).relu);
        terms[o].push_back(x.wires[i]);
        weights[o].push_back(2);
        weights[o].push_back(-1);
    }
    std::vector<Wire> y;
    for (size_t o = 0; o < terms.size(); ++o) y.push_back(c.b.dot_fixed(terms[o], weights[o]));
    return {WireTensor{p.out_shape, x.scale, std::move(y)}};
}

// Σ x² per output, at scale 2s, rebased when that exceeds the rebase threshold: by
// NodeContext::rebase when it is the output (the witness claims the quotients), else
// (ReduceL2's intermediate, which the witness does not hold) by the same rule unclaimed.
WireTensor sum_of_squares(NodeContext& c, const WireTensor& x, bool is_output) {
    const fixed::ReductionPlan p = plan_for(c, x);
    std::vector<std::vector<Wire>> groups(model::element_count(p.out_shape));
    for (size_t i = 0; i < x.size(); ++i) groups[p.target[i]].push_back(x.wires[i]);
    std::vector<Wire> y;
    for (const auto& g : groups) y.push_back(c.b.dot(g, g));
    const Scale scale = 2 * x.scale, target = c.args().input_scale;
    if (is_output) return c.rebase(p.out_shape, std::move(y), scale);
    if (scale > target * Scale(c.args().scale_rebase_multiplier) && scale > target) {
        for (Wire& w : y) w = c.b.divide(w, i128(1) << (scale - target));
        return WireTensor{p.out_shape, target, std::move(y)};
    }
    return WireTensor{p.out_shape, scale, std::move(y)};
}

std::vector<WireTensor> reduce_sum_square(NodeContext& c) { return {sum_of_squares(c, c.natural(0), true)}; }

std::vector<WireTensor> reduce_l2(NodeContext& c) {
    WireTensor s = sum_of_squares(c, c.natural(0), false);
    model::Node sqrt_node;
    sqrt_node.op = "Sqrt";
    const auto fn = fixed::lookup_function(sqrt_node, std::nullopt, s.scale);
    if (!fn) c.fail("no Sqrt table at scale " + std::to_string(s.scale));
    const uint32_t tag = function_table(c.b, *fn, s.scale, c.args());
    for (size_t e = 0; e < s.size(); ++e) s.wires[e] = c.b.lookup(tag, s.wires[e], c.claim(e));
    return {s};
}

}  // namespace

void register_norm_gadgets(GadgetTable& t) {
    t["ReduceL1"] = &reduce_l1;
    t["ReduceSumSquare"] = &reduce_sum_square;
    t["ReduceL2"] = &reduce_l2;
}

}  // namespace ps::circuit
