// proofscope-cli table -M network.onnx [-S settings.json]: the node table, as EZKL's `table`.
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/artifacts/input_data.hpp"
#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/witness/fixed_executor.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + (n.empty() ? std::string("-") : n);
    return s;
}

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Print the model's node table: index, name, op, inputs, output shape, scale, "
                                     "and how the circuit proves each node.");
    parser.addOption({{"M", "model"}, "The ONNX model (default network.onnx).", "network.onnx"});
    parser.addOption({{"S", "settings-path"}, "Use these settings' scales (default: EZKL's defaults).", "settings.json"});
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const auto model_path = resolve_path(parser, "M", "network.onnx");
        const model::Graph graph = model::load_onnx(model_path);
        RunArgs run_args;
        if (parser.isSet("S")) run_args = read_settings(resolve_path(parser, "S", "settings.json")).run_args;
        const CircuitPlan plan = plan_circuit(graph, run_args, false);
        std::map<std::string, QuantisedTensor> params = plan.circuit.params;
        std::vector<std::vector<double>> inputs;
        for (const auto& in : graph.inputs)
            inputs.emplace_back(model::element_count(in.shape), model::is_integer(in.dtype) ? 0.0 : 0.5);
        NullProgress quiet;
        const auto run_result = fixed::run_fixed(graph, run_args, params, inputs,
                                                 {.frozen_params = true, .stop_on_saturation = false}, quiet);
        // Rows per node from the circuit layout (arith / lookup / range blocks).
        std::vector<circuit::NodeRows> costs;
        std::string unprovable;
        try {
            costs = circuit::measure_layout(plan.circuit).nodes;
        } catch (const std::exception& e) {
            unprovable = e.what();
        }
        std::printf("%-5s %-28s %-18s %-14s %-16s %-5s %-16s %s\n", "idx", "name", "op", "proved by", "out shape", "scale",
                    "rows a/l/r", "inputs");
        for (size_t i = 0; i < graph.inputs.size(); ++i)
            std::printf("%-5s %-28s %-18s %-14s %-16s %-5d %-16s %s\n", "in", graph.inputs[i].name.c_str(), "Input",
                        "instance/advice", format_shape(graph.inputs[i].shape).c_str(),
                        fixed::input_scale_of(graph, i, run_args), "", "");
        for (size_t n = 0; n < graph.nodes.size(); ++n) {
            const auto& node = graph.nodes[n];
            const std::string out = node.outputs.empty() ? "" : node.outputs[0];
            const auto it = run_result.values.find(out);
            std::string rows = n < costs.size() ? std::to_string(costs[n].arith) + "/" + std::to_string(costs[n].lookup) +
                                                      "/" + std::to_string(costs[n].range)
                                                : circuit::has_gadget(node.op) ? "?" : "no gadget";
            std::printf("%-5zu %-28s %-18s %-14s %-16s %-5d %-16s %s\n", n, node.name.c_str(), node.op.c_str(),
                        fixed::proof_kind_name(run_result.node_kinds[n]),
                        it == run_result.values.end() ? "?" : format_shape(it->second.t.shape).c_str(),
                        it == run_result.values.end() ? 0 : it->second.scale, rows.c_str(), joined(node.inputs).c_str());
        }
        if (!unprovable.empty()) std::printf("\nnot provable yet: %s\n", unprovable.c_str());
        std::printf("\n%zu nodes; num_rows %llu (logrows %u) at input scale %d, param scale %d\n",
                    graph.nodes.size(), static_cast<unsigned long long>(plan.settings.num_rows),
                    plan.settings.run_args.logrows, run_args.input_scale, run_args.param_scale);
        return 0;
    } catch (const std::exception& e) {
        return report_error("table", e);
    }
}

const CommandRegistration registration{{"table", "Print the model's node table (op, shapes, scales)", &run}};

}  // namespace
}  // namespace ps::cli
