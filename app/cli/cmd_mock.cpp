// proofscope-cli mock -W witness.json -M network.ezkl
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_mock.hpp"

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Check every constraint of the circuit on a witness without cryptography. Exit 0 when all hold; "
        "otherwise list each failure by layer (ONNX node), gate and row, the first layer first, and exit 1.");
    parser.addOption({{"W", "witness"}, "The witness (default witness.json).", "witness.json"});
    parser.addOption({{"M", "compiled-circuit"}, "The compiled circuit (default network.ezkl).", "network.ezkl"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        if (auto code = apply_threads(parser)) return *code;
        const pipeline::MockPaths paths{resolve_path(parser, "M", pipeline::Artifact::CompiledCircuit),
                                        resolve_path(parser, "W", pipeline::Artifact::Witness)};
        TerminalProgress progress;
        const auto r = pipeline::mock(paths, progress);
        if (r.ok()) {
            std::printf("all constraints hold: 2^%u rows (%zu used: %zu arithmetic, %zu lookup, %zu range; "
                        "function tables %zu rows in %zu chunk(s))\n",
                        r.logrows, r.rows.max(), r.rows.arith, r.rows.lookup, r.rows.range, r.rows.table,
                        r.rows.table_chunks);
            return 0;
        }
        std::printf("%zu constraint(s) fail:\n", r.failures.size());
        for (size_t i = 0; i < r.failures.size() && i < 50; ++i) std::printf("  %s\n", r.failures[i].c_str());
        if (r.failures.size() > 50) std::printf("  ... and %zu more\n", r.failures.size() - 50);
        return 1;
    } catch (const std::exception& e) {
        return report_error("mock", e);
    }
}

const CommandRegistration registration{{"mock", "Check a witness against every constraint, naming failing layers", &run}};

}  // namespace
}  // namespace ps::cli
