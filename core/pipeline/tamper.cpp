#include "core/pipeline/tamper.hpp"

#include "core/artifacts/settings.hpp"
#include "core/artifacts/compiled_circuit.hpp"
#include "core/circuit/model_proving.hpp"
#include "core/pipeline/step_setup.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <cstdio>
#include <cstdlib>

namespace ps::pipeline {

const char* to_string(Tamper kind) {
    switch (kind) {
    case Tamper::ProofByte: return "proof-byte";
    case Tamper::ClaimedOutput: return "claimed-output";
    case Tamper::OtherModelKey: return "other-model-key";
    }
    return "?";
}

namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
    try {
        return nlohmann::json::parse(read_file_text(path));
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string(), std::string("is not valid JSON: ") + e.what(), "prove again");
    }
}

void write_proof(const std::filesystem::path& path, const plonk::Proof& proof, const Settings& settings) {
    plonk::ProofJsonContext context;
    context.pretty_public_inputs = circuit::pretty_public_inputs(settings, proof.instances);
    write_file_atomically(path, plonk::proof_to_json(proof, context).dump(1));
}

std::string flip_proof_byte(const VerifyPaths& genuine, const Settings& settings, const std::filesystem::path& out) {
    plonk::Proof proof = plonk::proof_from_json(read_json(genuine.proof), genuine.proof.string());
    if (proof.bytes.empty()) throw Error(genuine.proof.string(), "holds no proof bytes", "prove again");
    // The middle of the proof lies among the commitments and evaluations, away from the
    // framing: the verifier must notice the change itself, not a length check.
    const size_t at = proof.bytes.size() / 2;
    const uint8_t before = proof.bytes[at];
    proof.bytes[at] ^= 0x01;
    write_proof(out, proof, settings);
    char text[128];
    std::snprintf(text, sizeof text, "byte %zu of the %zu-byte proof changed from 0x%02x to 0x%02x", at,
                  proof.bytes.size(), before, proof.bytes[at]);
    return text;
}

std::string bump_claimed_output(const VerifyPaths& genuine, const Settings& settings, const std::filesystem::path& out) {
    plonk::Proof proof = plonk::proof_from_json(read_json(genuine.proof), genuine.proof.string());
    // lay_out_model puts the public outputs last (after public inputs and parameters).
    if (proof.instances.empty() || proof.instances.back().empty())
        throw Error(genuine.proof.string(), "has no public values to change",
                    "make the outputs public (output_visibility = public) and prove again");
    const nlohmann::json before = circuit::pretty_public_inputs(settings, proof.instances);
    proof.instances.back().back() += Fr::one();
    write_proof(out, proof, settings);
    const nlohmann::json after = circuit::pretty_public_inputs(settings, proof.instances);
    const auto& scales = settings.model_output_scales;
    const int scale = scales.empty() ? 0 : scales.back();
    std::string values;
    if (before.contains("rescaled_outputs") && !before["rescaled_outputs"].empty() &&
        !before["rescaled_outputs"].back().empty()) {
        const auto& b = before["rescaled_outputs"].back(), &a = after["rescaled_outputs"].back();
        char text[160];
        std::snprintf(text, sizeof text, " (output %zu: %.6g claimed as %.6g)", b.size() - 1, b.back().get<double>(),
                      a.back().get<double>());
        values = text;
    }
    return "the last claimed output raised by one unit, 1/2^" + std::to_string(scale) + values +
           "; the proof left as it was";
}

// The largest-magnitude weight of the first weight tensor, one unit larger: the smallest
// change that makes another model. Empty when the model has no weights.
std::string change_one_weight(CompiledCircuit& circuit) {
    for (auto& [name, param] : circuit.params) {
        auto& data = param.tensor.data;
        if (data.empty()) continue;
        size_t at = 0;
        for (size_t i = 1; i < data.size(); ++i)
            if (std::llabs(data[i]) > std::llabs(data[at])) at = i;
        data[at] += 1;
        return "value " + std::to_string(at) + " of the parameter \"" + name + "\" (" + std::to_string(data[at] - 1) + " → " +
               std::to_string(data[at]) + " in units of 1/2^" + std::to_string(param.scale) + ")";
    }
    return {};
}

std::string other_model_key(const TamperSources& sources, const Settings& settings, const std::filesystem::path& out,
                            ProgressSink& progress) {
    const auto digest = settings_digest(settings);
    if (settings.run_args.param_visibility == Visibility::Fixed) {
        CompiledCircuit other = read_compiled_circuit(sources.compiled);
        check_settings_match(other, settings, sources.genuine.settings.string(), sources.compiled.string());
        const std::string changed = change_one_weight(other);
        if (!changed.empty()) {
            plonk::write_verifying_key(out, make_keys(other, sources.genuine.srs, progress).vk, digest);
            return "the key of another model, made by setup: this network with " + changed;
        }
    }
    // Weights that are advice (or a model without weights) are not in the key: a model with
    // other weights would have this very key. Moving one fixed commitment by G stands in.
    plonk::VerifyingKey vk = plonk::read_verifying_key(sources.genuine.vk, digest);
    if (vk.fixed_commitments.empty())
        throw Error(sources.genuine.vk.string(), "has no fixed columns to change", "use a model with fixed weights");
    vk.fixed_commitments.front() = (G1::from_affine(vk.fixed_commitments.front()) + G1::generator()).to_affine();
    vk.digest = vk.compute_digest();
    plonk::write_verifying_key(out, vk, digest);
    return "a verifying key with one fixed-column commitment changed (this model's weights are " +
           to_string(settings.run_args.param_visibility) + ", not part of the key, so another model's weights would not show)";
}

}  // namespace

TamperSources TamperSources::of(const Project& p) { return {VerifyPaths::of(p), p.path(Artifact::CompiledCircuit)}; }

TamperedCopy write_tampered_copy(const TamperSources& sources, Tamper kind, const std::filesystem::path& scratch,
                                 ProgressSink& progress) {
    const VerifyPaths& genuine = sources.genuine;
    std::filesystem::create_directories(scratch);
    const Settings settings = read_settings(genuine.settings);
    TamperedCopy copy{genuine, {}};
    switch (kind) {
    case Tamper::ProofByte:
        copy.paths.proof = scratch / "proof_tampered_byte.json";
        copy.what_changed = flip_proof_byte(genuine, settings, copy.paths.proof);
        break;
    case Tamper::ClaimedOutput:
        copy.paths.proof = scratch / "proof_tampered_output.json";
        copy.what_changed = bump_claimed_output(genuine, settings, copy.paths.proof);
        break;
    case Tamper::OtherModelKey:
        copy.paths.vk = scratch / "vk_other_model.key";
        copy.what_changed = other_model_key(sources, settings, copy.paths.vk, progress);
        break;
    }
    return copy;
}

TamperVerdict verify_tampered(const TamperSources& sources, Tamper kind, const std::filesystem::path& scratch,
                              ProgressSink& progress) {
    TamperVerdict v{write_tampered_copy(sources, kind, scratch, progress), {}};
    v.result = verify(v.copy.paths, progress);
    return v;
}

}  // namespace ps::pipeline
