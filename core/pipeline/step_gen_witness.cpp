#include "core/pipeline/step_gen_witness.hpp"

#include "core/artifacts/input_data.hpp"
#include "core/circuit/circuit_plan.hpp"

namespace ps::pipeline {

GenWitnessPaths GenWitnessPaths::of(const Project& p) {
    GenWitnessPaths paths{p.path(Artifact::Input), p.path(Artifact::CompiledCircuit), p.path(Artifact::Witness), {}};
    if (p.exists(Artifact::Settings)) paths.settings = p.path(Artifact::Settings);
    return paths;
}

GenWitnessResult gen_witness(const GenWitnessPaths& paths, const GenWitnessOptions& options, ProgressSink& progress) {
    StepRecorder rec("gen-witness", progress);
    GenWitnessResult result;
    const CompiledCircuit circuit = run_stage(rec, "read " + paths.compiled.filename().string(),
                                              [&] { return read_compiled_circuit(paths.compiled); });
    if (!paths.settings.empty())
        run_stage(rec, "check " + paths.settings.filename().string(), [&] {
            check_settings_match(circuit, read_settings(paths.settings), paths.settings.filename().string(),
                                 paths.compiled.filename().string());
        });
    const InputData input = run_stage(rec, "read " + paths.input.filename().string(),
                                      [&] { return read_input_json(paths.input, input_shapes(circuit.graph)); });
    result.notes = input.notes;
    WitnessOptions witness_options;
    witness_options.float_reference = options.float_reference;
    auto witness = std::make_shared<WitnessResult>(generate_witness(circuit, input, rec, witness_options));
    throw_if_cancelled(rec);
    run_stage(rec, write_stage_name(paths.witness), [&] { write_witness_json(*witness, paths.witness); });
    result.written.push_back(paths.witness);
    result.witness = std::move(witness);
    rec.finish(result);
    return result;
}

GenWitnessResult gen_witness(const Project& project, const GenWitnessOptions& options, ProgressSink& progress) {
    return gen_witness(GenWitnessPaths::of(project), options, progress);
}

}  // namespace ps::pipeline
