#include "ui/jobs/cli_step.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ps::ui {

QStringList cli_step_arguments(const QString& command, const ProjectPaths& p, unsigned logrows) {
    const QDir d(p.folder);
    auto f = [&](const char* name) { return d.filePath(name); };
    if (command == "gen-settings")
        return {command, "-M", f("network.onnx"), "-O", f("settings.json")};
    if (command == "calibrate-settings")
        return {command, "-M", f("network.onnx"), "-D", p.input_json, "-O", f("settings.json")};
    if (command == "compile-circuit")
        return {command, "-M", f("network.onnx"), "-S", f("settings.json"), "--compiled-circuit", f("network.ezkl")};
    if (command == "gen-srs")  // for development only: the CLI says so loudly
        return {command, "--srs-path", f("kzg.srs"), "--logrows", QString::number(logrows ? logrows : 17)};
    if (command == "setup")
        return {command, "-M", f("network.ezkl"), "--srs-path", f("kzg.srs"), "--vk-path", f("vk.key"),
                "--pk-path", f("pk.key")};
    if (command == "gen-witness")
        return {command, "-D", p.input_json, "-M", f("network.ezkl"), "-O", f("witness.json")};
    if (command == "prove")
        return {command, "--witness", f("witness.json"), "-M", f("network.ezkl"), "--pk-path", f("pk.key"),
                "--proof-path", f("proof.json"), "--srs-path", f("kzg.srs")};
    if (command == "verify")
        return {command, "--proof-path", f("proof.json"), "--settings-path", f("settings.json"), "--vk-path",
                f("vk.key"), "--srs-path", f("kzg.srs")};
    return {};
}

QString find_cli_executable() {
    // An explicit choice first (tests, installs with the CLI elsewhere).
    if (const QString chosen = qEnvironmentVariable("PROOFSCOPE_CLI"); !chosen.isEmpty() && QFileInfo(chosen).isExecutable())
        return chosen;
    const QString here = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {here + "/proofscope-cli", here + "/../app/proofscope-cli"})
        if (QFileInfo(candidate).isExecutable()) return QFileInfo(candidate).absoluteFilePath();
    return QStandardPaths::findExecutable("proofscope-cli");
}

CliStepRunner::CliStepRunner(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = process_.readAllStandardError();
        stderr_ += chunk;
        for (const QByteArray& line : chunk.split('\n'))
            if (!line.trimmed().isEmpty()) emit output_line(QString::fromUtf8(line.split('\r').last()).trimmed());
    });
    connect(&process_, &QProcess::readyReadStandardOutput, this, [this] {
        for (const QByteArray& line : process_.readAllStandardOutput().split('\n'))
            if (!line.trimmed().isEmpty()) emit output_line(QString::fromUtf8(line).trimmed());
    });
    connect(&process_, &QProcess::finished, this, &CliStepRunner::on_finished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        ErrorReport r;
        r.task = title_;
        r.where = process_.program();
        r.problem = "could not be started: " + process_.errorString();
        r.fix = "build the proofscope-cli target next to the GUI";
        emit failed(r);
        emit finished();
    });
}

CliStepRunner::~CliStepRunner() {
    if (process_.state() != QProcess::NotRunning) {
        process_.terminate();
        if (!process_.waitForFinished(3000)) process_.kill();
    }
}

bool CliStepRunner::busy() const { return process_.state() != QProcess::NotRunning; }

bool CliStepRunner::wait(int msecs) {
    return process_.state() == QProcess::NotRunning || process_.waitForFinished(msecs);
}

bool CliStepRunner::start(const QString& command, const ProjectPaths& project, unsigned logrows) {
    if (busy()) return false;
    const QStringList args = cli_step_arguments(command, project, logrows);
    const QString cli = find_cli_executable();
    title_ = command;
    command_ = command;
    stderr_.clear();
    cancel_requested_ = false;
    if (args.isEmpty() || cli.isEmpty()) {
        ErrorReport r;
        r.task = command;
        r.where = cli.isEmpty() ? QString("proofscope-cli") : command;
        r.problem = cli.isEmpty() ? QString("not found next to the GUI or on PATH") : QString("unknown pipeline step");
        r.fix = cli.isEmpty() ? QString("build the proofscope-cli target (cmake --build build --target proofscope-cli)")
                              : QString();
        emit failed(r);
        emit finished();
        return false;
    }
    clock_.start();
    emit started(command);
    emit output_line("$ proofscope-cli " + args.join(' '));
    process_.start(cli, args);
    return true;
}

void CliStepRunner::cancel() {
    if (!busy()) return;
    cancel_requested_ = true;
    process_.terminate();
}

void CliStepRunner::on_finished(int exit_code, QProcess::ExitStatus status) {
    const double seconds = double(clock_.nsecsElapsed()) / 1e9;
    if (cancel_requested_) {
        emit cancelled(title_);
    } else if (status == QProcess::NormalExit && exit_code == 0) {
        emit succeeded(title_, seconds);
    } else {
        // The CLI prints "proofscope-cli <step>: <where>: <problem> (<fix>)".
        QString text = QString::fromUtf8(stderr_).trimmed();
        const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
        text = lines.isEmpty() ? QString("exited with code %1").arg(exit_code) : lines.last().split('\r').last().trimmed();
        text.remove(QRegularExpression("^proofscope-cli [a-z-]+: "));
        ErrorReport r;
        r.task = title_;
        const QRegularExpressionMatch fix = QRegularExpression(R"(^(.*) \(([^()]*)\)$)").match(text);
        if (fix.hasMatch()) {
            text = fix.captured(1);
            r.fix = fix.captured(2);
        }
        const int colon = text.indexOf(": ");
        r.where = colon > 0 ? text.left(colon) : "proofscope-cli " + command_;
        r.problem = colon > 0 ? text.mid(colon + 2) : text;
        if (status != QProcess::NormalExit) r.problem = "the process crashed";
        emit failed(r);
    }
    emit finished();
}

}  // namespace ps::ui
