// load_onnx on models written here with the ONNX protobuf classes: symbolic batch → 1,
// shape inference, constant folding (Constant, Shape chains, all-initialiser nodes),
// errors that name the file, node, op and position.
#include "onnx_model_builder.hpp"

#include "core/model/executor.hpp"
#include "core/model/graph.hpp"
#include "core/util/error.hpp"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <functional>

using namespace ps::model;
using namespace ps::model::testing;

namespace {
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ps::Error& e) {
        return e.what();
    }
    return {};
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

class TestOnnxLoader : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
private slots:
    void symbolic_batch_becomes_one_and_inference_fills_shapes() {
        OnnxModelBuilder b;
        b.input("x", {std::string("batch"), int64_t{3}}).output("y").initializer("w", {3, 2}, {1, 0, 0, 1, 1, 1});
        b.node("MatMul", {"x", "w"}, {"h"}, "mm");
        b.node("Relu", {"h"}, {"y"}, "act");
        const Graph g = load_onnx(b.write(dir_));
        QCOMPARE(g.inputs.size(), size_t{1});
        QCOMPARE(g.inputs[0].shape, (Shape{1, 3}));
        QCOMPARE(g.shapes.at("h"), (Shape{1, 2}));
        QCOMPARE(g.outputs[0].shape, (Shape{1, 2}));
        QCOMPARE(g.nodes.size(), size_t{2});
        QCOMPARE(g.nodes[1].name, std::string("act"));
        QCOMPARE(g.nodes[1].index, size_t{1});
        auto values = run_float(g, {FloatTensor({3}, {1, -2, 3})});
        // [1, −2, 3]·w = (1 + 3, −2 + 3) = (4, 1)
        QCOMPARE(values.at("y").data, (std::vector<float>{4, 1}));
        QCOMPARE(values.at("h").shape, (Shape{1, 2}));
    }
    void shape_chains_and_constants_fold_into_initialisers() {
        // y = Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])) — PyTorch's flatten
        OnnxModelBuilder b;
        b.input("x", {std::string("N"), int64_t{2}, int64_t{3}}).output("y");
        b.node("Shape", {"x"}, {"s"});
        auto& c = b.node("Constant", {}, {"zero"});
        OnnxModelBuilder::attr_tensor_ints(c, "value", {0});
        b.node("Gather", {"s", "zero"}, {"n"});
        auto& m1 = b.node("Constant", {}, {"minus_one"});
        OnnxModelBuilder::attr_tensor_ints(m1, "value", {-1});
        OnnxModelBuilder::attr_int(b.node("Concat", {"n", "minus_one"}, {"target"}), "axis", 0);
        b.node("Reshape", {"x", "target"}, {"y"}, "flatten");
        const Graph g = load_onnx(b.write(dir_));
        QCOMPARE(g.nodes.size(), size_t{1});  // only the Reshape survives
        QCOMPARE(g.nodes[0].op, std::string("Reshape"));
        QCOMPARE(g.initializers.at("target").data, (std::vector<float>{1, -1}));
        QCOMPARE(g.dtype_of("target"), DType::Int64);
        QVERIFY(!g.initializers.count("s"));  // intermediate constants are dropped
        QCOMPARE(g.shapes.at("y"), (Shape{1, 6}));
    }
    void nodes_on_initialisers_only_are_folded() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{2}}).output("y").initializer("a", {2}, {1, 2}).initializer("b", {2}, {10, 20});
        b.node("Add", {"a", "b"}, {"ab"});
        b.node("Mul", {"x", "ab"}, {"y"});
        const Graph g = load_onnx(b.write(dir_));
        QCOMPARE(g.nodes.size(), size_t{1});
        QCOMPARE(g.initializers.at("ab").data, (std::vector<float>{11, 22}));
        LoadOptions keep;
        keep.fold_constants = false;
        QCOMPARE(load_onnx(b.write(dir_), keep).nodes.size(), size_t{2});
    }
    void unsupported_op_names_file_node_op_and_position() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{2}}).output("y");
        b.node("Relu", {"x"}, {"r"}, "first");
        b.node("FancyOp", {"r"}, {"y"}, "my_fancy_node");
        const std::string path = b.write(dir_);
        const std::string m = error_of([&] { load_onnx(path); });
        QVERIFY2(contains(m, "network.onnx") && contains(m, "my_fancy_node") && contains(m, "FancyOp") && contains(m, "#1"), m.c_str());
        LoadOptions lenient;
        lenient.reject_unsupported = false;
        const Graph g = load_onnx(path, lenient);
        QCOMPARE(unsupported_nodes(g), (std::vector<std::string>{"node 'my_fancy_node' (#1): FancyOp"}));
        // running it anyway is an error, not a crash
        QVERIFY(contains(error_of([&] { run_float(g, {FloatTensor({2}, {1, 2})}); }), "FancyOp"));
    }
    void ops_from_other_domains_are_unsupported() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{2}}).output("y");
        b.node("Gelu", {"x"}, {"y"}, "fused").set_domain("com.microsoft");
        QVERIFY(contains(error_of([&] { load_onnx(b.write(dir_)); }), "com.microsoft.Gelu"));
    }
    void garbage_file_and_missing_file() {
        const std::string bad = dir_.path().toStdString() + "/bad.onnx";
        std::ofstream(bad) << "this is not protobuf \xff\xff\xff";
        QVERIFY(contains(error_of([&] { load_onnx(bad); }), "bad.onnx"));
        QVERIFY(contains(error_of([&] { load_onnx(dir_.path().toStdString() + "/absent.onnx"); }), "cannot open"));
    }
    void truncated_model_is_an_error_naming_the_file() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{4}}).output("y").initializer("w", {4}, {1, 2, 3, 4});
        b.node("Mul", {"x", "w"}, {"y"});
        const std::string path = b.write(dir_, "truncated.onnx");
        std::filesystem::resize_file(path, std::filesystem::file_size(path) - 20);
        QVERIFY(contains(error_of([&] { load_onnx(path); }), "truncated.onnx"));
    }
    void progress_counts_nodes_and_cancellation_stops_between_nodes() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{2}}).output("y");
        b.node("Relu", {"x"}, {"a"});
        b.node("Neg", {"a"}, {"b"});
        b.node("Abs", {"b"}, {"y"});
        const Graph g = load_onnx(b.write(dir_));
        struct Recorder : ps::ProgressSink {
            uint64_t total = 0, last = 0, cancel_after = 99;
            void begin_stage(std::string_view, uint64_t t) override { total = t; }
            void advance(uint64_t done) override { last = done; }
            void end_stage() override {}
            bool cancelled() const override { return last >= cancel_after; }
        } rec;
        run_float(g, {FloatTensor({2}, {1, -1})}, rec);
        QCOMPARE(rec.total, uint64_t{3});
        QCOMPARE(rec.last, uint64_t{3});
        Recorder stop;
        stop.cancel_after = 1;
        QVERIFY_THROWS_EXCEPTION(ps::Cancelled, run_float(g, {FloatTensor({2}, {1, -1})}, stop));
        QCOMPARE(stop.last, uint64_t{1});
    }
    void nodes_out_of_order_are_rejected() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{2}}).output("y");
        b.node("Relu", {"h"}, {"y"}, "late");
        b.node("Neg", {"x"}, {"h"}, "early");
        QVERIFY(contains(error_of([&] { load_onnx(b.write(dir_)); }), "topologically"));
    }
    void initialisers_listed_as_inputs_are_not_runtime_inputs() {
        OnnxModelBuilder b(9);
        b.input("x", {int64_t{2}}).input("w", {int64_t{2}}).output("y").initializer("w", {2}, {3, 4});
        b.node("Mul", {"x", "w"}, {"y"});
        const Graph g = load_onnx(b.write(dir_));
        QCOMPARE(g.inputs.size(), size_t{1});
        QCOMPARE(run_float(g, {FloatTensor({2}, {1, 2})}).at("y").data, (std::vector<float>{3, 8}));
    }
    void input_count_mismatch_is_reported_with_shape() {
        OnnxModelBuilder b;
        b.input("x", {int64_t{1}, int64_t{3}}).output("y");
        b.node("Relu", {"x"}, {"y"});
        const Graph g = load_onnx(b.write(dir_));
        const std::string m = error_of([&] { run_float(g, {FloatTensor({2}, {1, 2})}); });
        QVERIFY2(contains(m, "input 0") && contains(m, "1\u00d73 = 3 values, found 2"), m.c_str());
        QVERIFY(contains(error_of([&] { run_float(g, {}); }), "1 inputs, found 0"));
    }
    void integer_inputs_keep_their_type() {
        OnnxModelBuilder b;
        b.input("idx", {int64_t{2}}, onnx::TensorProto::INT64).output("y").initializer("table", {3}, {10, 20, 30});
        b.node("Gather", {"table", "idx"}, {"y"});
        const Graph g = load_onnx(b.write(dir_));
        QCOMPARE(g.inputs[0].dtype, DType::Int64);
        // input.json numbers for an int64 input take their integer part
        QCOMPARE(run_float(g, {FloatTensor({2}, {2.7f, 0})}).at("y").data, (std::vector<float>{30, 10}));
    }
};

QTEST_APPLESS_MAIN(TestOnnxLoader)
#include "tst_onnx_loader.moc"
