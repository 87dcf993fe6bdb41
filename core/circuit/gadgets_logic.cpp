// Boolean logic, equality, sign and integer casts (fixed_ops_select.cpp and
// fixed_ops_lookup.cpp's cast), and Where with a condition computed at run time.
//   And a·b   Or a + b − ab   Xor a + b − 2ab   Not 1 − a, inputs proved boolean
//   Equal     [b − a ≥ 0]·[a − b ≥ 0]           Sign [x ≥ 0] − [−x ≥ 0]
//   Cast      to an integer type: x / 2^s truncated toward zero (to bool: [x ≠ 0])
//   Where     b + c·(a − b), c proved boolean
// Comparisons go through the sign gadget, so their operands must satisfy |v| <
// limb_span, as the kernels' check_range_input demands.
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/data_movement.hpp"
#include "core/model/tensor_index.hpp"

namespace ps::circuit {
namespace {

using model::Shape;

Gadget copy_cast = nullptr;      // gadgets_copy.cpp's Cast (to float types)
Gadget constant_where = nullptr;  // gadgets_copy.cpp's Where (constant condition)

// Input i as 0/1 wires at scale 0, each proved boolean unless it is a fixed constant.
WireTensor boolean_input(NodeContext& c, size_t i) {
    WireTensor t = c.natural(i);
    if (t.scale != 0) c.fail("input '" + c.node.inputs[i] + "' of " + c.node.op + " is at scale " + std::to_string(t.scale) + ", not a boolean");
    if (!(c.is_constant(i) && c.params_fixed()))
        for (const Wire& w : t.wires) check_boolean(c.b, w);
    return t;
}

enum class Logic { And, Or, Xor };

template <Logic L>
std::vector<WireTensor> logic(NodeContext& c) {
    const WireTensor a = boolean_input(c, 0), b = boolean_input(c, 1);
    const Shape shape = model::broadcast_shapes(a.shape, b.shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    WireTensor out{shape, 0, {}};
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        const Wire& x = a.wires[ma[e]];
        const Wire& y = b.wires[mb[e]];
        const Wire xy = c.b.mul(x, y);
        if (L == Logic::And) {
            out.wires.push_back(xy);
            continue;
        }
        const Wire terms[3] = {x, y, xy};
        const i128 weights[3] = {1, 1, L == Logic::Or ? -1 : -2};
        out.wires.push_back(c.b.dot_fixed(terms, weights));
    }
    return {out};
}

std::vector<WireTensor> not_op(NodeContext& c) {
    WireTensor a = boolean_input(c, 0);
    const Wire one = c.b.constant(1);
    for (Wire& w : a.wires) w = c.b.sub(one, w);
    return {a};
}

// [a = b] = [b − a ≥ 0]·[a − b ≥ 0]
Wire equal(CircuitBuilder& b, const Wire& x, const Wire& y) {
    return b.mul(b.sign(b.sub(y, x)).bit, b.sign(b.sub(x, y)).bit);
}

std::vector<WireTensor> equal_op(NodeContext& c) {
    const Scale s = c.common_scale();
    const WireTensor a = c.at_scale(0, s), b = c.at_scale(1, s);
    const Shape shape = model::broadcast_shapes(a.shape, b.shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    WireTensor out{shape, 0, {}};
    for (size_t e = 0; e < model::element_count(shape); ++e) out.wires.push_back(equal(c.b, a.wires[ma[e]], b.wires[mb[e]]));
    return {out};
}

std::vector<WireTensor> sign_op(NodeContext& c) {
    WireTensor x = c.natural(0);
    const Wire zero = c.b.constant(0);
    for (Wire& w : x.wires) w = c.b.sub(c.b.sign(w).bit, c.b.sign(c.b.sub(zero, w)).bit);
    x.scale = 0;
    return {x};
}

std::vector<WireTensor> cast(NodeContext& c) {
    const auto to = model::DType(c.node.attr_int("to", int64_t(model::DType::Float)));
    if (!model::is_integer(to)) return copy_cast(c);
    WireTensor x = c.natural(0);
    if (to == model::DType::Bool) {
        const Wire zero = c.b.constant(0), one = c.b.constant(1);
        for (Wire& w : x.wires) w = c.b.sub(one, equal(c.b, w, zero));
    } else if (x.scale != 0) {
        for (Wire& w : x.wires) w = truncate_div(c.b, w, i128(1) << x.scale);
    }
    x.scale = 0;
    return {x};
}

// Where(cond, a, b) with a run-time condition; the data inputs at the scale
// fixed_ops_copy.cpp brings them to (the largest run-time data scale).
std::vector<WireTensor> where(NodeContext& c) {
    if (c.is_constant(0)) return constant_where(c);
    const Scale scale = c.data_scale();
    const WireTensor cond = boolean_input(c, 0), a = c.at_scale(1, scale), b = c.at_scale(2, scale);
    const Shape shape = model::broadcast_shapes(model::broadcast_shapes(cond.shape, a.shape), b.shape);
    const auto mc = model::broadcast_map(cond.shape, shape), ma = model::broadcast_map(a.shape, shape),
               mb = model::broadcast_map(b.shape, shape);
    WireTensor out{shape, scale, {}};
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        const Wire& y = b.wires[mb[e]];
        out.wires.push_back(c.b.add(y, c.b.mul(cond.wires[mc[e]], c.b.sub(a.wires[ma[e]], y))));
    }
    return {out};
}

}  // namespace

void register_logic_gadgets(GadgetTable& t) {
    // Refines Cast and Where of register_copy_gadgets, which must run first.
    copy_cast = t.at("Cast");
    constant_where = t.at("Where");
    t["And"] = &logic<Logic::And>;
    t["Or"] = &logic<Logic::Or>;
    t["Xor"] = &logic<Logic::Xor>;
    t["Not"] = &not_op;
    t["Equal"] = &equal_op;
    t["Sign"] = &sign_op;
    t["Cast"] = &cast;
    t["Where"] = &where;
}

}  // namespace ps::circuit
