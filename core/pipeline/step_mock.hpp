#pragma once
// mock: network.ezkl + witness.json → every constraint checked on the values, without
// cryptography; failures listed layer by layer (the first is where the witness first
// departs from the model).
#include "core/circuit/circuit_builder.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"

namespace ps::pipeline {

struct MockPaths {
    std::filesystem::path compiled;  // network.ezkl
    std::filesystem::path witness;   // witness.json
    static MockPaths of(const Project& p);
};

struct MockResult : StepResult {
    std::vector<std::string> failures;  // empty: every constraint holds
    unsigned logrows = 0;
    circuit::BlockRows rows;
    bool ok() const { return failures.empty(); }
};

MockResult mock(const MockPaths& paths, ProgressSink& progress);
MockResult mock(const Project& project, ProgressSink& progress);

}  // namespace ps::pipeline
