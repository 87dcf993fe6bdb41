// Crafted, valid-looking files (issue 14, finding 8): every attribute that divides,
// indexes or sizes something, and every declared size, is refused with an error naming
// the file and the field — through the real proofscope-cli in a child process, so a
// SIGFPE, a bad_alloc or a read past a buffer shows as a failed test, not a dead suite.
#include "../model/onnx_model_builder.hpp"

#include "core/artifacts/input_data.hpp"
#include "core/artifacts/json_fields.hpp"
#include "core/artifacts/settings.hpp"
#include "core/model/graph.hpp"
#include "core/util/error.hpp"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using ps::model::testing::OnnxModelBuilder;

namespace {

struct CliRun {
    bool exited_normally = false;
    int code = -1;
    std::string err;
};

CliRun cli(const QStringList& args) {
    QProcess p;
    p.start(PROOFSCOPE_CLI, args);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exited_normally = p.exitStatus() == QProcess::NormalExit;
    r.code = p.exitCode();
    r.err = QString::fromUtf8(p.readAllStandardError()).toStdString();
    return r;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ps::Error& e) {
        return e.what();
    }
    return {};
}

// x [1, 1, 4, 4] → op(x, extra inputs) → y; the attributes are set by the caller.
OnnxModelBuilder one_node(const std::string& op, std::vector<std::string> inputs = {"x"}) {
    OnnxModelBuilder b(13);
    b.input("x", {int64_t{1}, int64_t{1}, int64_t{4}, int64_t{4}}).output("y");
    b.initializer("w", {1, 1, 2, 2}, {1, 1, 1, 1});
    b.node(op, std::move(inputs), {"y"}, "crafted");
    return b;
}

void attr_ints(onnx::NodeProto& n, const std::string& key, std::vector<int64_t> v) {
    auto* a = n.add_attribute();
    a->set_name(key);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v) a->add_ints(x);
}

onnx::NodeProto& last_node(OnnxModelBuilder& b) { return *b.proto().mutable_graph()->mutable_node()->rbegin(); }

}  // namespace

class TestCraftedFiles : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    // gen-settings reads the model, infers shapes, folds constants and runs the
    // fixed-point kernels: every ONNX-reading path. It must exit with an error (not a
    // signal, not 0) whose message names the model file and `field`.
    void expect_refused(const OnnxModelBuilder& b, const std::string& name, const std::string& field) {
        const std::string model = b.write(dir_, name + ".onnx");
        const CliRun r = cli({"gen-settings", "-M", QString::fromStdString(model), "-O",
                              dir_.path() + "/" + QString::fromStdString(name) + ".settings.json"});
        const std::string what = name + ": exit " + std::to_string(r.code) + ", stderr: " + r.err;
        QVERIFY2(r.exited_normally, ("killed by a signal — " + what).c_str());
        QVERIFY2(r.code != 0, ("accepted — " + what).c_str());
        QVERIFY2(contains(r.err, name + ".onnx"), ("the message does not name the file — " + what).c_str());
        QVERIFY2(contains(r.err, field), ("the message does not name '" + field + "' — " + what).c_str());
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void attributes_that_divide_are_refused_before_shape_inference() {
        {
            auto b = one_node("Conv", {"x", "w"});
            attr_ints(last_node(b), "strides", {0, 0});
            expect_refused(b, "conv_stride0", "strides");
        }
        {
            auto b = one_node("Conv", {"x", "w"});
            attr_ints(last_node(b), "dilations", {1, 0});
            expect_refused(b, "conv_dilation0", "dilations");
        }
        {
            auto b = one_node("Conv", {"x", "w"});
            OnnxModelBuilder::attr_int(last_node(b), "group", 0);
            expect_refused(b, "conv_group0", "group");
        }
        {
            auto b = one_node("MaxPool");
            attr_ints(last_node(b), "kernel_shape", {2, 2});
            attr_ints(last_node(b), "strides", {0, 1});
            expect_refused(b, "maxpool_stride0", "strides");
        }
        {
            auto b = one_node("AveragePool");
            attr_ints(last_node(b), "kernel_shape", {0, 2});
            expect_refused(b, "avgpool_kernel0", "kernel_shape");
        }
        {
            auto b = one_node("DepthToSpace");
            OnnxModelBuilder::attr_int(last_node(b), "blocksize", 0);
            expect_refused(b, "depth_to_space_block0", "blocksize");
        }
        {
            auto b = one_node("SpaceToDepth");
            OnnxModelBuilder::attr_int(last_node(b), "blocksize", 0);
            expect_refused(b, "space_to_depth_block0", "blocksize");
        }
    }

    void attributes_that_index_are_refused() {
        auto b = one_node("Transpose");
        attr_ints(last_node(b), "perm", {0, 1, 1, 3});  // axis 1 twice, axis 2 never
        expect_refused(b, "transpose_repeated_axis", "perm");
        auto c = one_node("Transpose");
        attr_ints(last_node(c), "perm", {0, 1, 2, 9});
        expect_refused(c, "transpose_axis_out_of_range", "perm");
    }

    void negative_pads_and_windows_larger_than_their_input_are_refused() {
        auto b = one_node("AveragePool");
        attr_ints(last_node(b), "kernel_shape", {2, 2});
        attr_ints(last_node(b), "pads", {-1, -1, -1, -1});
        expect_refused(b, "avgpool_negative_pads", "pads");

        OnnxModelBuilder big(13);  // a 5×5 kernel over a 4×4 input without padding
        big.input("x", {int64_t{1}, int64_t{1}, int64_t{4}, int64_t{4}}).output("y");
        big.initializer("w", {1, 1, 5, 5}, std::vector<float>(25, 1.0f));
        big.node("Conv", {"x", "w"}, {"y"}, "crafted");
        expect_refused(big, "conv_kernel_larger_than_input", "larger than the padded input");
    }

    void declared_sizes_are_refused_before_allocation() {
        OnnxModelBuilder overflow(13);  // 2^40 · 2^40 elements: past 2^64
        overflow.input("x", {int64_t{1} << 40, int64_t{1} << 40}).output("y");
        overflow.node("Relu", {"x"}, {"y"}, "crafted");
        expect_refused(overflow, "input_overflows_64_bits", "input 'x' shape");

        OnnxModelBuilder negative(13);
        negative.input("x", {int64_t{1}, int64_t{-3}}).output("y");
        negative.node("Relu", {"x"}, {"y"}, "crafted");
        expect_refused(negative, "input_negative_dim", "negative");

        OnnxModelBuilder huge(13);  // 10^9 float inputs: 4 GB before the first kernel
        huge.input("x", {int64_t{1}, int64_t{1000000000}}).output("y");
        huge.node("Relu", {"x"}, {"y"}, "crafted");
        expect_refused(huge, "input_of_1e9_elements", "PROOFSCOPE_MAX_TENSOR_ELEMENTS");

        OnnxModelBuilder tile(13);
        tile.input("x", {int64_t{1}, int64_t{4}}).output("y");
        tile.int_initializer("repeats", {2}, {1000, 1000000});
        tile.node("Tile", {"x", "repeats"}, {"y"}, "crafted");
        expect_refused(tile, "tile_by_1e9", "PROOFSCOPE_MAX_TENSOR_ELEMENTS");

        OnnxModelBuilder expand(13);
        expand.input("x", {int64_t{1}, int64_t{1}}).output("y");
        expand.int_initializer("shape", {2}, {100000, 100000});
        expand.node("Expand", {"x", "shape"}, {"y"}, "crafted");
        expect_refused(expand, "expand_to_1e10", "PROOFSCOPE_MAX_TENSOR_ELEMENTS");

        OnnxModelBuilder onehot(13);
        onehot.input("x", {int64_t{1}, int64_t{8}}).output("y");
        onehot.initializer("depth", {}, {1e9f});
        onehot.initializer("values", {2}, {0, 1});
        onehot.node("OneHot", {"x", "depth", "values"}, {"y"}, "crafted");
        expect_refused(onehot, "onehot_depth_1e9", "PROOFSCOPE_MAX_TENSOR_ELEMENTS");

        OnnxModelBuilder weights(13);  // dims past 2^64, no data: refused before reserve()
        weights.input("x", {int64_t{1}, int64_t{4}}).output("y");
        weights.initializer("w", {int64_t{1} << 33, int64_t{1} << 33}, {});
        weights.node("Add", {"x", "w"}, {"y"}, "crafted");
        expect_refused(weights, "initializer_dims_overflow", "initializer 'w'");
    }

    void json_integers_too_large_for_their_field_are_refused() {
        ps::Settings s;
        std::string text = ps::settings_to_json_text(s);
        const std::string key = "\"logrows\": " + std::to_string(s.run_args.logrows);
        QVERIFY(contains(text, key));
        text.replace(text.find(key), key.size(), "\"logrows\": 4294967311");  // 2^32 + 15
        const std::string e = error_of([&] { ps::settings_from_json_text(text, "settings.json"); });
        QVERIFY2(contains(e, "settings.json: run_args.logrows") && contains(e, "does not fit"), e.c_str());
    }

    void deeply_nested_json_is_refused_without_recursion() {
        const std::string deep = "{\"input_data\": " + std::string(30000, '[') + "1" + std::string(30000, ']') + "}";
        const std::string e = error_of([&] { ps::parse_input_json(deep, "input.json", {{1}}); });
        QVERIFY2(contains(e, "input.json") && contains(e, "deeper than"), e.c_str());
        const std::string fine = "{\"input_data\": [[[[1, 2]]]]}";
        QCOMPARE(ps::parse_input_json(fine, "input.json", {{1, 2}}).inputs.at(0).size(), size_t(2));
    }

    void more_inputs_than_the_model_has_are_refused() {
        const std::string e = error_of([&] { ps::parse_input_json("{\"input_data\": [[1, 2], [3]]}", "input.json", {{2}}); });
        QVERIFY2(contains(e, "input.json: input_data") && contains(e, "1 input(s), found 2"), e.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCraftedFiles)
#include "tst_crafted_files.moc"
