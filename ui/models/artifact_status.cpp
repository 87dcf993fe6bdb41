#include "ui/models/artifact_status.hpp"

#include "ui/models/artifact_readers.hpp"
#include "ui/models/witness_trace.hpp"

#include <QFileInfo>

namespace ps::ui {

QString to_text(ArtifactState s) {
    switch (s) {
    case ArtifactState::Present: return "present";
    case ArtifactState::Missing: return "missing";
    case ArtifactState::Invalid: return "invalid";
    case ArtifactState::Inconsistent: return "inconsistent";
    }
    return {};
}

bool ProjectStatus::consistent() const {
    for (const auto& a : artifacts)
        if (a.state == ArtifactState::Invalid || a.state == ArtifactState::Inconsistent) return false;
    return true;
}

const ArtifactStatus* ProjectStatus::find(const QString& file) const {
    for (const auto& a : artifacts)
        if (a.file == file) return &a;
    return nullptr;
}

namespace {

struct ArtifactKind {
    const char* file;
    const char* purpose;
    const char* make_command;
    const char* used_by = "";  // the first step that reads it, when only later steps need it
};

// Pipeline order (ARCHITECTURE.md: Setup, then Prove).
constexpr ArtifactKind kinds[] = {
    {"network.onnx", "the model (ONNX)", ""},
    {"settings.json", "circuit parameters: scales, logrows, visibility", "gen-settings"},
    {"network.ezkl", "compiled circuit: quantised graph and parameters", "compile-circuit"},
    {"kzg.srs", "structured reference string (KZG powers of tau)", "gen-srs", "setup"},
    {"pk.key", "proving key", "setup"},
    {"vk.key", "verifying key", "setup"},
    {"witness.json", "every layer's values for this input", "gen-witness"},
    {"proof.json", "the proof", "prove"},
};

}  // namespace

ProjectStatus inspect_project(const QString& folder, const QString& input_json) {
    return inspect_project(folder, input_json, step_availability());
}

ProjectStatus inspect_project(const QString& folder, const QString& input_json, const StepAvailability& steps) {
    ProjectStatus status;
    ProjectFacts facts;

    ArtifactStatus input;
    input.file = "input.json";
    input.purpose = "the model's input (EZKL input_data)";
    input.path = input_json.isEmpty() ? folder + "/input.json" : input_json;
    status.artifacts.push_back(input);
    for (const auto& k : kinds) {
        ArtifactStatus a;
        a.file = k.file;
        a.purpose = k.purpose;
        a.make_command = k.make_command;
        a.step_available = a.make_command.isEmpty() || steps.available(a.make_command);
        if (!a.step_available) a.unavailable_reason = steps.reason(a.make_command);
        a.needed_now = *k.used_by == '\0' || steps.available(k.used_by);
        a.path = folder + "/" + k.file;
        status.artifacts.push_back(a);
    }

    for (auto& a : status.artifacts) {
        const QFileInfo fi(a.path);
        if (!fi.exists() || !fi.isFile()) {
            a.state = ArtifactState::Missing;
            continue;
        }
        a.size = fi.size();
        a.modified = fi.lastModified();
        a.state = ArtifactState::Present;
        read_artifact(a, facts);
    }
    check_consistency(status, facts);
    // A fix that says "run setup again" would send the user into "unknown command".
    for (auto& a : status.artifacts)
        if (!a.step_available && !a.fix.isEmpty()) a.fix = "it cannot be remade here: " + a.unavailable_reason;
    status.model_input_shapes = facts.model_input_shapes;
    status.witness = facts.witness;
    status.logrows = facts.logrows.value_or(0);
    return status;
}

}  // namespace ps::ui
