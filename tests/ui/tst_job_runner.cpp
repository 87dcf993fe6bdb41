// The job runner: progress reaches 100 %, errors arrive split into where / problem / fix,
// Cancel during a step leaves no half-written file, and the GUI's in-process steps write
// the same bytes as `proofscope-cli` on the same input.
#include "ui/jobs/job_runner.hpp"
#include "ui/jobs/step_jobs.hpp"

#include "core/pipeline/pipeline.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "demo_model.hpp"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

using namespace ps::ui;
using ps::LayerTrace;
using ps::WitnessResult;

namespace {

bool wait_finished(QSignalSpy& finished) {
    return finished.count() > 0 || finished.wait(60'000);
}

// Runs proofscope-cli; returns its exit code and puts stderr in *err.
int run_cli(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    p.start(PROOFSCOPE_CLI, args);
    if (!p.waitForFinished(120'000)) return -1;
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void progress_reaches_100_percent() {
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::progress);
        QSignalSpy stages(&runner, &JobRunner::stage_changed);
        QSignalSpy ok(&runner, &JobRunner::succeeded);
        QSignalSpy finished(&runner, &JobRunner::finished);
        QVERIFY(runner.start("count", [](ps::ProgressSink& sink) {
            ps::ProgressStage stage(sink, "counting", 1000);
            for (uint64_t i = 1; i <= 1000; ++i) stage.advance(i);
        }));
        QVERIFY(wait_finished(finished));
        QCOMPARE(ok.count(), 1);
        QCOMPARE(stages.count(), 1);
        QCOMPARE(stages.at(0).at(0).toString(), QString("counting"));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toInt(), 100);
        int previous = -1;  // within the stage the percentages only grow
        for (int i = 0; i + 1 < progress.count(); ++i) {
            QVERIFY(progress.at(i).at(0).toInt() >= previous);
            previous = progress.at(i).at(0).toInt();
        }
        QVERIFY(progress.count() <= 102);  // one signal per whole percent, not per advance
        QVERIFY(!runner.busy());
    }

    void one_job_at_a_time() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::finished);
        std::atomic<bool> release{false};
        QVERIFY(runner.start("blocker", [&](ps::ProgressSink&) {
            while (!release) std::this_thread::yield();
        }));
        QVERIFY(runner.busy());
        QVERIFY(!runner.start("second", [](ps::ProgressSink&) {}));
        release = true;
        QVERIFY(wait_finished(finished));
        QCOMPARE(finished.count(), 1);
    }

    void errors_keep_where_problem_and_fix() {
        JobRunner runner;
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start("Generate witness", [](ps::ProgressSink&) {
            throw ps::Error("input.json: input_data[0]", "63 values, the model expects 64", "load an image");
        });
        QVERIFY(wait_finished(finished));
        QCOMPARE(failed.count(), 1);
        const auto e = failed.at(0).at(0).value<ErrorReport>();
        QCOMPARE(e.task, QString("Generate witness"));
        QCOMPARE(e.where, QString("input.json: input_data[0]"));
        QCOMPARE(e.problem, QString("63 values, the model expects 64"));
        QCOMPARE(e.fix, QString("load an image"));
    }

    void cancel_leaves_no_half_written_file() {
        QTemporaryDir dir;
        ps::demo::write_demo_project(dir.path().toStdString());
        const ProjectPaths project = project_for_folder(dir.path());
        ps::NullProgress quiet;
        ps::pipeline::gen_settings(to_project(project), {}, quiet);
        ps::pipeline::compile_circuit(to_project(project), {}, quiet);
        // An older witness must survive a cancelled regeneration untouched.
        const QString witness = dir.filePath("witness.json");
        ps::write_file_atomically(witness.toStdString(), std::string_view("{\"old\": true}"));
        const QStringList before = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);

        JobRunner runner;
        QSignalSpy cancelled(&runner, &JobRunner::cancelled);
        QSignalSpy ok(&runner, &JobRunner::succeeded);
        QSignalSpy finished(&runner, &JobRunner::finished);
        // Press Cancel once the fixed-point execution has made progress: the request lands
        // in the middle of the work, and the core must notice it there.
        class CancelMidway final : public ps::ProgressSink {
        public:
            CancelMidway(ps::ProgressSink& inner, JobRunner& runner) : inner_(inner), runner_(runner) {}
            void begin_stage(std::string_view name, uint64_t total) override {
                in_execution_ = name == "fixed-point execution";
                inner_.begin_stage(name, total);
            }
            void advance(uint64_t done) override {
                if (in_execution_ && done > 0) {
                    reached = true;
                    runner_.cancel();
                }
                inner_.advance(done);
            }
            void end_stage() override { inner_.end_stage(); }
            bool cancelled() const override { return inner_.cancelled(); }
            std::atomic<bool> reached{false};

        private:
            ps::ProgressSink& inner_;
            JobRunner& runner_;
            bool in_execution_ = false;
        };
        const auto work = step_work("gen-witness", project);
        QVERIFY(work);
        std::atomic<bool> reached{false};
        runner.start("Generate witness", [&](ps::ProgressSink& sink) {
            CancelMidway midway(sink, runner);
            try {
                (*work)(midway);
            } catch (...) {
                reached = midway.reached.load();
                throw;
            }
            reached = midway.reached.load();
        });
        QVERIFY(wait_finished(finished));
        QVERIFY2(reached, "the job never reached the fixed-point execution");
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(ok.count(), 0);
        QCOMPARE(QString::fromStdString(ps::read_file_text(witness.toStdString())), QString("{\"old\": true}"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), before);  // no temp file left
    }

    void witness_job_equals_cli_gen_witness_byte_for_byte() {
        QTemporaryDir dir;
        ps::demo::write_demo_project(dir.path().toStdString());
        QString err;
        QCOMPARE(run_cli({"gen-settings", "-M", dir.filePath("network.onnx"), "-O", dir.filePath("settings.json")}, &err), 0);
        QCOMPARE(run_cli({"compile-circuit", "-M", dir.filePath("network.onnx"), "-S", dir.filePath("settings.json"),
                          "--compiled-circuit", dir.filePath("network.ezkl")}, &err), 0);
        QVERIFY2(run_cli({"gen-witness", "-D", dir.filePath("input.json"), "-M", dir.filePath("network.ezkl"), "-O",
                          dir.filePath("cli_witness.json")}, &err) == 0, qPrintable(err));

        JobRunner runner;
        QSignalSpy ok(&runner, &JobRunner::succeeded);
        QSignalSpy progress(&runner, &JobRunner::progress);
        QSignalSpy finished(&runner, &JobRunner::finished);
        const auto work = step_work("gen-witness", project_for_folder(dir.path()));
        QVERIFY(work);
        runner.start("Generate witness", *work);
        QVERIFY(wait_finished(finished));
        QCOMPARE(ok.count(), 1);
        QCOMPARE(progress.last().at(0).toInt(), 100);
        const std::string cli = ps::read_file_text(dir.filePath("cli_witness.json").toStdString());
        const std::string gui = ps::read_file_text(dir.filePath("witness.json").toStdString());
        QVERIFY(cli.size() > 1000);
        QVERIFY(cli.find("\"layers\"") != std::string::npos);
        QVERIFY2(cli == gui, "the GUI's witness.json differs from proofscope-cli gen-witness's");
    }

    // Every step runs in this process: success makes the file, a failure arrives as
    // where / problem / fix from core's ps::Error, and a step without an implementation
    // in this build is refused before anything runs.
    void in_process_steps_run_and_report() {
        QTemporaryDir dir;
        ps::demo::write_demo_project(dir.path().toStdString());
        const ProjectPaths project = project_for_folder(dir.path());
        for (const char* s : {"setup", "mock", "prove", "verify"}) QVERIFY2(step_work(s, project), s);
        QVERIFY(!step_work("no-such-step", project));

        JobRunner runner;
        QSignalSpy ok(&runner, &JobRunner::succeeded);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        // compile-circuit before gen-settings: settings.json is missing.
        QVERIFY(runner.start("Compile circuit", *step_work("compile-circuit", project)));
        QVERIFY(wait_finished(finished));
        QCOMPARE(failed.count(), 1);
        const auto e = failed.at(0).at(0).value<ErrorReport>();
        QVERIFY2(e.where.contains("settings.json") || e.problem.contains("settings.json"), qPrintable(e.one_line()));

        QVERIFY(runner.start("Generate settings", *step_work("gen-settings", project)));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(ok.count(), 1);
        QVERIFY(QFileInfo(dir.filePath("settings.json")).size() > 100);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
