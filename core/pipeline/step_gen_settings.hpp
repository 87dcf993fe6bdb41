#pragma once
// gen-settings: network.onnx → settings.json with EZKL's defaults and the computed
// logrows, rows, lookups and range checks.
#include "core/artifacts/settings.hpp"
#include "core/pipeline/project.hpp"
#include "core/pipeline/step.hpp"
#include "core/witness/fixed_point.hpp"

namespace ps::pipeline {

struct GenSettingsPaths {
    std::filesystem::path model;     // network.onnx
    std::filesystem::path settings;  // written
    static GenSettingsPaths of(const Project& p);
};

struct GenSettingsOptions {
    RunArgs run_args;             // EZKL's defaults unless the user chose otherwise
    bool logrows_fixed = false;   // true: run_args.logrows is the user's (an error when too small)
    int64_t timestamp_ms = 0;     // settings.json "timestamp"; 0 = now
};

struct GenSettingsResult : StepResult {
    Settings settings;
    fixed::ExecStats stats;  // fallback_nodes: nodes not provable yet
    std::string unprovable;  // why the circuit cannot be laid out yet ("" when it can)
};

GenSettingsResult gen_settings(const GenSettingsPaths& paths, const GenSettingsOptions& options, ProgressSink& progress);
GenSettingsResult gen_settings(const Project& project, const GenSettingsOptions& options, ProgressSink& progress);

}  // namespace ps::pipeline
