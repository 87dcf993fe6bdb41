// proofscope-cli's argument handling, on the real binary: help never runs a command,
// every help names the command as a user types it, stray words and bad values are
// usage errors (exit 2) that touch no file, and exit 0 means success.
#include "demo_model.hpp"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run cli(const QStringList& args, const QString& cwd = {}) {
    QProcess p;
    if (!cwd.isEmpty()) p.setWorkingDirectory(cwd);
    p.start(PROOFSCOPE_CLI, args);
    Run r;
    if (!p.waitForFinished(120000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The subcommands as `proofscope-cli --help` lists them.
QStringList commands() {
    QStringList names;
    bool in_list = false;
    for (const QString& line : cli({"--help"}).out.split('\n')) {
        if (line == "Commands:") in_list = true;
        else if (in_list && line.isEmpty()) break;
        else if (in_list) names << line.trimmed().section(' ', 0, 0);
    }
    return names;
}

QStringList files_in(const QString& dir) { return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name); }

}  // namespace

class TestCliArguments : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString demo_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        demo_ = dir_.filePath("demo");
        ps::demo::write_demo_project(demo_.toStdString());
        QVERIFY(commands().size() >= 10);
    }

    void every_command_help_names_the_command_and_hides_qt_options() {
        for (const QString& c : commands()) {
            const Run r = cli({c, "--help"});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.startsWith("Usage: proofscope-cli " + c + " [options]\n"), qPrintable(c + ": " + r.out.section('\n', 0, 0)));
            QVERIFY2(!r.out.contains("help-all"), qPrintable(c));
            QVERIFY2(!r.out.contains(QFileInfo(PROOFSCOPE_CLI).absolutePath()), qPrintable(c + ": the help shows the build path"));
            QCOMPARE(cli({"help", c}).out, r.out);
        }
    }

    void help_options_run_nothing_and_write_nothing() {
        // gen-settings with real inputs would write settings.json; gen-srs would write kzg.srs.
        const QStringList before = files_in(demo_);
        for (const QString help : {"--help", "-h", "--help-all"}) {
            QCOMPARE(cli({"gen-settings", "-M", demo_, "-O", demo_, help}).code, 0);
            QCOMPARE(cli({"gen-srs", "--logrows", "4", "--srs-path", demo_ + "/kzg.srs", help}).code, 0);
        }
        QCOMPARE(files_in(demo_), before);
        QCOMPARE(cli({"--help-all"}).code, 0);
    }

    void a_positional_argument_is_a_usage_error_for_every_command() {
        // Run where the default inputs exist: ignoring the word would read ./network.onnx
        // and write ./settings.json.
        const QStringList before = files_in(demo_);
        for (const QString& c : commands()) {
            const Run r = cli({c, "other.onnx"}, demo_);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("unexpected argument 'other.onnx'"), qPrintable(c + ": " + r.err));
            QCOMPARE(r.err.count('\n'), 1);  // one line
            QVERIFY2(r.out.isEmpty(), qPrintable(c + ": " + r.out));
        }
        QCOMPARE(files_in(demo_), before);
    }

    void usage_errors_exit_2() {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"no-such-command"}).code, 2);
        QCOMPARE(cli({"gen-settings", "--no-such-option"}).code, 2);
        QCOMPARE(cli({"gen-settings", "-M"}).code, 2);  // an option without its value
        QCOMPARE(cli({"gen-srs", "--srs-path", dir_.filePath("x.srs")}).code, 2);  // --logrows is required
        for (const QString bad : {"0", "-3", "many"}) {
            const Run r = cli({"srs-info", "--threads", bad, "--srs-path", dir_.filePath("x.srs")});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("--threads"), qPrintable(r.err));
        }
        QVERIFY(!QFileInfo::exists(dir_.filePath("x.srs")));
    }

    void failures_never_exit_0() {
        const QString empty = dir_.filePath("empty");
        QVERIFY(QDir().mkpath(empty));
        for (const QString c : {"gen-settings", "calibrate-settings", "compile-circuit", "gen-witness", "mock", "setup",
                                 "prove", "verify", "gen-srs", "srs-info", "downsize-srs", "table"}) {
            const Run r = cli({c}, empty);  // no input files here
            QVERIFY2(r.code == 1 || r.code == 2, qPrintable(c + " exited " + QString::number(r.code)));
            QVERIFY2(!r.err.isEmpty(), qPrintable(c + ": no message"));
        }
        QVERIFY(cli({"gen-settings", "-M", demo_, "-O", dir_.filePath("s.json"), "--input-scale", "x"}).code != 0);
        QVERIFY(!QFileInfo::exists(dir_.filePath("s.json")));
    }

    void version_names_the_program_and_its_licence() {
        const Run r = cli({"--version"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("proofscope-cli "));
        QVERIFY(r.out.contains("GPL-3.0-or-later"));
    }
};

QTEST_MAIN(TestCliArguments)
#include "tst_cli_arguments.moc"
