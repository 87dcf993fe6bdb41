// Property: every registered float kernel, fed malformed or unusual inputs (wrong ranks,
// empty tensors, scalars, missing inputs), either returns tensors whose sizes match their
// shapes or throws ps::Error naming the node — never crashes, never leaks another
// exception type. Values are small integers so index-taking ops get in-range and
// out-of-range indices alike. (The same sweep ran clean under AddressSanitizer when it
// was written; run it that way after touching a kernel's index arithmetic.)
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

namespace {

FloatTensor filled(Shape shape, float start) {
    FloatTensor t(shape);
    for (size_t i = 0; i < t.size(); ++i) t.data[i] = static_cast<float>(static_cast<int>(start + static_cast<float>(i)) % 4 - 1);
    return t;
}

const std::vector<Shape> kShapes = {{}, {0}, {1}, {3}, {2, 3}, {1, 2, 2}, {1, 1, 2, 2}, {2, 1, 3, 1}};

// Three attribute sets: the spec defaults, and two that push kernels off their usual paths.
NodeBuilder with_attributes(const std::string& op, size_t arity, int variant) {
    NodeBuilder n(op, arity, variant == 2 ? 4 : 1);  // extra outputs: kernels still run, then the count is checked
    if (variant == 1)
        n.i("axis", 3).ints("kernel_shape", {2, 2}).ints("strides", {1, 1}).ints("pads", {1, 1, 1, 1}).ints("perm", {1, 0})
            .ints("axes", {-1}).i("group", 2).i("hidden_size", 2).i("blocksize", 2).i("k", 1).s("mode", "linear").i("keepdims", 0)
            .s("direction", "bidirectional").ints("dilations", {2, 2}).i("ceil_mode", 1).s("equation", "ij,jk").i("batch_dims", 1);
    if (variant == 2)
        n.i("axis", -1).ints("kernel_shape", {3}).ints("strides", {2}).s("auto_pad", "SAME_UPPER").ints("output_shape", {5})
            .ints("output_padding", {1}).s("mode", "cubic").s("coordinate_transformation_mode", "tf_crop_and_resize").i("upper", 0)
            .s("reduction", "add").i("num_outputs", 2).i("exclusive", 1).i("reverse", 1).i("select_last_index", 1)
            .s("equation", "...i->i").ints("split", {1, 1}).i("center_point_box", 1).s("padding_mode", "reflection")
            .i("storage_order", 1).i("ignore_index", 1).i("layout", 1);
    return n;
}

}  // namespace

class TestOpsRobustness : public QObject {
    Q_OBJECT
private slots:
    void every_kernel_errors_cleanly_on_odd_inputs() {
        size_t runs = 0, errors = 0;
        for (const std::string& op : supported_float_ops()) {
            for (int variant = 0; variant < 3; ++variant)
            for (size_t arity = 0; arity <= 4; ++arity)
                for (size_t a = 0; a < kShapes.size(); ++a)
                    for (size_t b = 0; b < kShapes.size(); b += 3) {
                        const NodeBuilder node = with_attributes(op, arity, variant);
                        std::vector<FloatTensor> inputs;
                        for (size_t i = 0; i < arity; ++i) inputs.push_back(filled(i % 2 ? kShapes[b] : kShapes[a], static_cast<float>(i)));
                        ++runs;
                        try {
                            const auto outs = run(node, inputs, 17, std::vector<DType>(4, DType::Float));
                            for (const FloatTensor& t : outs)
                                QVERIFY2(t.data.size() == element_count(t.shape), (op + ": output size disagrees with its shape").c_str());
                        } catch (const ps::Error& e) {
                            ++errors;
                            QVERIFY2(std::string(e.what()).find(op) != std::string::npos, e.what());
                        } catch (const std::exception& e) {
                            QFAIL((op + " leaked a non-ps::Error exception: " + e.what()).c_str());
                        }
                    }
        }
        qInfo("%zu kernel calls, %zu rejected with ps::Error", runs, errors);
        QVERIFY(errors > 0 && errors < runs);  // both outcomes occur: the inputs really are mixed
    }
};

QTEST_APPLESS_MAIN(TestOpsRobustness)
#include "tst_ops_robustness.moc"
