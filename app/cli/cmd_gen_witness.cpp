// proofscope-cli gen-witness -D input.json -M network.ezkl -O witness.json [-S settings.json]
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_gen_witness.hpp"
#include <cstdio>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Run the compiled circuit on input.json in fixed point and write witness.json "
                                     "(EZKL's fields plus every layer's values and float reference).");
    parser.addOption({{"D", "data"}, "The input data (default input.json).", "input.json"});
    parser.addOption({{"M", "compiled-circuit"}, "The compiled circuit (default network.ezkl).", "network.ezkl"});
    parser.addOption({{"O", "output"}, "Where to write the witness (default witness.json).", "witness.json"});
    parser.addOption({{"S", "settings-path"}, "Check the circuit against these settings (optional).", "settings.json"});
    parser.addOption({"no-float-reference", "Skip the float reference columns of the per-layer trace."});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        if (auto code = apply_threads(parser)) return *code;
        pipeline::GenWitnessPaths paths{resolve_path(parser, "D", pipeline::Artifact::Input),
                                        resolve_path(parser, "M", pipeline::Artifact::CompiledCircuit),
                                        resolve_path(parser, "O", pipeline::Artifact::Witness),
                                        {}};
        if (parser.isSet("S")) paths.settings = resolve_path(parser, "S", pipeline::Artifact::Settings);
        pipeline::GenWitnessOptions options;
        options.float_reference = !parser.isSet("no-float-reference");
        TerminalProgress progress;
        const auto result = pipeline::gen_witness(paths, options, progress);
        for (const auto& note : result.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
        const WitnessResult& w = *result.witness;
        const double secs = result.total_milliseconds / 1000.0;
        const auto& out = paths.witness;
        std::printf("wrote %s: %zu layers, %zu output(s) in %.3f s\n", out.string().c_str(), w.layers.size(),
                    w.outputs.size(), secs);
        for (size_t o = 0; o < w.outputs.size(); ++o) {
            std::printf("  output %zu (scale %d):", o, w.output_scales[o]);
            for (size_t i = 0; i < w.outputs[o].size() && i < 8; ++i)
                std::printf(" %g", double(w.outputs[o][i]) / double(int64_t(1) << w.output_scales[o]));
            std::printf("%s\n", w.outputs[o].size() > 8 ? " ..." : "");
        }
        if (options.float_reference) std::printf("  max |quantised - float| over outputs: %.6g\n", w.output_max_abs_error());
        std::printf("  lookup inputs in [%lld, %lld] (table range [%lld, %lld])\n", static_cast<long long>(w.min_lookup_input),
                    static_cast<long long>(w.max_lookup_input), static_cast<long long>(w.lookup_range.first),
                    static_cast<long long>(w.lookup_range.second));
        size_t fallback = 0;
        for (const auto& l : w.layers) fallback += l.kind == fixed::ProofKind::FloatFallback;
        if (fallback) std::printf("  note: %zu layer(s) computed by float fallback are not provable yet\n", fallback);
        return 0;
    } catch (const std::exception& e) {
        return report_error("gen-witness", e);
    }
}

const CommandRegistration registration{{"gen-witness", "Run the circuit on input.json: witness.json with every layer", &run}};

}  // namespace
}  // namespace ps::cli
