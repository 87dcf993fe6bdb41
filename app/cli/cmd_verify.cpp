// proofscope-cli verify --proof-path proof.json --settings-path settings.json --vk-path vk.key --srs-path kzg.srs
#include "cli_support.hpp"
#include "command.hpp"
#include "model_proof_support.hpp"
#include "quant_cli_paths.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/error.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

namespace ps::cli {
namespace {

int run(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Verify proof.json against vk.key and the SRS. Prints the verdict with its reason; exit 0 valid, "
        "1 invalid, 2 unusable input (a missing or corrupt file, a key for other settings).");
    parser.addOption({"proof-path", "The proof (default proof.json).", "proof.json"});
    parser.addOption({{"S", "settings-path"}, "The circuit settings (default settings.json).", "settings.json"});
    parser.addOption({"vk-path", "The verifying key (default vk.key).", "vk.key"});
    parser.addOption({"srs-path", "The KZG SRS (default kzg.srs).", "kzg.srs"});
    if (auto code = parse_args(parser, args)) return *code;
    try {
        const auto proof_path = resolve_path(parser, "proof-path", "proof.json");
        const Settings settings = read_settings(resolve_path(parser, "S", "settings.json"));
        const plonk::VerifyingKey vk = plonk::read_verifying_key(resolve_path(parser, "vk-path", "vk.key"), key_digest(settings));
        const auto srs_path = resolve_path(parser, "srs-path", "kzg.srs");
        const Srs srs = read_srs(srs_path);
        if (srs.k < vk.k)
            throw Error(srs_path.string(), "the SRS has k = " + std::to_string(srs.k) + ", the key needs " + std::to_string(vk.k),
                        "use the SRS the keys were made with");
        std::ifstream in(proof_path);
        if (!in) throw Error(proof_path.string(), "cannot be read", "check the path (prove writes proof.json)");
        std::stringstream text;
        text << in.rdbuf();
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(text.str());
        } catch (const nlohmann::json::exception& e) {
            throw Error(proof_path.string(), std::string("is not valid JSON: ") + e.what(), "regenerate the proof");
        }
        const plonk::Proof proof = plonk::proof_from_json(j, proof_path.string());
        const auto start = std::chrono::steady_clock::now();
        // The verifier needs only g[0], g2 and [τ]g2, which a larger SRS shares.
        const plonk::VerifyResult verdict = plonk::verify_proof(vk, srs.verifier_params(), proof.instances, proof.bytes);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (verdict.ok) {
            std::printf("valid: the proof verifies (%.2f ms)\n", ms);
            return 0;
        }
        std::printf("INVALID: %s (%s)\n", verdict.reason.c_str(), plonk::to_string(verdict.check));
        return 1;
    } catch (const std::exception& e) {
        report_error("verify", e);
        return 2;
    }
}

const CommandRegistration registration{{"verify", "Verify proof.json with vk.key: valid or invalid, with the reason", &run}};

}  // namespace
}  // namespace ps::cli
