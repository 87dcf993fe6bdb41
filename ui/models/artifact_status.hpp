#pragma once
// What the project panel knows about each artifact of a project folder: present,
// missing, invalid (unreadable, with the reader's reason) or inconsistent with the rest
// of the set (settings digest, SRS size, stale outputs), its key facts, and the CLI
// step that makes it.
#include "ui/models/pipeline_steps.hpp"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <vector>

namespace ps::ui {

struct WitnessTrace;

enum class ArtifactState { Present, Missing, Invalid, Inconsistent };

QString to_text(ArtifactState s);  // "present", "missing", ...

struct ArtifactStatus {
    QString file;         // "settings.json"
    QString purpose;      // "circuit parameters (scales, logrows, visibility)"
    QString path;         // absolute path, even when missing
    ArtifactState state = ArtifactState::Missing;
    QStringList facts;    // "logrows 13", "input scale 7", ...
    QString problem;      // why it is invalid / inconsistent (empty when fine)
    QString fix;          // what to do about it
    QString make_command; // CLI subcommand that (re)makes it: "gen-settings", "" for inputs
    bool step_available = true;  // make_command can run in this version (pipeline_steps.hpp)
    QString unavailable_reason;  // why not, when it cannot
    bool needed_now = true;      // false when only unavailable steps would use it (kzg.srs today)
    qint64 size = 0;
    QString digest;       // SHA-256 of the file, first 16 hex digits
    QDateTime modified;
};

struct ProjectStatus {
    std::vector<ArtifactStatus> artifacts;  // input.json first, then the pipeline order
    std::vector<std::vector<int64_t>> model_input_shapes;  // from network.onnx, when readable
    std::shared_ptr<const WitnessTrace> witness;           // parsed witness.json, when valid
    unsigned logrows = 0;                                  // settings.json's run_args.logrows, 0 when unknown
    bool consistent() const;                // nothing invalid or inconsistent
    const ArtifactStatus* find(const QString& file) const;
};

// Reads every artifact of `folder` (input.json may live elsewhere). Never throws: every
// failure becomes a state with a reason. Cheap except for large key files (hashed).
// `steps` says which make commands this version can run (default: ask the CLI once).
ProjectStatus inspect_project(const QString& folder, const QString& input_json);
ProjectStatus inspect_project(const QString& folder, const QString& input_json, const StepAvailability& steps);

}  // namespace ps::ui
