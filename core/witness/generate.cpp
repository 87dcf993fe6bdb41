#include "core/witness/generate.hpp"
#include "core/model/executor.hpp"
#include "core/util/error.hpp"
#include "core/witness/fixed_executor.hpp"
#include <algorithm>
#include <cmath>

namespace ps {

namespace {

void fill_statistics(LayerTrace& l) {
    if (!l.quantised.empty()) {
        const auto [lo, hi] = std::minmax_element(l.quantised.begin(), l.quantised.end());
        l.min = *lo;
        l.max = *hi;
    }
    if (l.float_reference.size() != l.quantised.size()) {
        l.float_reference.clear();  // shapes disagree: no reference rather than a wrong one
        return;
    }
    double worst = 0, total = 0;
    size_t counted = 0;
    for (size_t i = 0; i < l.quantised.size(); ++i) {
        if (!std::isfinite(l.float_reference[i])) continue;
        const double e = std::fabs(l.dequantised(i) - l.float_reference[i]);
        worst = std::max(worst, e);
        total += e;
        ++counted;
    }
    l.max_abs_error = worst;
    l.mean_abs_error = counted ? total / double(counted) : 0.0;
}

LayerTrace make_layer(const std::string& name, const std::string& op, std::vector<std::string> inputs,
                      const std::string& value, const fixed::FixedRun& run,
                      const std::map<std::string, model::FloatTensor>& reference, fixed::ProofKind kind) {
    LayerTrace l;
    l.name = name;
    l.op = op;
    l.inputs = std::move(inputs);
    l.output = value;
    l.kind = kind;
    const fixed::FixedTensor& v = run.values.at(value);
    l.shape = v.t.shape;
    l.scale = v.scale;
    l.quantised = v.t.data;
    if (auto it = reference.find(value); it != reference.end())
        l.float_reference.assign(it->second.data.begin(), it->second.data.end());
    if (auto b = run.bounds.find(value); b != run.bounds.end()) {
        l.bounds = b->second.bounds;
        l.saturated = b->second.saturated;
    }
    fill_statistics(l);
    return l;
}

}  // namespace

std::vector<std::vector<int64_t>> input_shapes(const model::Graph& graph) {
    std::vector<std::vector<int64_t>> shapes;
    for (const auto& in : graph.inputs) shapes.push_back(in.shape);
    return shapes;
}

WitnessResult generate_witness(const CompiledCircuit& circuit, const InputData& input, ProgressSink& progress,
                               const WitnessOptions& options) {
    const model::Graph& graph = circuit.graph;
    const RunArgs& args = circuit.settings.run_args;
    const auto shapes = input_shapes(graph);
    check_input_shapes(input.inputs, shapes, input.source.empty() ? std::string("input data") : input.source);

    std::map<std::string, model::FloatTensor> reference;
    if (options.float_reference) {
        ProgressStage stage(progress, "float reference", 1);
        std::vector<model::FloatTensor> float_inputs;
        for (size_t i = 0; i < shapes.size(); ++i)
            float_inputs.emplace_back(shapes[i], std::vector<float>(input.inputs[i].begin(), input.inputs[i].end()));
        reference = model::run_float(graph, float_inputs);
        stage.advance(1);
    }
    throw_if_cancelled(progress);

    std::map<std::string, QuantisedTensor> params = circuit.params;
    fixed::FixedRun run = fixed::run_fixed(
        graph, args, params, input.inputs,
        {.frozen_params = true, .stop_on_saturation = options.stop_on_saturation && args.check_mode == CheckMode::Safe},
        progress);

    WitnessResult w;
    ProgressStage stage(progress, "per-layer trace", graph.inputs.size() + graph.nodes.size());
    for (size_t i = 0; i < graph.inputs.size(); ++i) {
        w.layers.push_back(make_layer("input_" + std::to_string(i), "Input", {}, graph.inputs[i].name, run, reference, fixed::ProofKind::Input));
        w.inputs.push_back(w.layers.back().quantised);
        w.input_scales.push_back(w.layers.back().scale);
    }
    std::map<std::string, size_t> layer_of_value;
    for (const auto& l : w.layers) layer_of_value[l.output] = l.index;
    for (size_t n = 0; n < graph.nodes.size(); ++n) {
        throw_if_cancelled(progress);
        const model::Node& node = graph.nodes[n];
        for (const std::string& out : node.outputs) {
            if (out.empty() || !run.values.count(out)) continue;
            w.layers.push_back(make_layer(node.name, node.op, node.inputs, out, run, reference,
                                          run.node_kinds[n]));
            w.layers.back().index = w.layers.size() - 1;
            layer_of_value[out] = w.layers.back().index;
        }
        stage.advance(graph.inputs.size() + n + 1);
    }
    for (size_t i = 0; i < w.layers.size(); ++i) w.layers[i].index = i;
    for (const auto& out : graph.outputs) {
        auto it = layer_of_value.find(out.name);
        if (it == layer_of_value.end()) {  // a constant output: give it a layer of its own
            w.layers.push_back(make_layer(out.name, "Constant", {}, out.name, run, reference, fixed::ProofKind::Copy));
            w.layers.back().index = w.layers.size() - 1;
            it = layer_of_value.emplace(out.name, w.layers.size() - 1).first;
        }
        w.output_layers.push_back(it->second);
        w.outputs.push_back(w.layers[it->second].quantised);
        w.output_scales.push_back(w.layers[it->second].scale);
    }
    w.lookup_range = {args.lookup_range_lo, args.lookup_range_hi};
    w.min_lookup_input = run.stats.min_lookup_input;
    w.max_lookup_input = run.stats.max_lookup_input;
    for (const auto& [lo, hi] : run.stats.range_checks) w.max_range_size = std::max(w.max_range_size, hi - lo);
    return w;
}

}  // namespace ps
