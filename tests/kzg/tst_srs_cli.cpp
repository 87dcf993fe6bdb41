// proofscope-cli gen-srs / srs-info / downsize-srs as a user runs them: exit codes, the
// development-only warning, the gen → info round trip, downsize 5 → 3 equal to a direct
// seeded k = 3 file, and damaged files rejected naming the file and the offset.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(PROOFSCOPE_CLI), args);
    if (!p.waitForFinished(120000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray bytes_of(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write_bytes(const QString& path, const QByteArray& b) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(b);
}

}  // namespace

class TestSrsCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void gen_srs_warns_and_srs_info_accepts_it() {
        const QString path = dir_.filePath("k5.srs");
        const Run gen = cli({"gen-srs", "--logrows", "5", "--srs-path", path, "--seed", "3", "--threads", "1"});
        QCOMPARE(gen.code, 0);
        QVERIFY2(gen.err.contains("DEVELOPMENT-ONLY"), qPrintable(gen.err));
        QCOMPARE(bytes_of(path).size(), 4 + 2 * 32 * 64 + 2 * 128);
        const Run info = cli({"srs-info", "--srs-path", path});
        QCOMPARE(info.code, 0);
        QVERIFY2(info.out.contains("k (logrows):     5"), qPrintable(info.out));
        QVERIFY(info.out.contains("consistency:     OK"));
    }

    void downsize_matches_direct_generation() {
        const QString big = dir_.filePath("k5.srs"), small = dir_.filePath("k3_down.srs"),
                      direct = dir_.filePath("k3_direct.srs");
        QCOMPARE(cli({"downsize-srs", "--srs-path", big, "--logrows", "3", "--output", small}).code, 0);
        QCOMPARE(cli({"gen-srs", "--logrows", "3", "--srs-path", direct, "--seed", "3"}).code, 0);
        QVERIFY(!bytes_of(small).isEmpty());
        QCOMPARE(bytes_of(small), bytes_of(direct));
        QVERIFY(cli({"downsize-srs", "--srs-path", small, "--logrows", "4", "--output", dir_.filePath("x.srs")}).code != 0);
    }

    void damaged_files_fail_with_name_offset_and_reason() {
        const QByteArray good = bytes_of(dir_.filePath("k5.srs"));
        QVERIFY(!good.isEmpty());
        const QString truncated = dir_.filePath("truncated.srs");
        write_bytes(truncated, good.left(1000));
        const Run t = cli({"srs-info", "--srs-path", truncated});
        QCOMPARE(t.code, 1);
        QVERIFY2(t.err.contains("truncated.srs at offset 1000") && t.err.contains("truncated"), qPrintable(t.err));

        QByteArray swapped = good;  // well-formed points in the wrong order
        const int a = 4 + 64 * 2, b = 4 + 64 * 3;
        const QByteArray pa = swapped.mid(a, 64);
        swapped.replace(a, 64, swapped.mid(b, 64));
        swapped.replace(b, 64, pa);
        const QString swapped_path = dir_.filePath("swapped.srs");
        write_bytes(swapped_path, swapped);
        const Run s = cli({"srs-info", "--srs-path", swapped_path});
        QCOMPARE(s.code, 1);
        QVERIFY2(s.err.contains("powers are not successive powers"), qPrintable(s.err));

        QCOMPARE(cli({"srs-info", "--srs-path", dir_.filePath("missing.srs")}).code, 1);
        QCOMPARE(cli({"gen-srs", "--srs-path", dir_.filePath("y.srs")}).code, 2);  // --logrows is required
    }

    void ezkl_srs_passes() {
        const QString ezkl = qEnvironmentVariable("PROOFSCOPE_SHARED_DIR", PROOFSCOPE_SHARED_DIR) + "/srs/ezkl_k6.srs";
        if (!QFile::exists(ezkl)) QSKIP("../shared/srs/ezkl_k6.srs is absent");
        const Run info = cli({"srs-info", "--srs-path", ezkl});
        QCOMPARE(info.code, 0);
        QVERIFY(info.out.contains("k (logrows):     6"));
    }
};

QTEST_GUILESS_MAIN(TestSrsCli)
#include "tst_srs_cli.moc"
