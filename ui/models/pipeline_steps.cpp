#include "ui/models/pipeline_steps.hpp"

#include "ui/jobs/cli_step.hpp"
#include "ui/jobs/witness_job.hpp"

#include <QProcess>
#include <QRegularExpression>

namespace ps::ui {

QStringList steps_awaiting_circuit_layout() {
    // The single list to shorten when the model→circuit layout lands (ARCHITECTURE.md:
    // model → circuit, then Setup and Prove).
    return {"setup", "prove", "verify"};
}

QString prove_synthetic_hint() {
    return "proving works today only for the built-in test circuits via proofscope-cli prove-synthetic";
}

QString step_unavailable_reason(const QString& step) {
    if (steps_awaiting_circuit_layout().contains(step))
        return QString("%1 is not available in this version: it needs the model→circuit layout (next release); %2")
            .arg(step, prove_synthetic_hint());
    return {};
}

QStringList parse_cli_commands(const QString& help_text) {
    QStringList commands;
    bool in_list = false;
    static const QRegularExpression entry(R"(^\s+([a-z][a-z0-9-]*)(\s|$))");
    for (const QString& line : help_text.split('\n')) {
        if (!in_list) {
            in_list = line.trimmed() == "Commands:";
            continue;
        }
        if (line.trimmed().isEmpty()) {
            if (!commands.isEmpty()) break;
            continue;
        }
        const QRegularExpressionMatch m = entry.match(line);
        if (!m.hasMatch()) break;
        commands << m.captured(1);
    }
    return commands;
}

StepAvailability StepAvailability::from_cli_help(const QString& help_text, const QString& cli_path) {
    StepAvailability a;
    a.cli_commands = parse_cli_commands(help_text);
    a.cli_path = cli_path;
    return a;
}

StepAvailability StepAvailability::built_in() { return {}; }

bool StepAvailability::available(const QString& step) const {
    if (step == "gen-witness" && witness_generation_available()) return true;  // runs in-process
    if (cli_commands.isEmpty()) return !steps_awaiting_circuit_layout().contains(step);
    return cli_commands.contains(step);
}

QString StepAvailability::reason(const QString& step) const {
    if (available(step)) return {};
    if (const QString r = step_unavailable_reason(step); !r.isEmpty()) return r;
    return QString("%1 is not available in this version: %2 does not offer it")
        .arg(step, cli_path.isEmpty() ? QString("proofscope-cli") : cli_path);
}

const StepAvailability& step_availability() {
    static const StepAvailability asked = [] {
        const QString cli = find_cli_executable();
        if (cli.isEmpty()) return StepAvailability::built_in();
        QProcess p;
        p.start(cli, {"--help"});
        if (!p.waitForFinished(5000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            p.kill();
            p.waitForFinished(1000);
            return StepAvailability::built_in();
        }
        StepAvailability a = StepAvailability::from_cli_help(QString::fromUtf8(p.readAllStandardOutput()), cli);
        return a.cli_commands.isEmpty() ? StepAvailability::built_in() : a;
    }();
    return asked;
}

}  // namespace ps::ui
