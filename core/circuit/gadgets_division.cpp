// Div where fixed_ops_linear.cpp's div does not divide by a constant real (those stay in
// gadgets_linear.cpp): by a divisor computed at run time, and integer division
// (truncating) by a constant.
//   run time  q = ±round(a · 2^sb / |b|) with |b| = 0 read as 1 (the kernel's choice),
//             i.e. the divisor max(|b|, 1) = 1 + relu(|b| − 1), divided by
//             gadget_helpers' divide_by, the sign restored with b's sign bit.
//   integer   a / d truncated toward zero, −(a / |d|) for d < 0.
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/model/tensor_index.hpp"

namespace ps::circuit {
namespace {

using model::Shape;

Gadget constant_div = nullptr;  // gadgets_linear.cpp's Div, for constant real divisors

std::vector<WireTensor> integer_div(NodeContext& c) {
    if (!c.is_constant(1)) c.fail("integer division by a value computed at run time is not provable yet");
    const WireTensor a = c.natural(0);
    const model::FloatTensor& k = c.constant(1);
    const model::IntTensor d(k.shape, model::to_ints(k));
    const Shape shape = model::broadcast_shapes(a.shape, d.shape);
    const auto ma = model::broadcast_map(a.shape, shape), md = model::broadcast_map(d.shape, shape);
    const Wire zero = c.b.constant(0);
    std::vector<Wire> out;
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        const int64_t divisor = d.data[md[e]];
        if (divisor == 0) c.fail("integer division by the constant 0");
        const Wire q = truncate_div(c.b, a.wires[ma[e]], divisor > 0 ? divisor : -i128(divisor));
        out.push_back(divisor > 0 ? q : c.b.sub(zero, q));
    }
    return {WireTensor{shape, 0, std::move(out)}};
}

std::vector<WireTensor> runtime_div(NodeContext& c) {
    const WireTensor a = c.natural(0), b = c.natural(1);
    const Shape shape = model::broadcast_shapes(a.shape, b.shape);
    const auto ma = model::broadcast_map(a.shape, shape), mb = model::broadcast_map(b.shape, shape);
    const Wire one = c.b.constant(1);
    // One divisor per element of b, however often it is broadcast.
    std::vector<Wire> positive;  // [b ≥ 0]
    std::vector<RuntimeDivisor> divisors;
    for (const Wire& y : b.wires) {
        const CircuitBuilder::SignResult sg = c.b.sign(y);
        const Wire terms[2] = {sg.relu, y};
        const i128 weights[2] = {2, -1};
        const Wire magnitude = c.b.dot_fixed(terms, weights);
        const Wire at_least_one = c.b.add(c.b.sign(c.b.sub(magnitude, one)).relu, one);
        positive.push_back(sg.bit);
        divisors.push_back(runtime_divisor(c.b, at_least_one));
    }
    const i128 lift = i128(1) << b.scale;
    std::vector<Wire> out;
    for (size_t e = 0; e < model::element_count(shape); ++e) {
        const size_t j = mb[e];
        std::optional<i128> claimed = c.claim(e);
        if (claimed && b.wires[j].value < 0) claimed = -*claimed;
        const Wire q = divide_by(c.b, c.b.scale_by(a.wires[ma[e]], lift), divisors[j], claimed);
        const Wire signed_terms[2] = {c.b.mul(positive[j], q), q};
        const i128 signs[2] = {2, -1};
        out.push_back(c.b.dot_fixed(signed_terms, signs));
    }
    return {WireTensor{shape, a.scale, std::move(out)}};
}

std::vector<WireTensor> div(NodeContext& c) {
    if (c.integer_typed(0) && c.integer_typed(1)) return integer_div(c);
    if (!c.is_constant(1)) return runtime_div(c);
    return constant_div(c);
}

}  // namespace

void register_division_gadgets(GadgetTable& t) {
    // Refines the Div of register_linear_gadgets, which must run first.
    constant_div = t.at("Div");
    t["Div"] = &div;
}

}  // namespace ps::circuit
