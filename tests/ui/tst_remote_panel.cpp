// The Remote tab offscreen, over a fake SlurmClient (the real one is tested against a real
// Slurm in tests/remote/tst_remote_slurm.cpp): what it submits, how it shows the states
// the scheduler reports, the log, cancel, and verifying a finished prove's proof here.
#include "resources/demo/demo_model.hpp"
#include "ui/remote_panel.hpp"
#include "core/pipeline/tamper.hpp"
#include "core/util/error.hpp"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <mutex>

using ps::remote::JobInfo;
using ps::remote::JobPhase;

namespace {

// Answers like a scheduler whose jobs the test moves from state to state.
class FakeSlurm final : public ps::remote::SlurmClient {
public:
    std::string submit(const ps::remote::JobRequest& r) override {
        std::lock_guard lock(m_);
        requests.push_back(r);
        JobInfo j;
        j.id = std::to_string(100 + jobs.size());
        j.name = "ps-" + r.step;
        j.state = "PENDING";
        j.phase = JobPhase::Pending;
        j.reason = "Priority";
        j.work_dir = r.artifacts;
        j.log = r.artifacts / "jobs" / (j.name + "-" + j.id + ".log");
        jobs.push_back(j);
        return j.id;
    }
    std::vector<JobInfo> status(const std::string& id) override {
        std::lock_guard lock(m_);
        for (const auto& j : jobs)
            if (j.id == id) return {j};
        throw ps::Error("job " + id, "Slurm does not know this job id");
    }
    std::vector<JobInfo> list() override {
        std::lock_guard lock(m_);
        return jobs;
    }
    void cancel(const std::string& id) override {
        std::lock_guard lock(m_);
        cancelled.push_back(id);
        set_locked(id, "CANCELLED", JobPhase::Cancelled, 0);
    }
    void set(const std::string& id, const std::string& state, JobPhase phase, int exit_code) {
        std::lock_guard lock(m_);
        set_locked(id, state, phase, exit_code);
    }

    std::vector<ps::remote::JobRequest> requests;
    std::vector<JobInfo> jobs;
    std::vector<std::string> cancelled;

private:
    void set_locked(const std::string& id, const std::string& state, JobPhase phase, int exit_code) {
        for (auto& j : jobs)
            if (j.id == id) j.state = state, j.phase = phase, j.exit_code = exit_code, j.reason.clear();
    }
    std::mutex m_;
};

int cli(const QStringList& args, const QString& dir) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(PROOFSCOPE_CLI, args);
    p.waitForFinished(120000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

class TestRemotePanel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = QFileInfo(dir_.filePath("project")).absoluteFilePath();
        ps::demo::write_demo_project(project_.toStdString());
    }

    void without_a_project_it_says_what_to_do() {
        auto fake = std::make_shared<FakeSlurm>();
        ps::ui::RemotePanel panel(fake);
        QVERIFY(panel.message().contains("Submit"));
        QVERIFY(panel.jobs().empty());
        panel.submit();
        QVERIFY(fake->requests.empty());
    }

    void submit_sends_the_step_for_the_project_folder_and_the_row_follows_the_scheduler() {
        auto fake = std::make_shared<FakeSlurm>();
        ps::ui::RemotePanel panel(fake);
        panel.set_refresh_interval(50);
        panel.show();
        panel.set_project({project_, {}});
        QTRY_VERIFY(!panel.busy());
        panel.submit();
        QTRY_COMPARE(panel.jobs().size(), size_t(1));
        QTRY_VERIFY(!panel.busy());
        QCOMPARE(fake->requests.size(), size_t(1));
        const auto& r = fake->requests[0];
        QCOMPARE(r.step, std::string("prove"));
        QCOMPARE(QString::fromStdString(r.artifacts.string()), project_);
        QVERIFY(r.cli.is_absolute());
        QCOMPARE(panel.jobs()[0].phase, JobPhase::Pending);
        QVERIFY(panel.message().contains("as job 100"));
        QCOMPARE(r.cpus, 0u);  // nothing asked: the cluster's default

        // The timer asks again: running, then failed with the log it wrote.
        fake->set("100", "RUNNING", JobPhase::Running, 0);
        QTRY_COMPARE(panel.jobs()[0].phase, JobPhase::Running);
        std::filesystem::create_directories(fake->jobs[0].log.parent_path());
        std::ofstream(fake->jobs[0].log) << "proofscope job 100: prove on node1\nread pk.key [###   ] 50%\rread pk.key done\n"
                                         << "proofscope-cli prove: pk.key: cannot open the file\n";
        fake->set("100", "FAILED", JobPhase::Failed, 1);
        QTRY_COMPARE(panel.jobs()[0].phase, JobPhase::Failed);
        panel.select_job("100");
        QVERIFY(!panel.can_verify());  // a failed prove has no proof to check
        panel.show_log();
        QTRY_VERIFY(panel.log_text().contains("pk.key: cannot open the file"));
        QVERIFY(!panel.log_text().contains("50%"));  // the progress bar's last drawing only
    }

    // Resources asked for in the form go to Slurm as they are, not the estimate.
    void resources_from_the_form_reach_the_request() {
        auto fake = std::make_shared<FakeSlurm>();
        ps::ui::RemotePanel panel(fake);
        panel.set_project({project_, {}});
        QTRY_VERIFY(!panel.busy());
        panel.set_resources("1:30:00", 2048, 2);
        panel.submit();
        QTRY_COMPARE(fake->requests.size(), size_t(1));
        QTRY_VERIFY(!panel.busy());
        QCOMPARE(fake->requests[0].time, std::string("1:30:00"));
        QCOMPARE(fake->requests[0].mem_mib, uint64_t(2048));
        QCOMPARE(fake->requests[0].cpus, 2u);
        QVERIFY2(panel.message().contains("2048 MiB (as asked)"), qPrintable(panel.message()));
    }

    void cancel_reaches_the_scheduler() {
        auto fake = std::make_shared<FakeSlurm>();
        ps::ui::RemotePanel panel(fake);
        panel.set_project({project_, {}});
        panel.submit();
        QTRY_COMPARE(panel.jobs().size(), size_t(1));
        QTRY_VERIFY(!panel.busy());
        fake->set("100", "RUNNING", JobPhase::Running, 0);
        panel.refresh();
        QTRY_COMPARE(panel.jobs()[0].phase, JobPhase::Running);
        panel.select_job("100");
        panel.cancel_selected();
        QTRY_COMPARE(fake->cancelled, std::vector<std::string>{"100"});
        QTRY_COMPARE(panel.jobs()[0].phase, JobPhase::Cancelled);
        QVERIFY(panel.message().contains("Cancelled job 100"));
    }

    void a_finished_prove_is_verified_here_in_one_click() {
        // A real proof, made by the CLI, as a prove job would have left it.
        for (const QStringList& step : {QStringList{"gen-settings", "-O", "settings.json"}, QStringList{"compile-circuit"},
                                        QStringList{"gen-witness"}})
            QCOMPARE(cli(step, project_), 0);
        QFile settings(project_ + "/settings.json");
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray s = settings.readAll();
        const QString logrows =
            QString::fromUtf8(s.mid(s.indexOf("\"logrows\""))).section(':', 1, 1).section(',', 0, 0).section('}', 0, 0).trimmed();
        QCOMPARE(cli({"gen-srs", "--logrows", logrows}, project_), 0);
        QCOMPARE(cli({"setup"}, project_), 0);
        QCOMPARE(cli({"prove"}, project_), 0);

        auto fake = std::make_shared<FakeSlurm>();
        ps::ui::RemotePanel panel(fake);
        panel.set_project({project_, {}});
        panel.submit();
        QTRY_COMPARE(panel.jobs().size(), size_t(1));
        QTRY_VERIFY(!panel.busy());
        panel.select_job("100");
        QVERIFY(!panel.can_verify());  // still pending
        fake->set("100", "COMPLETED", JobPhase::Done, 0);
        panel.refresh();
        QTRY_COMPARE(panel.jobs()[0].phase, JobPhase::Done);
        panel.select_job("100");
        QVERIFY(panel.can_verify());
        panel.verify_selected();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.verdict_text().isEmpty(), 30000);
        QVERIFY2(panel.verdict_text().startsWith("VALID"), qPrintable(panel.verdict_text()));

        // One byte of the proof changed (core/pipeline/tamper): the same click says INVALID.
        const auto sources = ps::pipeline::TamperSources::of(ps::pipeline::Project(project_.toStdString()));
        ps::NullProgress quiet;
        const auto tampered = ps::pipeline::write_tampered_copy(sources, ps::pipeline::Tamper::ProofByte,
                                                                dir_.filePath("tampered").toStdString(), quiet);
        QVERIFY(QFile::remove(project_ + "/proof.json"));
        QVERIFY(QFile::copy(QString::fromStdString(tampered.paths.proof.string()), project_ + "/proof.json"));
        panel.verify_selected();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.verdict_text().startsWith("VALID"), 30000);
        QVERIFY2(panel.verdict_text().startsWith("INVALID"), qPrintable(panel.verdict_text() + " / " + panel.message()));
    }
};

QTEST_MAIN(TestRemotePanel)
#include "tst_remote_panel.moc"
