#pragma once
// gen-witness: input.json + network.ezkl → witness.json (EZKL's fields plus every
// layer's quantised values and float reference).
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/witness/generate.hpp"

#include <memory>

namespace ps::pipeline {

struct GenWitnessPaths {
    std::filesystem::path input;     // input.json
    std::filesystem::path compiled;  // network.ezkl
    std::filesystem::path witness;   // written
    std::filesystem::path settings;  // optional: when set, network.ezkl must have been compiled with it
    static GenWitnessPaths of(const Project& p);  // settings.json checked when present
};

struct GenWitnessOptions {
    bool float_reference = true;  // the float columns of the per-layer trace
};

struct GenWitnessResult : StepResult {
    std::shared_ptr<const WitnessResult> witness;
};

GenWitnessResult gen_witness(const GenWitnessPaths& paths, const GenWitnessOptions& options, ProgressSink& progress);
GenWitnessResult gen_witness(const Project& project, const GenWitnessOptions& options, ProgressSink& progress);

}  // namespace ps::pipeline
