// proofscope-cli table -M network.onnx [-S settings.json]: the node table, as EZKL's `table`.
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_table.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Print the model's node table: index, name, op, inputs, output shape, scale, "
                                     "and how the circuit proves each node.");
    parser.addOption({{"M", "model"}, "The ONNX model (default network.onnx).", "network.onnx"});
    parser.addOption({{"S", "settings-path"}, "Use these settings' scales (default: EZKL's defaults).", "settings.json"});
    if (auto code = parse_args(parser, args)) return *code;
    try {
        std::optional<std::filesystem::path> settings;
        if (parser.isSet("S")) settings = resolve_path(parser, "S", pipeline::Artifact::Settings);
        TerminalProgress progress;
        const pipeline::NodeTable table =
            pipeline::node_table(resolve_path(parser, "M", pipeline::Artifact::Model), settings, progress);
        std::fputs(pipeline::node_table_text(table).c_str(), stdout);
        return 0;
    } catch (const std::exception& e) {
        return report_error("table", e);
    }
}

const CommandRegistration registration{{"table", "Print the model's node table (op, shapes, scales)", &run}};

}  // namespace
}  // namespace ps::cli
