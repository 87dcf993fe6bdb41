#pragma once
// Pipeline steps the GUI does not run in-process (gen-settings, compile-circuit, gen-srs,
// setup, prove) run as `proofscope-cli <step>` in a QProcess: the same code path a user
// runs in a terminal, so "everything the CLI does is a click away" and stays identical.
// Cancel terminates the process; the CLI writes every artifact atomically.
#include "ui/jobs/error_report.hpp"
#include "ui/models/recent_projects.hpp"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>

namespace ps::ui {

// Arguments for `proofscope-cli <command>` on a project, EZKL's option names and the
// default file names inside the folder; `logrows` (from settings.json, 0 when unknown)
// sizes gen-srs. Empty when the command is unknown.
QStringList cli_step_arguments(const QString& command, const ProjectPaths& project, unsigned logrows = 0);

// $PROOFSCOPE_CLI, else proofscope-cli next to the running executable (or in ../app/ of a
// build tree), else on PATH; empty when not found.
QString find_cli_executable();

class CliStepRunner : public QObject {
    Q_OBJECT
public:
    explicit CliStepRunner(QObject* parent = nullptr);
    ~CliStepRunner() override;
    bool start(const QString& command, const ProjectPaths& project, unsigned logrows = 0);
    bool busy() const;
    bool wait(int msecs);

public slots:
    void cancel();

signals:
    void started(const QString& title);
    void output_line(const QString& line);
    void succeeded(const QString& title, double seconds);
    void failed(const ps::ui::ErrorReport& error);
    void cancelled(const QString& title);
    void finished();

private:
    void on_finished(int exit_code, QProcess::ExitStatus status);

    QProcess process_;
    QString title_;
    QString command_;
    QByteArray stderr_;
    QElapsedTimer clock_;
    bool cancel_requested_ = false;
};

}  // namespace ps::ui
