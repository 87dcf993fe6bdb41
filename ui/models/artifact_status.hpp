#pragma once
// The project panel's view of a project folder: core's inventory (core/pipeline/
// inventory.hpp: present / missing / invalid / inconsistent, facts, the step that makes
// each file) in Qt types for the models and widgets.
#include "core/witness/generate.hpp"
#include "ui/models/pipeline_steps.hpp"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <vector>

namespace ps::ui {

using ArtifactState = pipeline::ArtifactState;

QString to_text(ArtifactState s);  // "present", "missing", ...

struct ArtifactStatus {
    QString file;         // "settings.json"
    QString purpose;      // "circuit parameters (scales, logrows, visibility)"
    QString path;         // absolute path, even when missing
    ArtifactState state = ArtifactState::Missing;
    QStringList facts;    // "logrows 13", "input scale 7", ...
    QString problem;      // why it is invalid / inconsistent (empty when fine)
    QString fix;          // what to do about it
    QString make_command; // the step that (re)makes it: "gen-settings", "" for inputs
    bool step_available = true;  // make_command can run in this build
    QString unavailable_reason;  // why not, when it cannot
    bool needed_now = true;      // false when only unavailable steps would use it (kzg.srs today)
    qint64 size = 0;
    QString digest;       // SHA-256 of the file, first 16 hex digits
    QDateTime modified;
};

struct ProjectStatus {
    std::vector<ArtifactStatus> artifacts;  // input.json first, then the pipeline order
    std::vector<std::vector<int64_t>> model_input_shapes;  // from network.onnx, when readable
    std::shared_ptr<const WitnessResult> witness;          // parsed witness.json, when valid
    unsigned logrows = 0;                                  // settings.json's run_args.logrows, 0 when unknown
    bool consistent() const;                // nothing invalid or inconsistent
    const ArtifactStatus* find(const QString& file) const;
};

// Reads every artifact of `folder` (input.json may live elsewhere) through core's
// inventory. Never throws. `steps` says which steps count as runnable.
ProjectStatus inspect_project(const QString& folder, const QString& input_json,
                              const StepAvailability& steps = StepAvailability::built_in());

}  // namespace ps::ui
