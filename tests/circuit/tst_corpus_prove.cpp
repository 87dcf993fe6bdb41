// Opt-in (PROOFSCOPE_CORPUS=1): every model of ../shared/corpus that the circuit can prove
// (calibrated settings, development SRS) must verify, and the verifier must reject its
// proof with a public output changed by one unit or with one proof byte flipped. Models
// that stop before a proof (an op without a gadget yet) are skipped with their reason;
// docs/CORPUS.md's proving section (proofscope-corpus-prove) lists them. Models whose
// calibrated logrows exceeds PROOFSCOPE_CORPUS_MAX_LOGROWS (default 16) are skipped too.
// Always run (milliseconds): the docs/CORPUS.md section splicing and the kernel meter.
#include "tools/corpus_report/prove_case.hpp"
#include "tools/corpus_report/prove_child.hpp"
#include "tools/corpus_report/prove_section.hpp"
#include "tools/corpus_report/section_markers.hpp"

#include "core/msm/msm.hpp"
#include "core/plonk/verifier.hpp"
#include "core/util/kernel_meter.hpp"

#include <QtTest>

using namespace ps;
using namespace ps::corpus;

namespace {

std::filesystem::path corpus_dir() {
    const QByteArray env = qgetenv("PROOFSCOPE_SHARED_DIR");
    return std::filesystem::path(env.isEmpty() ? PROOFSCOPE_SHARED_DIR : env.toStdString()) / "corpus";
}

}  // namespace

class TestCorpusProve : public QObject {
    Q_OBJECT
private slots:
    void the_report_keeps_its_sections_and_the_prover_replaces_only_its_own() {
        const std::string report = "# Corpus report\n\n## Models\n\n| a |\n";
        ProveRecord ok;
        ok.model = "m1";
        ok.status = ProveStatus::Proved;
        ok.verified = true;
        ok.max_abs_error = 0.01;
        ok.tolerance = 0.05;
        ProveRecord conv;
        conv.model = "m2";
        conv.stage = "layout";
        conv.failure = "node 'c' (#0, Conv): no circuit gadget proves Conv yet (see table)";
        ProveRunInfo info;
        info.corpus_size = 2;
        const std::string first = proving_section({ok, conv}, info);
        QVERIFY(first.find("**1 / 2**") != std::string::npos);
        QVERIFY(first.find("no circuit gadget proves Conv yet (1): `m2`") != std::string::npos);

        const std::string once = with_proving_block(report, first);
        QVERIFY(once.starts_with(report));
        QCOMPARE(*proving_block(once), first);
        // Rewriting replaces the block in place and keeps what follows it.
        conv.status = ProveStatus::Proved, conv.verified = true, conv.max_abs_error = 0, conv.tolerance = 0.05;
        const std::string second = proving_section({ok, conv}, info);
        const std::string twice = with_proving_block(once + "tail\n", second);
        QVERIFY(twice.starts_with(report));
        QVERIFY(twice.ends_with("tail\n"));
        QCOMPARE(*proving_block(twice), second);
        QVERIFY(twice.find("**2 / 2**") != std::string::npos);
        QVERIFY(!proving_block(report));
    }

    void the_record_round_trips_through_its_json_line() {
        ProveRecord r;
        r.model = "m";
        r.status = ProveStatus::Proved;
        r.logrows = 7;
        r.max_abs_error = 0.25;
        r.prove_stages = {{"commit advice", 3.5, 2.0, 1.0}};
        const ProveRecord back = record_from_json(nlohmann::json::parse(to_json(r).dump()));
        QCOMPARE(back.status, ProveStatus::Proved);
        QCOMPARE(back.logrows, 7u);
        QCOMPARE(*back.max_abs_error, 0.25);
        QCOMPARE(back.prove_stages.size(), size_t{1});
        QCOMPARE(back.prove_stages[0].msm_milliseconds, 2.0);
        QVERIFY(!record_from_json(nlohmann::json::parse(to_json(ProveRecord{}).dump())).max_abs_error);
    }

    void a_child_reports_its_final_record_and_its_peak_rss() {
        ChildRun run;
        run.argv = {"/bin/sh", "-c",
                    "echo '{\"model\":\"m\",\"status\":\"failed\",\"stage\":\"setup\"}'; "
                    "echo '{\"model\":\"m\",\"status\":\"proved\",\"stage\":\"done\",\"logrows\":9,\"final\":true}'"};
        const ProveRecord r = run_model_in_child("m", run);
        QCOMPARE(r.status, ProveStatus::Proved);
        QCOMPARE(r.logrows, 9u);
        QVERIFY(r.peak_rss_kib > 0);
    }

    void a_child_that_dies_or_overruns_is_reported_with_the_step_it_was_in() {
        ChildRun run;
        run.argv = {"/bin/sh", "-c", "echo '{\"model\":\"m\",\"stage\":\"prove\",\"logrows\":12}'; exec sleep 30"};
        run.timeout_seconds = 0.5;
        const ProveRecord slow = run_model_in_child("m", run);
        QCOMPARE(slow.status, ProveStatus::Timeout);
        QCOMPARE(slow.logrows, 12u);
        QVERIFY2(slow.failure.find("during prove") != std::string::npos, slow.failure.c_str());

        run.argv = {"/bin/sh", "-c", "echo '{\"model\":\"m\",\"stage\":\"setup\"}'; exit 3"};
        const ProveRecord died = run_model_in_child("m", run);
        QCOMPARE(died.status, ProveStatus::Crashed);
        QVERIFY2(died.failure.find("exit status 3") != std::string::npos, died.failure.c_str());
    }

    void the_kernel_meter_counts_each_outermost_msm_once() {
        std::vector<G1Affine> points(64, G1Affine::generator());
        std::vector<Fr> scalars(64, Fr::from_u64(3));
        const auto before = meter::totals(meter::Kernel::Msm);
        {
            const meter::KernelScope outer(meter::Kernel::Msm);  // an enclosing kernel: the inner msm is not counted again
            (void)msm(points, scalars);
        }
        (void)msm(points, scalars);
        const auto after = meter::totals(meter::Kernel::Msm);
        QCOMPARE(after.calls - before.calls, uint64_t{2});
        QVERIFY(after.nanoseconds > before.nanoseconds);
    }

    void every_model_that_proves_verifies_and_rejects_tampering_data() {
        QTest::addColumn<QString>("model");
        for (const auto& c : list_corpus(corpus_dir())) QTest::newRow(c.name.c_str()) << QString::fromStdString(c.name);
        if (list_corpus(corpus_dir()).empty()) QTest::newRow("(no corpus)") << QString();
    }
    void every_model_that_proves_verifies_and_rejects_tampering() {
        if (qEnvironmentVariableIntValue("PROOFSCOPE_CORPUS") != 1) QSKIP("opt-in: set PROOFSCOPE_CORPUS=1");
        if (!std::filesystem::is_directory(corpus_dir())) QSKIP("../shared/corpus is absent (set PROOFSCOPE_SHARED_DIR)");
        QFETCH(QString, model);
        ProveOptions options;
        options.srs_cache = std::filesystem::path(PROOFSCOPE_BINARY_DIR) / "corpus-srs";
        // In process there is no per-model timeout: models above this logrows are skipped
        // (k 19 takes minutes for setup alone on one core).
        const int max_logrows = qEnvironmentVariableIntValue("PROOFSCOPE_CORPUS_MAX_LOGROWS");
        options.max_logrows = max_logrows > 0 ? unsigned(max_logrows) : 16u;
        std::optional<ProvedModel> proved;
        const ProveRecord r = prove_corpus_model({model.toStdString(), corpus_dir() / model.toStdString()}, options, &proved);
        if (r.status != ProveStatus::Proved) QSKIP(("no proof (" + r.stage + "): " + r.failure).c_str());
        QVERIFY(proved.has_value());
        QVERIFY2(r.verified, r.verify_reason.c_str());
        QVERIFY(plonk::verify_proof(proved->vk, proved->params, proved->proof.instances, proved->proof.bytes).ok);

        QVERIFY(!proved->proof.instances.empty() && !proved->proof.instances[0].empty());
        auto tampered = proved->proof.instances;
        tampered[0].back() = tampered[0].back() + Fr::one();
        const plonk::VerifyResult output = plonk::verify_proof(proved->vk, proved->params, tampered, proved->proof.bytes);
        QVERIFY2(!output.ok, "a public output changed by one unit was accepted");
        QVERIFY(r.tampered_output_rejected);

        auto bytes = proved->proof.bytes;
        bytes[bytes.size() / 2] ^= 0x01;
        QVERIFY2(!plonk::verify_proof(proved->vk, proved->params, proved->proof.instances, bytes).ok,
                 "a proof with one flipped byte was accepted");
        if (!r.within_tolerance())
            qWarning("%s: proven outputs off by %g (tolerance %g)", r.model.c_str(), r.max_abs_error.value_or(-1), r.tolerance);
    }
};

QTEST_APPLESS_MAIN(TestCorpusProve)
#include "tst_corpus_prove.moc"
