// proofscope-cli prove-synthetic --logrows K [--srs-path kzg.srs] [--output DIR] [--threads N]
// A proof-system smoke test: keygen, prove and verify the synthetic benchmark circuit
// (gates, range lookups, copy constraints) filling 2^K rows, printing stage timings.
#include "cli_support.hpp"
#include "command.hpp"
#include "core/kzg/srs.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/keygen.hpp"
#include "core/plonk/mock_prover.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/plonk/prover.hpp"
#include "core/plonk/synthetic_circuit.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/util/sha256.hpp"
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace ps::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Keygen, prove and verify a synthetic PLONK circuit of 2^K rows (multiplication and addition gates, "
        "two range lookups, copy constraints, one public output) and print where the time went.");
    parser.addOption({"logrows", "log2 of the number of rows, 5..24 (default 10).", "K"});
    parser.addOption({"srs-path", "A kzg.srs with k >= K (default: a development SRS made on the spot).", "SRS"});
    parser.addOption({"output", "A folder to write pk.key, vk.key and proof.json into.", "DIR"});
    add_threads_option(parser);
    if (auto code = parse_args(parser, args)) return *code;
    if (auto code = apply_threads(parser)) return *code;
    try {
        bool ok = true;
        const unsigned k = parser.isSet("logrows") ? parser.value("logrows").toUInt(&ok) : 10;
        if (!ok || k < 5 || k > 24)
            throw Error("--logrows", "expected an integer in 5..24, found \"" + parser.value("logrows").toStdString() + "\"");
        TerminalProgress progress;
        Srs srs;
        if (parser.isSet("srs-path")) {
            srs = read_srs(parser.value("srs-path").toStdString());
            if (srs.k < k)
                throw Error(parser.value("srs-path").toStdString(),
                            "the SRS has k = " + std::to_string(srs.k) + ", the circuit needs " + std::to_string(k),
                            "pass a bigger SRS or a smaller --logrows");
            if (srs.k > k) srs = downsize_srs(srs, k, progress);
        } else {
            std::fprintf(stderr, "warning: using a DEVELOPMENT SRS made here; whoever knows its tau can forge "
                                 "proofs (fine for a benchmark, never for real use)\n");
            SystemRandom tau;
            srs = generate_srs(k, tau, progress);
        }

        const plonk::SyntheticCircuit circuit = plonk::make_synthetic_circuit(k);
        const auto failures = plonk::mock_prove(*circuit.witness);
        if (!failures.empty()) throw Error("synthetic circuit", failures.front().message());

        auto t0 = std::chrono::steady_clock::now();
        std::vector<plonk::StageTiming> keygen_timings;
        const plonk::ProvingKey pk = plonk::keygen(srs, *circuit.witness, progress, &keygen_timings);
        const double keygen_ms = ms_since(t0);
        SystemRandom blinding;
        t0 = std::chrono::steady_clock::now();
        const plonk::Proof proof = plonk::create_proof(pk, srs, *circuit.witness, blinding, progress);
        const double prove_ms = ms_since(t0);
        t0 = std::chrono::steady_clock::now();
        const auto verdict = plonk::verify_proof(pk.vk, srs.verifier_params(), proof.instances, proof.bytes);
        const double verify_ms = ms_since(t0);

        std::printf("synthetic circuit: 2^%u rows (%zu usable), degree %u, %u advice / %u fixed columns, %zu lookups\n",
                    k, circuit.witness->usable_rows(), pk.vk.cs.degree(), pk.vk.cs.num_advice_columns(),
                    pk.vk.cs.num_fixed_columns(), pk.vk.cs.lookups().size());
        std::printf("keygen %.1f ms\n", keygen_ms);
        for (const auto& t : keygen_timings) std::printf("  %-26s %9.2f ms\n", t.stage.c_str(), t.milliseconds);
        std::printf("prove  %.1f ms (proof %zu bytes)\n", prove_ms, proof.bytes.size());
        for (const auto& t : proof.timings) std::printf("  %-26s %9.2f ms\n", t.stage.c_str(), t.milliseconds);
        std::printf("verify %.2f ms: %s (%s)\n", verify_ms, verdict.ok ? "valid" : "INVALID", verdict.reason.c_str());

        if (parser.isSet("output")) {
            const std::filesystem::path dir = parser.value("output").toStdString();
            std::filesystem::create_directories(dir);
            const auto settings = sha256("synthetic circuit k=" + std::to_string(k));
            plonk::write_proving_key(dir / "pk.key", pk, settings);
            plonk::write_verifying_key(dir / "vk.key", pk.vk, settings);
            write_file_atomically(dir / "proof.json", plonk::proof_to_json(proof).dump(1));
            std::printf("wrote %s/{pk.key, vk.key, proof.json}\n", dir.string().c_str());
        }
        return verdict.ok ? 0 : 1;
    } catch (const std::exception& e) {
        return report_error("prove-synthetic", e);
    }
}

const CommandRegistration registration{
    {"prove-synthetic", "Keygen, prove and verify a synthetic PLONK circuit (proof-system smoke test)", run}};

}  // namespace
}  // namespace ps::cli
