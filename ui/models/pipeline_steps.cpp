#include "ui/models/pipeline_steps.hpp"

namespace ps::ui {

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
}  // namespace

QStringList runnable_steps() {
    QStringList steps;
    for (const auto& s : pipeline::step_specs())
        if (s.available) steps << qs(s.name);
    return steps;
}

QString step_title(const QString& step) {
    const pipeline::StepSpec* s = pipeline::find_step(step.toStdString());
    return s ? qs(s->title) : step;
}

StepAvailability StepAvailability::with_steps(const QStringList& steps) {
    StepAvailability a;
    a.filter.available.emplace();
    for (const QString& s : steps) a.filter.available->insert(s.toStdString());
    return a;
}

bool StepAvailability::available(const QString& step) const { return filter.is_available(step.toStdString()); }

QString StepAvailability::reason(const QString& step) const {
    return QString::fromStdString(filter.reason(step.toStdString()));
}

}  // namespace ps::ui
