// Activations with the ONNX spec's attribute defaults; values computed by hand from the
// spec's formulas (and listed constants such as Selu's alpha/gamma).
#include "op_test_support.hpp"
#include "core/util/error.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsActivations : public QObject {
    Q_OBJECT
private slots:
    void relu_and_leaky_relu_defaults() {
        EXPECT_TENSOR(run(NodeBuilder("Relu"), {T({3}, {-1, 0, 2})})[0], {3}, {0, 0, 2});
        EXPECT_TENSOR(run(NodeBuilder("LeakyRelu"), {T({2}, {-2, 3})})[0], {2}, {-0.02f, 3});  // alpha 0.01
        EXPECT_TENSOR(run(NodeBuilder("LeakyRelu").f("alpha", 0.1f), {T({1}, {-5})})[0], {1}, {-0.5f});
    }
    void prelu_broadcasts_slope_per_channel() {
        auto y = run(NodeBuilder("PRelu", 2), {T({1, 2, 2}, {-1, 2, -3, 4}), T({2, 1}, {0.5f, 0.25f})});
        EXPECT_TENSOR(y[0], {1, 2, 2}, {-0.5f, 2, -0.75f, 4});
    }
    void sigmoid_and_tanh_known_values() {
        EXPECT_TENSOR(run(NodeBuilder("Sigmoid"), {T({3}, {0, 2, -2})})[0], {3}, {0.5f, 0.880797078f, 0.119202922f});
        // Large negative inputs must not overflow exp: σ(−100) ≈ 3.7e−44
        auto tiny = run(NodeBuilder("Sigmoid"), {T({1}, {-100})});
        QVERIFY(tiny[0].data[0] >= 0.0f && tiny[0].data[0] < 1e-30f);
        EXPECT_TENSOR(run(NodeBuilder("Tanh"), {T({2}, {0.5f, -0.5f})})[0], {2}, {0.462117157f, -0.462117157f});
    }
    void hard_sigmoid_and_hard_swish() {
        EXPECT_TENSOR(run(NodeBuilder("HardSigmoid"), {T({4}, {-3, 0, 1, 3})})[0], {4}, {0, 0.5f, 0.7f, 1});
        EXPECT_TENSOR(run(NodeBuilder("HardSigmoid").f("alpha", 0.5f).f("beta", 0.25f), {T({1}, {1})})[0], {1}, {0.75f});
        EXPECT_TENSOR(run(NodeBuilder("HardSwish"), {T({4}, {-4, 0, 1, 4})})[0], {4}, {0, 0, 2.0f / 3, 4});
    }
    void elu_selu_celu() {
        EXPECT_TENSOR(run(NodeBuilder("Elu"), {T({2}, {-1, 2})})[0], {2}, {-0.632120559f, 2});
        EXPECT_TENSOR(run(NodeBuilder("Selu"), {T({2}, {-1, 1})})[0], {2}, {-1.111330738f, 1.050700987f});
        EXPECT_TENSOR(run(NodeBuilder("Celu").f("alpha", 2), {T({2}, {-1, 3})})[0], {2}, {-0.786938681f, 3});
    }
    void softplus_softsign_mish() {
        EXPECT_TENSOR(run(NodeBuilder("Softplus"), {T({3}, {0, 1, 50})})[0], {3}, {0.693147181f, 1.313261687f, 50});
        EXPECT_TENSOR(run(NodeBuilder("Softsign"), {T({2}, {3, -1})})[0], {2}, {0.75f, -0.5f});
        EXPECT_TENSOR(run(NodeBuilder("Mish"), {T({2}, {1, 0})})[0], {2}, {0.865098388f, 0});
    }
    void gelu_exact_and_tanh_approximation() {
        EXPECT_TENSOR(run(NodeBuilder("Gelu"), {T({2}, {1, -1})})[0], {2}, {0.841344746f, -0.158655254f});
        EXPECT_TENSOR(run(NodeBuilder("Gelu").s("approximate", "tanh"), {T({1}, {1})})[0], {1}, {0.841191991f});
    }
    void thresholded_relu_and_shrink() {
        EXPECT_TENSOR(run(NodeBuilder("ThresholdedRelu"), {T({3}, {0.5f, 1, 2})})[0], {3}, {0, 0, 2});
        EXPECT_TENSOR(run(NodeBuilder("Shrink").f("lambd", 1.5f).f("bias", 0.5f), {T({5}, {-2, -1, 0, 1, 2})})[0], {5},
                      {-1.5f, 0, 0, 0, 1.5f});
    }
    void clip_inputs_attributes_and_missing_bound() {
        const FloatTensor x = T({3}, {-2, 0.5f, 3});
        EXPECT_TENSOR(run(NodeBuilder("Clip", 3), {x, T({}, {-1}), T({}, {1})}, 13)[0], {3}, {-1, 0.5f, 1});
        EXPECT_TENSOR(run(NodeBuilder("Clip").f("min", 0).f("max", 2), {x}, 6)[0], {3}, {0, 0.5f, 2});
        // max omitted: only the lower bound applies
        EXPECT_TENSOR(run(NodeBuilder("Clip", 3), {x, T({}, {0}), T({}, {0})}, 13, {}, {}, {2})[0], {3}, {0, 0.5f, 3});
    }
    void softmax_along_last_axis() {
        auto y = run(NodeBuilder("Softmax"), {T({2, 3}, {1, 2, 3, 0, 0, 0})}, 13);
        EXPECT_TENSOR(y[0], {2, 3}, {0.090030573f, 0.244728471f, 0.665240956f, 1.0f / 3, 1.0f / 3, 1.0f / 3});
        // shift invariance: adding 1000 must not overflow
        auto big = run(NodeBuilder("Softmax"), {T({3}, {1001, 1002, 1003})}, 13);
        EXPECT_TENSOR(big[0], {3}, {0.090030573f, 0.244728471f, 0.665240956f});
    }
    void softmax_before_opset13_flattens_at_axis() {
        // axis = 1 on [1, 2, 2]: one row of 4 values, not two rows of 2
        auto y = run(NodeBuilder("Softmax").i("axis", 1), {T({1, 2, 2}, {1, 2, 3, 4})}, 11);
        EXPECT_TENSOR(y[0], {1, 2, 2}, {0.032058604f, 0.087144318f, 0.236882818f, 0.643914260f});
        auto z = run(NodeBuilder("Softmax").i("axis", 1), {T({1, 2, 2}, {1, 2, 3, 4})}, 13);
        EXPECT_TENSOR(z[0], {1, 2, 2}, {0.119202922f, 0.119202922f, 0.880797078f, 0.880797078f});
    }
    void log_softmax_and_hardmax() {
        EXPECT_TENSOR(run(NodeBuilder("LogSoftmax"), {T({3}, {1, 2, 3})}, 13)[0], {3}, {-2.407605964f, -1.407605964f, -0.407605964f});
        EXPECT_TENSOR(run(NodeBuilder("Hardmax"), {T({2, 3}, {1, 3, 2, 5, 5, 1})}, 13)[0], {2, 3}, {0, 1, 0, 1, 0, 0});  // ties: first
    }
};

QTEST_APPLESS_MAIN(TestOpsActivations)
#include "tst_ops_activations.moc"
