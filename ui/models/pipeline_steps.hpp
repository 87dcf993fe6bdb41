#pragma once
// Which pipeline steps this build can run, as the GUI asks it: the artifact rows, "Run
// next step", "Make selected" and the Run menu all ask here, and here only forwards to
// core's step table (core/pipeline/project.hpp), the same table the CLI is built on.
#include "core/pipeline/inventory.hpp"

#include <QString>
#include <QStringList>

namespace ps::ui {

// Every step of the table this build runs, in pipeline order.
QStringList runnable_steps();

// Human title of a step ("Generate witness"); the name itself when unknown.
QString step_title(const QString& step);

struct StepAvailability {
    pipeline::StepFilter filter;  // default: the step table decides

    static StepAvailability built_in() { return {}; }
    // Exactly these steps (tests, and a build that adds steps before the table says so).
    static StepAvailability with_steps(const QStringList& steps);

    bool available(const QString& step) const;
    QString reason(const QString& step) const;  // "" when available
};

}  // namespace ps::ui
