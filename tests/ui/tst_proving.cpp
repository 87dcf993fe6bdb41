// The Proving and Verify tabs, offscreen, on the demo digit classifier: a prove job's
// overall bar only grows and ends at 100 %, its proof passes proofscope-cli verify and
// the run lands in runs.jsonl and the charts; Cancel at several stages leaves no proof
// and no history line and the next run succeeds; each tamper button shows INVALID with
// the verifier's reason and Restore shows VALID again.
#include "ui/jobs/job_queue.hpp"
#include "ui/demo_flow.hpp"
#include "ui/main_window.hpp"
#include "ui/widgets/output_view.hpp"
#include "ui/queue_panel.hpp"
#include "ui/widgets/resource_chart.hpp"
#include "ui/models/stage_progress.hpp"
#include "ui/proving_view.hpp"
#include "ui/run_report.hpp"
#include "ui/verify_panel.hpp"
#include "ui/widgets/class_scores_chart.hpp"
#include "ui/widgets/history_chart.hpp"
#include "ui/widgets/run_comparison_chart.hpp"
#include "ui/widgets/stage_timing_chart.hpp"

#include "core/pipeline/pipeline.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace ps::ui;
namespace pl = ps::pipeline;

namespace {
constexpr int job_timeout_ms = 180'000;

int run_cli(const QStringList& args, QString* out = nullptr) {
    QProcess p;
    p.start(PROOFSCOPE_CLI, args);
    if (!p.waitForFinished(120'000)) return -1;
    if (out) *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
}  // namespace

class TestProving : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    MainWindow* window_ = nullptr;

    size_t prove_runs() const {
        size_t n = 0;
        for (const auto& r : pl::read_run_history(pl::run_history_path(pl::Project(dir_.path().toStdString()))).runs)
            n += r.step == "prove";
        return n;
    }
    bool run_and_wait(const QString& step) {
        QSignalSpy done(window_, &MainWindow::idle);
        window_->run_step(step);
        return done.wait(job_timeout_ms) && !window_->busy();
    }

private slots:
    void initTestCase() {
        ps::demo::write_demo_project(dir_.path().toStdString());
        const pl::Project p(dir_.path().toStdString());
        ps::NullProgress quiet;
        pl::gen_settings(p, {}, quiet);
        pl::compile_circuit(p, {}, quiet);
        pl::gen_witness(p, {}, quiet);
        pl::GenSrsOptions srs;
        srs.seed = 11;  // public and reproducible: a test SRS
        pl::gen_srs(p, srs, quiet);
        window_ = new MainWindow;
        QSignalSpy loaded(window_, &MainWindow::project_loaded);
        window_->open_project(project_for_folder(dir_.path()));
        QVERIFY(loaded.wait(30'000));
        QVERIFY(window_->proving_view()->timing_chart()->showing_empty_state());
        QVERIFY(run_and_wait("setup"));
        QVERIFY(QFileInfo::exists(dir_.filePath("pk.key")));
    }
    void cleanupTestCase() { delete window_; }

    void prove_job_reaches_100_percent_monotonically_and_records_the_run() {
        ProvingView* view = window_->proving_view();
        QSignalSpy overall(&view->progress(), &StageProgress::overall_changed);
        const size_t before = prove_runs();
        QVERIFY(run_and_wait("prove"));
        QVERIFY(overall.count() > 5);
        int previous = -1;
        for (const auto& args : overall) {
            QVERIFY2(args.at(0).toInt() >= previous, "the overall bar went backwards");
            previous = args.at(0).toInt();
        }
        QCOMPARE(previous, 100);
        // Every row is a stage the core planned and then reported, and each has a time.
        const auto planned = pl::planned_run_stages("prove", pl::Project(dir_.path().toStdString()));
        QCOMPARE(view->progress().rows().size(), planned.size());
        for (const auto& r : view->progress().rows()) {
            QVERIFY2(r.state == StageRow::State::Done, qPrintable(r.name));
            QVERIFY(r.planned);
        }
        QCOMPARE(prove_runs(), before + 1);
        QVERIFY(!view->timing_chart()->showing_empty_state());
        QVERIFY2(view->timing_chart()->caption().contains("valid"), qPrintable(view->timing_chart()->caption()));
        QCOMPARE(size_t(view->history_chart()->plotted_runs()), prove_runs());
        // The GUI's proof passes the CLI's verifier.
        QString out;
        QCOMPARE(run_cli({"verify", "--proof-path", dir_.filePath("proof.json"), "--settings-path", dir_.filePath("settings.json"),
                          "--vk-path", dir_.filePath("vk.key"), "--srs-path", dir_.filePath("kzg.srs")}, &out), 0);
        QVERIFY2(out.contains("valid"), qPrintable(out));
    }

    void cancel_at_several_stages_leaves_nothing_and_the_next_run_succeeds() {
        ProvingView* view = window_->proving_view();
        for (const char* stage : {"lay out the witness", "commit advice", "vanishing argument", "multi-point opening"}) {
            QFile::remove(dir_.filePath("proof.json"));
            const size_t runs = prove_runs();
            const QStringList files = QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
            // Press Cancel as soon as the stage's row starts running.
            auto hook = connect(&view->progress(), &StageProgress::changed, this, [this, view, stage] {
                for (const auto& r : view->progress().rows())
                    if (r.name == stage && r.state == StageRow::State::Running) window_->cancel_job();
            });
            QVERIFY(run_and_wait("prove"));
            disconnect(hook);
            QVERIFY2(!QFileInfo::exists(dir_.filePath("proof.json")), stage);
            QCOMPARE(prove_runs(), runs);
            QCOMPARE(QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), files);  // no temp file
            QVERIFY(view->progress().overall_percent() < 100);
        }
        QVERIFY(run_and_wait("prove"));
        QVERIFY(QFileInfo::exists(dir_.filePath("proof.json")));
        QCOMPARE(view->progress().overall_percent(), 100);
    }

    void history_compares_two_runs_and_the_report_is_written() {
        ProvingView* view = window_->proving_view();
        QVERIFY(prove_runs() >= 2);
        QVERIFY(!view->comparison_chart()->showing_empty_state());
        QVERIFY2(view->comparison_chart()->verdict_text().contains("in total"), qPrintable(view->comparison_chart()->verdict_text()));
        QTemporaryDir out;
        QString error;
        for (const char* ext : {"png", "pdf", "csv"}) {
            view->show_chart(ProvingView::Chart::Comparison);
            QVERIFY2(view->export_to(out.filePath(QString("cmp.") + ext), &error), qPrintable(error));
            QVERIFY(QFileInfo(out.filePath(QString("cmp.") + ext)).size() > 20);
        }
        QVERIFY2(view->write_report(out.filePath("report.pdf"), &error), qPrintable(error));
        QVERIFY(QFileInfo(out.filePath("report.pdf")).size() > 1000);
        QVERIFY(!QFileInfo::exists(out.filePath("report.pdf.part")));
    }

    // Two inputs proved side by side (two pool threads, the cores shared between them):
    // both finish, each with its own valid proof and its own history line.
    void two_queued_jobs_both_finish() {
        QFile::copy(dir_.filePath("input.json"), dir_.filePath("input_b.json"));
        JobQueue& queue = window_->queue_panel()->queue();
        queue.add_inputs({dir_.filePath("input.json"), dir_.filePath("input_b.json")});
        QCOMPARE(queue.jobs().size(), size_t(2));
        queue.set_parallel(2);
        QCOMPARE(queue.threads_per_job(), unsigned(std::max(1, QThread::idealThreadCount() / 2)));
        const size_t runs = prove_runs();
        QSignalSpy done(&queue, &JobQueue::all_finished);
        queue.start();
        QVERIFY(queue.busy());
        QVERIFY(done.wait(job_timeout_ms));
        for (const auto& j : queue.jobs()) {
            QCOMPARE(j.state, QueuedJob::State::Done);
            QCOMPARE(j.verdict, QString("valid"));
            QCOMPARE(j.percent, 100);
            QVERIFY2(QFileInfo::exists(j.proof), qPrintable(j.proof));
        }
        QVERIFY(queue.jobs()[0].proof != queue.jobs()[1].proof);
        QCOMPARE(prove_runs(), runs + 2);
        QVERIFY(window_->proving_view()->resource_chart()->samples() >= 2);  // charted live
    }

    // The Output tab: the circuit's predicted class is the witness's; the float model's
    // scores sit beside it.
    void output_view_shows_the_prediction_circuit_and_float() {
        OutputView* out = window_->output_view();
        const auto witness = ps::read_witness_json(dir_.filePath("witness.json").toStdString());
        const auto& o = witness.outputs.at(0);
        QVERIFY(!out->chart()->showing_empty_state());
        QCOMPARE(out->chart()->predicted_class(), int(std::max_element(o.begin(), o.end()) - o.begin()));
        QVERIFY2(out->caption().contains("The float model agrees"), qPrintable(out->caption()));
        QTemporaryDir tmp;
        QString error;
        QVERIFY2(out->export_to(tmp.filePath("out.csv"), &error), qPrintable(error));
        const QString csv = QString::fromStdString(ps::read_file_text(tmp.filePath("out.csv").toStdString()));
        QVERIFY(csv.startsWith("class,score,reference\n"));
        QCOMPARE(csv.count('\n'), 1 + int(o.size()));
    }

    // A fresh demo folder (network.onnx and input.json only): one click makes the SRS,
    // keys, witness and proof and shows VALID on the Verify tab; every demo step ticked.
    void demo_proves_and_verifies_from_a_fresh_start_in_one_click() {
        QTemporaryDir fresh;
        ps::demo::write_demo_project(fresh.path().toStdString());
        MainWindow w;
        QSignalSpy loaded(&w, &MainWindow::project_loaded);
        w.open_project(project_for_folder(fresh.path()));
        QVERIFY(loaded.wait(30'000));
        QCOMPARE(w.demo_flow()->steps_reached(), 1);  // only the input
        QSignalSpy shown(w.verify_panel(), &VerifyPanel::verdict_shown);
        w.prove_demo_in_one_click();
        QVERIFY(shown.wait(job_timeout_ms));
        QCOMPARE(w.verify_panel()->shown(), VerifyPanel::Shown::Valid);
        QCOMPARE(w.demo_flow()->steps_reached(), 4);
        for (const char* f : {"kzg.srs", "pk.key", "vk.key", "witness.json", "proof.json"})
            QVERIFY2(QFileInfo::exists(fresh.filePath(f)), f);
        QTRY_VERIFY_WITH_TIMEOUT(!w.busy(), 30'000);
        QCOMPARE(w.demo_flow()->steps_reached(), 4);  // still, after the folder was read again
    }

    void every_tamper_button_shows_invalid_with_the_reason_and_restore_is_valid() {
        VerifyPanel* panel = window_->verify_panel();
        QSignalSpy shown(panel, &VerifyPanel::verdict_shown);
        panel->verify();
        QVERIFY(shown.wait(60'000));
        QCOMPARE(panel->shown(), VerifyPanel::Shown::Valid);
        QVERIFY(panel->verdict_text().contains("VALID"));
        // The class the proof claims is the witness's prediction.
        const auto witness = ps::read_witness_json(dir_.filePath("witness.json").toStdString());
        const auto& out = witness.outputs.at(0);
        QCOMPARE(panel->scores()->predicted_class(), int(std::max_element(out.begin(), out.end()) - out.begin()));
        const QString proof_before = QString::fromStdString(ps::read_file_text(dir_.filePath("proof.json").toStdString()));
        for (auto kind : {pl::Tamper::ProofByte, pl::Tamper::ClaimedOutput, pl::Tamper::OtherModelKey}) {
            QTRY_VERIFY_WITH_TIMEOUT(!window_->busy(), 30'000);
            shown.clear();
            panel->tamper(kind);
            QVERIFY(shown.wait(60'000));
            QCOMPARE(panel->shown(), VerifyPanel::Shown::Invalid);
            QVERIFY(panel->verdict_text().contains("INVALID"));
            QVERIFY2(panel->reason_text().contains("The verifier's reason:"), qPrintable(panel->reason_text()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!window_->busy(), 30'000);
        shown.clear();
        panel->restore();
        QVERIFY(shown.wait(60'000));
        QCOMPARE(panel->shown(), VerifyPanel::Shown::Valid);
        QCOMPARE(QString::fromStdString(ps::read_file_text(dir_.filePath("proof.json").toStdString())), proof_before);
    }
};

QTEST_MAIN(TestProving)
#include "tst_proving.moc"
