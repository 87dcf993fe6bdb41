// The CLI is option parsing plus one pipeline call, and the GUI calls the same pipeline
// functions: for every step, proofscope-cli and a direct pipeline call on the same inputs
// must write the same bytes. settings.json records when it was written ("timestamp"),
// the one field that may differ; it is compared with that value blanked.
#include "core/pipeline/pipeline.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <regex>

using namespace ps::pipeline;
namespace fs = std::filesystem;

namespace {

int cli(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    p.start(PROOFSCOPE_CLI, args);
    if (!p.waitForFinished(300000)) return -1;
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

std::string without_timestamp(const fs::path& settings) {
    return std::regex_replace(ps::read_file_text(settings), std::regex("\"timestamp\":\\s*[0-9]+"), "\"timestamp\":0");
}

bool same_bytes(const fs::path& a, const fs::path& b) { return ps::read_file_bytes(a) == ps::read_file_bytes(b); }

}  // namespace

class TestPipelineCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    Project by_cli_, by_pipeline_;
    ps::NullProgress quiet_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        by_cli_ = Project(fs::path(dir_.path().toStdString()) / "cli");
        by_pipeline_ = Project(fs::path(dir_.path().toStdString()) / "pipeline");
        ps::demo::write_demo_project(by_cli_.folder());
        ps::demo::write_demo_project(by_pipeline_.folder());
    }

    void gen_settings_writes_the_same_settings() {
        QString err;
        QCOMPARE(cli({"gen-settings", "-M", q(by_cli_.folder()), "-O", q(by_cli_.folder()), "--input-scale", "6"}, &err), 0);
        GenSettingsOptions o;
        o.run_args.input_scale = 6;
        gen_settings(by_pipeline_, o, quiet_);
        QCOMPARE(without_timestamp(by_cli_.path(Artifact::Settings)), without_timestamp(by_pipeline_.path(Artifact::Settings)));
    }

    void calibrate_settings_writes_the_same_settings() {
        const fs::path cli_out = by_cli_.folder() / "calibrated.json", lib_out = by_pipeline_.folder() / "calibrated.json";
        QCOMPARE(cli({"calibrate-settings", "-M", q(by_cli_.path(Artifact::Model)), "-D", q(by_cli_.path(Artifact::Input)),
                      "-O", q(cli_out), "--scales", "5,7"}),
                 0);
        CalibrateSettingsOptions o;
        o.calibration.scales = {5, 7};
        calibrate_settings({by_pipeline_.path(Artifact::Model), by_pipeline_.path(Artifact::Input), lib_out}, o, quiet_);
        QCOMPARE(without_timestamp(cli_out), without_timestamp(lib_out));
    }

    void compile_circuit_writes_the_same_circuit() {
        // network.ezkl records where its model came from: both compile the same files.
        QCOMPARE(cli({"compile-circuit", "-M", q(by_cli_.folder()), "-S", q(by_cli_.folder()), "--compiled-circuit",
                      q(by_cli_.folder())}),
                 0);
        const fs::path lib_out = by_pipeline_.path(Artifact::CompiledCircuit);
        compile_circuit({by_cli_.path(Artifact::Model), by_cli_.path(Artifact::Settings), lib_out}, {}, quiet_);
        QVERIFY(same_bytes(by_cli_.path(Artifact::CompiledCircuit), lib_out));
    }

    void gen_witness_writes_the_same_witness() {
        QCOMPARE(cli({"gen-witness", "-D", q(by_cli_.path(Artifact::Input)), "-M", q(by_cli_.folder()), "-O",
                      q(by_cli_.folder()), "-S", q(by_cli_.folder())}),
                 0);
        const fs::path lib_out = by_pipeline_.path(Artifact::Witness);
        gen_witness({by_cli_.path(Artifact::Input), by_cli_.path(Artifact::CompiledCircuit), lib_out,
                     by_cli_.path(Artifact::Settings)},
                    {}, quiet_);
        QVERIFY(same_bytes(by_cli_.path(Artifact::Witness), lib_out));
    }

    void gen_srs_and_downsize_srs_write_the_same_srs() {
        QCOMPARE(cli({"gen-srs", "--logrows", "6", "--seed", "11", "--srs-path", q(by_cli_.path(Artifact::Srs))}), 0);
        gen_srs(by_pipeline_.path(Artifact::Srs), {.logrows = 6, .seed = 11}, quiet_);
        QVERIFY(same_bytes(by_cli_.path(Artifact::Srs), by_pipeline_.path(Artifact::Srs)));

        const fs::path cli_small = by_cli_.folder() / "small.srs", lib_small = by_pipeline_.folder() / "small.srs";
        QCOMPARE(cli({"downsize-srs", "--srs-path", q(by_cli_.path(Artifact::Srs)), "--logrows", "4", "--output", q(cli_small)}), 0);
        downsize_srs(by_pipeline_.path(Artifact::Srs), 4, lib_small, quiet_);
        QVERIFY(same_bytes(cli_small, lib_small));
    }
};

QTEST_MAIN(TestPipelineCli)
#include "tst_pipeline_cli.moc"
