// proofscope-cli gen-settings -M network.onnx -O settings.json [run_args options]
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_gen_settings.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

void print_settings_summary(const Settings& s, const std::filesystem::path& out) {
    const RunArgs& a = s.run_args;
    std::printf("wrote %s\n", out.string().c_str());
    std::printf("  scales: input %d, param %d, rebase multiplier %u\n", a.input_scale, a.param_scale, a.scale_rebase_multiplier);
    std::printf("  logrows %u, num_rows %llu (rows the circuit layout uses), %llu advice cells\n", a.logrows,
                static_cast<unsigned long long>(s.num_rows), static_cast<unsigned long long>(s.total_assignments));
    std::printf("  lookup_range [%lld, %lld], %zu lookup table(s), %zu range check(s)\n",
                static_cast<long long>(a.lookup_range_lo), static_cast<long long>(a.lookup_range_hi),
                s.required_lookups.size(), s.required_range_checks.size());
    std::printf("  visibility: input %s, output %s, params %s; check_mode %s\n", to_string(a.input_visibility).c_str(),
                to_string(a.output_visibility).c_str(), to_string(a.param_visibility).c_str(), to_string(a.check_mode).c_str());
}

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Generate settings.json for a model (EZKL's defaults; computed logrows, rows, lookups).");
    parser.addOption({{"M", "model"}, "The ONNX model (default network.onnx).", "network.onnx"});
    parser.addOption({{"O", "settings-path"}, "Where to write the settings (default settings.json).", "settings.json"});
    add_run_args_options(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const pipeline::GenSettingsPaths paths{resolve_path(parser, "M", pipeline::Artifact::Model),
                                               resolve_path(parser, "O", pipeline::Artifact::Settings)};
        pipeline::GenSettingsOptions options;
        options.run_args = run_args_from_options(parser, options.logrows_fixed);
        TerminalProgress progress;
        const auto result = pipeline::gen_settings(paths, options, progress);
        print_settings_summary(result.settings, paths.settings);
        if (!result.unprovable.empty())
            std::printf("  note: not provable yet (%s); num_rows is the witness-size estimate\n", result.unprovable.c_str());
        if (result.stats.fallback_nodes)
            std::printf("  note: %llu node(s) run as float fallback and are not provable yet\n",
                        static_cast<unsigned long long>(result.stats.fallback_nodes));
        return 0;
    } catch (const std::exception& e) {
        return report_error("gen-settings", e);
    }
}

const CommandRegistration registration{{"gen-settings", "Generate settings.json for a model (EZKL defaults)", &run}};

}  // namespace
}  // namespace ps::cli
