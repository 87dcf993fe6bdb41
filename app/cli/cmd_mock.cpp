// proofscope-cli mock -W witness.json -M network.ezkl
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/circuit/model_proving.hpp"

using ps::circuit::BlockRows;

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Check every constraint of the circuit on a witness without cryptography. Exit 0 when all hold; "
        "otherwise list each failure by layer (ONNX node), gate and row and exit 1.");
    parser.addOption({{"W", "witness"}, "The witness (default witness.json).", "witness.json"});
    parser.addOption({{"M", "compiled-circuit"}, "The compiled circuit (default network.ezkl).", "network.ezkl"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        apply_threads(parser);
        const CompiledCircuit circuit = read_compiled_circuit(resolve_path(parser, "M", "network.ezkl"));
        const WitnessResult witness = read_witness_json(resolve_path(parser, "W", "witness.json"));
        const circuit::ModelCircuit m = circuit::build_model_circuit(circuit, witness);
        const auto failures = circuit::mock_model(m);
        const BlockRows rows = m.layout.builder.rows();
        if (failures.empty()) {
            std::printf("all constraints hold: 2^%u rows (%zu used: %zu arithmetic, %zu lookup, %zu range)\n", m.k,
                        rows.max(), rows.arith, rows.lookup, rows.range);
            return 0;
        }
        std::printf("%zu constraint(s) fail:\n", failures.size());
        for (size_t i = 0; i < failures.size() && i < 50; ++i) std::printf("  %s\n", failures[i].c_str());
        if (failures.size() > 50) std::printf("  ... and %zu more\n", failures.size() - 50);
        return 1;
    } catch (const std::exception& e) {
        return report_error("mock", e);
    }
}

const CommandRegistration registration{{"mock", "Check a witness against every constraint, naming failing layers", &run}};

}  // namespace
}  // namespace ps::cli
