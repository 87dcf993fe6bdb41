#include "core/circuit/model_layout.hpp"

#include "core/circuit/node_context.hpp"
#include "core/model/op_registry.hpp"
#include "core/util/error.hpp"

namespace ps::circuit {

namespace {

void check_visibilities(const RunArgs& a) {
    auto reject_hashed = [](Visibility v, const char* field) {
        if (v == Visibility::Hashed)
            throw Error(std::string("settings.json: run_args.") + field,
                        "visibility 'hashed' (a public Poseidon hash of a private value) is not supported yet",
                        "use private, public or fixed (gen-settings --" + std::string(field).substr(0, std::string(field).find('_')) +
                            "-visibility public)");
    };
    reject_hashed(a.input_visibility, "input_visibility");
    reject_hashed(a.param_visibility, "param_visibility");
    reject_hashed(a.output_visibility, "output_visibility");
    if (a.input_visibility == Visibility::Fixed)
        throw Error("settings.json: run_args.input_visibility",
                    "'fixed' inputs would bake one input into the verifying key, and setup does not see the input",
                    "use private (the default) or public");
    if (a.output_visibility == Visibility::Fixed)
        throw Error("settings.json: run_args.output_visibility",
                    "'fixed' outputs would bake one input's outputs into the verifying key",
                    "use public (the verifier sees them) or private");
}

}  // namespace

bool has_gadget(const std::string& op) { return find_gadget(op) != nullptr; }

WitnessResult placeholder_witness(const CompiledCircuit& circuit) {
    InputData input;
    for (const auto& shape : input_shapes(circuit.graph)) input.inputs.emplace_back(model::element_count(shape), 0.0);
    NullProgress quiet;
    WitnessOptions options;
    options.stop_on_saturation = false;
    options.float_reference = false;
    return generate_witness(circuit, input, quiet, options);
}

ModelLayout lay_out_model(const CompiledCircuit& circuit, const WitnessResult& witness) {
    const RunArgs& a = circuit.settings.run_args;
    check_visibilities(a);
    ModelLayout out{CircuitBuilder(BuilderConfig{a.num_inner_cols, a.decomp_base, a.decomp_legs}), {}};
    CircuitBuilder& b = out.builder;
    const model::Graph& graph = circuit.graph;

    std::map<std::string, const LayerTrace*> layer_of;
    for (const LayerTrace& l : witness.layers) layer_of[l.output] = &l;
    std::map<std::string, WireTensor> values;

    for (size_t i = 0; i < graph.inputs.size(); ++i) {
        const std::string& name = graph.inputs[i].name;
        auto it = layer_of.find(name);
        if (it == layer_of.end()) throw Error("witness.json", "has no values for model input '" + name + "'");
        const LayerTrace& l = *it->second;
        b.set_region("input " + std::to_string(i) + " '" + name + "'");
        WireTensor t{l.shape, l.scale, {}};
        for (int64_t v : l.quantised) {
            if (a.input_visibility == Visibility::Fixed) {
                t.wires.push_back(b.constant(v));
            } else {
                const Wire w = b.witness(v);
                // A private input is any field element the prover likes unless bounded:
                // the statement is about quantised numbers, so inputs are small integers
                // (EZKL's default; run_args.ignore_range_check_inputs_outputs turns it off).
                if (!a.ignore_range_check_inputs_outputs) b.range_check_small(w);
                if (a.input_visibility == Visibility::Public) b.expose(w);
                t.wires.push_back(w);
            }
        }
        values[name] = std::move(t);
    }

    std::map<std::string, QuantisedTensor> params = circuit.params;
    fixed::ParamStore store(graph, params, true);
    ParamWires param_wires;
    for (const model::Node& node : graph.nodes) {
        const Gadget* gadget = find_gadget(node.op);
        if (!gadget)
            throw Error(model::node_location(node), "no circuit gadget proves " + node.op + " yet",
                        "see `proofscope-cli table` for how each node is proved; models with this op can "
                        "generate witnesses but not proofs");
        NodeContext ctx{node, b, circuit, store, param_wires, values, {}};
        for (const std::string& o : node.outputs) {
            auto it = layer_of.find(o);
            ctx.claimed.push_back(it == layer_of.end() ? nullptr : &it->second->quantised);
        }
        b.set_region("layer " + std::to_string(node.index) + " " + node.op + " '" + node.name + "'");
        const BlockRows before = b.base_rows();
        std::vector<WireTensor> outs = (*gadget)(ctx);
        const BlockRows after = b.base_rows();
        NodeRows cost{node.name, node.op, "", after.arith - before.arith, after.lookup - before.lookup,
                      after.range - before.range};
        auto first = layer_of.find(node.outputs.empty() ? std::string() : node.outputs[0]);
        if (first != layer_of.end() && first->second->kind) cost.proved_by = fixed::proof_kind_name(*first->second->kind);
        out.nodes.push_back(cost);
        for (size_t k = 0; k < outs.size() && k < node.outputs.size(); ++k) {
            WireTensor& t = outs[k];
            if (k < ctx.claimed.size() && ctx.claimed[k]) {
                const auto& claim = *ctx.claimed[k];
                if (claim.size() != t.size())
                    throw Error("witness.json", "layer '" + node.name + "' holds " + std::to_string(claim.size()) +
                                                    " values, the circuit lays out " + std::to_string(t.size()),
                                "regenerate the witness with this network.ezkl (gen-witness)");
                // The witness's value is the assignment: where it differs from what the
                // gadget derived, the gate defining that cell fails and names this layer.
                for (size_t e = 0; e < t.size(); ++e)
                    if (t.wires[e].value != i128(claim[e])) {
                        b.set_value(t.wires[e].cell, claim[e]);
                        t.wires[e].value = claim[e];
                    }
            }
            values[node.outputs[k]] = std::move(t);
        }
    }

    b.set_region("public outputs");
    for (size_t o = 0; o < graph.outputs.size(); ++o) {
        auto it = values.find(graph.outputs[o].name);
        if (it == values.end()) {
            // A constant output (the graph folded away): constant cells of the witness's
            // value, which setup's placeholder run computes identically.
            auto layer = layer_of.find(graph.outputs[o].name);
            if (layer == layer_of.end())
                throw Error("witness.json", "has no values for model output '" + graph.outputs[o].name + "'",
                            "regenerate the witness with this network.ezkl (gen-witness)");
            WireTensor t{layer->second->shape, layer->second->scale, {}};
            for (int64_t v : layer->second->quantised) t.wires.push_back(b.constant(v));
            it = values.emplace(graph.outputs[o].name, std::move(t)).first;
        }
        if (a.output_visibility != Visibility::Public) continue;
        const std::vector<int64_t>* claimed = o < witness.outputs.size() ? &witness.outputs[o] : nullptr;
        for (size_t e = 0; e < it->second.size(); ++e)
            b.expose(it->second.wires[e], claimed && e < claimed->size() ? std::optional<i128>((*claimed)[e])
                                                                          : std::nullopt);
    }
    return out;
}

}  // namespace ps::circuit
