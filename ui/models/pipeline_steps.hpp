#pragma once
// Which pipeline steps this release of the workbench can run. The one place that decides
// it: the artifact rows, "Run next step", "Make selected", the Run menu and the step
// runner all ask here, so no button offers a step that would end in "unknown command".
#include <QString>
#include <QStringList>

namespace ps::ui {

// Steps that need core/circuit's model→circuit layout, a later milestone: the CLI has no
// setup / prove / verify for ONNX models yet. Used when the CLI cannot be asked, and to
// explain why a step is missing from it.
QStringList steps_awaiting_circuit_layout();

// "proving works today only for the built-in test circuits via proofscope-cli prove-synthetic"
QString prove_synthetic_hint();

// One sentence on why `step` cannot run in this version ("" when nothing is known).
QString step_unavailable_reason(const QString& step);

// The command names listed by `proofscope-cli --help`: the first word of each indented
// line under "Commands:", up to the next blank line. Empty when there is no such list.
QStringList parse_cli_commands(const QString& help_text);

struct StepAvailability {
    // What the CLI offers, from its --help; empty when it could not be asked, and then
    // every step except those in steps_awaiting_circuit_layout() counts as available.
    QStringList cli_commands;
    QString cli_path;  // the executable asked, for the reason text

    static StepAvailability from_cli_help(const QString& help_text, const QString& cli_path = {});
    static StepAvailability built_in();  // without the CLI: steps_awaiting_circuit_layout() only

    bool available(const QString& step) const;
    QString reason(const QString& step) const;  // "" when available
};

// Asks the CLI (find_cli_executable(), `--help`, 5 s at most) on the first call and keeps
// the answer for the process; built_in() when the CLI is missing or does not answer.
// Thread-safe (the project is inspected off the GUI thread).
const StepAvailability& step_availability();

}  // namespace ps::ui
