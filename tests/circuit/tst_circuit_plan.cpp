// From graph to settings: computed fields (scales, lookups, range checks, instance
// shapes, logrows), compile-circuit's consistency check, and calibration's choices.
#include "core/util/error.hpp"
#include "core/circuit/calibrate.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "tests/witness/graph_builder.hpp"
#include <QtTest>
#include <limits>

using namespace ps;
using ps::test::GraphBuilder;

namespace {

// x[1×2] · W → Sigmoid: one dot product per output, one lookup table.
model::Graph sigmoid_graph() {
    GraphBuilder b;
    b.input("x", {1, 2})
        .init("W", {2, 2}, {1.0f, 0.25f, 0.75f, -0.5f})
        .node("MatMul", {"x", "W"}, {"h"})
        .node("Sigmoid", {"h"}, {"y"})
        .output("y", {1, 2});
    return b.g;
}

InputData input_of(std::vector<std::vector<double>> inputs) {
    InputData d;
    d.inputs = std::move(inputs);
    return d;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ps::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

class TstCircuitPlan : public QObject {
    Q_OBJECT
private slots:
    void computed_settings_fields() {
        RunArgs a;
        a.lookup_range_lo = -1000;
        a.lookup_range_hi = 1000;
        const CircuitPlan p = plan_circuit(sigmoid_graph(), a, false);
        const Settings& s = p.settings;
        QVERIFY((s.model_input_scales == std::vector<Scale>{7}));
        QVERIFY((s.model_output_scales == std::vector<Scale>{7}));
        // Output public, input private (EZKL defaults): one instance of the output's shape.
        QVERIFY((s.model_instance_shapes == std::vector<std::vector<int64_t>>{{1, 2}}));
        QCOMPARE(s.required_lookups.size(), size_t(1));
        QCOMPARE(s.required_lookups[0].op, std::string("Sigmoid"));
        QCOMPARE(s.required_lookups[0].scale, 128.0);
        // The rebase 14 → 7 divides by 2^7: remainders in [0, 127].
        QVERIFY((s.required_range_checks == std::vector<std::pair<int64_t, int64_t>>{{0, 127}}));
        // The layout: arith rows = 1 (the two input cells) + 2 (one dot-product-fixed row per
        // output) + 2 (divisions) of 5 cells; 2 lookup rows of 2 cells; 8 range rows of
        // 1 + 7 cells (2 inputs and 2 quotients bounded, 2 remainders checked from both
        // ends) — the 2^28 span as seven 4-bit limbs, a 16-row range table. 93 cells.
        QCOMPARE(s.total_assignments, uint64_t(93));
        // The 2001-row lookup table no longer decides: it is split over chunks of fixed
        // columns. The 16-row range table is the longest block, and k is chosen by the
        // cost model between the smallest k (5) and fewer, taller chunks.
        // 16 rows + 6 reserved (5 blinding rows and the last row) fit 2^5, not 2^4.
        QCOMPARE(s.num_rows, uint64_t(16));
        QCOMPARE(p.minimum_logrows, 5u);
        QVERIFY(s.run_args.logrows >= 5u);
        QVERIFY(s.run_args.logrows < 11u);  // one column for the 2002 table rows needs 2^11
        QCOMPARE(p.circuit.params.at("W").scale, 7);
        QVERIFY((p.circuit.params.at("W").tensor.data == std::vector<int64_t>{128, 32, 96, -64}));
        QCOMPARE(p.circuit.value_scales.at("y"), 7);
    }
    void public_inputs_add_instances() {
        RunArgs a;
        a.input_visibility = Visibility::Public;
        a.output_visibility = Visibility::Private;
        const Settings s = plan_circuit(sigmoid_graph(), a, false).settings;
        QVERIFY((s.model_instance_shapes == std::vector<std::vector<int64_t>>{{1, 2}}));
        a.output_visibility = Visibility::Public;
        QCOMPARE(plan_circuit(sigmoid_graph(), a, false).settings.model_instance_shapes.size(), size_t(2));
    }
    void too_small_logrows_says_what_is_needed() {
        // The default ±32768 lookup table (65 537 rows) would need 2^17 in one column;
        // split over chunks it needs nothing: the smallest logrows is the other rows'.
        RunArgs a;
        const uint32_t needed = plan_circuit(sigmoid_graph(), a, false).minimum_logrows;
        QVERIFY2(needed < 10, qPrintable(QString::number(needed)));
        a.logrows = needed - 1;
        const std::string m = error_of([&] { plan_circuit(sigmoid_graph(), a, true); });
        QVERIFY2(m.find("logrows = " + std::to_string(needed - 1) + " is too small") != std::string::npos, m.c_str());
        QVERIFY2(m.find("--logrows " + std::to_string(needed)) != std::string::npos, m.c_str());
        a.logrows = needed;
        QCOMPARE(plan_circuit(sigmoid_graph(), a, true).settings.run_args.logrows, needed);
    }
    // hi − lo at the int64 extremes overflowed a signed subtraction into a tiny table
    // (issue 14): the range must be refused, not planned as 2^1 rows.
    void lookup_range_at_the_int64_extremes_is_refused() {
        RunArgs a;
        a.lookup_range_lo = std::numeric_limits<int64_t>::min();
        a.lookup_range_hi = std::numeric_limits<int64_t>::max();
        std::string m = error_of([&] { plan_circuit(sigmoid_graph(), a, false); });
        QVERIFY2(m.find("run_args.lookup_range") != std::string::npos && m.find("2^28") != std::string::npos, m.c_str());
        a.lookup_range_lo = -(int64_t(1) << 40);
        a.lookup_range_hi = int64_t(1) << 40;
        m = error_of([&] { plan_circuit(sigmoid_graph(), a, false); });
        QVERIFY2(m.find("run_args.lookup_range") != std::string::npos, m.c_str());
        a.lookup_range_lo = -(int64_t(1) << 20);  // a wide but possible table still plans,
        a.lookup_range_hi = int64_t(1) << 20;     // over table chunks: it does not force logrows
        QVERIFY(plan_circuit(sigmoid_graph(), a, false).settings.run_args.logrows < 21);
    }
    void compile_rejects_settings_of_another_model() {
        const Settings s = plan_circuit(sigmoid_graph(), RunArgs{}, false).settings;
        GraphBuilder other;
        other.input("x", {1, 2}).init("W", {2, 3}, {1, 2, 3, 4, 5, 6}).node("MatMul", {"x", "W"}, {"y"}).output("y", {1, 3});
        const std::string m = error_of([&] { compile_circuit(other.g, s, "settings.json"); });
        QVERIFY2(m.find("settings.json: num_rows") != std::string::npos, m.c_str());
        QVERIFY2(m.find("another model") != std::string::npos, m.c_str());
        const CompiledCircuit c = compile_circuit(sigmoid_graph(), s, "settings.json");
        QVERIFY(c.settings == s);
    }
    void calibration_for_resources_and_accuracy() {
        const model::Graph g = sigmoid_graph();
        const InputData data = input_of({{0.5, -1.0}});
        CalibrationOptions o;
        o.scales = {1, 4, 8};
        NullProgress quiet;
        const CalibrationResult r = calibrate(g, data, RunArgs{}, o, quiet);
        QCOMPARE(r.trials.size(), size_t(3));
        for (const auto& t : r.trials) QVERIFY2(t.ok, t.failure.c_str());
        // Coarser scales are less accurate here; the chosen one is within tolerance and
        // no other trial within tolerance has fewer rows.
        QVERIFY(r.trials[0].max_abs_error > r.trials[2].max_abs_error);
        QVERIFY(r.chosen.has_value());
        const auto& best = r.trials[*r.chosen];
        QVERIFY(best.within_tolerance());
        for (const auto& t : r.trials)
            if (t.within_tolerance()) QVERIFY(t.logrows >= best.logrows);
        // The lookup range is fitted to the data (h at scale s, with a margin), not ±32768.
        QVERIFY(best.lookup_hi < 32768 && best.lookup_lo > -32768);
        QCOMPARE(r.settings.run_args.input_scale, best.input_scale);
        QCOMPARE(r.settings.run_args.lookup_range_hi, best.lookup_hi);

        o.target = CalibrationTarget::Accuracy;
        const CalibrationResult acc = calibrate(g, data, RunArgs{}, o, quiet);
        QCOMPARE(acc.settings.run_args.input_scale, 8);  // the most accurate of {1, 4, 8}
    }
};

QTEST_APPLESS_MAIN(TstCircuitPlan)
#include "tst_circuit_plan.moc"
