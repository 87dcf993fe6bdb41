// proofscope-cli setup -M network.ezkl --srs-path kzg.srs --vk-path vk.key --pk-path pk.key
#include "cli_support.hpp"
#include "command.hpp"
#include "model_proof_support.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_setup.hpp"

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Generate the proving and verifying keys of a compiled circuit (keygen). An SRS with more rows than the "
        "circuit's logrows is downsized in memory.");
    parser.addOption({{"M", "compiled-circuit"}, "The compiled circuit (default network.ezkl).", "network.ezkl"});
    parser.addOption({"srs-path", "The KZG SRS (default kzg.srs).", "kzg.srs"});
    parser.addOption({"vk-path", "Where to write the verifying key (default vk.key).", "vk.key"});
    parser.addOption({"pk-path", "Where to write the proving key (default pk.key).", "pk.key"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        if (auto code = apply_threads(parser)) return *code;
        const pipeline::SetupPaths paths{resolve_path(parser, "M", pipeline::Artifact::CompiledCircuit),
                                         resolve_path(parser, "srs-path", pipeline::Artifact::Srs),
                                         resolve_path(parser, "vk-path", pipeline::Artifact::VerifyingKey),
                                         resolve_path(parser, "pk-path", pipeline::Artifact::ProvingKey)};
        TerminalProgress progress;
        const auto r = pipeline::setup(paths, progress);
        print_timings(r);
        std::printf("wrote %s and %s: 2^%u rows, %u advice / %u fixed columns, %u lookups, degree %u (%.3f s)\n",
                    paths.vk.string().c_str(), paths.pk.string().c_str(), r.logrows, r.advice_columns, r.fixed_columns,
                    r.lookups, r.degree, r.total_milliseconds / 1000);
        return 0;
    } catch (const std::exception& e) {
        return report_error("setup", e);
    }
}

const CommandRegistration registration{{"setup", "Generate pk.key and vk.key for a compiled circuit", &run}};

}  // namespace
}  // namespace ps::cli
