#pragma once
// prove: witness.json + network.ezkl + pk.key + kzg.srs → proof.json. proof.json holds
// EZKL's fields and nothing private (no timings, no digests of private files); the stage
// timings come back in the result for the caller to show or write elsewhere.
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/plonk/prover.hpp"
#include "core/util/random.hpp"

namespace ps::pipeline {

struct ProvePaths {
    std::filesystem::path witness;   // witness.json
    std::filesystem::path compiled;  // network.ezkl
    std::filesystem::path pk;        // pk.key
    std::filesystem::path srs;       // kzg.srs
    std::filesystem::path proof;     // written
    static ProvePaths of(const Project& p);
};

struct ProveOptions {
    RandomSource* blinding = nullptr;  // the prover's randomness; nullptr: OpenSSL's CSPRNG
};

struct ProveResult : StepResult {
    size_t proof_bytes = 0;
    std::vector<std::vector<Fr>> instances;  // the public values the proof binds
};

ProveResult prove(const ProvePaths& paths, const ProveOptions& options, ProgressSink& progress);
ProveResult prove(const Project& project, const ProveOptions& options, ProgressSink& progress);

}  // namespace ps::pipeline
