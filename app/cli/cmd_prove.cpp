// proofscope-cli prove -W witness.json -M network.ezkl --pk-path pk.key --proof-path proof.json --srs-path kzg.srs
#include "cli_support.hpp"
#include "command.hpp"
#include "model_proof_support.hpp"
#include "quant_cli_paths.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"

#include <chrono>

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
    parser.addOption({"timings-path", "Also write the stage timings as JSON here.", "timings.json"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    try {
        apply_threads(parser);
        const auto start = std::chrono::steady_clock::now();
        const CompiledCircuit circuit = read_compiled_circuit(resolve_path(parser, "M", "network.ezkl"));
        const WitnessResult witness = read_witness_json(resolve_path(parser, "W", "witness.json"));
        const auto srs_path = resolve_path(parser, "srs-path", "kzg.srs");
        const auto proof_path = resolve_path(parser, "proof-path", "proof.json");
        const plonk::ProvingKey pk =
            plonk::read_proving_key(resolve_path(parser, "pk-path", "pk.key"), key_digest(circuit.settings));
        TerminalProgress progress;
        const Srs srs = circuit::srs_for_k(read_srs(srs_path), pk.vk.k, srs_path.string(), progress);
        SystemRandom blinding;
        const plonk::Proof proof = circuit::prove_model(circuit, witness, pk, srs, blinding, progress);
        plonk::ProofJsonContext context;
        context.pretty_public_inputs = circuit::pretty_public_inputs(circuit.settings, proof.instances);
        write_file_atomically(proof_path, plonk::proof_to_json(proof, context).dump(1));
        print_timings("prove", proof.timings);
        if (parser.isSet("timings-path")) {
            nlohmann::json t = nlohmann::json::array();
            for (const auto& s : proof.timings) t.push_back({{"stage", s.stage}, {"ms", s.milliseconds}});
            write_file_atomically(parser.value("timings-path").toStdString(), t.dump(1));
        }
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("wrote %s: %zu bytes of proof, %zu public value(s) (%.3f s)\n", proof_path.string().c_str(),
                    proof.bytes.size(), proof.instances.empty() ? size_t(0) : proof.instances[0].size(), secs);
        return 0;
    } catch (const std::exception& e) {
        return report_error("prove", e);
    }
}

const CommandRegistration registration{{"prove", "Prove a witness with pk.key: proof.json", &run}};

}  // namespace
}  // namespace ps::cli
