#pragma once
// verify: proof.json + settings.json + vk.key + kzg.srs → a verdict with its reason. An
// invalid proof is an answer (VerifyResult), not an error; unusable input (a missing or
// corrupt file, a key for other settings) throws ps::Error.
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/plonk/verifier.hpp"

#include <nlohmann/json.hpp>

namespace ps::pipeline {

struct VerifyPaths {
    std::filesystem::path proof;     // proof.json
    std::filesystem::path settings;  // settings.json
    std::filesystem::path vk;        // vk.key
    std::filesystem::path srs;       // kzg.srs
    static VerifyPaths of(const Project& p);
};

struct VerifyStepResult : StepResult {
    plonk::VerifyResult verdict;
    double verify_milliseconds = 0;         // the verifier alone, files read
    size_t proof_bytes = 0;                 // the proof itself (not proof.json's JSON text)
    nlohmann::json pretty_public_inputs;    // the public values, dequantised
};

VerifyStepResult verify(const VerifyPaths& paths, ProgressSink& progress);
VerifyStepResult verify(const Project& project, ProgressSink& progress);

}  // namespace ps::pipeline
