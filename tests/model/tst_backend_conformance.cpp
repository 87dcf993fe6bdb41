// ONNX's own per-operator backend tests (Debian libonnx-testdata) through the float
// executor. Every test whose ops are all supported must pass, except the few listed below
// with the reason; skips when the package is not installed.
#include "tools/corpus_report/backend_suite.hpp"

#include <QtTest>

#include <set>

using namespace ps::corpus;

namespace {
// Supported ops, unsupported variants: string tensors, bfloat16 bit patterns stored as
// uint16 by the test generator, and training-mode randomness / batch statistics.
const std::set<std::string> kKnownFailures = {
    "test_cast_FLOAT_to_STRING", "test_cast_STRING_to_FLOAT", "test_cast_BFLOAT16_to_FLOAT", "test_cast_FLOAT_to_BFLOAT16",
    "test_castlike_FLOAT_to_STRING", "test_castlike_STRING_to_FLOAT", "test_castlike_BFLOAT16_to_FLOAT",
    "test_castlike_FLOAT_to_BFLOAT16", "test_castlike_FLOAT_to_STRING_expanded", "test_castlike_STRING_to_FLOAT_expanded",
    "test_castlike_BFLOAT16_to_FLOAT_expanded", "test_castlike_FLOAT_to_BFLOAT16_expanded",
    "test_batchnorm_epsilon_training_mode", "test_batchnorm_example_training_mode", "test_training_dropout",
    "test_training_dropout_default", "test_training_dropout_default_mask", "test_training_dropout_mask"};
}  // namespace

class TestBackendConformance : public QObject {
    Q_OBJECT
private slots:
    void every_supported_backend_test_passes() {
        if (!std::filesystem::is_directory(kBackendNodeTests)) QSKIP("libonnx-testdata is not installed (installer/install-deps.sh)");
        const auto results = run_backend_suite();
        QVERIFY2(results.size() > 800, "expected the ~900 node tests of ONNX 1.12");
        int supported = 0, passed = 0;
        QStringList unexpected;
        for (const auto& r : results) {
            if (!r.supported) continue;
            ++supported;
            if (r.passed) ++passed;
            else if (!kKnownFailures.count(r.test)) unexpected << QString::fromStdString(r.test + ": " + r.detail);
            if (r.passed && kKnownFailures.count(r.test)) unexpected << QString::fromStdString(r.test + " passes now: drop it from kKnownFailures");
        }
        qInfo("%d of %d supported backend tests pass (%d tests in total)", passed, supported, static_cast<int>(results.size()));
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join("\n")));
        QVERIFY(supported > 650);
    }
    void a_known_op_test_really_compares_values() {
        if (!std::filesystem::is_directory(kBackendNodeTests)) QSKIP("libonnx-testdata is not installed");
        const auto r = run_backend_test(kBackendNodeTests / "test_conv_with_strides_padding");
        QVERIFY2(r.supported && r.passed, r.detail.c_str());
        QCOMPARE(r.op, std::string("Conv"));
    }
};

QTEST_APPLESS_MAIN(TestBackendConformance)
#include "tst_backend_conformance.moc"
