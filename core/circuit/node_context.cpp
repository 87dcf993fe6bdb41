#include "core/circuit/node_context.hpp"

#include "core/model/data_movement.hpp"
#include "core/model/op_registry.hpp"
#include "core/util/error.hpp"

namespace ps::circuit {

const WireTensor* NodeContext::runtime(size_t i) const {
    if (!present(i)) return nullptr;
    auto it = values.find(node.inputs[i]);
    return it == values.end() ? nullptr : &it->second;
}

bool NodeContext::is_constant(size_t i) const {
    return present(i) && !runtime(i) && circuit.graph.initializers.count(node.inputs[i]);
}

const model::FloatTensor& NodeContext::constant(size_t i) const {
    if (!is_constant(i)) fail("input " + std::to_string(i) + " must be a constant (an initialiser)");
    return circuit.graph.initializers.at(node.inputs[i]);
}

bool NodeContext::integer_typed(size_t i) const {
    return present(i) && model::is_integer(circuit.graph.dtype_of(node.inputs[i]));
}

Scale NodeContext::natural_scale(size_t i) const {
    if (const WireTensor* r = runtime(i)) return r->scale;
    return integer_typed(i) ? 0 : args().param_scale;
}

Scale NodeContext::common_scale() const {
    Scale s = 0;
    bool any = false;
    for (size_t i = 0; i < input_count(); ++i)
        if (const WireTensor* r = runtime(i)) {
            s = any ? std::max(s, r->scale) : r->scale;
            any = true;
        }
    return any ? s : args().param_scale;
}

Scale NodeContext::data_scale() const {
    Scale s = args().input_scale, last_natural = s;
    bool any = false;
    for (size_t i = 0; i < input_count(); ++i) {
        if (!present(i) || model::is_index_input(node.op, i)) continue;
        last_natural = natural_scale(i);
        if (const WireTensor* r = runtime(i)) {
            s = any ? std::max(s, r->scale) : r->scale;
            any = true;
        }
    }
    return any ? s : last_natural;
}

std::vector<int64_t> NodeContext::reduction_axes() const {
    if (!present(1)) return node.attr_ints("axes");
    if (!is_constant(1)) fail("reduction axes computed at run time are not supported");
    return model::to_ints(constant(1));
}

const fixed::FixedTensor& NodeContext::param(size_t i, Scale s) const {
    if (!is_constant(i)) fail("input '" + (present(i) ? node.inputs[i] : std::string("?")) + "' has no value");
    return params.get(node.inputs[i], s, location());
}

WireTensor NodeContext::param_tensor(size_t i, Scale s) {
    const auto key = std::pair{node.inputs.at(i), s};
    if (auto it = param_wires.cells.find(key); it != param_wires.cells.end()) return it->second;
    const fixed::FixedTensor& p = param(i, s);
    WireTensor t{p.t.shape, s, {}};
    t.wires.reserve(p.t.size());
    const Visibility v = args().param_visibility;
    for (int64_t value : p.t.data) {
        if (v == Visibility::Fixed) {
            t.wires.push_back(b.constant(value));
        } else {
            Wire w = b.witness(value);
            b.range_check_small(w);  // a private weight is still a quantised number
            if (v == Visibility::Public) b.expose(w);
            t.wires.push_back(w);
        }
    }
    return param_wires.cells[key] = t;
}

WireTensor NodeContext::at_scale(size_t i, Scale s) {
    if (!present(i)) fail("input " + std::to_string(i) + " is missing");
    const WireTensor* r = runtime(i);
    if (!r) return param_tensor(i, s);
    if (r->scale == s) return *r;
    WireTensor out{r->shape, s, {}};
    out.wires.reserve(r->size());
    if (s > r->scale) {
        const i128 factor = i128(1) << (s - r->scale);
        for (const Wire& w : r->wires) out.wires.push_back(b.scale_by(w, factor));
    } else {
        const i128 d = i128(1) << (r->scale - s);
        for (const Wire& w : r->wires) out.wires.push_back(b.divide(w, d));
    }
    return out;
}

WireTensor NodeContext::natural(size_t i) { return at_scale(i, natural_scale(i)); }

std::optional<i128> NodeContext::claim(size_t element, size_t output) const {
    if (output >= claimed.size() || !claimed[output] || element >= claimed[output]->size()) return std::nullopt;
    return i128((*claimed[output])[element]);
}

std::vector<Wire> NodeContext::divide_all(const std::vector<Wire>& n, i128 d) {
    std::vector<Wire> out;
    out.reserve(n.size());
    for (size_t k = 0; k < n.size(); ++k) out.push_back(b.divide(n[k], d, claim(k)));
    return out;
}

WireTensor NodeContext::rebase(const model::Shape& shape, std::vector<Wire> wide, Scale scale) {
    const Scale target = args().input_scale;
    if (scale > target * Scale(args().scale_rebase_multiplier) && scale > target) {
        wide = divide_all(wide, i128(1) << (scale - target));
        scale = target;
    }
    return WireTensor{shape, scale, std::move(wide)};
}

std::string NodeContext::location() const { return model::node_location(node); }

void NodeContext::fail(const std::string& problem, const std::string& fix) const {
    throw Error(location(), problem, fix);
}

const Gadget* find_gadget(const std::string& op) {
    static const GadgetTable table = [] {
        GadgetTable t;
        register_copy_gadgets(t);
        register_gather_gadgets(t);
        register_linear_gadgets(t);
        register_select_gadgets(t);
        register_lookup_gadgets(t);
        register_conv_gadgets(t);
        register_order_gadgets(t);
        register_softmax_gadgets(t);
        register_division_gadgets(t);
        register_logic_gadgets(t);
        register_norm_gadgets(t);
        return t;
    }();
    auto it = table.find(op);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace ps::circuit
