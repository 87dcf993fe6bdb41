// Opt-in (PROOFSCOPE_CORPUS=1): every corpus model through witness generation at EZKL's
// default settings, calibrating when the default is out of tolerance. Goal (issue 6):
// ≥ 80 % of the models with a reference within max-abs error ≤ 0.05·max(1, max|reference|).
#include "tools/corpus_report/quant_check.hpp"
#include <QtTest>

using namespace ps::corpus;

class TstCorpusQuantised : public QObject {
    Q_OBJECT
private slots:
    void corpus_within_quantisation_tolerance() {
        if (qEnvironmentVariableIntValue("PROOFSCOPE_CORPUS") != 1) QSKIP("opt-in: set PROOFSCOPE_CORPUS=1");
        const auto corpus = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "corpus";
        if (!std::filesystem::is_directory(corpus)) QSKIP("../shared/corpus is absent");
        int with_reference = 0, within = 0;
        for (const CorpusCase& c : list_corpus(corpus)) {
            QuantCheck q = check_quantised(c, false);
            if (!q.has_reference) continue;
            ++with_reference;
            if (!q.default_ok()) q = check_quantised(c, true);
            const bool ok = q.default_ok() || q.calibrated_ok();
            within += ok;
            const std::string calibrated = q.calibrated.ran ? std::to_string(q.calibrated.max_abs_error) : "not needed";
            qInfo("%-26s default %s%.3g  calibrated %s  tolerance %.3g  %s", c.name.c_str(),
                  q.at_default.ran ? "" : "failed ", q.at_default.max_abs_error, calibrated.c_str(), q.tolerance,
                  ok ? "ok" : ("OUT: " + q.at_default.failure).c_str());
        }
        qInfo("%d / %d models within tolerance", within, with_reference);
        QVERIFY(with_reference > 0);
        QVERIFY2(within * 5 >= with_reference * 4, "fewer than 80 % of the corpus within quantisation tolerance");
    }
};

QTEST_APPLESS_MAIN(TstCorpusQuantised)
#include "tst_corpus_quantised.moc"
