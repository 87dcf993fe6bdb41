#include "ui/jobs/step_jobs.hpp"

#include "core/util/error.hpp"

#include "core/pipeline/pipeline.hpp"

namespace ps::ui {

pipeline::Project to_project(const ProjectPaths& paths) {
    return pipeline::Project(paths.folder.toStdString(), paths.input_json.toStdString());
}

std::optional<JobRunner::Work> step_work(const QString& step, const ProjectPaths& paths,
                                        const pipeline::RunOptions& options) {
    const pipeline::Project p = to_project(paths);
    // Each job takes the project by value: it outlives the click that started it.
    if (step == "gen-settings")
        return [p](ProgressSink& s) { pipeline::gen_settings(p, {}, s); };
    if (step == "calibrate-settings")
        return [p](ProgressSink& s) { pipeline::calibrate_settings(p, {}, s); };
    if (step == "compile-circuit")
        return [p](ProgressSink& s) { pipeline::compile_circuit(p, {}, s); };
    if (step == "gen-srs")
        return [p](ProgressSink& s) { pipeline::gen_srs(p, {}, s); };
    if (step == "gen-witness")
        return [p](ProgressSink& s) { pipeline::gen_witness(p, {}, s); };
    // Setup and prove are recorded in the project's run history (runs.jsonl), which the
    // timing charts read; prove checks its new proof at once, as anyone would.
    if (step == "setup")
        return [p, options](ProgressSink& s) { pipeline::setup_and_record(p, options, s); };
    if (step == "mock")
        return [p](ProgressSink& s) {
            const auto r = pipeline::mock(p, s);
            if (!r.ok())
                throw Error(p.path(pipeline::Artifact::Witness).filename().string(),
                            std::to_string(r.failures.size()) + " constraint(s) fail; the first: " + r.failures.front(),
                            "regenerate the witness with gen-witness, or run proofscope-cli mock for the full list");
        };
    if (step == "prove")
        return [p, options](ProgressSink& s) { pipeline::prove_and_record(p, options, s); };
    if (step == "verify")
        return [p](ProgressSink& s) {
            const auto r = pipeline::verify(p, s);
            if (!r.verdict.ok)
                throw Error(p.path(pipeline::Artifact::Proof).filename().string(), "INVALID: " + r.verdict.reason,
                            "the proof does not verify with this vk.key and kzg.srs");
        };
    return std::nullopt;
}

}  // namespace ps::ui
