// proofscope-cli compile-circuit -M network.onnx -S settings.json --compiled-circuit network.ezkl
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_compile_circuit.hpp"
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
        const pipeline::CompileCircuitPaths paths{resolve_path(parser, "M", pipeline::Artifact::Model),
                                                  resolve_path(parser, "S", pipeline::Artifact::Settings),
                                                  resolve_path(parser, "compiled-circuit", pipeline::Artifact::CompiledCircuit)};
        TerminalProgress progress;
        const auto result = pipeline::compile_circuit(paths, {}, progress);
        std::printf("wrote %s: %zu nodes, %zu quantised parameters, settings digest %s\n", paths.compiled.string().c_str(),
                    result.nodes, result.quantised_parameters, to_hex(result.settings_digest).substr(0, 16).c_str());
        return 0;
    } catch (const std::exception& e) {
        return report_error("compile-circuit", e);
    }
}

const CommandRegistration registration{{"compile-circuit", "Compile model + settings into network.ezkl", &run}};

}  // namespace
}  // namespace ps::cli
