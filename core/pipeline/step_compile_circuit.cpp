#include "core/pipeline/step_compile_circuit.hpp"

#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"

namespace ps::pipeline {

CompileCircuitPaths CompileCircuitPaths::of(const Project& p) {
    return {p.path(Artifact::Model), p.path(Artifact::Settings), p.path(Artifact::CompiledCircuit)};
}

CompileCircuitResult compile_circuit(const CompileCircuitPaths& paths, const CompileCircuitOptions&,
                                     ProgressSink& progress) {
    StepRecorder rec("compile-circuit", progress);
    const Settings settings = run_stage(rec, "read " + paths.settings.filename().string(),
                                        [&] { return read_settings(paths.settings); });
    const model::Graph graph = run_stage(rec, "load " + paths.model.filename().string(),
                                         [&] { return model::load_onnx(paths.model); });
    const CompiledCircuit circuit = run_stage(rec, "compile the circuit", [&] {
        return ps::compile_circuit(graph, settings, paths.settings.filename().string());
    });
    run_stage(rec, write_stage_name(paths.compiled), [&] { write_compiled_circuit(circuit, paths.compiled); });
    CompileCircuitResult result;
    result.written.push_back(paths.compiled);
    result.nodes = graph.nodes.size();
    for (const auto& [name, q] : circuit.params) result.quantised_parameters += q.tensor.size();
    result.settings_digest = settings_digest(settings);
    rec.finish(result);
    return result;
}

CompileCircuitResult compile_circuit(const Project& project, const CompileCircuitOptions& options, ProgressSink& progress) {
    return compile_circuit(CompileCircuitPaths::of(project), options, progress);
}

}  // namespace ps::pipeline
