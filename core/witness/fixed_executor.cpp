#include "core/witness/fixed_executor.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/model/executor.hpp"
#include "core/model/op_registry.hpp"

namespace ps::fixed {

Scale input_scale_of(const model::Graph& graph, size_t i, const RunArgs& args) {
    return model::is_integer(graph.inputs.at(i).dtype) ? 0 : args.input_scale;
}

FixedRun run_fixed(const model::Graph& graph, const RunArgs& args, std::map<std::string, QuantisedTensor>& params,
                   const std::vector<std::vector<double>>& inputs, const FixedRunOptions& options,
                   ProgressSink& progress) {
    FixedRun run;
    ParamStore store(graph, params, options.frozen_params);
    ExecEnv env{graph, args, store, run.stats, options.stop_on_saturation, {}};
    std::vector<std::vector<int64_t>> shapes;
    for (const model::ValueInfo& info : graph.inputs) shapes.push_back(info.shape);
    check_input_shapes(inputs, shapes, "input data");
    for (size_t i = 0; i < inputs.size(); ++i) {
        const model::ValueInfo& info = graph.inputs[i];
        const Scale s = input_scale_of(graph, i, args);
        FixedTensor t{model::IntTensor(info.shape), s};
        for (size_t k = 0; k < inputs[i].size(); ++k)
            t.t.data[k] = quant::quantize(inputs[i][k], s, "input " + std::to_string(i) + " value " + std::to_string(k));
        run.values[info.name] = std::move(t);
    }

    ProgressStage stage(progress, "fixed-point execution", graph.nodes.size());
    for (const model::Node& node : graph.nodes) {
        throw_if_cancelled(progress);
        FixedCall call{node, env, {}};
        for (const std::string& name : node.inputs) {
            auto it = name.empty() ? run.values.end() : run.values.find(name);
            if (it != run.values.end()) {
                call.runtime.push_back(&it->second);
                continue;
            }
            call.runtime.push_back(nullptr);
            if (!name.empty() && !graph.initializers.count(name))
                throw Error(model::node_location(node), "input '" + name + "' has no value",
                            "the graph references a value no node produces");
        }
        FixedResult result;
        try {
            if (const FixedKernel* kernel = find_fixed_kernel(node.op)) {
                try {
                    result = (*kernel)(call);
                } catch (const Error&) {
                    throw;
                } catch (const std::exception& e) {
                    call.fail(std::string("fixed-point kernel failed: ") + e.what());
                }
            } else if (model::float_op_supported(node.op)) {
                result = float_fallback(call);
            } else {
                call.fail("op '" + node.op + "' has no fixed-point implementation",
                          "replace it in the exporter or open an issue with the model attached");
            }
        } catch (const Error& e) {
            throw model::in_model_file(e, graph);
        }
        for (size_t k = 0; k < node.outputs.size(); ++k) {
            if (node.outputs[k].empty()) continue;
            if (k >= result.outputs.size()) {
                // Optional extra outputs (Dropout's mask, MaxPool's indices) nothing reads.
                continue;
            }
            run.values[node.outputs[k]] = std::move(result.outputs[k]);
        }
        run.node_kinds.push_back(result.kind);
        stage.advance(node.index + 1);
    }
    run.bounds = std::move(env.bounds);
    for (const auto& out : graph.outputs)
        if (!run.values.count(out.name)) {
            if (graph.initializers.count(out.name)) {
                const FixedTensor& p = store.get(out.name, args.input_scale, "model output '" + out.name + "'");
                run.values[out.name] = p;
            } else {
                throw Error("model output '" + out.name + "'", "no node produced it");
            }
        }
    return run;
}

}  // namespace ps::fixed
