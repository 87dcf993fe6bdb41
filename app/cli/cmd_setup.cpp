// proofscope-cli setup -M network.ezkl --srs-path kzg.srs --vk-path vk.key --pk-path pk.key
#include "cli_support.hpp"
#include "command.hpp"
#include "model_proof_support.hpp"
#include "quant_cli_paths.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/plonk/key_files.hpp"

#include <chrono>

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
        apply_threads(parser);
        const auto start = std::chrono::steady_clock::now();
        const auto circuit_path = resolve_path(parser, "M", "network.ezkl");
        const auto srs_path = resolve_path(parser, "srs-path", "kzg.srs");
        const auto vk_path = resolve_path(parser, "vk-path", "vk.key");
        const auto pk_path = resolve_path(parser, "pk-path", "pk.key");
        const CompiledCircuit circuit = read_compiled_circuit(circuit_path);
        TerminalProgress progress;
        const Srs srs = circuit::srs_for_k(read_srs(srs_path), circuit.settings.run_args.logrows, srs_path.string(), progress);
        std::vector<plonk::StageTiming> timings;
        const plonk::ProvingKey pk = circuit::setup_model(circuit, srs, progress, &timings);
        plonk::write_verifying_key(vk_path, pk.vk, key_digest(circuit.settings));
        plonk::write_proving_key(pk_path, pk, key_digest(circuit.settings));
        print_timings("setup", timings);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("wrote %s and %s: 2^%u rows, %u advice / %u fixed columns, %zu lookups, degree %u (%.3f s)\n",
                    vk_path.string().c_str(), pk_path.string().c_str(), pk.vk.k, pk.vk.cs.num_advice_columns(),
                    pk.vk.cs.num_fixed_columns(), pk.vk.cs.lookups().size(), pk.vk.cs.degree(), secs);
        return 0;
    } catch (const std::exception& e) {
        return report_error("setup", e);
    }
}

const CommandRegistration registration{{"setup", "Generate pk.key and vk.key for a compiled circuit", &run}};

}  // namespace
}  // namespace ps::cli
