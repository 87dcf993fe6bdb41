#pragma once
// setup: network.ezkl + kzg.srs → pk.key, vk.key (keygen on the circuit's layout). An
// SRS with more points than 2^logrows is downsized in memory.
#include "core/artifacts/compiled_circuit.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/plonk/keys.hpp"

namespace ps::pipeline {

struct SetupPaths {
    std::filesystem::path compiled;  // network.ezkl
    std::filesystem::path srs;       // kzg.srs
    std::filesystem::path vk, pk;    // written
    static SetupPaths of(const Project& p);
};

struct SetupResult : StepResult {
    unsigned logrows = 0;
    uint32_t advice_columns = 0, fixed_columns = 0, lookups = 0, degree = 0;
};

SetupResult setup(const SetupPaths& paths, ProgressSink& progress);
SetupResult setup(const Project& project, ProgressSink& progress);

// The keys of `circuit` with the SRS file at `srs` (read, downsized to the circuit's
// logrows, keygen): what setup writes, and what the "another model's key" tamper makes.
plonk::ProvingKey make_keys(const CompiledCircuit& circuit, const std::filesystem::path& srs, ProgressSink& progress);

}  // namespace ps::pipeline
