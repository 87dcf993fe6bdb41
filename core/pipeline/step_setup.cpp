#include "core/pipeline/step_setup.hpp"

#include "core/circuit/model_proving.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/plonk/key_files.hpp"

namespace ps::pipeline {

SetupPaths SetupPaths::of(const Project& p) {
    return {p.path(Artifact::CompiledCircuit), p.path(Artifact::Srs), p.path(Artifact::VerifyingKey),
            p.path(Artifact::ProvingKey)};
}

plonk::ProvingKey make_keys(const CompiledCircuit& circuit, const std::filesystem::path& srs_path, ProgressSink& progress) {
    const Srs file_srs = run_stage(progress, "read " + srs_path.filename().string(), [&] { return read_srs(srs_path); });
    const Srs srs = circuit::srs_for_k(file_srs, circuit.settings.run_args.logrows, srs_path.string(), progress);
    return circuit::setup_model(circuit, srs, progress);
}

SetupResult setup(const SetupPaths& paths, ProgressSink& progress) {
    StepRecorder rec("setup", progress);
    SetupResult result;
    const CompiledCircuit circuit = run_stage(rec, "read " + paths.compiled.filename().string(),
                                              [&] { return read_compiled_circuit(paths.compiled); });
    const plonk::ProvingKey pk = make_keys(circuit, paths.srs, rec);
    throw_if_cancelled(rec);
    const auto digest = settings_digest(circuit.settings);
    run_stage(rec, write_stage_name(paths.vk), [&] { plonk::write_verifying_key(paths.vk, pk.vk, digest); });
    run_stage(rec, write_stage_name(paths.pk), [&] { plonk::write_proving_key(paths.pk, pk, digest); });
    result.written = {paths.vk, paths.pk};
    result.logrows = pk.vk.k;
    result.advice_columns = pk.vk.cs.num_advice_columns();
    result.fixed_columns = pk.vk.cs.num_fixed_columns();
    result.lookups = uint32_t(pk.vk.cs.lookups().size());
    result.degree = pk.vk.cs.degree();
    rec.finish(result);
    return result;
}

SetupResult setup(const Project& project, ProgressSink& progress) { return setup(SetupPaths::of(project), progress); }

}  // namespace ps::pipeline
