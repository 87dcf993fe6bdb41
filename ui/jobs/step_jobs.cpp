#include "ui/jobs/step_jobs.hpp"

#include "core/pipeline/pipeline.hpp"

namespace ps::ui {

pipeline::Project to_project(const ProjectPaths& paths) {
    return pipeline::Project(paths.folder.toStdString(), paths.input_json.toStdString());
}

std::optional<JobRunner::Work> step_work(const QString& step, const ProjectPaths& paths) {
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
    return std::nullopt;
}

}  // namespace ps::ui
