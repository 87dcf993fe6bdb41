#pragma once
// compile-circuit: network.onnx + settings.json → network.ezkl (graph, value scales,
// quantised parameters, and the digest of the settings it was compiled with).
#include "core/artifacts/compiled_circuit.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"

namespace ps::pipeline {

struct CompileCircuitPaths {
    std::filesystem::path model;     // network.onnx
    std::filesystem::path settings;  // settings.json
    std::filesystem::path compiled;  // network.ezkl, written
    static CompileCircuitPaths of(const Project& p);
};

struct CompileCircuitOptions {};

struct CompileCircuitResult : StepResult {
    size_t nodes = 0;
    size_t quantised_parameters = 0;  // elements over every parameter tensor
    Sha256Digest settings_digest{};
};

CompileCircuitResult compile_circuit(const CompileCircuitPaths& paths, const CompileCircuitOptions& options,
                                     ProgressSink& progress);
CompileCircuitResult compile_circuit(const Project& project, const CompileCircuitOptions& options, ProgressSink& progress);

}  // namespace ps::pipeline
