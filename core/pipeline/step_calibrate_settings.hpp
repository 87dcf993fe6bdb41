#pragma once
// calibrate-settings: network.onnx + calibration data (input.json format) → the
// settings.json that fits the target (EZKL's `calibrate-settings --target`).
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/circuit/calibrate.hpp"

namespace ps::pipeline {

struct CalibrateSettingsPaths {
    std::filesystem::path model;     // network.onnx
    std::filesystem::path data;      // input.json
    std::filesystem::path settings;  // written
    static CalibrateSettingsPaths of(const Project& p);
};

struct CalibrateSettingsOptions {
    RunArgs base;  // visibilities, check_mode and the rest of run_args
    CalibrationOptions calibration;
    int64_t timestamp_ms = 0;  // settings.json "timestamp"; 0 = now
};

struct CalibrateSettingsResult : StepResult {
    CalibrationResult calibration;  // every trial, the choice and why
};

CalibrateSettingsResult calibrate_settings(const CalibrateSettingsPaths& paths, const CalibrateSettingsOptions& options,
                                           ProgressSink& progress);
CalibrateSettingsResult calibrate_settings(const Project& project, const CalibrateSettingsOptions& options,
                                           ProgressSink& progress);

}  // namespace ps::pipeline
