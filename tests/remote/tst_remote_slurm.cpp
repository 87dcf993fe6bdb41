// `proofscope-cli job` through a real Slurm: the single-node cluster installer/slurm-dev.sh
// starts (CTest fixture `slurm`, SLURM_CONF set by tests/remote/CMakeLists.txt). The jobs
// run the same proofscope-cli on this machine, in a demo project folder. Skips when no
// cluster answers (Slurm not installed, not root).
#include "resources/demo/demo_model.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run run(const QString& program, const QStringList& args, const QString& dir = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (!dir.isEmpty()) p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(300000)) p.kill(), p.waitForFinished();
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run cli(const QStringList& args, const QString& dir = {}) { return run(PROOFSCOPE_CLI, args, dir); }

#define CLI_OK(r) QVERIFY2((r).code == 0, qPrintable((r).err + (r).out))

QString job_id(const Run& r) { return r.out.trimmed(); }

}  // namespace

class TestRemoteSlurm : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    // The job's state word in `job status` ("pending", "running", "done", ...) of its first line.
    QString phase_of(const QString& id) {
        const Run r = cli({"job", "status", id});
        return r.out.section('\n', 0, 0).simplified().section(' ', 2, 2);
    }

    Run verify_locally(const QString& proof) {
        return cli({"verify", "--proof-path", proof, "--settings-path", project_ + "/settings.json", "--vk-path",
                    project_ + "/vk.key", "--srs-path", project_ + "/kzg.srs"});
    }

private slots:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("SLURM_CONF") || run("sinfo", {"-h"}).code != 0)
            QSKIP("Slurm test cluster unavailable: start it with installer/slurm-dev.sh start and set SLURM_CONF");
        QVERIFY(dir_.isValid());
        project_ = dir_.filePath("project");
        ps::demo::write_demo_project(project_.toStdString());
        // The quick, once-per-model steps run here; the jobs get gen-witness, prove, verify.
        CLI_OK(cli({"gen-settings", "-O", "settings.json"}, project_));
        CLI_OK(cli({"compile-circuit"}, project_));
        QFile settings(project_ + "/settings.json");
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray s = settings.readAll();
        const int at = s.indexOf("\"logrows\"");
        QVERIFY(at > 0);
        const QString logrows = QString::fromUtf8(s.mid(at)).section(':', 1, 1).section(',', 0, 0).section('}', 0, 0).trimmed();
        CLI_OK(cli({"gen-srs", "--logrows", logrows}, project_));
        CLI_OK(cli({"setup"}, project_));
    }

    void a_chain_of_gen_witness_prove_verify_gives_a_proof_that_verifies_here() {
        const Run w = cli({"job", "-a", project_, "gen-witness"});
        CLI_OK(w);
        const Run p = cli({"job", "-a", project_, "prove", "--after", job_id(w)});
        CLI_OK(p);
        const Run v = cli({"job", "-a", project_, "verify", "--after", job_id(p)});
        CLI_OK(v);
        const Run waited = cli({"job", "wait", job_id(v), "--interval", "0.2"});
        QVERIFY2(waited.code == 0, qPrintable(waited.out + waited.err));
        QVERIFY(waited.out.contains("done"));
        QCOMPARE(phase_of(job_id(p)), QString("done"));
        QVERIFY(QFile::exists(project_ + "/proof.json"));
        const Run local = verify_locally(project_ + "/proof.json");
        QVERIFY2(local.code == 0 && local.out.startsWith("valid"), qPrintable(local.out + local.err));
        // The step's own output, read through the job.
        const Run logs = cli({"job", "logs", job_id(p)});
        CLI_OK(logs);
        QVERIFY2(logs.out.contains("wrote proof.json"), qPrintable(logs.out));
        QVERIFY(logs.out.contains("commit advice"));  // a prover stage line
        QVERIFY(cli({"job", "list"}).out.contains(job_id(p) + " "));
    }

    void a_job_array_of_three_inputs_gives_three_verified_proofs() {
        QFile base(project_ + "/input.json");
        QVERIFY(base.open(QIODevice::ReadOnly));
        const QByteArray digit = base.readAll();
        QVERIFY(QDir(project_).mkpath("inputs"));
        const QStringList names{"faint", "medium", "bold"};
        const QStringList ink{"0.3", "0.6", "1.0"};  // three different inputs
        for (int i = 0; i < 3; ++i) {
            QFile f(project_ + "/inputs/" + names[i] + ".json");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(digit).replace("0.9", ink[i].toUtf8()));
        }
        const QString glob = "inputs/*.json";
        const Run w = cli({"job", "-a", project_, "gen-witness", "--inputs", glob});
        CLI_OK(w);
        const Run p = cli({"job", "-a", project_, "prove", "--inputs", glob, "--after", job_id(w)});
        CLI_OK(p);
        const Run v = cli({"job", "-a", project_, "verify", "--inputs", glob, "--after", job_id(p)});
        CLI_OK(v);
        const Run waited = cli({"job", "wait", job_id(v), "--interval", "0.2"});
        QVERIFY2(waited.code == 0, qPrintable(waited.out + waited.err));
        QCOMPARE(waited.out.count(" done "), 3);  // one line per task
        QByteArray previous;
        for (const QString& n : names) {
            const QString proof = project_ + "/proofs/" + n + "/proof.json";
            QVERIFY2(QFile::exists(proof), qPrintable(proof));
            const Run local = verify_locally(proof);
            QVERIFY2(local.code == 0 && local.out.startsWith("valid"), qPrintable(n + ": " + local.out + local.err));
            QFile f(project_ + "/proofs/" + n + "/witness.json");
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray w_bytes = f.readAll();
            QVERIFY2(w_bytes != previous, "each task proved its own input");
            previous = w_bytes;
        }
    }

    void a_cancelled_prove_leaves_no_proof() {
        const QString out = project_ + "/proofs/cancelled";
        QVERIFY(QDir().mkpath(out));
        // One thread: the prove runs for seconds, long enough to be caught running.
        const Run p = cli({"job", "-a", project_, "prove", "--proof-path", out + "/proof.json", "--threads", "1"});
        CLI_OK(p);
        const QString id = job_id(p);
        QElapsedTimer t;
        t.start();
        QString phase;
        while ((phase = phase_of(id)) == "pending" && t.elapsed() < 60000) QThread::msleep(100);
        QCOMPARE(phase, QString("running"));
        CLI_OK(cli({"job", "cancel", id}));
        const Run waited = cli({"job", "wait", id, "--interval", "0.2"});
        QVERIFY2(waited.code != 0, qPrintable(waited.out));
        QCOMPARE(phase_of(id), QString("cancelled"));
        QVERIFY(!QFile::exists(out + "/proof.json"));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    void a_prove_without_pk_key_fails_and_says_why() {
        const QString nokey = dir_.filePath("nokey");
        QVERIFY(QDir().mkpath(nokey));
        for (const QString f : {"network.ezkl", "settings.json", "kzg.srs", "witness.json"})
            QVERIFY(QFile::copy(project_ + "/" + f, nokey + "/" + f));
        const Run p = cli({"job", "-a", nokey, "prove"});
        CLI_OK(p);
        const Run waited = cli({"job", "wait", job_id(p), "--interval", "0.2"});
        QCOMPARE(waited.code, 1);  // prove's own exit code
        QVERIFY2(waited.out.contains("failed"), qPrintable(waited.out));
        QVERIFY2(waited.err.contains("last lines of") && waited.err.contains("pk.key"), qPrintable(waited.err));
        const Run status = cli({"job", "status", job_id(p)});
        CLI_OK(status);
        QVERIFY(status.out.contains("NonZeroExitCode"));
        QVERIFY(!QFile::exists(nokey + "/proof.json"));
    }

    void an_unknown_job_id_is_a_clear_error() {
        const Run r = cli({"job", "status", "999999"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("job 999999: Slurm does not know this job id"), qPrintable(r.err));
        QCOMPARE(cli({"job", "cancel", "999999"}).code, 1);
        QCOMPARE(cli({"job", "status", "not-an-id"}).code, 1);
    }

    void slurms_refusals_are_reported_in_its_terms() {
        const Run partition = cli({"job", "-a", project_, "prove", "--partition", "nosuch"});
        QCOMPARE(partition.code, 1);
        QVERIFY2(partition.err.contains("invalid partition specified: nosuch") && partition.err.contains("sinfo"),
                 qPrintable(partition.err));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", dir_.filePath("empty-path"));
        const Run no_sbatch = run(PROOFSCOPE_CLI, {"job", "-a", project_, "prove"}, {}, env);
        QCOMPARE(no_sbatch.code, 1);
        QVERIFY2(no_sbatch.err.contains("sbatch: not found on PATH"), qPrintable(no_sbatch.err));
        QProcessEnvironment elsewhere = QProcessEnvironment::systemEnvironment();
        elsewhere.insert("SLURM_CONF", dir_.filePath("no-such-slurm.conf"));
        const Run no_conf = run(PROOFSCOPE_CLI, {"job", "list"}, {}, elsewhere);
        QCOMPARE(no_conf.code, 1);
        QVERIFY2(no_conf.err.contains("no Slurm configuration here"), qPrintable(no_conf.err));
        const Run no_folder = cli({"job", "-a", dir_.filePath("missing"), "prove"});
        QCOMPARE(no_folder.code, 1);
        QVERIFY(no_folder.err.contains("is not a folder"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteSlurm)
#include "tst_remote_slurm.moc"
