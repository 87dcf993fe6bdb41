#pragma once
// What a gadget sees while laying out one graph node: the builder, the wires of its
// runtime inputs, its parameters (at the scale the fixed-point kernel used, through the
// same ParamStore), the witness's claimed outputs, and helpers that mirror the kernel's
// FixedCall (natural, at_scale, rebase) in constraints.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/circuit/circuit_builder.hpp"
#include "core/witness/fixed_point.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::circuit {

// Parameter wires by (name, scale): one set of cells per parameter however often used.
struct ParamWires {
    std::map<std::pair<std::string, Scale>, WireTensor> cells;
};

struct NodeContext {
    const model::Node& node;
    CircuitBuilder& b;
    const CompiledCircuit& circuit;
    fixed::ParamStore& params;
    ParamWires& param_wires;
    const std::map<std::string, WireTensor>& values;  // runtime values laid out so far
    // The witness's values of this node's outputs (nullptr when the trace lacks one).
    std::vector<const std::vector<int64_t>*> claimed;

    const RunArgs& args() const { return circuit.settings.run_args; }
    size_t input_count() const { return node.inputs.size(); }
    bool present(size_t i) const { return i < node.inputs.size() && !node.inputs[i].empty(); }
    const WireTensor* runtime(size_t i) const;  // nullptr for constants
    bool is_constant(size_t i) const;
    const model::FloatTensor& constant(size_t i) const;
    bool integer_typed(size_t i) const;
    Scale natural_scale(size_t i) const;
    // The scale several inputs are aligned to (Add, Max, comparisons…): the largest
    // runtime input's, or param_scale when every input is a constant (the kernels' rule).
    Scale common_scale() const;
    // The scale data movement brings its data inputs (those that are not indices, shapes
    // or conditions) to, as fixed_ops_copy.cpp does: the largest runtime data input's,
    // or the last data input's natural scale when every data input is a constant.
    Scale data_scale() const;
    // A reduction's axes: input 1 (opset ≥ 13/18, which must be a constant) or the
    // "axes" attribute, as the fixed-point kernels read them.
    std::vector<int64_t> reduction_axes() const;

    // Parameter values at scale s (as the kernel quantised them).
    const fixed::FixedTensor& param(size_t i, Scale s) const;
    // True when parameters enter dot products as fixed weights (param_visibility fixed).
    bool params_fixed() const { return args().param_visibility == Visibility::Fixed; }
    // Input i as wires at scale s: runtime values rescaled in-circuit (×2^k exactly, or
    // ÷2^k with rounding), parameters as constant cells (fixed) or witness cells.
    WireTensor at_scale(size_t i, Scale s);
    WireTensor natural(size_t i);
    // Wires of a parameter tensor at scale s.
    WireTensor param_tensor(size_t i, Scale s);

    // EZKL's RebaseScale as FixedCall::rebase: divides by 2^shift once the product scale
    // exceeds input_scale · scale_rebase_multiplier. The claimed outputs (output 0) are
    // the quotients.
    WireTensor rebase(const model::Shape& shape, std::vector<Wire> wide, Scale scale);
    // ÷d for every wire, quotients claimed by output 0 when present.
    std::vector<Wire> divide_all(const std::vector<Wire>& n, i128 d);

    std::optional<i128> claim(size_t element, size_t output = 0) const;
    std::string location() const;
    [[noreturn]] void fail(const std::string& problem, const std::string& fix = {}) const;
};

using Gadget = std::vector<WireTensor> (*)(NodeContext&);

// nullptr when no gadget proves `op` yet.
const Gadget* find_gadget(const std::string& op);

using GadgetTable = std::map<std::string, Gadget>;
void register_linear_gadgets(GadgetTable&);
void register_select_gadgets(GadgetTable&);
void register_lookup_gadgets(GadgetTable&);
void register_copy_gadgets(GadgetTable&);
void register_gather_gadgets(GadgetTable&);  // after register_copy_gadgets
void register_conv_gadgets(GadgetTable&);
void register_order_gadgets(GadgetTable&);
void register_softmax_gadgets(GadgetTable&);
void register_division_gadgets(GadgetTable&);  // after register_linear_gadgets
void register_logic_gadgets(GadgetTable&);     // after register_copy_gadgets
void register_norm_gadgets(GadgetTable&);

}  // namespace ps::circuit
