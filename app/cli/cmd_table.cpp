// proofscope-cli table -M network.onnx [-S settings.json]: the node table, as EZKL's `table`.
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_table.hpp"
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
        std::optional<std::filesystem::path> settings;
        if (parser.isSet("S")) settings = resolve_path(parser, "S", pipeline::Artifact::Settings);
        TerminalProgress progress;
        const pipeline::NodeTable table =
            pipeline::node_table(resolve_path(parser, "M", pipeline::Artifact::Model), settings, progress);
        std::printf("%-5s %-28s %-18s %-14s %-16s %-5s %-12s %s\n", "idx", "name", "op", "proved by", "out shape",
                    "scale", "rows a/l/r", "inputs");
        for (const auto& r : table.rows)
            std::printf("%-5s %-28s %-18s %-14s %-16s %-5d %-12s %s\n", r.index.c_str(), r.name.c_str(), r.op.c_str(),
                        r.proved_by.c_str(), r.output_shape.c_str(), r.scale, r.rows.c_str(), joined(r.inputs).c_str());
        if (!table.unprovable.empty()) std::printf("\nnot provable yet: %s\n", table.unprovable.c_str());
        std::printf("\n%zu nodes; num_rows %llu (logrows %u) at input scale %d, param scale %d\n", table.nodes,
                    static_cast<unsigned long long>(table.num_rows), table.logrows, table.run_args.input_scale,
                    table.run_args.param_scale);
        return 0;
    } catch (const std::exception& e) {
        return report_error("table", e);
    }
}

const CommandRegistration registration{{"table", "Print the model's node table (op, shapes, scales)", &run}};

}  // namespace
}  // namespace ps::cli
