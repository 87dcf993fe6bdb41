// Cancellation inside the prover's rounds, keygen's last stage and pk.key decoding: once
// the sink asks to stop, no further MSM or NTT runs — so a job stops within one kernel
// call (well under a second at the corpus's sizes), not at the end of a round that may
// commit dozens of columns. Deterministic: counts kernel calls, never measures time.
#include "proof_fixture.hpp"

#include "core/plonk/key_files.hpp"
#include "core/plonk/synthetic_circuit.hpp"
#include "core/util/kernel_meter.hpp"

#include <QTest>

#include <atomic>
#include <string>

using namespace ps;
using namespace ps::plonk;

namespace {

uint64_t kernel_calls() {
    return meter::totals(meter::Kernel::Msm).calls + meter::totals(meter::Kernel::Ntt).calls;
}

// Asks to stop the moment stage `target` begins (after ProgressStage's own check, so the
// stop must be noticed by the work inside the stage) and remembers the kernel count then.
class StopWhenBegins final : public ProgressSink {
public:
    explicit StopWhenBegins(std::string target) : target_(std::move(target)) {}
    void begin_stage(std::string_view name, uint64_t) override {
        if (cancel_) began_after_ = true;
        if (name == target_) {
            calls_at_request_ = kernel_calls();
            cancel_ = true;
        }
    }
    void advance(uint64_t) override {}
    void end_stage() override {}
    bool cancelled() const override { return cancel_; }

    bool requested() const { return cancel_; }
    bool stage_began_after_request() const { return began_after_; }
    uint64_t kernel_calls_since_request() const { return kernel_calls() - calls_at_request_; }

private:
    std::string target_;
    std::atomic<bool> cancel_{false};
    bool began_after_ = false;
    uint64_t calls_at_request_ = 0;
};

struct StopOutcome {
    bool cancelled = false, requested = false, later_stage_began = false;
    uint64_t kernel_calls_after = 0;
};

template <class Work>
StopOutcome run_until_stopped(StopWhenBegins& sink, Work&& work) {
    StopOutcome out;
    try {
        work();
    } catch (const Cancelled&) {
        out.cancelled = true;
    }
    out.requested = sink.requested();
    out.later_stage_began = sink.stage_began_after_request();
    out.kernel_calls_after = sink.kernel_calls_since_request();
    return out;
}

void expect_prompt_stop(const StopOutcome& o, const std::string& stage) {
    QVERIFY2(o.requested, ("the prover never began stage \"" + stage + "\"").c_str());
    QVERIFY2(o.cancelled, ("the job ran to the end although cancelled in \"" + stage + "\"").c_str());
    QVERIFY2(!o.later_stage_began, ("\"" + stage + "\" finished before noticing the cancellation").c_str());
    QVERIFY2(o.kernel_calls_after == 0,
             ("\"" + stage + "\" ran " + std::to_string(o.kernel_calls_after) + " MSM/NTT calls after cancellation")
                 .c_str());
}

}  // namespace

class TestProverCancellation : public QObject {
    Q_OBJECT
private slots:
    void prover_stops_inside_each_round_data() {
        QTest::addColumn<QString>("circuit");
        QTest::addColumn<QString>("stage");
        // The stage names of core/plonk/prover.cpp; "synthetic" has copies and single-chunk
        // lookups, "chunked" a lookup whose table spans chunks (helper columns).
        for (const char* stage : {"commit advice", "lookup multiplicities", "permutation products",
                                  "lookup accumulators", "vanishing argument", "evaluate", "multi-point opening"})
            QTest::newRow((std::string("synthetic: ") + stage).c_str()) << "synthetic" << stage;
        for (const char* stage : {"lookup multiplicities", "lookup accumulators"})
            QTest::newRow((std::string("chunked: ") + stage).c_str()) << "chunked" << stage;
    }
    void prover_stops_inside_each_round() {
        QFETCH(QString, circuit);
        QFETCH(QString, stage);
        SyntheticCircuit synthetic;
        test::TestCircuit chunked;
        const Assignment* witness = nullptr;
        if (circuit == "synthetic") {
            synthetic = make_synthetic_circuit(8);
            witness = synthetic.witness.get();
        } else {
            chunked = test::chunked_lookup(false, 6);
            witness = chunked.assignment.get();
        }
        const Srs& srs = test::test_srs(witness->k());
        NullProgress quiet;
        const ProvingKey pk = keygen(srs, *witness, quiet);
        SeededRandom rng(7);
        StopWhenBegins sink(stage.toStdString());
        expect_prompt_stop(run_until_stopped(sink, [&] { create_proof(pk, srs, *witness, rng, sink); }),
                           stage.toStdString());
    }

    void keygen_stops_while_precomputing_the_proving_key() {
        const SyntheticCircuit c = make_synthetic_circuit(8);
        StopWhenBegins sink("precompute proving key");
        expect_prompt_stop(run_until_stopped(sink, [&] { keygen(test::test_srs(8), *c.witness, sink); }),
                           "precompute proving key");
    }

    // Reading pk.key recomputes every column's coefficient and extended forms.
    void proving_key_decoding_stops_between_columns() {
        const SyntheticCircuit c = make_synthetic_circuit(8);
        NullProgress quiet;
        const ProvingKey pk = keygen(test::test_srs(8), *c.witness, quiet);
        const auto bytes = encode_proving_key_file(pk, Digest32{});
        StopWhenBegins sink("read pk.key");
        sink.begin_stage("read pk.key", 1);  // as the prove step's run_stage does
        const uint64_t before = kernel_calls();
        bool cancelled = false;
        try {
            decode_proving_key_file(bytes, "pk.key", Digest32{}, &sink);
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY2(cancelled, "pk.key was decoded to the end although cancelled");
        QCOMPARE(kernel_calls() - before, uint64_t(0));
        // The same bytes decode when nobody cancels.
        QCOMPARE(decode_proving_key_file(bytes, "pk.key", Digest32{}).vk.digest, pk.vk.digest);
    }
};

QTEST_APPLESS_MAIN(TestProverCancellation)
#include "tst_prover_cancellation.moc"
