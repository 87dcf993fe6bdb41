#include "core/pipeline/step_prove.hpp"

#include "core/circuit/model_proving.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/key_files.hpp"
#include "core/plonk/proof_json.hpp"
#include "core/util/atomic_file.hpp"

namespace ps::pipeline {

ProvePaths ProvePaths::of(const Project& p) {
    return {p.path(Artifact::Witness), p.path(Artifact::CompiledCircuit), p.path(Artifact::ProvingKey),
            p.path(Artifact::Srs), p.path(Artifact::Proof)};
}

ProveResult prove(const ProvePaths& paths, const ProveOptions& options, ProgressSink& progress) {
    StepRecorder rec("prove", progress);
    ProveResult result;
    const CompiledCircuit circuit = run_stage(rec, "read " + paths.compiled.filename().string(),
                                              [&] { return read_compiled_circuit(paths.compiled); });
    const WitnessResult witness = run_stage(rec, "read " + paths.witness.filename().string(),
                                            [&] { return read_witness_json(paths.witness); });
    const plonk::ProvingKey pk = run_stage(rec, "read " + paths.pk.filename().string(), [&] {
        return plonk::read_proving_key(paths.pk, settings_digest(circuit.settings), &rec);
    });
    const Srs file_srs = run_stage(rec, "read " + paths.srs.filename().string(), [&] { return read_srs(paths.srs); });
    const Srs srs = circuit::srs_for_k(file_srs, pk.vk.k, paths.srs.string(), rec);
    SystemRandom system;
    RandomSource& blinding = options.blinding ? *options.blinding : system;
    const plonk::Proof proof = circuit::prove_model(circuit, witness, pk, srs, blinding, rec);
    throw_if_cancelled(rec);
    plonk::ProofJsonContext context;
    context.pretty_public_inputs = circuit::pretty_public_inputs(circuit.settings, proof.instances);
    run_stage(rec, write_stage_name(paths.proof),
              [&] { write_file_atomically(paths.proof, plonk::proof_to_json(proof, context).dump(1)); });
    result.written = {paths.proof};
    result.proof_bytes = proof.bytes.size();
    result.instances = proof.instances;
    rec.finish(result);
    return result;
}

ProveResult prove(const Project& project, const ProveOptions& options, ProgressSink& progress) {
    return prove(ProvePaths::of(project), options, progress);
}

}  // namespace ps::pipeline
