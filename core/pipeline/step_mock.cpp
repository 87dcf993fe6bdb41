#include "core/pipeline/step_mock.hpp"

#include "core/circuit/model_proving.hpp"

namespace ps::pipeline {

MockPaths MockPaths::of(const Project& p) { return {p.path(Artifact::CompiledCircuit), p.path(Artifact::Witness)}; }

MockResult mock(const MockPaths& paths, ProgressSink& progress) {
    StepRecorder rec("mock", progress);
    MockResult result;
    const CompiledCircuit circuit = run_stage(rec, "read " + paths.compiled.filename().string(),
                                              [&] { return read_compiled_circuit(paths.compiled); });
    const WitnessResult witness = run_stage(rec, "read " + paths.witness.filename().string(),
                                            [&] { return read_witness_json(paths.witness); });
    const circuit::ModelCircuit m =
        run_stage(rec, "lay out the circuit", [&] { return circuit::build_model_circuit(circuit, witness); });
    result.failures = run_stage(rec, "check every constraint", [&] { return circuit::mock_model(m); });
    result.logrows = m.k;
    result.rows = m.layout.builder.rows();
    result.rows.table_chunks = m.layout.builder.table_chunks(m.k);  // at the settings' logrows
    rec.finish(result);
    return result;
}

MockResult mock(const Project& project, ProgressSink& progress) { return mock(MockPaths::of(project), progress); }

}  // namespace ps::pipeline
