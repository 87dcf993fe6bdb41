// Order ops (fixed_ops_select.cpp's reduce_extremum and order_via_float_kernel): MaxPool,
// GlobalMaxPool, ReduceMax, ReduceMin as chains of max/min via the sign gadget, and
// ArgMax, ArgMin, Hardmax as a proved one-hot selection (gadget_helpers.hpp). TopK is
// not proved (it would need a proof of a sorted permutation).
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"
#include "core/model/window_geometry.hpp"
#include "core/witness/fixed_tensor_ops.hpp"

namespace ps::circuit {
namespace {

using model::Shape;

void reject_second_output(const NodeContext& c) {
    if (c.node.outputs.size() > 1 && !c.node.outputs[1].empty())
        c.fail(c.node.op + "'s second output (Indices) is not provable yet", "use only the pooled values");
}

// The float MaxPool's window (model::make_window_geometry): the max over the cells
// inside the input; padding never wins.
std::vector<WireTensor> max_pool(NodeContext& c) {
    reject_second_output(c);
    const WireTensor x = c.natural(0);
    if (x.shape.size() < 3) c.fail("MaxPool expects X [N, C, spatial...], found " + model::shape_to_string(x.shape));
    const Shape in(x.shape.begin() + 2, x.shape.end());
    const model::WindowGeometry g =
        model::make_window_geometry(c.node, in, c.node.attr_ints("kernel_shape"), c.node.attr_int("ceil_mode", 0) != 0);
    Shape out_shape{x.shape[0], x.shape[1]};
    out_shape.insert(out_shape.end(), g.output.begin(), g.output.end());
    const size_t planes = size_t(x.shape[0] * x.shape[1]);
    std::vector<Wire> y, cells;
    for (size_t pl = 0; pl < planes; ++pl)
        for (size_t o = 0; o < g.output_count; ++o) {
            cells.clear();
            for (size_t k = 0; k < g.kernel_count; ++k)
                if (const int64_t off = g.offsets[o * g.kernel_count + k]; off >= 0)
                    cells.push_back(x.wires[pl * g.input_count + size_t(off)]);
            if (cells.empty()) c.fail("a MaxPool window lies entirely in the padding");
            y.push_back(extreme_of(c.b, cells, true));
        }
    return {WireTensor{out_shape, x.scale, std::move(y)}};
}

template <bool IsMax>
std::vector<WireTensor> reduce_extremum(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const bool global = c.node.op.rfind("Global", 0) == 0;
    std::vector<int64_t> axes;
    if (!global) {
        axes = c.reduction_axes();
        if (axes.empty() && c.node.attr_int("noop_with_empty_axes", 0)) return {x};
    } else {
        for (size_t d = 2; d < x.shape.size(); ++d) axes.push_back(int64_t(d));
    }
    const bool keep = global || c.node.attr_int("keepdims", 1) != 0;
    const fixed::ReductionPlan p = fixed::plan_reduction(x.shape, axes, keep);
    std::vector<std::vector<Wire>> groups(model::element_count(p.out_shape));
    for (size_t i = 0; i < x.size(); ++i) groups[p.target[i]].push_back(x.wires[i]);
    std::vector<Wire> y;
    for (const auto& g : groups) y.push_back(extreme_of(c.b, g, IsMax));
    return {WireTensor{p.out_shape, x.scale, std::move(y)}};
}

// ONNX ArgMax/ArgMin: the index along `axis` (first on ties, last with select_last_index).
template <bool IsMax>
std::vector<WireTensor> arg_extreme(NodeContext& c) {
    const WireTensor x = c.natural(0);
    if (x.shape.empty()) c.fail(c.node.op + " of a scalar");
    const size_t axis = model::normalise_axis(c.node.attr_int("axis", 0), x.shape.size());
    const bool keepdims = c.node.attr_int("keepdims", 1) != 0, last = c.node.attr_int("select_last_index", 0) != 0;
    const model::AxisSplit s = model::split_at_axis(x.shape, axis);
    if (s.length == 0) c.fail("an arg-extreme over an empty axis");
    Shape shape = x.shape;
    if (keepdims) shape[axis] = 1;
    else shape.erase(shape.begin() + std::ptrdiff_t(axis));
    std::vector<Wire> y(s.outer * s.inner), row(s.length);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            for (size_t k = 0; k < s.length; ++k) row[k] = x.wires[(o * s.length + k) * s.inner + in];
            const size_t at = o * s.inner + in;
            y[at] = select_extreme(c.b, row, IsMax, last, c.claim(at)).index;
        }
    return {WireTensor{shape, 0, std::move(y)}};
}

// Hardmax: 1 at the first largest element along the axis (opset < 13: of the rows of the
// 2-D coercion at `axis`), 0 elsewhere; the one-hot bits are the output.
std::vector<WireTensor> hardmax(NodeContext& c) {
    const WireTensor x = c.natural(0);
    const bool legacy = c.circuit.graph.opset < 13;
    const size_t axis = model::normalise_axis(c.node.attr_int("axis", legacy ? 1 : -1), std::max<size_t>(x.shape.size(), 1));
    model::AxisSplit s = model::split_at_axis(x.shape, axis);
    if (legacy) {
        s.length *= s.inner;
        s.inner = 1;
    }
    std::vector<Wire> y(x.size()), row(s.length);
    for (size_t o = 0; o < s.outer; ++o)
        for (size_t in = 0; in < s.inner; ++in) {
            auto at = [&](size_t k) { return (o * s.length + k) * s.inner + in; };
            for (size_t k = 0; k < s.length; ++k) row[k] = x.wires[at(k)];
            // The claimed one-hot row names the claimed position (the first 1, if any).
            std::optional<i128> claimed;
            if (c.claim(at(0))) {
                claimed = i128(s.length);  // no 1 claimed: no bit set, the sum check fails
                for (size_t k = 0; k < s.length; ++k)
                    if (c.claim(at(k)) == i128(1)) {
                        claimed = i128(k);
                        break;
                    }
            }
            const OneHot h = select_extreme(c.b, row, true, false, claimed);
            for (size_t k = 0; k < s.length; ++k) y[at(k)] = h.bits[k];
        }
    return {WireTensor{x.shape, 0, std::move(y)}};
}

}  // namespace

void register_order_gadgets(GadgetTable& t) {
    t["MaxPool"] = &max_pool;
    t["GlobalMaxPool"] = &reduce_extremum<true>;
    t["ReduceMax"] = &reduce_extremum<true>;
    t["ReduceMin"] = &reduce_extremum<false>;
    t["ArgMax"] = &arg_extreme<true>;
    t["ArgMin"] = &arg_extreme<false>;
    t["Hardmax"] = &hardmax;
}

}  // namespace ps::circuit
