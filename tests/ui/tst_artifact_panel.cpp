// The project panel's artifact inspection (core's inventory in Qt types) on folders
// with missing, corrupted and inconsistent artifacts: each must be flagged with the
// right state and reason, and only steps this build runs are offered.
#include "ui/models/artifact_list_model.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/pipeline_steps.hpp"
#include "core/witness/generate.hpp"
#include "ui/widgets/project_panel.hpp"

#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/settings.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QDateTime>
#include <QFile>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ps::ui;
using ps::LayerTrace;
using ps::WitnessResult;

namespace {

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// An SRS-shaped file: the panel checks the header and the length only.
void write_srs_file(const QString& path, unsigned k, int64_t drop_bytes = 0) {
    QByteArray bytes(qsizetype(ps::srs_file_size(k)) - qsizetype(drop_bytes), '\0');
    for (int i = 0; i < 4; ++i) bytes[i] = char((k >> (8 * i)) & 0xff);
    write(path, bytes);
}

void set_mtime(const QString& path, const QDateTime& t) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(t, QFileDevice::FileModificationTime));
}

ps::Settings settings_with_logrows(uint32_t logrows) {
    ps::Settings s;
    s.run_args.logrows = logrows;
    s.num_rows = 100;
    return s;
}

const ArtifactStatus& get(const ProjectStatus& s, const char* file) {
    const ArtifactStatus* a = s.find(file);
    if (!a) qFatal("no row for %s", file);
    return *a;
}

// The steps this build runs, as core's step table lists them.
const QStringList today = {"gen-settings", "calibrate-settings", "compile-circuit", "gen-srs", "gen-witness"};

// Follows "Run next step" from an empty folder, pretending each proposed step made its
// artifacts, and returns the steps in the order they were proposed.
QStringList walk_next_steps(ProjectStatus s) {
    QStringList proposed;
    for (QString step = next_step(s); !step.isEmpty() && proposed.size() < 20; step = next_step(s)) {
        proposed << step;
        for (auto& a : s.artifacts)
            if (a.make_command == step && a.state != ArtifactState::Present) {
                a.state = ArtifactState::Present;
                break;
            }
    }
    return proposed;
}

}  // namespace

class TestArtifactPanel : public QObject {
    Q_OBJECT
private slots:
    void empty_folder_lists_everything_missing() {
        QTemporaryDir dir;
        const ProjectStatus s = inspect_project(dir.path(), {});
        QCOMPARE(s.artifacts.size(), size_t(9));
        for (const auto& a : s.artifacts) QCOMPARE(a.state, ArtifactState::Missing);
        QVERIFY(s.consistent());
        QCOMPARE(get(s, "settings.json").make_command, QString("gen-settings"));
        QCOMPARE(get(s, "kzg.srs").make_command, QString("gen-srs"));
        QCOMPARE(next_step(s), QString("gen-settings"));
    }

    void demo_model_and_input_are_present_with_facts() {
        QTemporaryDir dir;
        ps::demo::write_demo_project(dir.path().toStdString());
        const ProjectStatus s = inspect_project(dir.path(), dir.filePath("input.json"));
        const ArtifactStatus& onnx = get(s, "network.onnx");
        QCOMPARE(onnx.state, ArtifactState::Present);
        QVERIFY(onnx.facts.join("|").contains("5 nodes"));
        QVERIFY(onnx.facts.join("|").contains("1×1×8×8"));
        QCOMPARE(onnx.digest.size(), 16);
        QCOMPARE(get(s, "input.json").state, ArtifactState::Present);
        QVERIFY(get(s, "input.json").facts.join("|").contains("1 input(s) of 64 values"));
        QCOMPARE(s.model_input_shapes.at(0), (std::vector<int64_t>{1, 1, 8, 8}));
        QVERIFY(s.consistent());
    }

    void corrupted_files_are_invalid_with_the_reason() {
        QTemporaryDir dir;
        write(dir.filePath("settings.json"), "{\"run_args\": {\"logrows\": ");  // cut short
        write(dir.filePath("network.onnx"), "this is not protobuf");
        write(dir.filePath("witness.json"), "{\"inputs\": [], \"outputs\": [], \"layers\": [{\"index\": 0}]}");
        write(dir.filePath("network.ezkl"), "PSCIRCT");  // shorter than its header
        write_srs_file(dir.filePath("kzg.srs"), 6, 100);  // truncated
        write(dir.filePath("proof.json"), "[]");
        write(dir.filePath("input.json"), "{\"input_data\": [[1, \"x\"]]}");
        const ProjectStatus s = inspect_project(dir.path(), dir.filePath("input.json"));
        for (const char* f : {"settings.json", "network.onnx", "witness.json", "network.ezkl", "kzg.srs", "proof.json",
                              "input.json"})
            QVERIFY2(get(s, f).state == ArtifactState::Invalid, f);
        QVERIFY(!s.consistent());
        QVERIFY(get(s, "settings.json").problem.contains("settings.json"));
        QVERIFY(get(s, "kzg.srs").problem.contains("8352 bytes, but an SRS with k = 6 has 8452"));
        QVERIFY(get(s, "witness.json").problem.contains("layers[0]"));
        QVERIFY(get(s, "proof.json").problem.contains("proof"));
        QVERIFY(get(s, "input.json").problem.contains("expected a number"));
        QVERIFY(get(s, "network.ezkl").problem.contains("network.ezkl"));
        for (const auto& a : s.artifacts)
            if (a.state == ArtifactState::Invalid) QVERIFY2(!a.fix.isEmpty(), qPrintable(a.file));
    }

    void srs_smaller_than_logrows_is_inconsistent() {
        QTemporaryDir dir;
        ps::write_settings(settings_with_logrows(10), dir.filePath("settings.json").toStdString());
        write_srs_file(dir.filePath("kzg.srs"), 6);
        const ProjectStatus s = inspect_project(dir.path(), {});
        QCOMPARE(get(s, "settings.json").state, ArtifactState::Present);
        QCOMPARE(get(s, "kzg.srs").state, ArtifactState::Inconsistent);
        QVERIFY(get(s, "kzg.srs").problem.contains("SRS k = 6 is smaller than logrows = 10"));
        QVERIFY(get(s, "kzg.srs").fix.contains("--logrows 10"));
        QVERIFY(get(s, "kzg.srs").facts.join("|").contains("k = 6"));
        // A large enough SRS is fine.
        write_srs_file(dir.filePath("kzg.srs"), 10);
        QCOMPARE(get(inspect_project(dir.path(), {}), "kzg.srs").state, ArtifactState::Present);
    }

    void circuit_compiled_with_other_settings_is_inconsistent() {
        QTemporaryDir dir;
        ps::CompiledCircuit c;
        c.settings = settings_with_logrows(12);
        ps::write_compiled_circuit(c, dir.filePath("network.ezkl").toStdString());
        ps::write_settings(settings_with_logrows(12), dir.filePath("settings.json").toStdString());
        set_mtime(dir.filePath("settings.json"), QDateTime::currentDateTime().addSecs(-60));
        QCOMPARE(get(inspect_project(dir.path(), {}), "network.ezkl").state, ArtifactState::Present);

        ps::write_settings(settings_with_logrows(13), dir.filePath("settings.json").toStdString());
        set_mtime(dir.filePath("settings.json"), QDateTime::currentDateTime().addSecs(-60));
        const ProjectStatus s = inspect_project(dir.path(), {});
        QCOMPARE(get(s, "network.ezkl").state, ArtifactState::Inconsistent);
        QVERIFY(get(s, "network.ezkl").problem.contains("compiled with other settings"));
        QCOMPARE(get(s, "network.ezkl").fix, QString("run compile-circuit again"));
        QVERIFY(!s.consistent());
    }

    void input_of_the_wrong_size_is_inconsistent() {
        QTemporaryDir dir;
        ps::demo::write_demo_project(dir.path().toStdString());
        write(dir.filePath("input.json"), "{\"input_data\": [[0.5, 0.25, 1]]}");
        const ProjectStatus s = inspect_project(dir.path(), dir.filePath("input.json"));
        QCOMPARE(get(s, "input.json").state, ArtifactState::Inconsistent);
        QVERIFY(get(s, "input.json").problem.contains("input 0 has 3 values, the model expects 64"));
    }

    void witness_older_than_its_input_is_stale() {
        QTemporaryDir dir;
        QFile::copy(PROOFSCOPE_SOURCE_DIR "/tests/ui/data/small_witness.json", dir.filePath("witness.json"));
        write(dir.filePath("input.json"), "{\"input_data\": [[1, -0.5, 0, 1.75]]}");
        set_mtime(dir.filePath("witness.json"), QDateTime::currentDateTime().addSecs(-3600));
        const ProjectStatus s = inspect_project(dir.path(), dir.filePath("input.json"));
        QCOMPARE(get(s, "witness.json").state, ArtifactState::Inconsistent);
        QVERIFY(get(s, "witness.json").problem.contains("older than input.json"));
        QVERIFY(get(s, "witness.json").facts.join("|").contains("3 layers"));
        QVERIFY(s.witness);  // still shown: stale numbers are better than none, with the warning
        QCOMPARE(s.witness->layers.size(), size_t(3));
    }

    void list_model_shows_state_facts_and_reason() {
        QTemporaryDir dir;
        ps::write_settings(settings_with_logrows(10), dir.filePath("settings.json").toStdString());
        write_srs_file(dir.filePath("kzg.srs"), 6);
        ArtifactListModel m;
        m.set_status(inspect_project(dir.path(), {}, StepAvailability::with_steps(today)));
        QCOMPARE(m.rowCount(), 9);
        int settings_row = -1, srs_row = -1, proof_row = -1;
        for (int r = 0; r < m.rowCount(); ++r) {
            const QString f = m.index(r, ArtifactListModel::File).data().toString();
            if (f == "settings.json") settings_row = r;
            if (f == "kzg.srs") srs_row = r;
            if (f == "proof.json") proof_row = r;
        }
        QCOMPARE(m.index(settings_row, ArtifactListModel::State).data().toString(), QString("present"));
        QVERIFY(m.index(settings_row, ArtifactListModel::Facts).data().toString().contains("logrows 10"));
        QCOMPARE(m.index(srs_row, ArtifactListModel::State).data().toString(), QString("inconsistent"));
        QVERIFY(m.index(srs_row, ArtifactListModel::Facts).data().toString().contains("smaller than logrows"));
        QVERIFY(m.index(srs_row, 0).data(Qt::ToolTipRole).toString().contains("Fix:"));
        // proof.json: named step, but not offered by a build without `prove` (simulated by
        // `today`), and the row says so.
        QCOMPARE(m.index(proof_row, ArtifactListModel::State).data().toString(), QString("unavailable"));
        QCOMPARE(m.index(proof_row, ArtifactListModel::Facts).data().toString(),
                 QString("not in this version: prove is not built in"));
        QVERIFY(m.index(proof_row, 0).data(Qt::ToolTipRole).toString().contains("not available in this version"));
        QCOMPARE(m.index(proof_row, 0).data(ArtifactListModel::MakeCommandRole).toString(), QString("prove"));
        QCOMPARE(m.index(proof_row, 0).data(ArtifactListModel::StepAvailableRole).toBool(), false);
        QCOMPARE(m.index(settings_row, 0).data(ArtifactListModel::StepAvailableRole).toBool(), true);
    }

    void availability_comes_from_the_step_table() {
        QCOMPARE(runnable_steps(), (today + QStringList{"setup", "mock", "prove", "verify"}));
        const StepAvailability a = StepAvailability::built_in();
        QVERIFY(a.available("gen-srs"));
        for (const char* step : {"setup", "mock", "prove", "verify"}) QVERIFY2(a.available(step), step);
        QVERIFY(!a.available("mock-aggregate"));
        QVERIFY(a.reason("mock-aggregate").contains("not available in this version"));
        // Whatever the panel proposes from an empty folder is a step this build runs.
        QTemporaryDir dir;
        for (const QString& step : walk_next_steps(inspect_project(dir.path(), {})))
            QVERIFY2(runnable_steps().contains(step), qPrintable(step));
    }

    void unavailable_steps_are_never_proposed() {
        QTemporaryDir dir;
        const ProjectStatus s = inspect_project(dir.path(), {}, StepAvailability::with_steps(today));
        for (const char* f : {"pk.key", "vk.key", "proof.json"}) {
            QVERIFY2(!get(s, f).step_available, f);
            QVERIFY(get(s, f).unavailable_reason.contains("not available in this version"));
        }
        QVERIFY(!get(s, "kzg.srs").needed_now);  // only setup reads it
        QVERIFY(get(s, "kzg.srs").step_available);
        // The SRS, keys and proof are skipped: after the witness the release is complete.
        QCOMPARE(walk_next_steps(s), (QStringList{"gen-settings", "compile-circuit", "gen-witness"}));
        ProjectStatus done = s;
        for (auto& a : done.artifacts)
            if (a.file == "witness.json" || a.file == "settings.json" || a.file == "network.ezkl") a.state = ArtifactState::Present;
        QCOMPARE(next_step(done), QString());
        QVERIFY(complete_for_this_release(done));
        QVERIFY(!complete_for_this_release(s));

        // The one-line change: once the CLI offers setup / prove / verify, they are proposed in order.
        const ProjectStatus later =
            inspect_project(dir.path(), {}, StepAvailability::with_steps(today + QStringList{"prove", "setup", "verify"}));
        QCOMPARE(walk_next_steps(later),
                 (QStringList{"gen-settings", "compile-circuit", "gen-srs", "setup", "setup", "gen-witness", "prove"}));
    }

    void panel_disables_unavailable_steps_with_the_reason() {
        QTemporaryDir dir;
        QFile::copy(PROOFSCOPE_SOURCE_DIR "/tests/ui/data/small_witness.json", dir.filePath("witness.json"));
        ProjectPanel panel;
        panel.set_paths({dir.path(), dir.filePath("input.json")});
        ProjectStatus s = inspect_project(dir.path(), {}, StepAvailability::with_steps(today));
        for (auto& a : s.artifacts)  // as if gen-settings and compile-circuit had run
            if (a.file == "settings.json" || a.file == "network.ezkl") a.state = ArtifactState::Present;
        panel.set_status(s);
        QPushButton* next = nullptr;
        QPushButton* make = nullptr;
        for (QPushButton* b : panel.findChildren<QPushButton*>()) {
            if (b->text().startsWith("Make")) make = b;
            if (b->text() == "Complete for this release") next = b;
        }
        QVERIFY(next && make);
        QVERIFY(!next->isEnabled());
        QVERIFY(next->toolTip().contains("pk.key, vk.key, proof.json"));
        QTableView* table = panel.findChild<QTableView*>();
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            const ArtifactStatus* a = panel.model()->artifact(row);
            table->setCurrentIndex(panel.model()->index(row, 0));
            const bool unavailable = a->file == "pk.key" || a->file == "vk.key" || a->file == "proof.json";
            QCOMPARE(a->step_available, !unavailable);
            if (a->make_command.isEmpty()) continue;
            QCOMPARE(make->text(), QString("Make %1 (%2)").arg(a->file, a->make_command));
            QVERIFY2(make->isEnabled() == !unavailable, qPrintable(a->file));
            if (unavailable) QVERIFY(make->toolTip().contains("not available in this version"));
        }
        bool asked = false;
        connect(&panel, &ProjectPanel::make_requested, this, [&asked] { asked = true; });
        make->click();  // proof.json is selected last: the disabled button must not ask
        QVERIFY(!asked);
    }
};

QTEST_MAIN(TestArtifactPanel)
#include "tst_artifact_panel.moc"
