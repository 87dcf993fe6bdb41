// Fixed-point kernels against values computed by hand (comments show the arithmetic).
#include "core/util/error.hpp"
#include "core/witness/fixed_executor.hpp"
#include "graph_builder.hpp"
#include <QtTest>

using namespace ps;
using ps::test::GraphBuilder;

namespace {

RunArgs args_at(Scale input_scale, Scale param_scale, uint32_t rebase_multiplier = 1) {
    RunArgs a;
    a.input_scale = input_scale;
    a.param_scale = param_scale;
    a.scale_rebase_multiplier = rebase_multiplier;
    return a;
}

fixed::FixedRun run(const model::Graph& g, const RunArgs& args, const std::vector<std::vector<double>>& inputs,
                    bool stop = true) {
    std::map<std::string, QuantisedTensor> params;
    NullProgress quiet;
    return fixed::run_fixed(g, args, params, inputs, {.frozen_params = false, .stop_on_saturation = stop}, quiet);
}

std::vector<int64_t> values(const fixed::FixedRun& r, const std::string& name) { return r.values.at(name).t.data; }
using V = std::vector<int64_t>;

}  // namespace

class TstFixedOps : public QObject {
    Q_OBJECT
private slots:
    void matmul_rebases_with_rounding() {
        GraphBuilder b;
        b.input("x", {1, 2}).init("W", {2, 2}, {1.0f, 0.25f, 0.75f, -0.5f}).node("MatMul", {"x", "W"}, {"y"}).output("y");
        // x = [0.5, −1] → [2, −4] at scale 2; W → [[4, 1], [3, −2]].
        // x·W = [2·4 − 4·3, 2·1 + 4·2] = [−4, 10] at scale 4 → ÷4: [−1, 2.5→3] at scale 2.
        const auto r = run(b.g, args_at(2, 2), {{0.5, -1.0}});
        QCOMPARE(values(r, "y"), (V{-1, 3}));
        QCOMPARE(r.values.at("y").scale, 2);
        QVERIFY(r.stats.range_checks.count({0, 3}));  // remainder of ÷4
    }
    void rebase_multiplier_defers_rebasing() {
        GraphBuilder b;
        b.input("x", {1, 2}).init("W", {2, 2}, {1.0f, 0.25f, 0.75f, -0.5f}).node("MatMul", {"x", "W"}, {"y"}).output("y");
        // Scale 4 is not above 2·2: the product stays at scale 4, exact.
        const auto r = run(b.g, args_at(2, 2, 2), {{0.5, -1.0}});
        QCOMPARE(values(r, "y"), (V{-4, 10}));
        QCOMPARE(r.values.at("y").scale, 4);
    }
    void gemm_with_bias_at_product_scale_and_transB() {
        GraphBuilder b;
        b.input("a", {1, 2})
            .init("B", {2, 2}, {1.0f, 0.75f, 0.25f, -0.5f})
            .init("C", {2}, {0.3f, -0.1f})
            .node("Gemm", {"a", "B", "C"}, {"y"}, {{"transB", test::int_attr(1)}})
            .output("y");
        // Bᵀ = [[1, .25], [.75, −.5]] as above: a·Bᵀ = [−4, 10] at scale 4.
        // C at scale 4: [0.3·16 = 4.8 → 5, −0.1·16 = −1.6 → −2]; sum [1, 8] → ÷4: [0.25 → 0, 2].
        const auto r = run(b.g, args_at(2, 2), {{0.5, -1.0}});
        QCOMPARE(values(r, "y"), (V{0, 2}));
    }
    void add_aligns_scales_exactly() {
        GraphBuilder b;
        b.input("x", {1}).node("Mul", {"x", "x"}, {"sq"}).node("Add", {"x", "sq"}, {"y"}).output("y");
        // x = 0.75 → 3 at scale 2; x² = 9 at scale 4 (multiplier 10: no rebase);
        // x raised to scale 4: 12; 12 + 9 = 21 = 1.3125 · 16 = 0.75 + 0.5625.
        const auto r = run(b.g, args_at(2, 2, 10), {{0.75}});
        QCOMPARE(values(r, "y"), (V{21}));
        QCOMPARE(r.values.at("y").scale, 4);
    }
    void div_by_integer_constant_rounds() {
        GraphBuilder b;
        b.input("x", {3}).init("d", {}, {3.0f}).node("Div", {"x", "d"}, {"y"}).output("y");
        // [1, −1, 0.5] → [4, −4, 2]; ÷3 → [1.33 → 1, −1.33 → −1, 0.67 → 1].
        const auto r = run(b.g, args_at(2, 2), {{1.0, -1.0, 0.5}});
        QCOMPARE(values(r, "y"), (V{1, -1, 1}));
        QCOMPARE(r.values.at("y").scale, 2);
    }
    void div_by_fraction_multiplies_by_reciprocal() {
        GraphBuilder b;
        b.input("x", {2}).init("d", {}, {0.5f}).node("Div", {"x", "d"}, {"y"}).output("y");
        // 1/0.5 = 2 → 8 at scale 2; [1, −0.75] → [4, −3]; products [32, −24] at scale 4 → [8, −6].
        const auto r = run(b.g, args_at(2, 2), {{1.0, -0.75}});
        QCOMPARE(values(r, "y"), (V{8, -6}));
    }
    void div_by_runtime_value() {
        GraphBuilder b;
        b.input("a", {2}).input("b", {2}).node("Div", {"a", "b"}, {"y"}).output("y");
        // a = [1, 1] → [4, 4]; b = [0.75, −2] → [3, −8]: round(4·4/3) = 5 (1.25), round(16/−8) = −2 (−0.5).
        const auto r = run(b.g, args_at(2, 2), {{1.0, 1.0}, {0.75, -2.0}});
        QCOMPARE(values(r, "y"), (V{5, -2}));
    }
    void divisor_quantised_to_zero_stands_for_one_step() {
        GraphBuilder b;
        b.input("a", {1}).input("b", {1}).node("Div", {"a", "b"}, {"y"}).output("y");
        // b = 0.1 → 0.4 → 0 at scale 2: taken as 1 step (0.25); a = 1 → 4; round(4·4/1) = 16.
        const auto r = run(b.g, args_at(2, 2), {{1.0}, {0.1}});
        QCOMPARE(values(r, "y"), (V{16}));
    }
    void relu_and_leaky_relu() {
        GraphBuilder b;
        b.input("x", {3})
            .node("Relu", {"x"}, {"r"})
            .node("LeakyRelu", {"x"}, {"l"}, {{"alpha", test::float_attr(0.5f)}})
            .output("r")
            .output("l");
        // x = [−1, 0, 1.25] → [−4, 0, 5]; relu [0, 0, 5].
        // LeakyRelu: α = 0.5 → 2 at scale 2; [−4·2, 0, 5·4] = [−8, 0, 20] at scale 4 → [−2, 0, 5].
        const auto r = run(b.g, args_at(2, 2), {{-1.0, 0.0, 1.25}});
        QCOMPARE(values(r, "r"), (V{0, 0, 5}));
        QCOMPARE(values(r, "l"), (V{-2, 0, 5}));
    }
    void sigmoid_lookup_table_values() {
        GraphBuilder b;
        b.input("x", {3}).node("Sigmoid", {"x"}, {"y"}).output("y");
        // σ(0) = .5 → 2; σ(1) = .731 → 2.92 → 3; σ(−2) = .119 → 0.48 → 0 (scale 2).
        const auto r = run(b.g, args_at(2, 2), {{0.0, 1.0, -2.0}});
        QCOMPARE(values(r, "y"), (V{2, 3, 0}));
        QCOMPARE(r.stats.min_lookup_input, int64_t(-8));
        QCOMPARE(r.stats.max_lookup_input, int64_t(4));
        QCOMPARE(r.stats.lookups.size(), size_t(1));
    }
    void saturation_is_an_error_in_safe_mode() {
        GraphBuilder b;
        b.input("x", {3}).node("Sigmoid", {"x"}, {"y"}).output("y");
        RunArgs a = args_at(2, 2);
        a.lookup_range_lo = -4;
        a.lookup_range_hi = 4;
        try {
            run(b.g, a, {{0.0, 1.0, -2.0}});
            QFAIL("saturation not reported");
        } catch (const ps::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("Sigmoid_0") != std::string::npos, m.c_str());
            QVERIFY2(m.find("[-4, 4]") != std::string::npos, m.c_str());
            QVERIFY2(m.find("lookup_range") != std::string::npos, m.c_str());
            QVERIFY2(m.find("1 of 3") != std::string::npos, m.c_str());
        }
        // UNSAFE: counted, not thrown.
        a.check_mode = CheckMode::Unsafe;
        const auto r = run(b.g, a, {{0.0, 1.0, -2.0}});
        QCOMPARE(r.bounds.at("x").saturated, uint64_t(1));
        QVERIFY((r.bounds.at("x").bounds == std::pair<int64_t, int64_t>{-4, 4}));
    }
    void conv_with_bias() {
        GraphBuilder b;
        b.input("x", {1, 1, 3, 3})
            .init("w", {1, 1, 2, 2}, {1, 0, 0, -1})
            .init("bias", {1}, {1})
            .node("Conv", {"x", "w", "bias"}, {"y"}, {{"kernel_shape", test::ints_attr({2, 2})}})
            .output("y");
        // Each output is x[i][j] − x[i+1][j+1] + 1 = −4 + 1 on 1..9.
        const auto r = run(b.g, args_at(0, 0), {{1, 2, 3, 4, 5, 6, 7, 8, 9}});
        QCOMPARE(values(r, "y"), (V{-3, -3, -3, -3}));
        QCOMPARE(r.values.at("y").t.shape, (model::Shape{1, 1, 2, 2}));
    }
    void conv_with_padding_and_stride() {
        GraphBuilder b;
        b.input("x", {1, 1, 3, 3})
            .init("w", {1, 1, 3, 3}, {0, 0, 0, 0, 1, 0, 0, 0, 1})
            .node("Conv", {"x", "w"}, {"y"},
                  {{"kernel_shape", test::ints_attr({3, 3})}, {"pads", test::ints_attr({1, 1, 1, 1})},
                   {"strides", test::ints_attr({2, 2})}})
            .output("y");
        // Kernel picks x[i][j] + x[i+1][j+1] around centres (0,0), (0,2), (2,0), (2,2):
        // 1+5, 3+0 (beyond the edge), 7+0, 9+0.
        const auto r = run(b.g, args_at(0, 0), {{1, 2, 3, 4, 5, 6, 7, 8, 9}});
        QCOMPARE(values(r, "y"), (V{6, 3, 7, 9}));
    }
    void average_pool_divides_with_rounding() {
        GraphBuilder b;
        b.input("x", {1, 1, 2, 4})
            .node("AveragePool", {"x"}, {"y"}, {{"kernel_shape", test::ints_attr({2, 2})}, {"strides", test::ints_attr({2, 2})}})
            .output("y");
        // Windows {1,2,5,6} = 14/4 = 3.5 → 4 and {3,4,7,9} = 23/4 = 5.75 → 6.
        const auto r = run(b.g, args_at(0, 0), {{1, 2, 3, 4, 5, 6, 7, 9}});
        QCOMPARE(values(r, "y"), (V{4, 6}));
    }
    void softmax_from_exp_table_sum_and_division() {
        GraphBuilder b;
        b.input("x", {1, 2}).node("Softmax", {"x"}, {"y"}).output("y");
        // Scale 4: x = [16, 0]; x − max = [0, −16]; exp table: 16, e^−1·16 = 5.89 → 6; sum 22;
        // outputs round(16·16/22) = round(11.64) = 12 and round(6·16/22) = round(4.36) = 4.
        const auto r = run(b.g, args_at(4, 4), {{1.0, 0.0}});
        QCOMPARE(values(r, "y"), (V{12, 4}));
    }
    void comparisons_and_where() {
        GraphBuilder b;
        b.input("x", {3})
            .init("zero", {}, {0.0f})
            .init("k", {3}, {10, 20, 30})
            .node("Less", {"x", "zero"}, {"neg"})
            .node("Where", {"neg", "k", "x"}, {"y"})
            .output("y");
        b.g.dtypes["neg"] = model::DType::Bool;
        // x = [−1, 2, −0.5] at scale 1 → [−2, 4, −1]; x < 0 → [1, 0, 1];
        // Where picks k (at scale 1: 20, 60) or x: [20, 4, 60].
        const auto r = run(b.g, args_at(1, 1), {{-1.0, 2.0, -0.5}});
        QCOMPARE(values(r, "neg"), (V{1, 0, 1}));
        QCOMPARE(values(r, "y"), (V{20, 4, 60}));
    }
    void concat_aligns_to_the_larger_scale() {
        GraphBuilder b;
        b.input("x", {1}).node("Mul", {"x", "x"}, {"sq"}).node("Concat", {"x", "sq"}, {"y"}, {{"axis", test::int_attr(0)}}).output("y");
        // x = 0.75 → 3 (scale 2); x² = 9 (scale 4); concat at scale 4: [12, 9].
        const auto r = run(b.g, args_at(2, 2, 10), {{0.75}});
        QCOMPARE(values(r, "y"), (V{12, 9}));
    }
    void reduce_mean_rounds() {
        GraphBuilder b;
        b.input("x", {2, 3}).node("ReduceMean", {"x"}, {"y"}, {{"axes", test::ints_attr({1})}, {"keepdims", test::int_attr(0)}}).output("y");
        // Rows 1+2+4 = 7 → 7/3 = 2.33 → 2; −1−2−4 → −2.
        const auto r = run(b.g, args_at(0, 0), {{1, 2, 4, -1, -2, -4}});
        QCOMPARE(values(r, "y"), (V{2, -2}));
        QCOMPARE(r.values.at("y").t.shape, (model::Shape{2}));
    }
    void norm_reductions() {
        GraphBuilder b;
        b.input("x", {1, 3})
            .node("ReduceL1", {"x"}, {"l1"}, {{"axes", test::ints_attr({1})}})
            .node("ReduceL2", {"x"}, {"l2"}, {{"axes", test::ints_attr({1})}})
            .node("Shape", {"x"}, {"shape"})
            .output("l1")
            .output("l2")
            .output("shape");
        // x = [0.75, −1, 0.5] → [3, −4, 2] at scale 2. L1: 3 + 4 + 2 = 9 (2.25).
        // Squares 9 + 16 + 4 = 29 at scale 4 → ÷4 = 7.25 → 7 at scale 2 (1.75);
        // √1.75 = 1.3229 → 5.29 → 5 at scale 2 (float: √1.8125 = 1.346).
        const auto r = run(b.g, args_at(2, 2), {{0.75, -1.0, 0.5}});
        QCOMPARE(values(r, "l1"), (V{9}));
        QCOMPARE(values(r, "l2"), (V{5}));
        QCOMPARE(values(r, "shape"), (V{1, 3}));
        QCOMPARE(r.values.at("shape").scale, 0);
    }
    void batch_norm_folds_to_affine() {
        GraphBuilder b;
        b.input("x", {1, 2, 1, 1})
            .init("g", {2}, {2.0f, 1.0f})
            .init("beta", {2}, {0.5f, 0.0f})
            .init("mu", {2}, {1.0f, 0.0f})
            .init("var", {2}, {1.0f, 4.0f})
            .node("BatchNormalization", {"x", "g", "beta", "mu", "var"}, {"y"}, {{"epsilon", test::float_attr(0.0f)}})
            .output("y");
        // a = [2, 0.5], b = [0.5 − 2, 0] = [−1.5, 0]; x = [1, 2] → y = [0.5, 1]; at scale 2: [2, 4].
        const auto r = run(b.g, args_at(2, 2), {{1.0, 2.0}});
        QCOMPARE(values(r, "y"), (V{2, 4}));
    }
    void reshape_and_transpose_move_exactly() {
        GraphBuilder b;
        b.input("x", {2, 3})
            .init("shape", {2}, {3, 2}, model::DType::Int64)
            .node("Transpose", {"x"}, {"t"}, {{"perm", test::ints_attr({1, 0})}})
            .node("Reshape", {"t", "shape"}, {"y"})
            .output("y");
        // Values far beyond float32's exact range must survive copies unchanged.
        const double big = double(int64_t(1) << 40);
        const auto r = run(b.g, args_at(0, 0), {{big + 1, 2, 3, 4, 5, 6}});
        QCOMPARE(values(r, "y"), (V{int64_t(1LL << 40) + 1, 4, 2, 5, 3, 6}));
    }
    void lookup_overflow_names_the_node() {
        GraphBuilder b;
        b.input("x", {1}).node("Exp", {"x"}, {"y"}).output("y");
        // e^200 · 2^7 ≈ 10^89 has no fixed-point representation.
        try {
            run(b.g, args_at(7, 7), {{200.0}});
            QFAIL("overflow not reported");
        } catch (const ps::Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("Exp_0") != std::string::npos && m.find("lower the scale") != std::string::npos, m.c_str());
        }
    }
    void overflow_names_the_node() {
        GraphBuilder b;
        b.input("x", {1}).node("Mul", {"x", "x"}, {"y"}).node("Mul", {"y", "y"}, {"z"}).output("z");
        // x = 1024 → 2^30 at scale 20; x² = 2^60 at scale 40 still fits (multiplier 10: no
        // rebase); (x²)² = 2^120 does not.
        try {
            run(b.g, args_at(20, 20, 10), {{1024.0}});
            QFAIL("overflow not reported");
        } catch (const ps::Error& e) {
            QVERIFY2(std::string(e.what()).find("Mul_1") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TstFixedOps)
#include "tst_fixed_ops.moc"
