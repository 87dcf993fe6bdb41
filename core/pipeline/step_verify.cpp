#include "core/pipeline/step_verify.hpp"

#include "core/artifacts/json_fields.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/error.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

namespace ps::pipeline {

VerifyPaths VerifyPaths::of(const Project& p) {
    return {p.path(Artifact::Proof), p.path(Artifact::Settings), p.path(Artifact::VerifyingKey), p.path(Artifact::Srs)};
}

namespace {

plonk::Proof read_proof(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), "cannot be read", "check the path (prove writes proof.json)");
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json j = json_fields::parse_document(text.str(), path.string(), "regenerate the proof");
    return plonk::proof_from_json(j, path.string());
}

}  // namespace

VerifyStepResult verify(const VerifyPaths& paths, ProgressSink& progress) {
    StepRecorder rec("verify", progress);
    VerifyStepResult result;
    const Settings settings = run_stage(rec, "read " + paths.settings.filename().string(),
                                        [&] { return read_settings(paths.settings); });
    const plonk::VerifyingKey vk = run_stage(rec, "read " + paths.vk.filename().string(), [&] {
        return plonk::read_verifying_key(paths.vk, settings_digest(settings));
    });
    const Srs srs = run_stage(rec, "read " + paths.srs.filename().string(), [&] { return read_srs(paths.srs); });
    if (srs.k < vk.k)
        throw Error(paths.srs.string(), "the SRS has k = " + std::to_string(srs.k) + ", the key needs " + std::to_string(vk.k),
                    "use the SRS the keys were made with");
    const plonk::Proof proof = run_stage(rec, "read " + paths.proof.filename().string(), [&] { return read_proof(paths.proof); });
    result.proof_bytes = proof.bytes.size();
    const auto start = std::chrono::steady_clock::now();
    // The verifier needs only g[0], g2 and [τ]g2, which every size of one SRS shares.
    result.verdict = run_stage(rec, "verify the proof",
                               [&] { return plonk::verify_proof(vk, srs.verifier_params(), proof.instances, proof.bytes); });
    result.verify_milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    result.pretty_public_inputs = circuit::pretty_public_inputs(settings, proof.instances);
    rec.finish(result);
    return result;
}

VerifyStepResult verify(const Project& project, ProgressSink& progress) { return verify(VerifyPaths::of(project), progress); }

}  // namespace ps::pipeline
