// Element-wise non-linear functions as logUp lookups into (tag, x, f(x)) tables over
// lookup_range, built from the same LookupFunction the witness uses (lookup_functions.hpp),
// so the table and the witness cannot disagree.
#include "core/circuit/gadget_helpers.hpp"
#include "core/circuit/node_context.hpp"
#include "core/witness/lookup_functions.hpp"

namespace ps::circuit {
namespace {

std::vector<WireTensor> elementwise_lookup(NodeContext& c) {
    const WireTensor x = c.natural(0);
    std::optional<double> exponent;
    if (c.node.op == "Pow") {
        if (!c.is_constant(1) || c.constant(1).size() != 1) c.fail("Pow with a non-scalar or run-time exponent is not provable");
        exponent = c.constant(1).data[0];
    }
    const auto fn = fixed::lookup_function(c.node, exponent, x.scale);
    if (!fn) c.fail(c.node.op + " has no lookup table here (the witness computes it by float fallback)");
    const uint32_t tag = function_table(c.b, *fn, x.scale, c.args());
    WireTensor y{x.shape, x.scale, {}};
    for (size_t e = 0; e < x.size(); ++e) y.wires.push_back(c.b.lookup(tag, x.wires[e], c.claim(e)));
    return {y};
}

}  // namespace

void register_lookup_gadgets(GadgetTable& t) {
    for (const char* op : fixed::elementwise_lookup_ops())
        t[op] = &elementwise_lookup;
}

}  // namespace ps::circuit
