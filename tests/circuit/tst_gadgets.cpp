// Every gadget family on a tiny model: the honest witness satisfies every constraint
// (plonk mock prover through build_model_circuit + mock_model), and a tampered twin (one
// value of the layer changed) fails with a report naming that layer. Outputs are
// private, so only the gadget's own constraints can catch the change.
#include "core/circuit/model_proving.hpp"
#include "core/util/progress.hpp"
#include "core/circuit/circuit_plan.hpp"
#include "core/witness/generate.hpp"
#include "../witness/graph_builder.hpp"

#include <QtTest>

using namespace ps;
using ps::test::GraphBuilder;
using ps::test::int_attr;
using ps::test::ints_attr;

namespace {

RunArgs small_args() {
    RunArgs a;
    a.lookup_range_lo = -2048;
    a.lookup_range_hi = 2048;
    a.output_visibility = Visibility::Private;
    a.logrows = 15;
    return a;
}

struct Run {
    CircuitPlan plan;
    WitnessResult witness;
};

Run run(const model::Graph& g, std::vector<std::vector<double>> inputs) {
    Run r{plan_circuit(g, small_args(), true), {}};
    InputData in;
    in.inputs = std::move(inputs);
    NullProgress quiet;
    WitnessOptions options;
    options.float_reference = false;
    r.witness = generate_witness(r.plan.circuit, in, quiet, options);
    return r;
}

std::vector<std::string> mock(const Run& r, const WitnessResult& w) {
    return circuit::mock_model(circuit::build_model_circuit(r.plan.circuit, w));
}

LayerTrace& layer(WitnessResult& w, const std::string& name) {
    for (LayerTrace& l : w.layers)
        if (l.name == name) return l;
    throw std::runtime_error("no layer " + name);
}

bool names(const std::vector<std::string>& failures, const std::string& node) {
    for (const auto& f : failures)
        if (f.find("'" + node + "'") != std::string::npos) return true;
    return false;
}

// The honest witness passes; each (layer, element, delta) change alone fails naming the layer.
void honest_and_tampered(const model::Graph& g, std::vector<std::vector<double>> inputs,
                         std::vector<std::tuple<std::string, size_t, int64_t>> tampers) {
    const Run r = run(g, std::move(inputs));
    const auto honest = mock(r, r.witness);
    QVERIFY2(honest.empty(), honest.empty() ? "" : honest.front().c_str());
    for (const auto& [name, element, delta] : tampers) {
        WitnessResult bad = r.witness;
        layer(bad, name).quantised.at(element) += delta;
        const auto failures = mock(r, bad);
        QVERIFY2(names(failures, name), ("changing " + name + "[" + std::to_string(element) + "] was not caught").c_str());
    }
}

}  // namespace

class TstGadgets : public QObject {
    Q_OBJECT
private slots:
    void conv_with_padding_stride_and_bias() {
        GraphBuilder b;
        std::vector<float> w(18);
        for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i % 7) - 3) / 4.0f;
        b.input("x", {1, 1, 4, 4})
            .init("W", {2, 1, 3, 3}, w)
            .init("B", {2}, {0.5f, -0.25f})
            .node("Conv", {"x", "W", "B"}, {"y"}, {{"pads", ints_attr({1, 1, 1, 1})}, {"strides", ints_attr({2, 2})}})
            .output("y", {1, 2, 2, 2});
        std::vector<double> x(16);
        for (size_t i = 0; i < x.size(); ++i) x[i] = double(i) / 8.0 - 1.0;
        honest_and_tampered(b.g, {x}, {{"Conv_0", 0, 1}, {"Conv_0", 7, -1}});
    }
    void conv_transpose() {
        GraphBuilder b;
        b.input("x", {1, 1, 2, 2})
            .init("W", {1, 2, 2, 2}, {1, -0.5f, 0.25f, 2, -1, 0.75f, 0.5f, -0.25f})
            .node("ConvTranspose", {"x", "W"}, {"y"}, {{"strides", ints_attr({2, 2})}})
            .output("y", {1, 2, 4, 4});
        honest_and_tampered(b.g, {{0.5, -1.25, 2.0, 0.75}}, {{"ConvTranspose_0", 5, 1}});
    }
    void average_pool_counts_only_cells_inside() {
        // 2×2 windows over a 3×3 input padded by 1: the corner windows hold one cell, so
        // their division is by 1 (whose remainder must be pinned to 0).
        GraphBuilder b;
        b.input("x", {1, 1, 3, 3})
            .node("AveragePool", {"x"}, {"y"}, {{"kernel_shape", ints_attr({2, 2})}, {"pads", ints_attr({1, 1, 1, 1})}})
            .node("GlobalAveragePool", {"x"}, {"g"})
            .output("y", {1, 1, 4, 4})
            .output("g", {1, 1, 1, 1});
        honest_and_tampered(b.g, {{0.5, -1.0, 2.0, 0.25, 1.5, -0.75, 3.0, 0.125, -2.0}},
                            {{"AveragePool_0", 0, 1}, {"AveragePool_0", 5, 1}, {"GlobalAveragePool_1", 0, -1}});
    }
    void max_pool_and_reduce_extremes() {
        GraphBuilder b;
        b.input("x", {1, 1, 4, 4})
            .node("MaxPool", {"x"}, {"y"}, {{"kernel_shape", ints_attr({2, 2})}, {"strides", ints_attr({2, 2})}})
            .node("ReduceMin", {"x"}, {"m"}, {{"axes", ints_attr({3})}})
            .node("GlobalMaxPool", {"x"}, {"g"})
            .output("y", {1, 1, 2, 2})
            .output("m", {1, 1, 4, 1})
            .output("g", {1, 1, 1, 1});
        std::vector<double> x(16);
        for (size_t i = 0; i < x.size(); ++i) x[i] = double((i * 7) % 16) / 4.0 - 2.0;
        honest_and_tampered(b.g, {x}, {{"MaxPool_0", 2, 1}, {"ReduceMin_1", 1, -1}, {"GlobalMaxPool_2", 0, 1}});
    }
    void argmax_breaks_ties_as_onnx() {
        // Two equal maxima at 1 and 2: ArgMax says 1, with select_last_index 2; the other
        // tie is a wrong claim.
        GraphBuilder b;
        b.input("x", {1, 4})
            .node("ArgMax", {"x"}, {"first"}, {{"axis", int_attr(1)}, {"keepdims", int_attr(0)}})
            .node("ArgMax", {"x"}, {"last"}, {{"axis", int_attr(1)}, {"keepdims", int_attr(0)}, {"select_last_index", int_attr(1)}})
            .node("ArgMin", {"x"}, {"low"}, {{"axis", int_attr(1)}})
            .output("first", {1})
            .output("last", {1})
            .output("low", {1, 1});
        b.g.dtypes["first"] = b.g.dtypes["last"] = b.g.dtypes["low"] = model::DType::Int64;
        const Run r = run(b.g, {{0.5, 2.0, 2.0, -1.0}});
        QCOMPARE(layer(const_cast<WitnessResult&>(r.witness), "ArgMax_0").quantised, std::vector<int64_t>{1});
        QCOMPARE(layer(const_cast<WitnessResult&>(r.witness), "ArgMax_1").quantised, std::vector<int64_t>{2});
        honest_and_tampered(b.g, {{0.5, 2.0, 2.0, -1.0}},
                            {{"ArgMax_0", 0, 1}, {"ArgMax_1", 0, -1}, {"ArgMin_2", 0, 1}, {"ArgMax_0", 0, 5}});
    }
    void hardmax() {
        GraphBuilder b;
        b.input("x", {2, 3}).node("Hardmax", {"x"}, {"y"}).output("y", {2, 3});
        honest_and_tampered(b.g, {{0.5, 1.5, 1.5, -2.0, -1.0, -3.0}}, {{"Hardmax_0", 2, 1}, {"Hardmax_0", 1, -1}});
    }
    void softmax_and_log_softmax() {
        GraphBuilder b;
        b.input("x", {2, 3})
            .node("Softmax", {"x"}, {"s"})
            .node("LogSoftmax", {"x"}, {"l"})
            .output("s", {2, 3})
            .output("l", {2, 3});
        honest_and_tampered(b.g, {{0.5, -1.0, 2.0, 0.0, 0.0, -3.5}},
                            {{"Softmax_0", 0, 1}, {"Softmax_0", 4, -1}, {"LogSoftmax_1", 2, 1}});
    }
    void division_by_a_run_time_value() {
        // Negative, zero (read as the smallest step) and positive divisors.
        GraphBuilder b;
        b.input("a", {1, 4}).input("d", {1, 4}).node("Div", {"a", "d"}, {"q"}).output("q", {1, 4});
        honest_and_tampered(b.g, {{1.5, -2.25, 0.0078125, 3.0}, {-0.5, 0.75, 0.0, 1.25}},
                            {{"Div_0", 0, 1}, {"Div_0", 1, -1}, {"Div_0", 3, 1}});
    }
    void boolean_logic() {
        GraphBuilder b;
        b.input("p", {1, 4}, model::DType::Bool)
            .input("q", {1, 4}, model::DType::Bool)
            .node("And", {"p", "q"}, {"a"})
            .node("Or", {"p", "q"}, {"o"})
            .node("Xor", {"a", "o"}, {"x"})
            .node("Not", {"x"}, {"n"})
            .output("n", {1, 4});
        for (const char* v : {"a", "o", "x", "n"}) b.g.dtypes[v] = model::DType::Bool;
        honest_and_tampered(b.g, {{0, 1, 0, 1}, {0, 0, 1, 1}},
                            {{"And_0", 3, -1}, {"Or_1", 0, 1}, {"Xor_2", 1, 1}, {"Not_3", 2, 1}});
    }
    void logic_rejects_non_boolean_inputs() {
        GraphBuilder b;
        b.input("p", {1, 2}, model::DType::Bool).input("q", {1, 2}, model::DType::Bool).node("And", {"p", "q"}, {"a"}).output("a", {1, 2});
        b.g.dtypes["a"] = model::DType::Bool;
        const Run r = run(b.g, {{1, 0}, {1, 1}});
        WitnessResult bad = r.witness;
        layer(bad, "input_0").quantised[0] = 2;  // the kernel reads 2 as true; the circuit must not
        layer(bad, "And_0").quantised[0] = 1;
        QVERIFY(names(mock(r, bad), "And_0"));
    }
    void equal_sign_cast_where() {
        GraphBuilder b;
        b.input("x", {1, 4})
            .init("k", {1}, {0.5f})
            .init("z", {1}, {0.0f})
            .node("Equal", {"x", "k"}, {"e"})
            .node("Sign", {"x"}, {"s"})
            .node("Cast", {"x"}, {"i"}, {{"to", int_attr(int64_t(model::DType::Int64))}})
            .node("Less", {"x", "z"}, {"neg"})
            .node("Where", {"neg", "k", "x"}, {"w"})
            .output("e", {1, 4})
            .output("s", {1, 4})
            .output("i", {1, 4})
            .output("w", {1, 4});
        b.g.dtypes["e"] = b.g.dtypes["neg"] = model::DType::Bool;
        b.g.dtypes["i"] = model::DType::Int64;
        const Run r = run(b.g, {{-1.75, 0.0, 0.5, 2.25}});
        // Truncation toward zero: −1.75 → −1.
        QCOMPARE(layer(const_cast<WitnessResult&>(r.witness), "Cast_2").quantised, (std::vector<int64_t>{-1, 0, 0, 2}));
        honest_and_tampered(b.g, {{-1.75, 0.0, 0.5, 2.25}},
                            {{"Equal_0", 2, -1}, {"Equal_0", 1, 1}, {"Sign_1", 1, 1}, {"Cast_2", 0, -1}, {"Where_4", 0, 1}});
    }
    void norm_reductions() {
        GraphBuilder b;
        b.input("x", {2, 3})
            .node("ReduceL1", {"x"}, {"l1"}, {{"axes", ints_attr({1})}})
            .node("ReduceSumSquare", {"x"}, {"ss"}, {{"axes", ints_attr({1})}})
            .node("ReduceL2", {"x"}, {"l2"}, {{"axes", ints_attr({1})}, {"keepdims", int_attr(0)}})
            .output("l1", {2, 1})
            .output("ss", {2, 1})
            .output("l2", {2});
        honest_and_tampered(b.g, {{0.5, -1.25, 2.0, -0.75, 0.0, 1.5}},
                            {{"ReduceL1_0", 1, 1}, {"ReduceSumSquare_1", 0, -1}, {"ReduceL2_2", 1, 1}});
    }
    void gather_with_run_time_indices() {
        // A constant table and a run-time tensor, each indexed by a run-time index tensor
        // with a negative index (counted from the end, as ONNX allows).
        GraphBuilder b;
        b.input("x", {2, 4})
            .input("i", {3}, model::DType::Int64)
            .init("table", {4, 2}, {0.5f, -1.0f, 1.5f, 2.0f, -0.25f, 0.75f, 3.0f, -2.5f})
            .node("Gather", {"table", "i"}, {"rows"})
            .node("Gather", {"x", "i"}, {"cols"}, {{"axis", int_attr(1)}})
            .output("rows", {3, 2})
            .output("cols", {2, 3});
        const std::vector<std::vector<double>> in = {{0.5, -1.0, 2.0, 0.25, -0.5, 1.0, 1.5, -2.0}, {2, -1, 0}};
        const Run r = run(b.g, in);
        QCOMPARE(layer(const_cast<WitnessResult&>(r.witness), "Gather_0").quantised.size(), size_t(6));
        honest_and_tampered(b.g, in, {{"Gather_0", 0, 1}, {"Gather_0", 3, -1}, {"Gather_1", 5, 1}, {"Gather_1", 2, -1}});
    }
    void gather_elements_and_gather_nd_with_run_time_indices() {
        GraphBuilder b;
        b.input("x", {2, 3})
            .input("e", {2, 2}, model::DType::Int64)
            .input("t", {2, 2}, model::DType::Int64)
            .node("GatherElements", {"x", "e"}, {"ge"}, {{"axis", int_attr(1)}})
            .node("GatherND", {"x", "t"}, {"gn"})
            .output("ge", {2, 2})
            .output("gn", {2});
        const std::vector<std::vector<double>> in = {{0.5, -1.0, 2.0, 0.25, -0.5, 1.0}, {2, -3, 1, 0}, {1, -1, 0, 2}};
        honest_and_tampered(b.g, in, {{"GatherElements_0", 1, 1}, {"GatherElements_0", 2, -1}, {"GatherND_1", 0, 1}, {"GatherND_1", 1, -1}});
    }
    void scatter_with_run_time_indices() {
        // ScatterElements writes the same cell twice: the last write wins, as in the kernel.
        GraphBuilder b;
        b.input("x", {2, 3})
            .input("e", {1, 2}, model::DType::Int64)
            .input("u", {1, 2})
            .input("t", {2, 1}, model::DType::Int64)
            .input("v", {2, 3})
            .node("ScatterElements", {"x", "e", "u"}, {"se"}, {{"axis", int_attr(1)}})
            .node("ScatterND", {"x", "t", "v"}, {"sn"})
            .output("se", {2, 3})
            .output("sn", {2, 3});
        const std::vector<std::vector<double>> in = {
            {0.5, -1.0, 2.0, 0.25, -0.5, 1.0}, {2, -1}, {1.25, -0.75}, {-1, 0}, {3.0, 2.5, -2.0, 1.5, 0.125, -1.5}};
        const Run r = run(b.g, in);
        QCOMPARE(layer(const_cast<WitnessResult&>(r.witness), "ScatterElements_0").quantised[2],
                 layer(const_cast<WitnessResult&>(r.witness), "input_2").quantised[1]);
        honest_and_tampered(b.g, in, {{"ScatterElements_0", 2, 1}, {"ScatterElements_0", 0, -1}, {"ScatterND_1", 0, 1}, {"ScatterND_1", 5, -1}});
    }
    void run_time_index_out_of_range_is_unsatisfiable() {
        // A claimed index outside [−n, n) selects nothing; with the gathered value kept, the
        // choice's constraints fail in the Gather layer.
        GraphBuilder b;
        b.input("x", {1, 3}).input("i", {1}, model::DType::Int64).node("Gather", {"x", "i"}, {"y"}, {{"axis", int_attr(1)}}).output("y", {1, 1});
        const Run r = run(b.g, {{0.5, -1.0, 2.0}, {1}});
        for (int64_t index : {3, -4, 4}) {
            WitnessResult bad = r.witness;
            layer(bad, "input_1").quantised[0] = index;
            QVERIFY2(names(mock(r, bad), "Gather_0"), ("index " + std::to_string(index) + " was accepted").c_str());
        }
        // −2 and 1 name the same element of an axis of 3, so the claim stays true.
        WitnessResult wrapped = r.witness;
        layer(wrapped, "input_1").quantised[0] = -2;
        QVERIFY(mock(r, wrapped).empty());
    }
};

QTEST_GUILESS_MAIN(TstGadgets)
#include "tst_gadgets.moc"
