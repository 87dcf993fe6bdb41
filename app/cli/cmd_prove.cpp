// proofscope-cli prove -W witness.json -M network.ezkl --pk-path pk.key --proof-path proof.json --srs-path kzg.srs
#include "cli_support.hpp"
#include "command.hpp"
#include "model_proof_support.hpp"
#include "quant_cli_paths.hpp"
#include "core/pipeline/step_prove.hpp"
#include "core/util/atomic_file.hpp"

#include <nlohmann/json.hpp>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Prove that the witness is the model's computation on its input: a zero-knowledge PLONK proof "
        "(KZG over BN254). proof.json holds EZKL's fields and nothing private; stage timings go to stderr and, "
        "with --timings-path, to a separate file.");
    parser.addOption({{"W", "witness"}, "The witness (default witness.json).", "witness.json"});
    parser.addOption({{"M", "compiled-circuit"}, "The compiled circuit (default network.ezkl).", "network.ezkl"});
    parser.addOption({"pk-path", "The proving key (default pk.key).", "pk.key"});
    parser.addOption({"srs-path", "The KZG SRS (default kzg.srs).", "kzg.srs"});
    parser.addOption({"proof-path", "Where to write the proof (default proof.json).", "proof.json"});
    parser.addOption({"timings-path", "Also write the stage timings as JSON here (they depend on the witness: "
                                      "keep them private).", "timings.json"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        if (auto code = apply_threads(parser)) return *code;
        const pipeline::ProvePaths paths{resolve_path(parser, "W", pipeline::Artifact::Witness),
                                         resolve_path(parser, "M", pipeline::Artifact::CompiledCircuit),
                                         resolve_path(parser, "pk-path", pipeline::Artifact::ProvingKey),
                                         resolve_path(parser, "srs-path", pipeline::Artifact::Srs),
                                         resolve_path(parser, "proof-path", pipeline::Artifact::Proof)};
        TerminalProgress progress;
        const auto r = pipeline::prove(paths, {}, progress);
        print_timings(r);
        if (parser.isSet("timings-path")) {
            nlohmann::json t = nlohmann::json::array();
            for (const auto& s : r.timings) t.push_back({{"stage", s.stage}, {"depth", s.depth}, {"ms", s.milliseconds}});
            write_file_atomically(parser.value("timings-path").toStdString(), t.dump(1));
        }
        std::printf("wrote %s: %zu bytes of proof, %zu public value(s) (%.3f s)\n", paths.proof.string().c_str(),
                    r.proof_bytes, r.instances.empty() ? size_t(0) : r.instances[0].size(), r.total_milliseconds / 1000);
        return 0;
    } catch (const std::exception& e) {
        return report_error("prove", e);
    }
}

const CommandRegistration registration{{"prove", "Prove a witness with pk.key: proof.json", &run}};

}  // namespace
}  // namespace ps::cli
