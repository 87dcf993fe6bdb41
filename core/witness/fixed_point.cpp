#include "core/witness/fixed_point.hpp"
#include "core/model/executor.hpp"
#include "core/model/op_registry.hpp"
#include "core/model/tensor_index.hpp"
#include <algorithm>
#include <cmath>

namespace ps::fixed {

using model::FloatTensor;
using model::IntTensor;
using quant::i128;

const char* proof_kind_name(ProofKind k) {
    switch (k) {
        case ProofKind::Input: return "input";
        case ProofKind::Linear: return "linear";
        case ProofKind::Lookup: return "lookup";
        case ProofKind::Range: return "range";
        case ProofKind::Copy: return "copy";
        case ProofKind::FloatFallback: return "float-fallback";
    }
    return "linear";
}

std::optional<ProofKind> proof_kind_from_name(std::string_view name) {
    for (ProofKind k : {ProofKind::Input, ProofKind::Linear, ProofKind::Lookup, ProofKind::Range, ProofKind::Copy,
                        ProofKind::FloatFallback})
        if (name == proof_kind_name(k)) return k;
    return std::nullopt;
}

int64_t range_check_bound(const RunArgs& args) {
    i128 b = 1;
    for (uint32_t i = 0; i < args.decomp_legs && b < (i128(1) << 62); ++i) b *= args.decomp_base;
    return int64_t(std::min<i128>(b / 2, i128(1) << 62));
}

static bool integer_dtype(const model::Graph& g, const std::string& name) {
    return model::is_integer(g.dtype_of(name));
}

const FixedTensor& ParamStore::get(const std::string& name, Scale scale, const std::string& where) {
    const auto key = std::pair{name, scale};
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    const std::string scaled_name = name + "@" + std::to_string(scale);
    const QuantisedTensor* stored = nullptr;
    if (auto it = params_.find(name); it != params_.end() && it->second.scale == scale) stored = &it->second;
    else if (auto it2 = params_.find(scaled_name); it2 != params_.end()) stored = &it2->second;
    if (!stored) {
        if (frozen_)
            throw Error(where, "the compiled circuit holds no parameter '" + name + "' at scale " +
                                   std::to_string(scale),
                        "recompile the circuit with this version of proofscope-cli compile-circuit");
        auto init = graph_.initializers.find(name);
        if (init == graph_.initializers.end()) throw Error(where, "initialiser '" + name + "' is missing");
        QuantisedTensor q;
        q.scale = scale;
        q.tensor.shape = init->second.shape;
        q.tensor.data.reserve(init->second.size());
        for (float x : init->second.data) q.tensor.data.push_back(quant::quantize(x, scale, "initialiser '" + name + "'"));
        const bool first = params_.find(name) == params_.end();
        stored = &(params_[first ? name : scaled_name] = std::move(q));
    }
    return cache_[key] = FixedTensor{stored->tensor, stored->scale};
}

bool FixedCall::is_constant(size_t i) const {
    return present(i) && !runtime[i] && env.graph.initializers.count(node.inputs[i]);
}

const FloatTensor& FixedCall::constant(size_t i) const {
    if (!is_constant(i)) fail("input " + std::to_string(i) + " must be a constant (an initialiser)");
    return env.graph.initializers.at(node.inputs[i]);
}

bool FixedCall::integer_typed(size_t i) const { return present(i) && integer_dtype(env.graph, node.inputs[i]); }

Scale FixedCall::natural_scale(size_t i) const {
    if (present(i) && runtime[i]) return runtime[i]->scale;
    return integer_typed(i) ? 0 : env.args.param_scale;
}

FixedTensor FixedCall::natural(size_t i) const { return at_scale(i, natural_scale(i)); }

FixedTensor FixedCall::at_scale(size_t i, Scale s) const {
    if (!present(i)) fail("input " + std::to_string(i) + " is missing");
    if (runtime[i]) {
        const FixedTensor& v = *runtime[i];
        if (v.scale == s) return v;
        FixedTensor out{IntTensor(v.t.shape), s};
        for (size_t k = 0; k < v.t.size(); ++k)
            out.t.data[k] = quant::narrow(quant::rescale(v.t.data[k], v.scale, s), model::node_location(node));
        if (s < v.scale) {  // lowering is a division with remainder, range-checked
            env.stats.range_checks.insert({0, (int64_t(1) << (v.scale - s)) - 1});
            add_cells(3 * v.t.size());
        } else {
            add_cells(v.t.size());
        }
        return out;
    }
    if (!is_constant(i)) fail("input '" + node.inputs[i] + "' has no value");
    const FixedTensor& p = env.params.get(node.inputs[i], s, model::node_location(node));
    env.stats.fixed_cells += p.t.size();
    return p;
}

IntTensor FixedCall::integers(size_t i) const {
    if (!present(i)) fail("input " + std::to_string(i) + " is missing");
    if (runtime[i]) {
        const FixedTensor& v = *runtime[i];
        if (v.scale == 0) return v.t;
        IntTensor out(v.t.shape);
        for (size_t k = 0; k < v.t.size(); ++k) out.data[k] = int64_t(quant::rescale(v.t.data[k], v.scale, 0));
        return out;
    }
    const FloatTensor& c = constant(i);
    return IntTensor(c.shape, model::to_ints(c));
}

FloatTensor FixedCall::reals(size_t i) const {
    if (!present(i)) fail("input " + std::to_string(i) + " is missing");
    if (runtime[i]) {
        const FixedTensor& v = *runtime[i];
        FloatTensor out(v.t.shape);
        for (size_t k = 0; k < v.t.size(); ++k) out.data[k] = float(quant::dequantize(v.t.data[k], v.scale));
        return out;
    }
    return constant(i);
}

FixedTensor FixedCall::narrow(const model::Tensor<i128>& wide, Scale scale) const {
    FixedTensor out{IntTensor(wide.shape), scale};
    const std::string where = model::node_location(node);
    for (size_t k = 0; k < wide.size(); ++k) out.t.data[k] = quant::narrow(wide.data[k], where);
    return out;
}

FixedTensor FixedCall::rebase(model::Tensor<i128> wide, Scale scale) const {
    const Scale target = env.args.input_scale;
    if (scale > target * Scale(env.args.scale_rebase_multiplier) && scale > target) {
        const Scale shift = scale - target;
        for (auto& v : wide.data) v = quant::rescale(v, scale, target);
        env.stats.range_checks.insert({0, (int64_t(1) << shift) - 1});
        add_cells(3 * wide.size());
        scale = target;
    }
    return narrow(wide, scale);
}

void FixedCall::check_bounds(size_t i, const FixedTensor& v, int64_t lo, int64_t hi, const char* what) const {
    uint64_t outside = 0;
    int64_t worst = 0;
    for (int64_t x : v.t.data)
        if (x < lo || x > hi) {
            ++outside;
            if (std::llabs(x) > std::llabs(worst)) worst = x;
        }
    const std::string& name = present(i) ? node.inputs[i] : node.outputs.at(0);
    BoundRecord& rec = env.bounds[name];
    rec.bounds = {lo, hi};
    rec.saturated = std::max(rec.saturated, outside);
    if (outside && env.stop_on_saturation && env.args.check_mode == CheckMode::Safe) {
        const bool lookup = std::string(what) == "lookup";
        const int64_t needed = std::llabs(worst) + 1;
        std::string fix = lookup ? "set run_args.lookup_range to at least [" + std::to_string(-needed) + ", " +
                                       std::to_string(needed) + "] in settings.json (gen-settings --lookup-range), "
                                 : "raise run_args.decomp_legs or decomp_base, ";
        fix += "lower the scale (--input-scale / --param-scale: each step halves the values), or run "
               "calibrate-settings";
        throw Error(model::node_location(node),
                    "input '" + name + "' has " + std::to_string(outside) + " of " + std::to_string(v.t.size()) +
                        " values outside the " + what + " bounds [" + std::to_string(lo) + ", " +
                        std::to_string(hi) + "] (worst " + std::to_string(worst) + " = " +
                        std::to_string(quant::dequantize(worst, v.scale)) + " at scale " + std::to_string(v.scale) +
                        ")",
                    fix);
    }
}

void FixedCall::check_lookup_input(size_t i, const FixedTensor& v) const {
    ExecStats& s = env.stats;
    for (int64_t x : v.t.data) {
        if (!s.any_lookup) {
            s.min_lookup_input = s.max_lookup_input = x;
            s.any_lookup = true;
        }
        s.min_lookup_input = std::min(s.min_lookup_input, x);
        s.max_lookup_input = std::max(s.max_lookup_input, x);
    }
    check_bounds(i, v, env.args.lookup_range_lo, env.args.lookup_range_hi, "lookup");
}

void FixedCall::check_range_input(size_t i, const FixedTensor& v) const {
    const int64_t b = range_check_bound(env.args);
    env.stats.range_checks.insert({0, int64_t(env.args.decomp_base) - 1});
    check_bounds(i, v, -b, b - 1, "range-check");
}

void FixedCall::fail(const std::string& problem, const std::string& fix) const {
    throw Error(model::node_location(node), problem, fix);
}

FixedResult float_fallback(const FixedCall& call) {
    std::vector<FloatTensor> storage(call.input_count());
    std::vector<const FloatTensor*> args(call.input_count(), nullptr);
    std::vector<model::DType> in_types, out_types;
    for (size_t i = 0; i < call.input_count(); ++i) {
        in_types.push_back(call.env.graph.dtype_of(call.node.inputs[i]));
        if (!call.present(i)) continue;
        storage[i] = call.reals(i);
        args[i] = &storage[i];
    }
    for (const auto& o : call.node.outputs) out_types.push_back(call.env.graph.dtype_of(o));
    std::vector<FloatTensor> outs = model::run_float_node(call.node, args, in_types, out_types, call.env.graph.opset);
    FixedResult r;
    r.kind = ProofKind::FloatFallback;
    for (size_t k = 0; k < outs.size(); ++k) {
        const bool is_int = k < out_types.size() && model::is_integer(out_types[k]);
        const Scale s = is_int ? 0 : call.env.args.input_scale;
        FixedTensor t{IntTensor(outs[k].shape), s};
        for (size_t e = 0; e < outs[k].size(); ++e)
            t.t.data[e] = quant::quantize(outs[k].data[e], s, model::node_location(call.node));
        call.add_cells(2 * t.t.size());
        r.outputs.push_back(std::move(t));
    }
    call.env.stats.fallback_nodes++;
    call.env.stats.fallback_ops.push_back(call.node.op);
    return r;
}

const FixedKernel* find_fixed_kernel(const std::string& op) {
    static const FixedKernelTable table = [] {
        FixedKernelTable t;
        register_fixed_copy_ops(t);
        register_fixed_linear_ops(t);
        register_fixed_conv_ops(t);
        register_fixed_select_ops(t);
        register_fixed_lookup_ops(t);
        register_fixed_norm_ops(t);
        return t;
    }();
    auto it = table.find(op);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace ps::fixed
