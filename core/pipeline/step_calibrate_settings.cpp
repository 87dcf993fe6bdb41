#include "core/pipeline/step_calibrate_settings.hpp"

#include "core/artifacts/input_data.hpp"
#include "core/model/graph.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"

namespace ps::pipeline {

CalibrateSettingsPaths CalibrateSettingsPaths::of(const Project& p) {
    return {p.path(Artifact::Model), p.path(Artifact::Input), p.path(Artifact::Settings)};
}

CalibrateSettingsResult calibrate_settings(const CalibrateSettingsPaths& paths, const CalibrateSettingsOptions& options,
                                           ProgressSink& progress) {
    StepRecorder rec("calibrate-settings", progress);
    CalibrateSettingsResult result;
    const model::Graph graph = run_stage(rec, "load " + paths.model.filename().string(),
                                         [&] { return model::load_onnx(paths.model); });
    const InputData data = run_stage(rec, "read " + paths.data.filename().string(),
                                     [&] { return read_input_json(paths.data, input_shapes(graph)); });
    result.notes = data.notes;
    result.calibration = calibrate(graph, data, options.base, options.calibration, rec);
    throw_if_cancelled(rec);
    result.calibration.settings.timestamp = options.timestamp_ms;
    run_stage(rec, write_stage_name(paths.settings), [&] { write_settings(result.calibration.settings, paths.settings); });
    result.written.push_back(paths.settings);
    rec.finish(result);
    return result;
}

CalibrateSettingsResult calibrate_settings(const Project& project, const CalibrateSettingsOptions& options,
                                           ProgressSink& progress) {
    return calibrate_settings(CalibrateSettingsPaths::of(project), options, progress);
}

}  // namespace ps::pipeline
