// proofscope-cli calibrate-settings -M network.onnx -D input.json -O settings.json [--target resources|accuracy]
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_calibrate_settings.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Try scales and lookup ranges on calibration data and write the settings that fit the target: "
        "resources = the smallest circuit whose outputs stay within 5% of max(1, max|float output|); "
        "accuracy = the most accurate within --max-logrows.");
    parser.addOption({{"M", "model"}, "The ONNX model (default network.onnx).", "network.onnx"});
    parser.addOption({{"D", "data"}, "Calibration data in input.json format (default input.json).", "input.json"});
    parser.addOption({{"O", "settings-path"}, "Where to write the settings (default settings.json).", "settings.json"});
    parser.addOption({"target", "resources | accuracy (default resources).", "TARGET"});
    parser.addOption({"max-logrows", "Row budget for --target accuracy (default 24).", "N"});
    parser.addOption({"scales", "Scales to try, comma-separated (default 1..13).", "LIST"});
    add_run_args_options(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const pipeline::CalibrateSettingsPaths paths{resolve_path(parser, "M", pipeline::Artifact::Model),
                                                     resolve_path(parser, "D", pipeline::Artifact::Input),
                                                     resolve_path(parser, "O", pipeline::Artifact::Settings)};
        pipeline::CalibrateSettingsOptions step_options;
        bool logrows_given = false;
        step_options.base = run_args_from_options(parser, logrows_given);
        CalibrationOptions& options = step_options.calibration;
        const std::string target = parser.value("target").toStdString();
        if (target == "accuracy") options.target = CalibrationTarget::Accuracy;
        else if (!target.empty() && target != "resources")
            throw Error("--target", "unknown target \"" + target + "\"", "use resources or accuracy");
        if (parser.isSet("max-logrows")) options.max_logrows = uint32_t(to_int(parser, "max-logrows"));
        if (parser.isSet("scales")) {
            options.scales.clear();
            for (const QString& s : parser.value("scales").split(',')) {
                bool ok = false;
                const int v = s.trimmed().toInt(&ok);
                if (!ok || v < 0 || v > 30) throw Error("--scales", "expected integers in 0..30, found \"" + s.toStdString() + "\"");
                options.scales.push_back(v);
            }
        }
        TerminalProgress progress;
        const auto step = pipeline::calibrate_settings(paths, step_options, progress);
        for (const auto& note : step.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
        const CalibrationResult& result = step.calibration;
        std::printf("%-6s %-6s %-22s %-8s %-10s %-12s %-10s %s\n", "scale", "param", "lookup_range", "logrows", "num_rows",
                    "max|err|", "tolerance", "");
        for (size_t i = 0; i < result.trials.size(); ++i) {
            const auto& t = result.trials[i];
            char range[64];
            std::snprintf(range, sizeof range, "[%lld, %lld]", static_cast<long long>(t.lookup_lo),
                          static_cast<long long>(t.lookup_hi));
            if (!t.ok) {
                std::printf("%-6d %-6d failed: %s\n", t.input_scale, t.param_scale, t.failure.c_str());
                continue;
            }
            std::printf("%-6d %-6d %-22s %-8u %-10llu %-12.6g %-10.4g %s%s\n", t.input_scale, t.param_scale, range,
                        t.logrows, static_cast<unsigned long long>(t.num_rows), t.max_abs_error, t.tolerance,
                        t.within_tolerance() ? "ok" : "too coarse", result.chosen == i ? "  <- chosen" : "");
        }
        std::printf("wrote %s (%s): input scale %d, param scale %d, logrows %u\n", paths.settings.string().c_str(), result.reason.c_str(),
                    result.settings.run_args.input_scale, result.settings.run_args.param_scale,
                    result.settings.run_args.logrows);
        return 0;
    } catch (const std::exception& e) {
        return report_error("calibrate-settings", e);
    }
}

const CommandRegistration registration{{"calibrate-settings", "Try scales on data; write the settings that fit --target", &run}};

}  // namespace
}  // namespace ps::cli
