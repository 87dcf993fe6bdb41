#include "core/pipeline/step_gen_settings.hpp"

#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"

namespace ps::pipeline {

GenSettingsPaths GenSettingsPaths::of(const Project& p) {
    return {p.path(Artifact::Model), p.path(Artifact::Settings)};
}

GenSettingsResult gen_settings(const GenSettingsPaths& paths, const GenSettingsOptions& options, ProgressSink& progress) {
    StepRecorder rec("gen-settings", progress);
    const model::Graph graph = run_stage(rec, "load " + paths.model.filename().string(),
                                         [&] { return model::load_onnx(paths.model); });
    CircuitPlan plan = run_stage(rec, "plan the circuit",
                                 [&] { return plan_circuit(graph, options.run_args, options.logrows_fixed); });
    GenSettingsResult result;
    result.settings = std::move(plan.settings);
    result.settings.timestamp = options.timestamp_ms;
    result.stats = plan.stats;
    result.unprovable = plan.unprovable;
    run_stage(rec, write_stage_name(paths.settings), [&] { write_settings(result.settings, paths.settings); });
    result.written.push_back(paths.settings);
    rec.finish(result);
    return result;
}

GenSettingsResult gen_settings(const Project& project, const GenSettingsOptions& options, ProgressSink& progress) {
    return gen_settings(GenSettingsPaths::of(project), options, progress);
}

}  // namespace ps::pipeline
