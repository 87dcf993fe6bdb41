// ONNX integer quantisation ops: rounding half-to-even, saturation to the zero point's
// type, per-axis scales, and the integer products.
#include "op_test_support.hpp"

#include <QtTest>

using namespace ps::model;
using namespace ps::model::testing;

class TestOpsQuantisation : public QObject {
    Q_OBJECT
private slots:
    void quantize_rounds_half_to_even_and_saturates() {
        // x/2 = 0, 0.5→0, 1.5→2, 2.5→2, 300→255 (uint8), −2→0, plus zero point 1 except saturation
        auto y = run(NodeBuilder("QuantizeLinear", 3), {T({6}, {0, 1, 3, 5, 600, -4}), T({}, {2}), T({}, {1})}, 13, {}, {DType::Float, DType::Float, DType::Uint8});
        EXPECT_TENSOR(y[0], {6}, {1, 1, 3, 3, 255, 0});
        auto s = run(NodeBuilder("QuantizeLinear", 3), {T({2}, {-300, 300}), T({}, {1}), T({}, {0})}, 13, {}, {DType::Float, DType::Float, DType::Int8});
        EXPECT_TENSOR(s[0], {2}, {-128, 127});
    }
    void quantize_per_axis() {
        auto y = run(NodeBuilder("QuantizeLinear", 3).i("axis", 1), {T({1, 2}, {4, 4}), T({2}, {1, 2}), T({2}, {0, 10})}, 13, {},
                     {DType::Float, DType::Float, DType::Uint8});
        EXPECT_TENSOR(y[0], {1, 2}, {4, 12});
    }
    void dequantize_subtracts_zero_point_then_scales() {
        auto y = run(NodeBuilder("DequantizeLinear", 3), {T({3}, {0, 128, 255}), T({}, {0.5f}), T({}, {128})});
        EXPECT_TENSOR(y[0], {3}, {-64, 0, 63.5f});
    }
    void dynamic_quantize_picks_scale_from_the_range() {
        // range [min(0, −1), max(0, 1.55)] = 2.55 → scale 0.01, zero point 100
        auto y = run(NodeBuilder("DynamicQuantizeLinear", 1, 3), {T({3}, {-1, 0, 1.55f})});
        EXPECT_TENSOR(y[1], {}, {0.01f});
        EXPECT_TENSOR(y[2], {}, {100});
        EXPECT_TENSOR(y[0], {3}, {0, 100, 255});
    }
    void matmul_integer_with_zero_points() {
        // (A − 1)·(B − 2) with A = [[2, 3]], B = [[3], [4]] → [1, 2]·[1, 2]ᵀ = 5
        auto y = run(NodeBuilder("MatMulInteger", 4), {T({1, 2}, {2, 3}), T({2, 1}, {3, 4}), T({}, {1}), T({}, {2})});
        EXPECT_TENSOR(y[0], {1, 1}, {5});
    }
    void qlinear_matmul_requantises() {
        // a = (4 − 0)·0.5 = 2, b = (6 − 2)·0.25 = 1 → 2 / y_scale 0.1 = 20, + zero point 3
        auto y = run(NodeBuilder("QLinearMatMul", 8),
                     {T({1, 1}, {4}), T({}, {0.5f}), T({}, {0}), T({1, 1}, {6}), T({}, {0.25f}), T({}, {2}), T({}, {0.1f}), T({}, {3})}, 13, {},
                     std::vector<DType>(8, DType::Uint8));
        EXPECT_TENSOR(y[0], {1, 1}, {23});
    }
    void conv_integer_and_qlinear_conv() {
        auto c = run(NodeBuilder("ConvInteger", 4), {T({1, 1, 2}, {3, 5}), T({1, 1, 2}, {1, 1}), T({}, {1}), T({}, {0})});
        EXPECT_TENSOR(c[0], {1, 1, 1}, {6});  // (3 − 1) + (5 − 1)
        // x = (10 − 0)·0.1 = 1, w = (4 − 0)·0.5 = 2, bias 8 at 0.1·0.5 = 0.4 → 2.4 / 0.2 = 12
        auto q = run(NodeBuilder("QLinearConv", 9),
                     {T({1, 1, 1}, {10}), T({}, {0.1f}), T({}, {0}), T({1, 1, 1}, {4}), T({}, {0.5f}), T({}, {0}), T({}, {0.2f}), T({}, {0}), T({1}, {8})},
                     13, {}, std::vector<DType>(9, DType::Uint8));
        EXPECT_TENSOR(q[0], {1, 1, 1}, {12});
    }
};

QTEST_APPLESS_MAIN(TestOpsQuantisation)
#include "tst_ops_quantisation.moc"
