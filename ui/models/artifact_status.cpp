#include "ui/models/artifact_status.hpp"

#include "core/pipeline/inventory.hpp"

namespace ps::ui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

QString to_text(ArtifactState s) {
    const std::string_view t = pipeline::to_string(s);
    return QString::fromUtf8(t.data(), qsizetype(t.size()));
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

ProjectStatus inspect_project(const QString& folder, const QString& input_json, const StepAvailability& steps) {
    const pipeline::Project project(folder.toStdString(), input_json.toStdString());
    const pipeline::Inventory inv = pipeline::inspect(project, steps.filter);
    ProjectStatus status;
    for (const auto& a : inv.artifacts) {
        ArtifactStatus s;
        s.file = qs(a.file);
        s.purpose = qs(a.purpose);
        s.path = QString::fromStdString(a.path.string());
        s.state = a.state;
        for (const auto& f : a.facts) s.facts << qs(f);
        s.problem = qs(a.problem);
        s.fix = qs(a.fix);
        s.make_command = qs(a.make_step);
        s.step_available = a.step_available;
        s.unavailable_reason = qs(a.unavailable_reason);
        s.needed_now = a.needed_now;
        s.size = qint64(a.size);
        s.digest = qs(a.digest);
        if (a.modified)
            s.modified = QDateTime::fromMSecsSinceEpoch(
                std::chrono::duration_cast<std::chrono::milliseconds>(a.modified->time_since_epoch()).count());
        status.artifacts.push_back(std::move(s));
    }
    status.model_input_shapes = inv.model_input_shapes;
    status.witness = inv.witness;
    status.logrows = inv.logrows;
    return status;
}

}  // namespace ps::ui
