// Opt-in (PROOFSCOPE_CORPUS=1): every model of ../shared/corpus through the float executor
// against ONNX Runtime's reference_output.json (allclose rtol 1e-4, atol 1e-5).
#include "tools/corpus_report/corpus_case.hpp"

#include <QtTest>

using namespace ps::corpus;

class TestCorpus : public QObject {
    Q_OBJECT
private slots:
    void every_model_with_a_reference_is_float_exact_data() {
        QTest::addColumn<QString>("model");
        const std::filesystem::path corpus = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus";
        for (const auto& c : list_corpus(corpus)) QTest::newRow(c.name.c_str()) << QString::fromStdString(c.name);
    }
    void every_model_with_a_reference_is_float_exact() {
        if (qEnvironmentVariableIntValue("PROOFSCOPE_CORPUS") != 1) QSKIP("opt-in: set PROOFSCOPE_CORPUS=1");
        const std::filesystem::path corpus = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus";
        if (!std::filesystem::is_directory(corpus)) QSKIP("../shared/corpus is absent");
        QFETCH(QString, model);
        const FloatCheck f = check_float({model.toStdString(), corpus / model.toStdString()});
        QVERIFY2(f.loaded && f.unsupported.empty(), f.error.c_str());
        QVERIFY2(f.ran, f.error.c_str());
        if (!f.has_reference) QSKIP(("no reference_output.json: " + f.note).c_str());
        QVERIFY2(f.exact, f.error.c_str());
    }
    void corpus_is_complete() {
        if (qEnvironmentVariableIntValue("PROOFSCOPE_CORPUS") != 1) QSKIP("opt-in: set PROOFSCOPE_CORPUS=1");
        const auto cases = list_corpus(std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus");
        if (cases.empty()) QSKIP("../shared/corpus is absent");
        QCOMPARE(cases.size(), size_t{76});
    }
};

QTEST_APPLESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
