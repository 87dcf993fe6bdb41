// The project panel's artifact inspection on folders with missing, corrupted and
// inconsistent artifacts: each must be flagged with the right state and reason.
#include "ui/models/artifact_list_model.hpp"
#include "ui/models/artifact_status.hpp"
#include "ui/models/witness_trace.hpp"
#include "ui/widgets/project_panel.hpp"

#include "core/artifacts/compiled_circuit.hpp"
#include "core/artifacts/settings.hpp"
#include "core/kzg/srs_io.hpp"
#include "core/util/atomic_file.hpp"
#include "demo_model.hpp"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ps::ui;

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
        write(dir.filePath("witness.json"), "{\"layers\": [{\"index\": 0}]}");
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
        QVERIFY(get(s, "input.json").problem.contains("expected numbers"));
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
        m.set_status(inspect_project(dir.path(), {}));
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
        QCOMPARE(m.index(proof_row, ArtifactListModel::Facts).data().toString(), QString("make it with prove"));
        QCOMPARE(m.index(proof_row, 0).data(ArtifactListModel::MakeCommandRole).toString(), QString("prove"));
    }
};

QTEST_MAIN(TestArtifactPanel)
#include "tst_artifact_panel.moc"
