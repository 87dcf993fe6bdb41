// proofscope-cli compile-circuit -M network.onnx -S settings.json --compiled-circuit network.ezkl
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/artifacts/compiled_circuit.hpp"
#include "core/model/graph.hpp"
#include "core/util/sha256.hpp"
#include "core/circuit/circuit_plan.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Compile a model and its settings into network.ezkl (graph, scales, quantised parameters).");
    parser.addOption({{"M", "model"}, "The ONNX model (default network.onnx).", "network.onnx"});
    parser.addOption({{"S", "settings-path"}, "The settings (default settings.json).", "settings.json"});
    parser.addOption({"compiled-circuit", "Where to write the compiled circuit (default network.ezkl).", "network.ezkl"});
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const auto model_path = resolve_path(parser, "M", "network.onnx");
        const auto settings_path = resolve_path(parser, "S", "settings.json");
        const auto out = resolve_path(parser, "compiled-circuit", "network.ezkl");
        const Settings settings = read_settings(settings_path);
        const model::Graph graph = model::load_onnx(model_path);
        const CompiledCircuit circuit = compile_circuit(graph, settings, settings_path.filename().string());
        write_compiled_circuit(circuit, out);
        size_t params = 0;
        for (const auto& [name, q] : circuit.params) params += q.tensor.size();
        std::printf("wrote %s: %zu nodes, %zu quantised parameters, settings digest %s\n", out.string().c_str(),
                    graph.nodes.size(), params, to_hex(settings_digest(settings)).substr(0, 16).c_str());
        return 0;
    } catch (const std::exception& e) {
        return report_error("compile-circuit", e);
    }
}

const CommandRegistration registration{{"compile-circuit", "Compile model + settings into network.ezkl", &run}};

}  // namespace
}  // namespace ps::cli
