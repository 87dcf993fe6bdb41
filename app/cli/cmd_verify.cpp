// proofscope-cli verify --proof-path proof.json --settings-path settings.json --vk-path vk.key --srs-path kzg.srs
#include "cli_support.hpp"
#include "command.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_verify.hpp"

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Verify proof.json against vk.key and the SRS. Prints the verdict with its reason and the public outputs; "
        "exit 0 valid, 1 invalid, 2 unusable input (a missing or corrupt file, a key for other settings).");
    parser.addOption({"proof-path", "The proof (default proof.json).", "proof.json"});
    parser.addOption({{"S", "settings-path"}, "The circuit settings (default settings.json).", "settings.json"});
    parser.addOption({"vk-path", "The verifying key (default vk.key).", "vk.key"});
    parser.addOption({"srs-path", "The KZG SRS (default kzg.srs).", "kzg.srs"});
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const pipeline::VerifyPaths paths{resolve_path(parser, "proof-path", pipeline::Artifact::Proof),
                                          resolve_path(parser, "S", pipeline::Artifact::Settings),
                                          resolve_path(parser, "vk-path", pipeline::Artifact::VerifyingKey),
                                          resolve_path(parser, "srs-path", pipeline::Artifact::Srs)};
        NullProgress quiet;
        const auto r = pipeline::verify(paths, quiet);
        if (!r.verdict.ok) {
            std::printf("INVALID: %s (%s)\n", r.verdict.reason.c_str(), plonk::to_string(r.verdict.check));
            return 1;
        }
        std::printf("valid: the proof verifies (%.2f ms)\n", r.verify_milliseconds);
        if (r.pretty_public_inputs.contains("rescaled_outputs"))
            std::printf("  public outputs: %s\n", r.pretty_public_inputs["rescaled_outputs"].dump().c_str());
        return 0;
    } catch (const std::exception& e) {
        report_error("verify", e);
        return 2;
    }
}

const CommandRegistration registration{{"verify", "Verify proof.json with vk.key: valid or invalid, with the reason", &run}};

}  // namespace
}  // namespace ps::cli
