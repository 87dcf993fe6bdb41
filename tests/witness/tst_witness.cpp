// Witness generation end to end: per-layer trace, witness.json (EZKL's field encodings)
// round trip, cancellation, SAFE saturation, an ONNX model built in the test, EZKL's own
// 1l_mlp witness as a known answer, and the opt-in corpus run (PROOFSCOPE_CORPUS=1).
#include "core/model/executor.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/circuit/calibrate.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"
#include "graph_builder.hpp"
#include "tests/model/onnx_model_builder.hpp"
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace ps;
using ps::test::GraphBuilder;

namespace {

// x[1×2] · W[2×2] → Relu → Sigmoid, at scale 2.
model::Graph tiny_graph() {
    GraphBuilder b;
    b.input("x", {1, 2})
        .init("W", {2, 2}, {1.0f, 0.25f, 0.75f, -0.5f})
        .node("MatMul", {"x", "W"}, {"h"})
        .node("Relu", {"h"}, {"r"})
        .node("Sigmoid", {"r"}, {"y"})
        .output("y", {1, 2});
    return b.g;
}

InputData input_of(std::vector<std::vector<double>> inputs) {
    InputData d;
    d.inputs = std::move(inputs);
    d.source = "input.json";  // as read_input_json names it
    return d;
}

RunArgs scale2() {
    RunArgs a;
    a.input_scale = a.param_scale = 2;
    return a;
}

CompiledCircuit compiled(const model::Graph& g, const RunArgs& a) {
    const CircuitPlan plan = plan_circuit(g, a, false);
    // Through the binary format, as gen-witness reads it.
    return compiled_circuit_from_bytes(compiled_circuit_bytes(compile_circuit(g, plan.settings, "settings.json")), "network.ezkl");
}

class CancelAfter final : public ProgressSink {
public:
    explicit CancelAfter(int stages) : left_(stages) {}
    void begin_stage(std::string_view, uint64_t) override { --left_; }
    void advance(uint64_t) override {}
    void end_stage() override {}
    bool cancelled() const override { return left_ < 0; }

private:
    int left_;
};

}  // namespace

class TstWitness : public QObject {
    Q_OBJECT
private slots:
    void per_layer_trace_in_execution_order() {
        const CompiledCircuit c = compiled(tiny_graph(), scale2());
        NullProgress quiet;
        const WitnessResult w = generate_witness(c, input_of({{0.5, -1.0}}), quiet);
        QCOMPARE(w.layers.size(), size_t(4));
        QCOMPARE(w.layers[0].op, std::string("Input"));
        QCOMPARE(w.layers[0].name, std::string("input_0"));
        QCOMPARE(w.layers[1].op, std::string("MatMul"));
        QCOMPARE(w.layers[3].op, std::string("Sigmoid"));
        // x = [2, −4]; h = [−1, 3] (tst_fixed_ops); relu [0, 3]; σ(0) = .5 → 2, σ(.75) = .679 → 2.72 → 3.
        QVERIFY((w.layers[0].quantised == std::vector<int64_t>{2, -4}));
        QVERIFY((w.layers[1].quantised == std::vector<int64_t>{-1, 3}));
        QVERIFY((w.layers[2].quantised == std::vector<int64_t>{0, 3}));
        QVERIFY((w.layers[3].quantised == std::vector<int64_t>{2, 3}));
        QVERIFY((w.outputs == std::vector<std::vector<int64_t>>{{2, 3}}));
        QCOMPARE(w.output_layers, std::vector<size_t>{3});
        QCOMPARE(w.layers[1].min, int64_t(-1));
        QCOMPARE(w.layers[1].max, int64_t(3));
        QCOMPARE(w.layers[1].kind, std::optional(ps::fixed::ProofKind::Linear));
        QCOMPARE(w.layers[3].kind, std::optional(ps::fixed::ProofKind::Lookup));
        // Float reference h = [0.5 − 0.75, 0.125 + 0.5] = [−0.25, 0.625]; dequantised [−0.25, 0.75].
        QCOMPARE(w.layers[1].float_reference.size(), size_t(2));
        QVERIFY(std::fabs(w.layers[1].float_reference[1] - 0.625) < 1e-6);
        QVERIFY(std::fabs(w.layers[1].max_abs_error - 0.125) < 1e-6);
        // The Sigmoid's input r carries the lookup bounds; Relu's input h the range-check bounds.
        QVERIFY(w.layers[2].bounds.has_value());
        QCOMPARE(w.layers[2].bounds->first, int64_t(-32768));
        QVERIFY(w.layers[1].bounds.has_value());
        QCOMPARE(w.layers[2].saturated, uint64_t(0));
        QCOMPARE(w.min_lookup_input, int64_t(0));
        QCOMPARE(w.max_lookup_input, int64_t(3));
    }
    void witness_json_uses_ezkl_encodings_and_round_trips() {
        const CompiledCircuit c = compiled(tiny_graph(), scale2());
        NullProgress quiet;
        const WitnessResult w = generate_witness(c, input_of({{0.5, -1.0}}), quiet);
        const std::string text = witness_json_text(w);
        const auto j = nlohmann::json::parse(text);
        // −4 is r − 4: little-endian hex without 0x in "inputs", 0x big-endian in pretty_elements.
        QCOMPARE(j["inputs"][0][1].get<std::string>(),
                 std::string("fdffffef93f5e1439170b97948e833285d588181b64550b829a031e1724e6430"));
        QCOMPARE(j["pretty_elements"]["inputs"][0][1].get<std::string>(),
                 std::string("0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593effffffd"));
        QCOMPARE(j["pretty_elements"]["rescaled_inputs"][0][1].get<std::string>(), std::string("-1"));
        QCOMPARE(j["pretty_elements"]["rescaled_outputs"][0][1].get<std::string>(), std::string("0.75"));
        for (const char* key : {"outputs", "max_lookup_inputs", "min_lookup_inputs", "max_range_size", "version", "layers"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["layers"][1]["dequantised"][0].get<double>(), -0.25);
        const WitnessResult back = witness_from_json_text(text, "witness.json");
        QVERIFY(back.inputs == w.inputs);
        QVERIFY(back.outputs == w.outputs);
        QCOMPARE(back.layers.size(), w.layers.size());
        for (size_t i = 0; i < w.layers.size(); ++i) {
            QCOMPARE(back.layers[i].name, w.layers[i].name);
            QVERIFY(back.layers[i].quantised == w.layers[i].quantised);
            QVERIFY(back.layers[i].shape == w.layers[i].shape);
            QCOMPARE(back.layers[i].scale, w.layers[i].scale);
            QVERIFY(back.layers[i].bounds == w.layers[i].bounds);
        }
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "witness.json";
        write_witness_json(w, path);
        QVERIFY(read_witness_json(path).outputs == w.outputs);
    }
    void witness_json_rejects_bad_elements() {
        auto j = nlohmann::json::parse(witness_json_text([] {
            WitnessResult w;
            w.inputs = {{1}};
            w.outputs = {{2}};
            return w;
        }()));
        j["inputs"][0][0] = "zz";
        try {
            witness_from_json_text(j.dump(), "witness.json");
            QFAIL("accepted a bad element");
        } catch (const ps::Error& e) {
            QVERIFY2(std::string(e.what()).find("witness.json: inputs[0][0]") != std::string::npos, e.what());
        }
    }
    void cancellation_stops_generation() {
        const CompiledCircuit c = compiled(tiny_graph(), scale2());
        CancelAfter sink(1);
        QVERIFY_THROWS_EXCEPTION(ps::Cancelled, generate_witness(c, input_of({{0.5, -1.0}}), sink));
    }
    void input_count_mismatch_is_reported() {
        const CompiledCircuit c = compiled(tiny_graph(), scale2());
        NullProgress quiet;
        try {
            generate_witness(c, input_of({{0.5, -1.0, 3.0}}), quiet);
            QFAIL("no error");
        } catch (const ps::Error& e) {
            QCOMPARE(QString(e.what()), QStringLiteral("input.json: input_data[0]: input 0 expects 1×2 = 2 values, found 3 "
                                                         "(one value per element of the model's input, row-major)"));
        }
    }
    void safe_mode_saturation_names_the_layer() {
        RunArgs a = scale2();
        a.lookup_range_lo = -2;
        a.lookup_range_hi = 2;
        const CompiledCircuit c = compiled(tiny_graph(), a);
        NullProgress quiet;
        try {
            generate_witness(c, input_of({{0.5, -1.0}}), quiet);
            QFAIL("no error");
        } catch (const ps::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("Sigmoid") != std::string::npos && m.find("[-2, 2]") != std::string::npos, m.c_str());
        }
        // Calibration-style measurement instead of failure.
        WitnessOptions measure;
        measure.stop_on_saturation = false;
        const WitnessResult w = generate_witness(c, input_of({{0.5, -1.0}}), quiet, measure);
        QCOMPARE(w.layers[2].saturated, uint64_t(1));
    }
    void onnx_model_end_to_end() {
        ps::model::testing::OnnxModelBuilder m(13);
        m.input("x", {int64_t(1), int64_t(3)})
            .initializer("W", {4, 3}, {0.5f, -0.25f, 1.0f, 0.0f, 0.75f, -1.0f, 1.5f, 0.5f, 0.25f, -0.5f, 0.125f, 2.0f})
            .initializer("B", {4}, {0.1f, -0.2f, 0.3f, 0.0f})
            .output("y", {int64_t(1), int64_t(4)});
        auto& gemm = m.node("Gemm", {"x", "W", "B"}, {"h"}, "dense");
        ps::model::testing::OnnxModelBuilder::attr_int(gemm, "transB", 1);
        m.node("Tanh", {"h"}, {"y"}, "act");
        QTemporaryDir dir;
        const model::Graph g = model::load_onnx(m.write(dir));
        const CompiledCircuit c = compiled(g, RunArgs{});
        NullProgress quiet;
        const InputData in = input_of({{1.0, -2.0, 0.5}});
        const WitnessResult w = generate_witness(c, in, quiet);
        // h = W·x + B = [0.5+0.5+0.5+0.1, 0−1.5−0.5−0.2, 1.5−1+0.125+0.3, −0.5−0.25+1] = [1.6, −2.2, 0.925, 0.25].
        const double h[4] = {1.6, -2.2, 0.925, 0.25};
        QCOMPARE(w.outputs.size(), size_t(1));
        for (int i = 0; i < 4; ++i) {
            const double q = double(w.outputs[0][size_t(i)]) / 128.0;
            QVERIFY2(std::fabs(q - std::tanh(h[i])) <= 1.0 / 128.0, std::to_string(q).c_str());
        }
        QVERIFY(w.output_max_abs_error() <= 1.0 / 128.0);
        QCOMPARE(w.layers[1].name, std::string("dense"));
    }
    void matches_ezkls_witness_for_1l_mlp() {
        const std::filesystem::path shared(PROOFSCOPE_SHARED_DIR);
        const auto model_path = shared / "corpus/1l_mlp/network.onnx";
        const auto ezkl = shared / "ezkl-reference/1l_mlp";
        if (!std::filesystem::exists(model_path) || !std::filesystem::exists(ezkl / "witness.json"))
            QSKIP("../shared corpus or ezkl-reference is absent");
        const model::Graph g = model::load_onnx(model_path);
        RunArgs a = read_settings(ezkl / "settings.json").run_args;  // scales 0, multiplier 10, UNSAFE
        a.lookup_range_lo = -32768;  // EZKL's file records [0, 0] (no lookups); the range is unused here
        a.lookup_range_hi = 32768;
        const CompiledCircuit c = compiled(g, a);
        NullProgress quiet;
        const WitnessResult w = generate_witness(c, read_input_json(ezkl / "input.json", input_shapes(g)), quiet);
        const auto ours = nlohmann::json::parse(witness_json_text(w));
        const auto theirs = nlohmann::json::parse(read_file_text(ezkl / "witness.json"));
        QCOMPARE(ours["inputs"], theirs["inputs"]);
        QCOMPARE(ours["outputs"], theirs["outputs"]);
        QCOMPARE(ours["pretty_elements"]["rescaled_inputs"], theirs["pretty_elements"]["rescaled_inputs"]);
        QCOMPARE(ours["pretty_elements"]["outputs"], theirs["pretty_elements"]["outputs"]);
    }
};

QTEST_APPLESS_MAIN(TstWitness)
#include "tst_witness.moc"
